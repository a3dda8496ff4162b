using HeatPump.Control.Defrost;
using HeatPump.Control.Settings;

namespace HeatPump.Control.States
{
    /// <summary>
    /// The heat pump state machine's dispatcher: one run-to-completion step per tick, from
    /// <see cref="ValidatedInputs"/> to the commanded <see cref="OutputState"/>. Pure: no clock,
    /// no I/O, no allocation after construction. The states Off, Heat, Cool, Defrost and Fault are a
    /// class each beside this one, with entry and exit actions and the hooks of
    /// <see cref="ControllerState"/>; the dispatcher asks the present state, never which state it is.
    /// Every transition is taken by naming its row of <see cref="TransitionTable"/>.
    /// </summary>
    public sealed class Controller
    {
        /// <summary>A step may hand over between states at most this often (e.g. Fault → Off → Heat).</summary>
        private const int MaxHandoversPerStep = 3;

        private readonly ControllerContext _c;
        private readonly ControllerState[] _states;
        private readonly DefrostState _defrost;
        private readonly InstallCheck _install = new InstallCheck();
        private readonly AuxStaging _aux = new AuxStaging();
        private ControllerState _current;
        private long _lastNowMs;
        private float _lastIndoorDuty;

        /// <summary>Creates a controller in the power-up state (Off) at <paramref name="nowMs"/>.</summary>
        public Controller(ControllerSettings settings, long nowMs)
        {
            _c = new ControllerContext(settings);
            _defrost = new DefrostState();
            _states = new ControllerState[] { new OffState(), new HeatState(), new CoolState(), _defrost, new FaultState() };
            _current = _states[(int)TopState.Off];
            _c.SwitchTo(TopState.Off);
            _c.In.NowMs = nowMs;
            _lastNowMs = nowMs;
            StateSinceMs = nowMs;
        }

        /// <summary>Top-level state.</summary>
        public TopState State
        {
            get { return _c.State; }
        }

        /// <summary>Sub-state within <see cref="State"/>.</summary>
        public SubState Sub
        {
            get { return _c.Sub; }
        }

        /// <summary>When the present top-level state was entered, ms.</summary>
        public long StateSinceMs { get; private set; }

        /// <summary>Why a wanted compressor start is held back, or None.</summary>
        public HoldReason Hold
        {
            get { return _c.Hold; }
        }

        /// <summary>When <see cref="Hold"/> ends, ms; long.MaxValue when it ends on a condition, not a time (lockouts).</summary>
        public long HoldUntilMs
        {
            get { return _c.HoldUntilMs; }
        }

        /// <summary>The fault being handled, or None.</summary>
        public FaultKind Fault
        {
            get { return _c.ActiveFault; }
        }

        /// <summary>Faults of <paramref name="kind"/> the controller has handled since power-up (pressure trips, self-checks).</summary>
        public int FaultCount(FaultKind kind)
        {
            return _c.Faults.Total(kind);
        }

        /// <summary>True while locked out after repeated faults.</summary>
        public bool LockedOut
        {
            get { return _current.LockedOut(_c); }
        }

        /// <summary>True while the outdoor temperature locks heating by compressor out.</summary>
        public bool HeatLockedOut
        {
            get { return _c.HeatLockedOut; }
        }

        /// <summary>True while repeated drain trips lock cooling out (until MODE held 10 s, a power cycle or the timed retry).</summary>
        public bool DrainLockedOut
        {
            get { return _c.DrainLockedOut; }
        }

        /// <summary>True while the outdoor temperature locks cooling out.</summary>
        public bool CoolLockedOut
        {
            get { return _c.CoolLockedOut; }
        }

        /// <summary>Why aux heat is on this tick (droop, lockout, defrost, emergency, compressor fault), or None.</summary>
        public AuxReason AuxReason
        {
            get { return _aux.Reason; }
        }

        /// <summary>Defrosts since power-up.</summary>
        public int DefrostCount
        {
            get { return _defrost.Count; }
        }

        /// <summary>What started the last defrost.</summary>
        public DefrostCause LastDefrostCause
        {
            get { return _defrost.LastCause; }
        }

        /// <summary>What ended the last defrost.</summary>
        public DefrostEnd LastDefrostEnd
        {
            get { return _defrost.LastEnd; }
        }

        /// <summary>The defrost scheduler (frosting run time, learned clean-coil ΔT), for the panel and the log.</summary>
        public DefrostScheduler DefrostScheduler
        {
            get { return _c.Defrost; }
        }

        /// <summary>
        /// When false the controller starts no defrost of its own and only honours
        /// <see cref="ValidatedInputs.DefrostRequested"/>: for test rigs that decide defrosts from
        /// outside (the simulator's oracle). Always true on a board.
        /// </summary>
        public bool AutomaticDefrost
        {
            get { return _c.AutomaticDefrost; }
            set { _c.AutomaticDefrost = value; }
        }

        /// <summary>Rows of <see cref="TransitionTable"/> taken from a state or sub-state they do not leave (a bug if not 0).</summary>
        public int UnlistedTransitions
        {
            get { return _c.Unlisted; }
        }

