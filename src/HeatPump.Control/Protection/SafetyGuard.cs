using HeatPump.Control.Settings;

namespace HeatPump.Control.Protection
{
    /// <summary>
    /// Independent interlocks between the controller and the outputs (docs/safety.md, I1–I7, plus the
    /// airflow rules A1–A3: no compressor without the outdoor fan outside a defrost, no aux without
    /// the blower at its aux minimum duty, a blower purge after every aux stop; and A4: in emergency
    /// heat, which it reads from the mode setting like a limit, never the compressor or the outdoor fan). It knows no states: it sees only the commanded outputs, the intent flags on them, the sensor
    /// validity and the outdoor temperature, and can only veto — turn something off or hold it where
    /// it is. A bug in the controller therefore cannot short-cycle the compressor, slam the valve,
    /// heat or cool outside the lockouts, or stretch a defrost. A flag never relaxes a rule by
    /// itself: the quiet-shift restart and the defrost's exemptions from the lockouts and the indoor
    /// reading hold only for a defrost the guard saw begin after a heating run of its own.
    /// </summary>
    public sealed class SafetyGuard
    {
        /// <summary>Quiet-shift restarts (I1's exception) allowed in any hour: two defrosts' worth at the shortest interval.</summary>
        public const int MaxShiftRestartsPerHour = 4;

        private const long HourMs = 3600000L;

        private readonly ControllerSettings _settings;
        private readonly StartLog _starts = new StartLog(10);
        private readonly StartLog _shiftRestarts = new StartLog(MaxShiftRestartsPerHour);

        private OutputState _out;
        private long _compressorSinceMs;
        private long _stoppedAtMs;
        private bool _offSincePowerUp;
        private long _powerUpHoldMs;
        private bool _shiftedSinceStop;
        private bool _defrostRunning;
        private long _defrostRunStartMs;
        private RunKind _run;
        private long _faultSinceMs;
        private long _auxPurgeUntilMs;

        /// <summary>What the guard saw the compressor's current (or last) run to be.</summary>
        private enum RunKind
        {
            /// <summary>None since power-up: nothing to complete a defrost shift from.</summary>
            None,

            /// <summary>Started in the heating position.</summary>
            Heating,

            /// <summary>A defrost the guard saw itself: started in the reverse position with the defrost flag, after a heating run and a valve shift, flag on ever since.</summary>
            Defrost,

            /// <summary>Anything else: cooling, or a reverse cycle the guard cannot tell is a defrost.</summary>
            Other,
        }

        /// <summary>Creates a guard in the power-up state at <paramref name="nowMs"/>.</summary>
        /// <param name="settings">Limits to enforce (min-off, starts cap, lockouts, defrost maximum).</param>
        /// <param name="nowMs">Power-up time, ms.</param>
        /// <param name="staggerMs">The random part of the power-up delay, ms (from the chip id, so the guard stays deterministic).</param>
        public SafetyGuard(ControllerSettings settings, long nowMs, long staggerMs)
        {
            _settings = settings;
            PowerUp(nowMs, staggerMs);
        }

        /// <summary>Outputs as last driven.</summary>
        public OutputState Outputs
        {
            get { return _out; }
        }

        /// <summary>Copies the outputs as last driven into <paramref name="driven"/>, without a heap copy on nanoCLR.</summary>
        public void CopyOutputsTo(ref OutputState driven)
        {
            driven.CopyFrom(ref _out);
        }

        /// <summary>Number of ticks in which the guard had to change what the controller asked for.</summary>
        public long Vetoes { get; private set; }

        /// <summary>True when the last <see cref="Apply(ref OutputState, long, bool, bool, float, ref OutputState)"/> held back a compressor start or a valve move that was asked for.</summary>
        public bool Refused { get; private set; }

        /// <summary>
        /// Why the last apply held back what was asked for: the start timer's hold (anti-short-cycle,
        /// power-up delay, starts per hour), no indoor reading, the quiet shift, or the lockout of the
        /// valve's position; None when the reason is none of these (or nothing was refused).
        /// The panel and the virtual bench show this record; neither works the reason out itself.
        /// </summary>
        public HoldReason RefusalReason { get; private set; }

        /// <summary>When <see cref="RefusalReason"/> ends, ms; long.MaxValue when it ends on a condition, not a time.</summary>
        public long RefusedUntilMs { get; private set; }

