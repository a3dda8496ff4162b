using HeatPump.Control.Settings;

namespace HeatPump.Control
{
    /// <summary>
    /// The heat pump state machine: one run-to-completion step per tick, from
    /// <see cref="ControllerInputs"/> to the commanded <see cref="OutputState"/>. Pure: no clock,
    /// no I/O, no allocation after construction.
    /// </summary>
    public sealed class Controller
    {
        private readonly ControllerSettings _settings;

        /// <summary>Creates a controller in the power-up state (Off) at <paramref name="nowMs"/>.</summary>
        public Controller(ControllerSettings settings, long nowMs)
        {
            _settings = settings;
            StateSinceMs = nowMs;
            AutomaticDefrost = true;
        }

        /// <summary>True (the default) when the controller starts defrosts by its own strategy; false when only a forced request may start one.</summary>
        public bool AutomaticDefrost { get; set; }

        /// <summary>Top-level state.</summary>
        public TopState State { get; private set; }

        /// <summary>Sub-state within <see cref="State"/>.</summary>
        public SubState Sub { get; private set; }

        /// <summary>When the present state was entered, ms.</summary>
        public long StateSinceMs { get; private set; }

        /// <summary>Why a wanted compressor start is held back, or None.</summary>
        public HoldReason Hold { get; private set; }

        /// <summary>When <see cref="Hold"/> ends, ms; long.MaxValue when it ends on a condition, not a time (lockouts).</summary>
        public long HoldUntilMs { get; private set; }

        /// <summary>The active or last fault kind (None when healthy).</summary>
        public FaultKind Fault { get; private set; }

        /// <summary>True while locked out after repeated faults.</summary>
        public bool LockedOut
        {
            get { return Sub == SubState.Lockout; }
        }

        /// <summary>Defrosts since power-up.</summary>
        public int DefrostCount { get; private set; }

        /// <summary>What started the last defrost.</summary>
        public DefrostCause LastDefrostCause { get; private set; }

        /// <summary>What ended the last defrost.</summary>
        public DefrostEnd LastDefrostEnd { get; private set; }

        /// <summary>Advances the state machine by one tick and returns what it wants the outputs to be.</summary>
        public OutputState Step(ref ControllerInputs inputs)
        {
            return OutputState.AllOff();
        }
    }
}