        /// <summary>How often row <paramref name="row"/> of <see cref="TransitionTable"/> has been taken.</summary>
        public int TransitionVisits(int row)
        {
            return _c.Visits[row];
        }

        /// <summary>How often the row named <paramref name="row"/> has been taken.</summary>
        public int TransitionVisits(Row row)
        {
            return _c.Visits[(int)row];
        }

        /// <summary>
        /// Back to the power-up state at <paramref name="nowMs"/> without a transition: Off, no fault,
        /// no fan run-on, ambient lockouts judged afresh, defrost timers and the learned clean-coil ΔT
        /// forgotten — as after a power cycle. Used when output-test mode hands the outputs back. A fault
        /// lockout is the exception: it stays, with its fault history, because its only resets are
        /// MODE held 10 s and a real power cycle (docs/front-panel.md), and output-test mode is neither.
        /// </summary>
        public void PowerUp(long nowMs)
        {
            ControllerContext c = _c;
            c.CancelRunOn();
            c.HeatLockedOut = false;
            c.CoolLockedOut = false;
            c.Defrost.Reset();
            _install.Reset();
            _aux.Reset();
            c.SetHold(HoldReason.None, 0);
            _lastNowMs = nowMs;
            _lastIndoorDuty = 0f;
            if (LockedOut)
            {
                return;
            }

            StateSinceMs = nowMs;
            _current = _states[(int)TopState.Off];
            c.SwitchTo(TopState.Off);
            c.ActiveFault = FaultKind.None;
            c.Faults.Clear();
        }

        /// <summary>
        /// A pressure switch opened under a compressor that output-test mode was running: recorded like a
        /// trip in normal running, so three in an hour lock the unit out (and output-test mode then refuses
        /// to run it until <see cref="AcknowledgeLockout"/>).
        /// </summary>
        public void RecordTestRunTrip(FaultKind kind, long nowMs)
        {
            ControllerContext c = _c;
            c.In.NowMs = nowMs;
            Row into;
            if (!_current.RecordTestRunTrip(c, kind) && _current.IntoFault(out into))
            {
                c.ActiveFault = kind;
                c.Go(into);
                TakeTransition();
            }
        }

        /// <summary>The user acknowledged a lockout (MODE held 10 s) while the controller is not stepped (output-test mode): the fault history is cleared and the unit may run again.</summary>
        public void AcknowledgeLockout()
        {
            if (!LockedOut)
            {
                return;
            }

            _c.Faults.Clear();
            _c.Go(Row.FaultLockoutToWaiting);
        }

        /// <summary>
        /// Advances the state machine by one tick and writes what it wants the outputs to be into
        /// <paramref name="requested"/> (by reference: on nanoCLR a returned struct is a heap copy).
        /// </summary>
        public void Step(ref ValidatedInputs inputs, ref OutputState requested)
        {
            ControllerContext c = _c;
            c.In.CopyFrom(ref inputs);
            c.ElapsedMs = inputs.NowMs - _lastNowMs;
            _lastNowMs = inputs.NowMs;
            c.Out = new OutputState();
            c.SetHold(HoldReason.None, 0);

            UpdateLockouts();
            if (c.DrainLockedOut && (inputs.ResetRequested || c.Now - c.DrainLockedAtMs >= FaultState.LockoutRetryMs))
            {
                c.DrainLockedOut = false;
                if (inputs.ResetRequested)
                {
                    c.Faults.Clear();
                }
            }

            c.Defrost.ObserveRoom(inputs.IndoorValid, inputs.IndoorC, c.Settings.HeatSetpointC + c.Settings.Tenths(SettingId.HeatOverrun));
            c.Defrost.Observe(c.ElapsedMs, _current.HeatingRunMs(c), inputs.OutdoorValid, inputs.OutdoorC, inputs.CoilValid, inputs.CoilC);
            _current.Observe(c);

            Row into;
            FaultKind fault = DetectFault(out into);
            if (fault != FaultKind.None)
            {
                c.ActiveFault = fault;
                c.Go(into);
                TakeTransition();
            }

            TopState desired = Desired();
            for (int i = 0; i < MaxHandoversPerStep; i++)
            {
                c.Out = new OutputState();
                _current.Step(c, desired);
                if (!TakeTransition())
                {
                    break;
                }
            }

            _aux.Step(c, _current.AuxRole);
            ApplyFans();
            _aux.Purge(c);
            requested.CopyFrom(ref c.Out);
        }

        /// <summary>Takes the top-level row named since the last call, if any: the exit action, the new state, its entry action.</summary>
        private bool TakeTransition()
        {
            ControllerContext c = _c;
            Row row;
            if (!c.TakePending(out row))
            {
                return false;
            }

            TopState from = _current.Id;
            TopState next = TransitionTable.At(row).To;
            _current.Exit(c, next);
            _current = _states[(int)next];
            c.SwitchTo(next);
            StateSinceMs = c.Now;
            _current.Enter(c, from);
            return true;
        }

