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

    /// <summary>Why a wanted compressor start is held back; shown on the panel with the time left.</summary>
    public enum HoldReason
    {
        /// <summary>Nothing holds the start.</summary>
        None = 0,
        /// <summary>Minimum off time not yet over.</summary>
        AntiShortCycle,
        /// <summary>Power-up delay (minimum off time plus stagger).</summary>
        PowerUpDelay,
        /// <summary>Starts-per-hour cap reached.</summary>
        StartsPerHour,
        /// <summary>Reversing valve waiting for the quiet-shift time.</summary>
        QuietShift,
        /// <summary>Outdoor too cold to heat with the compressor.</summary>
        HeatLockout,
        /// <summary>Outdoor too cold to cool.</summary>
        CoolLockout,
        /// <summary>No trusted indoor reading yet.</summary>
        NoIndoorReading,
        /// <summary>Cooling held: the condensate overflow switch is open (docs/commissioning.md).</summary>
        DrainOpen,
        /// <summary>Cooling locked out after repeated drain trips; heating goes on.</summary>
        DrainLockout,
    }

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

    /// <summary>Why the last defrost started and ended (for the log, the panel and the simulator's KPIs).</summary>
    public enum DefrostCause
    {
        /// <summary>No defrost yet.</summary>
        None = 0,
        /// <summary>Time-temperature: the interval of frosting run time elapsed.</summary>
        Interval,
        /// <summary>Demand: the coil ΔT rose above the clean-coil ΔT plus margin.</summary>
        Demand,
        /// <summary>Demand backstop: frosting run time reached its maximum.</summary>
        Backstop,
        /// <summary>Coil sensor lost: fixed interval of run time.</summary>
        TimeOnly,
        /// <summary>Asked for from outside: the panel's service key or a test rig.</summary>
        Requested,
    }

    /// <summary>How the last defrost ended.</summary>
    public enum DefrostEnd
    {
        /// <summary>Not ended yet, or none.</summary>
        None = 0,
        /// <summary>Coil reached the end temperature.</summary>
        CoilTemperature,
        /// <summary>Maximum defrost time reached.</summary>
        MaxTime,
        /// <summary>Cut short (mode off, fault, pressure trip).</summary>
        Aborted,
    }
}
