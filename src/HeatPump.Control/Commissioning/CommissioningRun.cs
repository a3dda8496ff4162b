using HeatPump.Control.Settings;

namespace HeatPump.Control.Commissioning
{
    /// <summary>Where a commissioning run stands.</summary>
    public enum CommissioningStep
    {
        /// <summary>No run since power-up.</summary>
        Idle = 0,

        /// <summary>Waiting for the valve's quiet shift and the guard's min-off before cooling.</summary>
        PrepareCooling = 1,

        /// <summary>Cooling for <see cref="CommissioningRun.RunMs"/>.</summary>
        Cooling = 2,

        /// <summary>Waiting for the quiet shift and min-off before heating.</summary>
        PrepareHeating = 3,

        /// <summary>Heating for <see cref="CommissioningRun.RunMs"/>.</summary>
        Heating = 4,

        /// <summary>Finished: the findings are ready.</summary>
        Done = 5,
    }

    /// <summary>
    /// The installer's commissioning run (docs/commissioning.md): cooling, then heating, each for
    /// <see cref="RunMs"/>, with no extra hardware. It asks for outputs the way the controller does —
    /// the valve only after the quiet shift, the compressor only when the guard's min-off and
    /// starts cap allow it — and everything it asks for still goes through the guard, which it cannot
    /// bypass. It reads what the probes do and turns the two modes' readings into findings. Pure: time
    /// arrives in the inputs; allocates nothing in a tick.
    /// </summary>
    public sealed class CommissioningRun
    {
        /// <summary>How long each mode runs before it is judged, ms (6 min: the coil has settled and a lagging probe followed it).</summary>
        public const long RunMs = 360000;

        /// <summary>How long a mode waits for the guard to allow its start before it is reported not tested, ms.</summary>
        public const long StartBudgetMs = 1200000;

        /// <summary>The low-pressure switch dips at a start; it is read only from this long into a run, as in normal running, ms.</summary>
        public const long LowPressureBypassMs = 120000;

        /// <summary>Cooling is tested from this far above the cooling lockout, K.</summary>
        public const float LockoutMarginK = 2f;

        /// <summary>Warmest outdoor air in which heating is tested, °C: above it the head pressure nears its limit.</summary>
        public const float HeatingMaxOutdoorC = 24f;

        /// <summary>Warmest room in which heating is tested, °C.</summary>
        public const float HeatingMaxIndoorC = 27f;

        /// <summary>Hottest outdoor air in which cooling is tested, °C.</summary>
        public const float CoolingMaxOutdoorC = 46f;

        /// <summary>Coolest room in which cooling is tested, °C: below it the indoor coil may ice.</summary>
        public const float CoolingMinIndoorC = 18f;

        private readonly ControllerSettings _settings;
        private readonly ModeCheck _cooling = new ModeCheck(false);
        private readonly ModeCheck _heating = new ModeCheck(true);
        private bool _drainSeenOpen;
        private bool _startAsked;

        /// <summary>A run that reads its limits from <paramref name="settings"/>.</summary>
        public CommissioningRun(ControllerSettings settings)
        {
            _settings = settings;
        }

        /// <summary>Where the run stands.</summary>
        public CommissioningStep Step { get; private set; }

        /// <summary>True while the run drives the outputs.</summary>
        public bool Active
        {
            get { return Step != CommissioningStep.Idle && Step != CommissioningStep.Done; }
        }

        /// <summary>When the run was started, ms of uptime.</summary>
        public long StartedMs { get; private set; }

        /// <summary>When the present step began, ms.</summary>
        public long StepSinceMs { get; private set; }

        /// <summary>When the run finished, ms of uptime (valid once <see cref="Step"/> is Done).</summary>
        public long FinishedMs { get; private set; }

        /// <summary>The findings of the finished run as a bit set: bit n for <see cref="CommissioningFinding"/> n.</summary>
        public int Findings { get; private set; }

        /// <summary>The pressure switch that opened this tick under the run's compressor (the core counts it as a trip), or None.</summary>
        public FaultKind TripThisTick { get; private set; }

        /// <summary>The cooling half.</summary>
        public ModeCheck CoolingCheck
        {
            get { return _cooling; }
        }

        /// <summary>The heating half.</summary>
        public ModeCheck HeatingCheck
        {
            get { return _heating; }
        }

        /// <summary>True when the finished run found nothing wrong (a missing supply probe is a note, not a fault).</summary>
        public bool Passed
        {
            get { return Step == CommissioningStep.Done && (Findings & ~Bit(CommissioningFinding.SplitNotChecked)) == 0; }
        }

        /// <summary>True when the finished run holds <paramref name="finding"/>.</summary>
        public bool Has(CommissioningFinding finding)
        {
            return (Findings & Bit(finding)) != 0;
        }

        /// <summary>The bit of <paramref name="finding"/> in <see cref="Findings"/>.</summary>
        public static int Bit(CommissioningFinding finding)
        {
            return 1 << (int)finding;
        }

