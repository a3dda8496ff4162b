using HeatPump.Control.Sensors;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>
    /// Everything outside the panel that the display shows, as plain values copied once per tick:
    /// the controller's state and hold, the three sensors, what the guard drove and when it allows
    /// the next start. A value, so tests can set any situation directly and rendering reads no object
    /// that might change under it.
    /// </summary>
    public struct DisplayInputs
    {
        /// <summary>Monotonic time, ms.</summary>
        public long NowMs;

        /// <summary>Controller top-level state.</summary>
        public TopState State;

        /// <summary>Controller sub-state.</summary>
        public SubState Sub;

        /// <summary>Why a wanted start is held back, or None.</summary>
        public HoldReason Hold;

        /// <summary>When <see cref="Hold"/> ends, ms; long.MaxValue when it ends on a condition.</summary>
        public long HoldUntilMs;

        /// <summary>Active or last fault kind.</summary>
        public FaultKind Fault;

        /// <summary>Locked out after repeated faults.</summary>
        public bool LockedOut;

        /// <summary>Indoor sensor health.</summary>
        public SensorHealth IndoorHealth;

        /// <summary>Indoor temperature, °C.</summary>
        public float IndoorC;

        /// <summary>Outdoor sensor health.</summary>
        public SensorHealth OutdoorHealth;

        /// <summary>Outdoor temperature, °C.</summary>
        public float OutdoorC;

        /// <summary>Coil sensor health.</summary>
        public SensorHealth CoilHealth;

        /// <summary>Coil temperature, °C.</summary>
        public float CoilC;

        /// <summary>What the guard drove this tick.</summary>
        public OutputState Driven;

        /// <summary>The guard's timers as of <see cref="NowMs"/>.</summary>
        public GuardFeedback Guard;

        /// <summary>The guard held back a start or a valve move that was asked for this tick.</summary>
        public bool GuardRefused;

        /// <summary>Why, as the guard recorded it (None: for none of the reasons the panel names).</summary>
        public HoldReason GuardRefusal;

        /// <summary>When <see cref="GuardRefusal"/> ends, ms; long.MaxValue when it ends on a condition.</summary>
        public long GuardRefusedUntilMs;

        /// <summary>The stored settings were unreadable at start-up and defaults are in use.</summary>
        public bool SettingsCorrupt;

        /// <summary>The pressure switches are wired in series with the contactor: the board cannot see a trip.</summary>
        public bool SwitchesInSeries;

        /// <summary>Where the commissioning run stands (Done: its result is shown until a key is pressed).</summary>
        public Commissioning.CommissioningStep CommissioningStep;

        /// <summary>The finished run's findings (<see cref="Commissioning.CommissioningRun.Findings"/>).</summary>
        public int CommissioningFindings;

        /// <summary>A commissioning report is held (from flash, or a run since power-up).</summary>
        public bool ReportPresent;

        /// <summary>The held report's findings.</summary>
        public int ReportFindings;

        /// <summary>Why the controller asked for aux heat this tick, or None.</summary>
        public AuxReason AuxReason;
    }
}
