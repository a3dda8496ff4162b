namespace HeatPump.Control
{
    /// <summary>How a status LED is lit.</summary>
    public enum LedState
    {
        /// <summary>Dark.</summary>
        Off = 0,
        /// <summary>Steady on.</summary>
        On,
        /// <summary>Blinking at 1 Hz: waiting (a held start) or a lockout.</summary>
        Blink,
    }
}