        /// <summary>Starts a run at <paramref name="nowMs"/>; a run under way starts again from cooling.</summary>
        public void Start(long nowMs)
        {
            _cooling.Clear();
            _heating.Clear();
            _drainSeenOpen = false;
            Findings = 0;
            StartedMs = nowMs;
            Enter(CommissioningStep.PrepareCooling, nowMs);
        }

        /// <summary>The installer has seen the finished run's result: back to Idle (the report stays).</summary>
        public void Acknowledge()
        {
            if (Step == CommissioningStep.Done)
            {
                Step = CommissioningStep.Idle;
            }
        }

        /// <summary>Stops a run under way (the installer cancelled it): back to Idle, no findings kept.</summary>
        public void Cancel()
        {
            if (Active)
            {
                Step = CommissioningStep.Idle;
            }
        }

        /// <summary>
        /// One tick of the run: reads <paramref name="x"/> (the validated readings, switches and the
        /// guard's feedback), writes what it wants into <paramref name="o"/> (cleared first).
        /// </summary>
        /// <param name="x">This tick's controller inputs.</param>
        /// <param name="supplyValid">The supply-air probe has a trusted reading.</param>
        /// <param name="supplyC">Its reading, °C.</param>
        /// <param name="lockedOut">The unit is locked out after repeated faults: nothing that moves heat may run.</param>
        /// <param name="o">Receives the outputs the run asks for.</param>
        public void Tick(ref ControllerInputs x, bool supplyValid, float supplyC, bool lockedOut, ref OutputState o)
        {
            o = new OutputState();
            TripThisTick = FaultKind.None;
            if (x.DrainOpen)
            {
                _drainSeenOpen = true;
            }

            switch (Step)
            {
                case CommissioningStep.PrepareCooling:
                    Prepare(_cooling, ref x, lockedOut, ref o);
                    break;
                case CommissioningStep.Cooling:
                    Run(_cooling, ref x, supplyValid, supplyC, ref o);
                    break;
                case CommissioningStep.PrepareHeating:
                    Prepare(_heating, ref x, lockedOut, ref o);
                    break;
                case CommissioningStep.Heating:
                    Run(_heating, ref x, supplyValid, supplyC, ref o);
                    break;
                default:
                    break;
            }
        }

        private void Prepare(ModeCheck m, ref ControllerInputs x, bool lockedOut, ref OutputState o)
        {
            bool heating = m.Heating;
            long now = x.NowMs;
            UntestedReason skip = UntestedReason.None;
            if (lockedOut)
            {
                skip = UntestedReason.Lockout;
            }
            else if (!heating && x.DrainOpen)
            {
                skip = UntestedReason.Drain;
            }
            else if (now - StepSinceMs >= StartBudgetMs)
            {
                skip = UntestedReason.Held;
            }

            if (skip != UntestedReason.None)
            {
                m.Skip(skip);
                Next(now);
                return;
            }

            bool position = ValveFor(heating);
            if (x.Guard.ValveEnergised != position)
            {
                // The valve moves first, once the compressor has been stopped for the quiet-shift time.
                bool mayMove = !x.Guard.CompressorOn && now >= x.Guard.ValveChangeAllowedAtMs;
                o.ValveEnergised = mayMove ? position : x.Guard.ValveEnergised;
                return;
            }

            o.ValveEnergised = position;
            if (x.Guard.CompressorOn && !_startAsked)
            {
                // Still running from before the run (the controller's own cycle): stop it first.
                return;
            }

            if (x.Guard.CompressorOn)
            {
                // The start asked for last tick went through: the run begins.
                Enter(heating ? CommissioningStep.Heating : CommissioningStep.Cooling, now);
                Drive(heating, ref o);
                return;
            }

            if (now >= x.Guard.StartAllowedAtMs && !WeatherAllows(heating, ref x))
            {
                // Judged when the start is due, not before: the coil warmed or chilled by the last
                // mode has had min-off to return to the air.
                m.Skip(UntestedReason.Weather);
                Next(now);
                return;
            }

            if (now >= x.Guard.StartAllowedAtMs && x.IndoorValid && !x.HighPressureTripped && !x.LowPressureTripped)
            {
                _startAsked = true;
                m.Begin(ref x);
                Drive(heating, ref o);
            }
        }

        private void Run(ModeCheck m, ref ControllerInputs x, bool supplyValid, float supplyC, ref OutputState o)
        {
            bool heating = m.Heating;
            long now = x.NowMs;
            long ran = now - StepSinceMs;
            FaultKind trip = FaultKind.None;
            if (x.HighPressureTripped)
            {
                trip = FaultKind.HighPressure;
            }
            else if (x.LowPressureTripped && ran >= LowPressureBypassMs)
            {
                trip = FaultKind.LowPressure;
            }

            if (trip != FaultKind.None)
            {
                // The switch stops the run at once, and the core counts the trip toward a lockout.
                TripThisTick = trip;
                m.End(ref x, supplyValid, supplyC, trip);
                o.Fault = true;
                Next(now);
                return;
            }

            if (!heating && x.DrainOpen)
            {
                m.Skip(UntestedReason.Drain);
                Next(now);
                return;
            }

            if (!x.Guard.CompressorOn || !x.OutdoorValid || !x.CoilValid)
            {
                // The guard stopped it (a lost reading, a lockout limit) or a probe was lost: nothing to judge.
                m.Skip(UntestedReason.Held);
                Next(now);
                return;
            }

            if (ran >= RunMs)
            {
                m.End(ref x, supplyValid, supplyC, FaultKind.None);
                Next(now);
                return;
            }

            o.ValveEnergised = ValveFor(heating);
            Drive(heating, ref o);
        }