        /// <summary>Every output off and the minimum off time (plus stagger) running from <paramref name="nowMs"/>: a reset, a watchdog restart or leaving output-test mode.</summary>
        public void PowerUp(long nowMs, long staggerMs)
        {
            Restart(nowMs, staggerMs);
            _out.ValveEnergised = false;

            // When the supply dropped is not known: count the quiet-shift time from now.
            _stoppedAtMs = nowMs;

            // A real power cut stops the blower with the strips: no purge to finish.
            _auxPurgeUntilMs = 0;

            // A real power cut loses the RAM that held the start history.
            _starts.Clear();
            _shiftRestarts.Clear();
        }

        /// <summary>
        /// The power-up state without a power cut (leaving output-test mode): compressor and aux off and the
        /// minimum off time plus stagger running from <paramref name="nowMs"/>, as <see cref="PowerUp"/>,
        /// but the valve stays where it is and the start history is kept. The compressor may have been
        /// running a moment ago, and I2 lets the valve move only once it has been stopped for the
        /// quiet-shift time, counted from now if it was (on a real power cut the supply drops both at
        /// once; here it need not) and from its stop if it was not; and the starts of the last hour
        /// still count toward I7 and the quiet-shift restart cap, or toggling output-test mode would reset them.
        /// </summary>
        public void Restart(long nowMs, long staggerMs)
        {
            bool valve = _out.ValveEnergised;
            if (_out.Compressor)
            {
                _stoppedAtMs = nowMs;
            }

            if (_out.AuxHeat)
            {
                // The strips stop here with the blower still powered: it purges them (A3).
                _auxPurgeUntilMs = nowMs + _settings.SecondsAsMs(SettingId.AuxPurge);
            }

            _out = new OutputState();
            _out.ValveEnergised = valve;
            _compressorSinceMs = nowMs;
            _offSincePowerUp = true;
            _powerUpHoldMs = staggerMs;
            _shiftedSinceStop = false;
            _defrostRunning = false;
            _run = RunKind.None;
            Refused = false;
            RefusalReason = HoldReason.None;
            RefusedUntilMs = long.MaxValue;
        }

        /// <summary>
        /// Applies the interlocks to <paramref name="wanted"/> and returns what may be driven now.
        /// </summary>
        /// <param name="wanted">The controller's commands with their intent flags.</param>
        /// <param name="nowMs">Monotonic time, ms.</param>
        /// <param name="indoorValid">A trusted indoor reading exists (I4).</param>
        /// <param name="outdoorValid">A trusted outdoor reading exists; without one the lockouts cannot be judged: heating is allowed, cooling is not (docs/safety.md).</param>
        /// <param name="outdoorC">Outdoor temperature, °C.</param>
        public OutputState Apply(OutputState wanted, long nowMs, bool indoorValid, bool outdoorValid, float outdoorC)
        {
            OutputState driven = new OutputState();
            Apply(ref wanted, nowMs, indoorValid, outdoorValid, outdoorC, ref driven);
            return driven;
        }

        /// <summary>
        /// Applies the interlocks to <paramref name="wanted"/> and writes what may be driven now into
        /// <paramref name="o"/>: the form the control step uses, as it copies no struct (on nanoCLR a
        /// struct passed or returned by value is a heap copy, docs/testing.md).
        /// </summary>
        /// <param name="wanted">The controller's commands with their intent flags; left unchanged.</param>
        /// <param name="nowMs">Monotonic time, ms.</param>
        /// <param name="indoorValid">A trusted indoor reading exists (I4).</param>
        /// <param name="outdoorValid">A trusted outdoor reading exists; without one the lockouts cannot be judged: heating is allowed, cooling is not (docs/safety.md).</param>
        /// <param name="outdoorC">Outdoor temperature, °C.</param>
        /// <param name="o">Receives the outputs to drive; must be another variable than <paramref name="wanted"/>.</param>
        public void Apply(ref OutputState wanted, long nowMs, bool indoorValid, bool outdoorValid, float outdoorC, ref OutputState o)
        {
            Apply(ref wanted, nowMs, indoorValid, outdoorValid, outdoorC, false, ref o);
        }

