namespace HeatPump.Control
{
    /// <summary>Sub-states. Each belongs to one top-level state; the name says which.</summary>
    public enum SubState
    {
        /// <summary>Off: nothing to do.</summary>
        None = 0,
        /// <summary>Heat or Cool: no call.</summary>
        Idle,
        /// <summary>Heat or Cool: a call, waiting for a start to be allowed (anti-short-cycle, starts cap, quiet shift, power-up delay, lockout).</summary>
        Starting,
        /// <summary>Heat or Cool: compressor running.</summary>
        Running,
        /// <summary>Heat or Cool or Off: compressor stopped, indoor fan running on.</summary>
        Purging,
        /// <summary>Defrost: compressor stopped, waiting for the quiet shift into cooling position.</summary>
        ShiftIn,
        /// <summary>Defrost: compressor running in cooling position, outdoor fan off, ice melting.</summary>
        Melting,
        /// <summary>Defrost: compressor stopped, melt water draining, fans off.</summary>
        Drip,
        /// <summary>Defrost: valve back to heating position, waiting to restart in heat.</summary>
        ShiftOut,
        /// <summary>Fault: compressor stopped, waiting to retry.</summary>
        Waiting,
        /// <summary>Fault: too many faults of one kind in an hour; waits for a reset.</summary>
        Lockout,
    }
}