        /// <summary>The fault to handle now, if any, with the row that takes the present state into Fault.</summary>
        private FaultKind DetectFault(out Row into)
        {
            ControllerContext c = _c;
            if (!_current.IntoFault(out into))
            {
                _install.Reset();
                return FaultKind.None;
            }

            // A defrost under way finishes on time or coil temperature first (I4's exception).
            if (c.In.IndoorFailed && !_current.FinishesWithoutIndoorReading)
            {
                return FaultKind.IndoorSensor;
            }

            if (c.In.HighPressureTripped && c.CompressorOn)
            {
                return FaultKind.HighPressure;
            }

            if (c.In.LowPressureTripped && c.CompressorOn && !_current.ExpectsLowSuction
                && c.CompressorForMs >= ControllerContext.LowPressureBypassMs)
            {
                return FaultKind.LowPressure;
            }

            // A full condensate pan stops cooling at once; the cooling lockout keeps it from restarting.
            if (c.In.DrainOpen && c.CompressorOn && _current.MakesCondensate)
            {
                return FaultKind.DrainOverflow;
            }

            return _install.Check(c, _current.SteadyConditioning);
        }

        /// <summary>The state the user's mode asks for now; Auto changes over only from idle, in the states themselves.</summary>
        private TopState Desired()
        {
            ControllerContext c = _c;
            ControllerSettings s = c.Settings;
            switch (s.Mode)
            {
                case UserMode.Heat:
                    return TopState.Heat;
                case UserMode.Cool:
                    return TopState.Cool;
                case UserMode.Auto:
                    break;
                default:
                    return TopState.Off;
            }

            TopState side = _current.AutoSide;
            if (!c.In.IndoorValid)
            {
                return side == TopState.Cool ? TopState.Cool : TopState.Heat;
            }

            float t = c.In.IndoorC;
            if (side == TopState.Cool)
            {
                return t < s.HeatSetpointC - s.Tenths(SettingId.HeatDeadband) ? TopState.Heat : TopState.Cool;
            }

            if (side == TopState.Heat)
            {
                return t > s.CoolSetpointC + s.Tenths(SettingId.CoolDeadband) ? TopState.Cool : TopState.Heat;
            }

            return t < (s.HeatSetpointC + s.CoolSetpointC) / 2f ? TopState.Heat : TopState.Cool;
        }

        private void UpdateLockouts()
        {
            ControllerContext c = _c;
            if (!c.In.OutdoorValid)
            {
                // Without an outdoor reading the lockouts cannot be judged, so each falls the safe way
                // (docs/safety.md): heating goes on — a house left unheated freezes its pipes — and
                // cooling stays locked out, because cooling in frost ices the indoor coil and slugs
                // the compressor with liquid.
                c.HeatLockedOut = false;
                c.CoolLockedOut = true;
                return;
            }

            float to = c.In.OutdoorC;
            float heatLimit = c.Settings.Tenths(SettingId.HeatLockoutOutdoor);
            float coolLimit = c.Settings.Tenths(SettingId.CoolLockoutOutdoor);
            c.HeatLockedOut = to < (c.HeatLockedOut ? heatLimit + ControllerContext.LockoutHysteresisK : heatLimit);
            c.CoolLockedOut = to < (c.CoolLockedOut ? coolLimit + ControllerContext.LockoutHysteresisK : coolLimit);
        }

        /// <summary>Run-on, continuous fan and single-motor units: the fan rules that cut across states.</summary>
        private void ApplyFans()
        {
            ControllerContext c = _c;
            ControllerSettings s = c.Settings;
            bool runOn = _current.AllowsFanRunOn;

            if (c.CompressorOn && !c.Out.Compressor && runOn && _lastIndoorDuty > 0f)
            {
                // The coil is still warm (or cold): use it at minimum duty, a gentle draught that
                // costs little fan power (which goes with the cube of the duty).
                c.StartRunOn(s.Fraction(SettingId.IndoorFanMinDuty));
            }

            if (c.Out.IndoorFanDuty <= 0f && c.RunOnActive && runOn)
            {
                c.Out.IndoorFanDuty = c.RunOnDuty;
            }

            if (c.Out.IndoorFanDuty <= 0f && s.IsOn(SettingId.IndoorFanContinuous) && _current.AllowsContinuousFan)
            {
                c.Out.IndoorFanDuty = s.Fraction(SettingId.IndoorFanMinDuty);
            }

            if (s.IsOn(SettingId.SingleFanMotor))
            {
                // One motor turns both fans: it runs when either is wanted, and never while the defrost
                // keeps its outdoor coil in still air (the restart in heat that ends a defrost needs it).
                float d = c.Out.IndoorFanDuty > c.Out.OutdoorFanDuty ? c.Out.IndoorFanDuty : c.Out.OutdoorFanDuty;
                if (c.Out.Defrost)
                {
                    d = 0f;
                }

                c.Out.IndoorFanDuty = d;
                c.Out.OutdoorFanDuty = d;
            }

            _lastIndoorDuty = c.Out.IndoorFanDuty;
        }
    }
}
