namespace HeatPump.Control.Commissioning
{
    /// <summary>Why a mode of the run was not tested.</summary>
    public enum UntestedReason
    {
        /// <summary>It was tested.</summary>
        None = 0,

        /// <summary>Outdoor or indoor temperature outside the range the mode can be tested in.</summary>
        Weather = 1,

        /// <summary>The unit is locked out after repeated faults.</summary>
        Lockout = 2,

        /// <summary>The condensate overflow switch is open (cooling only).</summary>
        Drain = 3,

        /// <summary>The guard held or stopped the compressor for longer than the run waits (starts per hour, a lost reading).</summary>
        Held = 4,
    }
}