        private void Drive(bool heating, ref OutputState o)
        {
            o.Compressor = true;
            o.ValveEnergised = ValveFor(heating);
            o.OutdoorFanDuty = _settings.Fraction(SettingId.OutdoorFanDuty);
            o.IndoorFanDuty = _settings.Fraction(SettingId.IndoorFanMaxDuty);
        }

        private void Next(long nowMs)
        {
            if (Step == CommissioningStep.PrepareCooling || Step == CommissioningStep.Cooling)
            {
                Enter(CommissioningStep.PrepareHeating, nowMs);
                return;
            }

            FinishedMs = nowMs;
            Findings = Judge();
            Enter(CommissioningStep.Done, nowMs);
        }

        private void Enter(CommissioningStep step, long nowMs)
        {
            Step = step;
            StepSinceMs = nowMs;
            _startAsked = false;
        }

        private bool WeatherAllows(bool heating, ref ControllerInputs x)
        {
            if (!x.OutdoorValid || !x.CoilValid || !x.IndoorValid)
            {
                return false;
            }

            if (heating)
            {
                float low = _settings.Tenths(SettingId.HeatLockoutOutdoor) + LockoutMarginK;
                return x.OutdoorC >= low && x.OutdoorC <= HeatingMaxOutdoorC && x.IndoorC <= HeatingMaxIndoorC;
            }

            float coolLow = _settings.Tenths(SettingId.CoolLockoutOutdoor) + LockoutMarginK;
            return x.OutdoorC >= coolLow && x.OutdoorC <= CoolingMaxOutdoorC && x.IndoorC >= CoolingMinIndoorC;
        }

        private bool ValveFor(bool heating)
        {
            bool energisedInHeat = _settings.Get(SettingId.ValvePolarity) == 1;
            return heating ? energisedInHeat : !energisedInHeat;
        }

        /// <summary>Both modes' verdicts combined: one cause named once, not every symptom it leaves.</summary>
        private int Judge()
        {
            int f = 0;
            ModeCheck c = _cooling;
            ModeCheck h = _heating;
            if (_drainSeenOpen)
            {
                f |= Bit(CommissioningFinding.DrainSwitchOpen);
            }

            if (!c.Tested)
            {
                f |= Bit(CommissioningFinding.CoolingNotTested);
            }

            if (!h.Tested)
            {
                f |= Bit(CommissioningFinding.HeatingNotTested);
            }

            if (!c.Tested && !h.Tested)
            {
                return f;
            }

            if (c.ProbesSwapped || h.ProbesSwapped)
            {
                // Every other verdict reads the probes, and so does the weather check that may have left
                // a mode untested: with these two swapped, none of them can be trusted.
                return (f & Bit(CommissioningFinding.DrainSwitchOpen)) | Bit(CommissioningFinding.ProbesSwapped);
            }

            if ((!c.Tested || c.CoilProbeOffCoil) && (!h.Tested || h.CoilProbeOffCoil))
            {
                return f | Bit(CommissioningFinding.CoilProbeOffCoil);
            }

            bool bothTested = c.Tested && h.Tested;
            if (c.WrongSide && (h.WrongSide || !h.Tested) || (h.WrongSide && !c.Tested))
            {
                // Both modes ran backwards (or the one that ran did): the board drives the valve the wrong way round.
                f |= Bit(CommissioningFinding.ReversedValve);
            }
            else if (bothTested && (c.WrongSide || h.WrongSide))
            {
                // One mode right, the other the same as it: the valve did not move between them.
                f |= Bit(CommissioningFinding.StuckValve);
            }

            // Cooling judges the outdoor fan best: a condenser without air climbs to the high-pressure
            // trip within a minute or two. A starved evaporator (low charge) runs as far below the air
            // as one without air, so heating judges it only when cooling could not run.
            bool noOutdoorAir = c.Tested ? c.NoOutdoorAir : h.NoOutdoorAir;
            if (noOutdoorAir)
            {
                f |= Bit(CommissioningFinding.OutdoorFanNotRunning);
            }

            if (c.NoIndoorAir || h.NoIndoorAir)
            {
                f |= Bit(CommissioningFinding.IndoorFanNoAir);
            }
            else if (c.Weak || h.Weak)
            {
                f |= Bit(CommissioningFinding.WeakCapacity);
            }

            bool tripExplained = noOutdoorAir;
            if (!tripExplained && (c.Trip != FaultKind.None || h.Trip != FaultKind.None))
            {
                f |= Bit(CommissioningFinding.PressureSwitchOpen);
            }

            if ((c.Tested && !c.SupplyFitted) || (h.Tested && !h.SupplyFitted))
            {
                f |= Bit(CommissioningFinding.SplitNotChecked);
            }

            return f;
        }
    }
}