        /// <summary>
        /// Applies the interlocks as <see cref="Apply(ref OutputState, long, bool, bool, float, ref OutputState)"/>
        /// does, with the condensate overflow switch too (D1: no cooling while it is open).
        /// </summary>
        /// <param name="wanted">The controller's commands with their intent flags; left unchanged.</param>
        /// <param name="nowMs">Monotonic time, ms.</param>
        /// <param name="indoorValid">A trusted indoor reading exists (I4).</param>
        /// <param name="outdoorValid">A trusted outdoor reading exists.</param>
        /// <param name="outdoorC">Outdoor temperature, °C.</param>
        /// <param name="drainOpen">The condensate overflow switch is open.</param>
        /// <param name="o">Receives the outputs to drive; must be another variable than <paramref name="wanted"/>.</param>
        public void Apply(ref OutputState wanted, long nowMs, bool indoorValid, bool outdoorValid, float outdoorC, bool drainOpen, ref OutputState o)
        {
            o.CopyFrom(ref wanted);
            bool wasOn = _out.Compressor;
            float auxMinDuty = AuxMinDuty();

            // A2: no aux without the blower at or above its aux minimum duty: strips in weak air cook on their limits.
            if (o.AuxHeat && (o.IndoorFanDuty <= 0f || o.IndoorFanDuty < auxMinDuty))
            {
                o.AuxHeat = false;
            }

            if (o.Fault)
            {
                // I5: the refrigerant circuit stops in a fault and the valve rests de-energised once I2
                // lets it. The strips do not depend on it: aux may heat on, but only on a valid indoor
                // reading (without one there is nothing to control on).
                o.Compressor = false;
                o.AuxHeat = o.AuxHeat && indoorValid;
                o.ValveEnergised = false;
                if (!_out.Fault)
                {
                    _faultSinceMs = nowMs;
                }

                // Fans only finish a purge: none starts, and none runs past the run-on time; the blower
                // is the exception while aux heats (A2) or its purge runs (A3).
                bool purgeOver = nowMs - _faultSinceMs >= _settings.SecondsAsMs(SettingId.IndoorFanRunOn);
                bool auxAirflow = o.AuxHeat || nowMs < _auxPurgeUntilMs;
                if (!auxAirflow && (_out.IndoorFanDuty <= 0f || purgeOver))
                {
                    o.IndoorFanDuty = 0f;
                }

                if (_out.OutdoorFanDuty <= 0f || purgeOver)
                {
                    o.OutdoorFanDuty = 0f;
                }
            }

            // A defrost is what the guard saw, never the flag alone: a running one it recorded, or one starting now.
            bool defrostRunning = wasOn && _run == RunKind.Defrost && o.Defrost;

            // I4: no compressor without a trusted indoor reading, except a defrost already melting.
            if (o.Compressor && !indoorValid && !defrostRunning)
            {
                o.Compressor = false;
            }

            // A3: after every aux stop the blower runs on at the aux minimum for the purge time.
            if (_out.AuxHeat && !o.AuxHeat)
            {
                _auxPurgeUntilMs = nowMs + _settings.SecondsAsMs(SettingId.AuxPurge);
            }

            if (!o.AuxHeat && nowMs < _auxPurgeUntilMs && o.IndoorFanDuty < auxMinDuty)
            {
                o.IndoorFanDuty = auxMinDuty;
            }

            // A4: emergency heat is for a broken outdoor unit: the compressor and outdoor fan never start.
            if (_settings.Mode == UserMode.EmergencyHeat)
            {
                o.Compressor = false;
                o.OutdoorFanDuty = 0f;
            }

            // I2: the valve moves only with the compressor stopped for the quiet-shift time.
            bool valveChanges = false;
            if (o.ValveEnergised != _out.ValveEnergised)
            {
                if (!wasOn && nowMs >= QuietShiftOver())
                {
                    valveChanges = true;
                }
                else
                {
                    o.ValveEnergised = _out.ValveEnergised;
                    if (!wasOn)
                    {
                        // Starting now would run the compressor with the valve in the wrong position.
                        o.Compressor = false;
                    }
                }
            }

            if (valveChanges)
            {
                // The compressor starts on a later tick than the shift, never in the same instant.
                o.Compressor = false;
                _shiftedSinceStop = true;
            }

            // I6, on the valve position that will really be driven. A defrost's reverse cycle is not
            // cooling, but only one the guard can see is a defrost (I3 below bounds its length).
            // Without an outdoor reading the heating lockout is lifted and the cooling lockout holds: fail safe.
            bool heating = _settings.IsHeatingPosition(o.ValveEnergised);
            bool seenDefrost = !heating && (defrostRunning || EntersDefrost(ref o, heating));
            if (o.Compressor && !outdoorValid)
            {
                o.Compressor = heating || seenDefrost;
            }
            else if (o.Compressor)
            {
                if (heating && outdoorC < _settings.Tenths(SettingId.HeatLockoutOutdoor))
                {
                    o.Compressor = false;
                }
                else if (!heating && !seenDefrost && outdoorC < _settings.Tenths(SettingId.CoolLockoutOutdoor))
                {
                    o.Compressor = false;
                }
            }

            // D1: no cooling while the condensate overflow switch is open: the pan is full, and every
            // minute of cooling adds water to it. Heating (and a defrost seen as one) makes none indoors.
            if (o.Compressor && drainOpen && !heating && !seenDefrost)
            {
                o.Compressor = false;
            }

            // A1: no compressor without the outdoor fan outside a defrost the guard saw begin: a condenser
            // without air runs up to the high-pressure trip, an evaporator without air down to the low-pressure one.
            if (o.Compressor && o.OutdoorFanDuty <= 0f && !seenDefrost)
            {
                o.Compressor = false;
            }

            // I3: the reverse cycle of a defrost never outlasts the maximum defrost time.
            if (o.Defrost && o.Compressor && _defrostRunning
                && nowMs - _defrostRunStartMs >= _settings.SecondsAsMs(SettingId.DefrostMaxTime))
            {
                o.Compressor = false;
            }

            // I1 and I7: minimum off time, power-up delay and starts per hour.
            if (o.Compressor && !wasOn)
            {
                bool shiftRestart = IsShiftRestart(ref o, heating, nowMs);
                if (nowMs < (shiftRestart ? QuietShiftOver() : StartAllowedAt(nowMs)))
                {
                    o.Compressor = false;
                }
                else
                {
                    if (shiftRestart)
                    {
                        _shiftRestarts.Add(nowMs);
                    }
                    else
                    {
                        _starts.Add(nowMs);
                    }

                    _run = heating ? RunKind.Heating : (EntersDefrost(ref o, heating) ? RunKind.Defrost : RunKind.Other);
                    _compressorSinceMs = nowMs;
                    _offSincePowerUp = false;
                    _shiftedSinceStop = false;
                }
            }
            else if (o.Compressor && _run == RunKind.Defrost && !o.Defrost)
            {
                // The flag dropped under a running reverse cycle: from here it is cooling.
                _run = RunKind.Other;
            }
            else if (!o.Compressor && wasOn)
            {
                _compressorSinceMs = nowMs;
                _stoppedAtMs = nowMs;
                _shiftedSinceStop = false;
            }

            if (o.Defrost && o.Compressor)
            {
                if (!_defrostRunning)
                {
                    _defrostRunning = true;
                    _defrostRunStartMs = nowMs;
                }
            }
            else if (!o.Defrost)
            {
                _defrostRunning = false;
            }

            if (o.Compressor != wanted.Compressor || o.ValveEnergised != wanted.ValveEnergised || o.AuxHeat != wanted.AuxHeat
                || o.IndoorFanDuty != wanted.IndoorFanDuty || o.OutdoorFanDuty != wanted.OutdoorFanDuty)
            {
                Vetoes++;
            }

            _out.CopyFrom(ref o);
            RecordRefusal(ref wanted, nowMs, indoorValid, outdoorValid);
        }

