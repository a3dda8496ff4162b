namespace HeatPump.Control
{
    /// <summary>Top-level states of the controller (docs/state-machine.md). The user's mode is separate: see <see cref="UserMode"/>.</summary>
    public enum TopState
    {
        /// <summary>No heating or cooling wanted; outputs off apart from fan run-on.</summary>
        Off = 0,
        /// <summary>Heating mode selected: idle, starting, running or purging.</summary>
        Heat,
        /// <summary>Cooling mode selected: idle, starting, running or purging.</summary>
        Cool,
        /// <summary>Reverse-cycle defrost of the outdoor coil.</summary>
        Defrost,
        /// <summary>A fault stopped the compressor; retrying, or locked out.</summary>
        Fault,
    }
}
