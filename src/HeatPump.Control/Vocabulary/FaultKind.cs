namespace HeatPump.Control
{
    /// <summary>What kind of fault; each kind counts separately toward a lockout.</summary>
    public enum FaultKind
    {
        /// <summary>No fault.</summary>
        None = 0,
        /// <summary>Indoor sensor failed: nothing to control on (E1).</summary>
        IndoorSensor = 1,
        /// <summary>High-pressure switch tripped (E2).</summary>
        HighPressure = 2,
        /// <summary>Low-pressure switch tripped (E3).</summary>
        LowPressure = 3,
        /// <summary>Self-check: the outdoor coil ran on the wrong side of outdoor air, so the reversing valve is wired or set the wrong way round (E4).</summary>
        ReversedValve = 4,
        /// <summary>Self-check: the outdoor reading followed the compressor, or the coil reading followed outdoor air, so the probes are swapped or misplaced (E5).</summary>
        ProbesSwapped = 5,
        /// <summary>The condensate overflow switch opened while cooling: the drain pan is full or its switch unwired (E6).</summary>
        DrainOverflow = 6,
    }
}