        /// <summary>Records why a start or a valve move that was asked for is not driven now, with the guard's timers after this apply.</summary>
        private void RecordRefusal(ref OutputState wanted, long nowMs, bool indoorValid, bool outdoorValid)
        {
            bool valveHeld = wanted.ValveEnergised != _out.ValveEnergised;
            RefusedUntilMs = long.MaxValue;
            if (wanted.Compressor && !_out.Compressor)
            {
                Refused = true;
                HoldReason startHold = StartHold(nowMs);
                long startAllowedAt = StartAllowedAt(nowMs);
                if (startHold != HoldReason.None && startAllowedAt > nowMs)
                {
                    RefusalReason = startHold;
                    RefusedUntilMs = startAllowedAt;
                }
                else if (!indoorValid)
                {
                    RefusalReason = HoldReason.NoIndoorReading;
                }
                else if (valveHeld)
                {
                    RefusalReason = HoldReason.QuietShift;
                    RefusedUntilMs = QuietShiftOver();
                }
                else if (outdoorValid)
                {
                    RefusalReason = _settings.IsHeatingPosition(_out.ValveEnergised) ? HoldReason.HeatLockout : HoldReason.CoolLockout;
                }
                else
                {
                    RefusalReason = HoldReason.None;
                }

                return;
            }

            Refused = valveHeld;
            RefusalReason = valveHeld ? HoldReason.QuietShift : HoldReason.None;
            if (valveHeld)
            {
                RefusedUntilMs = _out.Compressor ? long.MaxValue : QuietShiftOver();
            }
        }

        /// <summary>What the controller needs to know of the guard's timers, as of <paramref name="nowMs"/>.</summary>
        public GuardFeedback Feedback(long nowMs)
        {
            GuardFeedback f = new GuardFeedback();
            Feedback(nowMs, ref f);
            return f;
        }

        /// <summary>
        /// Writes what the controller needs to know of the guard's timers, as of <paramref name="nowMs"/>,
        /// into <paramref name="f"/>: the form the control step uses, as it copies no struct.
        /// </summary>
        public void Feedback(long nowMs, ref GuardFeedback f)
        {
            f.CompressorOn = _out.Compressor;
            f.CompressorSinceMs = _compressorSinceMs;
            f.ValveEnergised = _out.ValveEnergised;
            f.StartAllowedAtMs = StartAllowedAt(nowMs);
            f.StartHold = StartHold(nowMs);
            f.ValveChangeAllowedAtMs = _out.Compressor ? long.MaxValue : QuietShiftOver();
            f.ShiftRestartAllowedAtMs = QuietShiftOver();
            f.ShiftedSinceStop = _shiftedSinceStop;
        }

        /// <summary>The blower duty aux needs: the larger of <c>aux.min-duty</c> and <c>fan.indoor.min-duty</c>.</summary>
        private float AuxMinDuty()
        {
            float aux = _settings.Fraction(SettingId.AuxMinDuty);
            float fan = _settings.Fraction(SettingId.IndoorFanMinDuty);
            return aux > fan ? aux : fan;
        }

        /// <summary>The solenoid level that puts the valve in the heating position, by O/B polarity.</summary>
        public bool HeatingPositionEnergised()
        {
            // O (0) is energised in cool, so heating is de-energised; B (1) is energised in heat.
            return _settings.ValveEnergisedInHeat;
        }

        /// <summary>
        /// I1's exception, checked rather than taken on the flag: the restart completes a valve shift
        /// into a defrost after a heating run the guard recorded, or out of a defrost it saw itself.
        /// </summary>
        private bool IsShiftRestart(ref OutputState o, bool heating, long nowMs)
        {
            bool completesShift = EntersDefrost(ref o, heating) || (_shiftedSinceStop && _run == RunKind.Defrost && heating);
            return o.QuietShiftRestart && completesShift
                && _shiftRestarts.CountSince(nowMs - HourMs + 1) < MaxShiftRestartsPerHour;
        }

        /// <summary>
        /// A start here begins a defrost: the valve shifted since a heating run stopped, into the
        /// reverse position, with the defrost flag. Never true while the compressor runs: the shift
        /// record is cleared at every start.
        /// </summary>
        private bool EntersDefrost(ref OutputState o, bool heating)
        {
            return o.Defrost && !heating && _shiftedSinceStop && _run == RunKind.Heating;
        }

        /// <summary>
        /// When the compressor has been off for the quiet-shift time since it last stopped (or since
        /// power-up): from then the valve may move, and the restart that completes a shift may come.
        /// </summary>
        private long QuietShiftOver()
        {
            return _stoppedAtMs + _settings.SecondsAsMs(SettingId.QuietShiftTime);
        }

        private long MinOffEnds()
        {
            long ends = _compressorSinceMs + _settings.SecondsAsMs(SettingId.MinOffTime);
            return _offSincePowerUp ? ends + _powerUpHoldMs : ends;
        }

        private long StartAllowedAt(long nowMs)
        {
            long at = MinOffEnds();
            long capEnds = StartsCapEnds(nowMs);
            return capEnds > at ? capEnds : at;
        }

        private long StartsCapEnds(long nowMs)
        {
            int max = _settings.Get(SettingId.MaxStartsPerHour);
            if (_starts.CountSince(nowMs - HourMs + 1) < max)
            {
                return long.MinValue;
            }

            // The start that falls out of the hour first is the max-th most recent one.
            return _starts.Recent(max - 1) + HourMs;
        }

        private HoldReason StartHold(long nowMs)
        {
            long minOff = MinOffEnds();
            long cap = StartsCapEnds(nowMs);
            if (nowMs >= minOff && nowMs >= cap)
            {
                return HoldReason.None;
            }

            if (cap > minOff)
            {
                return HoldReason.StartsPerHour;
            }

            return _offSincePowerUp ? HoldReason.PowerUpDelay : HoldReason.AntiShortCycle;
        }
    }
}
