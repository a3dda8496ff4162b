using HeatPump.Control;
using HeatPump.Control.Settings;

namespace HeatPump.Referee
{
    /// <summary>
    /// The safety rules of docs/safety.md that can be seen on the driven outputs, numbered as there.
    /// The one vocabulary for a broken rule, everywhere in the tree.
    /// </summary>
    public enum Invariant
    {
        /// <summary>No rule: what <see cref="SafetyReferee.First"/> reads before any breach.</summary>
        None = 0,

        /// <summary>I1: a start needs min-off (power-up counts as a stop, plus the stagger); only the restart completing a shift into or out of a defrost may come after the quiet-shift time.</summary>
        I1MinOff = 1,

        /// <summary>I2: the valve moves only while the compressor is off, at least the quiet-shift time after it stopped.</summary>
        I2QuietShift = 2,

        /// <summary>I3: a defrost's reverse cycle never outlasts the maximum defrost time.</summary>
        I3DefrostMax = 3,

        /// <summary>I4: the compressor runs only with a valid indoor reading, except to finish a defrost already under way.</summary>
        I4IndoorReading = 4,

        /// <summary>I5: in Fault, compressor off, aux only on a valid indoor reading, the valve at rest once I2 allows, fans only finishing a purge (the blower also while aux heats or purges).</summary>
        I5Fault = 5,

        /// <summary>I6: no heating below the low-ambient lockout, no cooling below the cooling lockout nor without an outdoor reading (a defrost seen as one is not cooling).</summary>
        I6Lockout = 6,

        /// <summary>I7: ordinary starts in any hour never exceed the maximum.</summary>
        I7StartsPerHour = 7,

        /// <summary>A1: no compressor without the outdoor fan, except in the reverse cycle of a defrost seen as one.</summary>
        A1OutdoorFan = 8,

        /// <summary>A2: no aux heat without the blower at or above its aux minimum (the larger of <c>aux.min-duty</c> and <c>fan.indoor.min-duty</c>).</summary>
        A2AuxBlower = 9,

        /// <summary>A3: after every aux stop the blower stays at or above the aux minimum for <c>aux.purge</c>.</summary>
        A3AuxPurge = 10,

        /// <summary>A4: in emergency heat (mode 4) the compressor and the outdoor fan never run.</summary>
        A4EmergencyHeat = 11,

        /// <summary>D1: no cooling while the condensate overflow switch is open (a defrost seen as one is not cooling).</summary>
        D1Drain = 12,
    }

    /// <summary>
    /// Judges the outputs as driven, tick by tick, against the rules of docs/safety.md. Written from
    /// that text and sharing no code or constants with the guard it checks, so a hole in the guard
    /// shows here as a breach. It reads only the outputs with their intent flags, the indoor and
    /// outdoor readings the board had, and the settings; it takes no flag's word for anything: a
    /// defrost is a reverse cycle it saw follow a heating run, with the defrost flag on.
    /// <para>
    /// A breach is counted once per event (a start, a valve move) or once per episode for a state
    /// that lasts (a compressor running where it must not counts once until it stops). The first
    /// <see cref="MaxMessages"/> breaches keep a message: rule, time in ms and by how much.
    /// </para>
    /// <para>
    /// Adding a rule: a member of <see cref="Invariant"/> (raise <see cref="RuleSlots"/> to cover it),
    /// one <c>Check…</c> method that calls <see cref="Opens"/> or <see cref="Breach"/>, and one call to
    /// it in <see cref="Observe"/>. Nano-safe (no generics), so the scenarios on nanoCLR use it too.
    /// </para>
    /// </summary>
    public sealed class SafetyReferee
    {
        /// <summary>Breaches that keep their message.</summary>
        public const int MaxMessages = 20;

        /// <summary>Slots in the per-rule counts: every <see cref="Invariant"/> value must be below it.</summary>
        public const int RuleSlots = 13;

        private const long HourMs = 3600000L;

        // Ordinary starts remembered for I7: more than any permitted maximum per hour.
        private const int StartMemory = 64;

        private enum Run
        {
            None,
            Heating,
            Defrost,
            Other,
        }

        private readonly ControllerSettings _settings;
        private readonly int[] _counts = new int[RuleSlots];
        private readonly bool[] _open = new bool[RuleSlots];
        private readonly string[] _messages = new string[MaxMessages];
        private readonly long[] _starts = new long[StartMemory];

        private int _startCount;
        private int _startNext;
        private int _messageCount;
        private OutputState _last;
        private long _stoppedAtMs;
        private bool _sincePowerUp;
        private long _staggerMs;
        private bool _valveMovedSinceStop;
        private Run _run;
        private bool _flaggedRunning;
        private long _flaggedSinceMs;
        private long _faultSinceMs;
        private long _lockoutSinceMs;
        private long _auxStoppedAtMs;
        private long _auxPurgeMs;

        /// <summary>Starts judging a unit powered up at <paramref name="powerUpMs"/> with the power-up stagger <paramref name="staggerMs"/>.</summary>
        /// <param name="settings">The limits the rules name (read live, so a change applies from the next tick).</param>
        /// <param name="powerUpMs">Power-up time, ms.</param>
        /// <param name="staggerMs">The unit's power-up stagger, ms, added to min-off before the first start.</param>
        public SafetyReferee(ControllerSettings settings, long powerUpMs, long staggerMs)
        {
            _settings = settings;
            PowerUp(powerUpMs, staggerMs);
        }

        /// <summary>
        /// How long a lockout breach must last before it counts, ms (0: at once). For a judge that
        /// reads raw sensor samples (the simulator): a spike the board's validator rejected must not
        /// be blamed on the controller. Judges given the board's own readings leave it at 0.
        /// </summary>
        public long LockoutGraceMs { get; set; }

        /// <summary>Breaches of every rule so far.</summary>
        public int Total
        {
            get
            {
                int n = 0;
                for (int i = 0; i < RuleSlots; i++)
                {
                    n += _counts[i];
                }

                return n;
            }
        }

        /// <summary>The first rule broken, <see cref="Invariant.None"/> while none is.</summary>
        public Invariant First { get; private set; }

        /// <summary>When the first rule broke, ms.</summary>
        public long FirstAtMs { get; private set; }

        /// <summary>The first breach's message, empty while none.</summary>
        public string FirstMessage
        {
            get { return _messageCount > 0 ? _messages[0] : string.Empty; }
        }

        /// <summary>How many messages are kept (at most <see cref="MaxMessages"/>).</summary>
        public int MessageCount
        {
            get { return _messageCount; }
        }

        /// <summary>Breaches of <paramref name="rule"/> so far.</summary>
        public int Count(Invariant rule)
        {
            return _counts[(int)rule];
        }

        /// <summary>The <paramref name="index"/>-th kept message, oldest first: "I1 at 31000 ms: …".</summary>
        public string Message(int index)
        {
            return _messages[index];
        }

        /// <summary>A power cut at <paramref name="nowMs"/>: every output off, min-off plus <paramref name="staggerMs"/> running again, no memory of earlier runs or starts.</summary>
        public void PowerUp(long nowMs, long staggerMs)
        {
            _last = new OutputState();
            _stoppedAtMs = nowMs;
            _sincePowerUp = true;
            _staggerMs = staggerMs;
            _valveMovedSinceStop = false;
            _run = Run.None;
            _flaggedRunning = false;
            _lockoutSinceMs = -1;
            // A power cut takes the blower with the strips: nothing to purge.
            _auxStoppedAtMs = long.MinValue;
            _startCount = 0;
            _startNext = 0;
            for (int i = 0; i < RuleSlots; i++)
            {
                _open[i] = false;
            }
        }

        /// <summary>Judges the outputs driven at <paramref name="nowMs"/>.</summary>
        /// <param name="nowMs">Monotonic time, ms.</param>
        /// <param name="driven">The outputs as driven, with the intent flags that went with them.</param>
        /// <param name="indoorValid">The board had a valid indoor reading.</param>
        /// <param name="outdoorValid">The board had a valid outdoor reading (without one heating is allowed and cooling is not).</param>
        /// <param name="outdoorC">That reading, °C.</param>
        public void Observe(long nowMs, OutputState driven, bool indoorValid, bool outdoorValid, float outdoorC)
        {
            Observe(nowMs, driven, indoorValid, outdoorValid, outdoorC, false);
        }

        /// <summary>Judges the outputs driven at <paramref name="nowMs"/>, with the condensate overflow switch as the board read it.</summary>
        /// <param name="nowMs">Monotonic time, ms.</param>
        /// <param name="driven">The outputs as driven, with the intent flags that went with them.</param>
        /// <param name="indoorValid">The board had a valid indoor reading.</param>
        /// <param name="outdoorValid">The board had a valid outdoor reading.</param>
        /// <param name="outdoorC">That reading, °C.</param>
        /// <param name="drainOpen">The condensate overflow switch was open this tick.</param>
        public void Observe(long nowMs, OutputState driven, bool indoorValid, bool outdoorValid, float outdoorC, bool drainOpen)
        {
            bool started = driven.Compressor && !_last.Compressor;
            if (_last.AuxHeat && !driven.AuxHeat)
            {
                // A purge is owed from this tick (A3, and I5 lets the blower do it in a fault), for the
                // purge time set when the strips stopped: a later change neither shortens nor stretches it.
                _auxStoppedAtMs = nowMs;
                _auxPurgeMs = _settings.SecondsAsMs(SettingId.AuxPurge);
            }

            CheckValveMove(nowMs, driven);
            if (started)
            {
                CheckStart(nowMs, driven);
            }
            else if (!driven.Compressor && _last.Compressor)
            {
                _stoppedAtMs = nowMs;
                _valveMovedSinceStop = false;
            }

            if (driven.Compressor && _run == Run.Defrost && !driven.Defrost)
            {
                // The flag dropped under a running reverse cycle: from here it is cooling.
                _run = Run.Other;
            }

            CheckDefrostLength(nowMs, driven);
            CheckIndoorReading(nowMs, driven, indoorValid, started);
            CheckFault(nowMs, driven, indoorValid);
            CheckLockouts(nowMs, driven, outdoorValid, outdoorC);
            CheckOutdoorFan(nowMs, driven);
            CheckAuxBlower(nowMs, driven);
            CheckDrain(nowMs, driven, drainOpen);
            CheckAuxPurge(nowMs, driven);
            CheckEmergencyHeat(nowMs, driven);
            _last = driven;
        }

        /// <summary>I2: the valve moves only with the compressor off, at least the quiet-shift time after it stopped.</summary>
        private void CheckValveMove(long nowMs, OutputState d)
        {
            if (d.ValveEnergised == _last.ValveEnergised)
            {
                return;
            }

            long quietMs = _settings.SecondsAsMs(SettingId.QuietShiftTime);
            long offMs = nowMs - _stoppedAtMs;
            if (_last.Compressor || d.Compressor)
            {
                Breach(Invariant.I2QuietShift, nowMs, "valve moved with the compressor running");
            }
            else if (offMs < quietMs)
            {
                Breach(Invariant.I2QuietShift, nowMs, "valve moved " + Seconds(offMs) + " after the compressor stopped; needs "
                    + Seconds(quietMs) + " (" + Seconds(quietMs - offMs) + " short)");
            }

            _valveMovedSinceStop = true;
        }

        /// <summary>I1 and I7 at a compressor start; also names the run it begins (heating, defrost or other).</summary>
        private void CheckStart(long nowMs, OutputState d)
        {
            bool heatingPosition = d.ValveEnergised == HeatingEnergised();
            bool intoDefrost = _valveMovedSinceStop && _run == Run.Heating && !heatingPosition && d.Defrost;
            bool outOfDefrost = _valveMovedSinceStop && _run == Run.Defrost && heatingPosition;
            long offMs = nowMs - _stoppedAtMs;

            if (intoDefrost || outOfDefrost)
            {
                // The exception: this restart completes a quiet shift into or out of a defrost seen here.
                long quietMs = _settings.SecondsAsMs(SettingId.QuietShiftTime);
                if (offMs < quietMs)
                {
                    Breach(Invariant.I1MinOff, nowMs, "restart " + (intoDefrost ? "into" : "out of") + " a defrost "
                        + Seconds(offMs) + " after the stop; needs " + Seconds(quietMs) + " (" + Seconds(quietMs - offMs) + " short)");
                }
            }
            else
            {
                long needMs = _settings.SecondsAsMs(SettingId.MinOffTime) + (_sincePowerUp ? _staggerMs : 0);
                if (offMs < needMs)
                {
                    Breach(Invariant.I1MinOff, nowMs, "compressor started " + Seconds(offMs) + (_sincePowerUp ? " after power-up" : " after the stop")
                        + "; needs " + Seconds(needMs) + " (" + Seconds(needMs - offMs) + " short)");
                }

                CheckStartsPerHour(nowMs);
            }

            _run = heatingPosition ? Run.Heating : (intoDefrost ? Run.Defrost : Run.Other);
            _sincePowerUp = false;
        }

        /// <summary>I7: counts the ordinary start at <paramref name="nowMs"/> against the hour before it.</summary>
        private void CheckStartsPerHour(long nowMs)
        {
            _starts[_startNext] = nowMs;
            _startNext = (_startNext + 1) % StartMemory;
            if (_startCount < StartMemory)
            {
                _startCount++;
            }

            int inHour = 0;
            for (int k = 0; k < _startCount; k++)
            {
                if (_starts[k] > nowMs - HourMs)
                {
                    inHour++;
                }
            }

            int max = _settings.Get(SettingId.MaxStartsPerHour);
            if (inHour > max)
            {
                Breach(Invariant.I7StartsPerHour, nowMs, inHour.ToString() + " starts within an hour; the maximum is "
                    + max.ToString() + " (" + (inHour - max).ToString() + " over)");
            }
        }

        /// <summary>I3: a reverse cycle with the defrost flag on never runs at or past the maximum defrost time.</summary>
        private void CheckDefrostLength(long nowMs, OutputState d)
        {
            bool flagged = d.Defrost && d.Compressor;
            if (flagged && !_flaggedRunning)
            {
                _flaggedSinceMs = nowMs;
            }

            _flaggedRunning = flagged;
            long maxMs = _settings.SecondsAsMs(SettingId.DefrostMaxTime);
            long ranMs = nowMs - _flaggedSinceMs;

            // Running at the tick that reaches the maximum means running past it.
            if (Opens(Invariant.I3DefrostMax, flagged && ranMs >= maxMs))
            {
                Breach(Invariant.I3DefrostMax, nowMs, "defrost still running " + Seconds(ranMs) + " after it began; the maximum is "
                    + Seconds(maxMs) + " (" + Seconds(ranMs - maxMs) + " over)");
            }
        }

        /// <summary>I4: no compressor without a valid indoor reading, unless it is finishing a defrost seen under way.</summary>
        private void CheckIndoorReading(long nowMs, OutputState d, bool indoorValid, bool started)
        {
            bool finishingDefrost = !started && _run == Run.Defrost && d.Defrost;
            if (Opens(Invariant.I4IndoorReading, d.Compressor && !indoorValid && !finishingDefrost))
            {
                Breach(Invariant.I4IndoorReading, nowMs, started
                    ? "compressor started without a valid indoor reading"
                    : "compressor running without a valid indoor reading");
            }
        }

        /// <summary>I5: in Fault nothing that moves heat runs, the valve rests once I2 lets it, and fans only finish a purge.</summary>
        private void CheckFault(long nowMs, OutputState d, bool indoorValid)
        {
            if (d.Fault && !_last.Fault)
            {
                _faultSinceMs = nowMs;
            }

            string what = string.Empty;
            if (d.Fault)
            {
                long quietMs = _settings.SecondsAsMs(SettingId.QuietShiftTime);
                long purgeMs = _settings.SecondsAsMs(SettingId.IndoorFanRunOn);
                long offMs = nowMs - _stoppedAtMs;
                long inFaultMs = nowMs - _faultSinceMs;

                // The strips heat on in a fault of the refrigerant circuit, and need their air while on and after.
                bool blowerForAux = d.AuxHeat || InAuxPurge(nowMs);
                if (d.Compressor)
                {
                    what = "compressor running in Fault";
                }
                else if (d.AuxHeat && !indoorValid)
                {
                    what = "aux heat on in Fault without a valid indoor reading";
                }
                else if (d.ValveEnergised && offMs >= quietMs)
                {
                    what = "valve still energised in Fault " + Seconds(offMs) + " after the stop; it rests from "
                        + Seconds(quietMs) + " (" + Seconds(offMs - quietMs) + " late)";
                }
                else if ((d.IndoorFanDuty > 0f && _last.IndoorFanDuty <= 0f && !blowerForAux) || (d.OutdoorFanDuty > 0f && _last.OutdoorFanDuty <= 0f))
                {
                    what = "fan started in Fault";
                }
                else if (((d.IndoorFanDuty > 0f && !blowerForAux) || d.OutdoorFanDuty > 0f) && inFaultMs >= purgeMs)
                {
                    what = "fan still running " + Seconds(inFaultMs) + " into the Fault; a purge ends by "
                        + Seconds(purgeMs) + " (" + Seconds(inFaultMs - purgeMs) + " over)";
                }
            }

            if (Opens(Invariant.I5Fault, what.Length != 0))
            {
                Breach(Invariant.I5Fault, nowMs, what);
            }
        }

        /// <summary>I6: no heating below the low-ambient lockout, no cooling below the cooling lockout nor without an outdoor reading; a defrost seen as one is not cooling.</summary>
        private void CheckLockouts(long nowMs, OutputState d, bool outdoorValid, float outdoorC)
        {
            bool heating = d.ValveEnergised == HeatingEnergised();
            float limitC = _settings.Tenths(heating ? SettingId.HeatLockoutOutdoor : SettingId.CoolLockoutOutdoor);

            // Without a reading heating fails safe (allowed) and cooling fails safe (locked out).
            bool breaching = heating
                ? d.Compressor && outdoorValid && outdoorC < limitC
                : d.Compressor && !SeenDefrost(d) && (!outdoorValid || outdoorC < limitC);
            if (!breaching)
            {
                _lockoutSinceMs = -1;
            }
            else if (_lockoutSinceMs < 0)
            {
                _lockoutSinceMs = nowMs;
            }

            if (Opens(Invariant.I6Lockout, breaching && nowMs - _lockoutSinceMs >= LockoutGraceMs))
            {
                Breach(Invariant.I6Lockout, nowMs, !outdoorValid
                    ? "cooling without a valid outdoor reading"
                    : (heating ? "heating" : "cooling") + " at " + Celsius(outdoorC)
                        + " outdoors; locked out below " + Celsius(limitC) + " (" + Kelvin(limitC - outdoorC) + " under)");
            }
        }

        /// <summary>D1: the compressor does not cool in the tick the board sees the condensate switch open.</summary>
        private void CheckDrain(long nowMs, OutputState d, bool drainOpen)
        {
            bool cooling = d.Compressor && d.ValveEnergised != HeatingEnergised() && !SeenDefrost(d);
            if (Opens(Invariant.D1Drain, cooling && drainOpen))
            {
                Breach(Invariant.D1Drain, nowMs, "cooling with the condensate overflow switch open");
            }
        }

        /// <summary>A1: the compressor runs only with the outdoor fan, unless this is the reverse cycle of a defrost seen follow a heating run.</summary>
        private void CheckOutdoorFan(long nowMs, OutputState d)
        {
            if (Opens(Invariant.A1OutdoorFan, d.Compressor && d.OutdoorFanDuty <= 0f && !SeenDefrost(d)))
            {
                Breach(Invariant.A1OutdoorFan, nowMs, "compressor running with the outdoor fan at " + Percent(d.OutdoorFanDuty)
                    + " outside a defrost" + (d.Defrost ? " (the defrost flag is on, but no defrost followed a heating run)" : string.Empty));
            }
        }

        /// <summary>A2: aux heat only with the blower at or above the aux minimum duty.</summary>
        private void CheckAuxBlower(long nowMs, OutputState d)
        {
            float minDuty = AuxAirflow();
            if (Opens(Invariant.A2AuxBlower, d.AuxHeat && (d.IndoorFanDuty <= 0f || d.IndoorFanDuty < minDuty)))
            {
                Breach(Invariant.A2AuxBlower, nowMs, "aux heat on with the blower at " + Percent(d.IndoorFanDuty) + "; needs "
                    + Percent(minDuty) + " (" + Percent(minDuty - d.IndoorFanDuty) + " short)");
            }
        }

        /// <summary>A3: from every aux stop, for the purge time, the blower at or above the aux minimum duty.</summary>
        private void CheckAuxPurge(long nowMs, OutputState d)
        {
            float minDuty = AuxAirflow();
            bool weak = !d.AuxHeat && InAuxPurge(nowMs) && (d.IndoorFanDuty <= 0f || d.IndoorFanDuty < minDuty);
            if (Opens(Invariant.A3AuxPurge, weak))
            {
                Breach(Invariant.A3AuxPurge, nowMs, "blower at " + Percent(d.IndoorFanDuty) + " " + Seconds(nowMs - _auxStoppedAtMs)
                    + " after aux stopped; the purge needs " + Percent(minDuty) + " for " + Seconds(_auxPurgeMs));
            }
        }

        /// <summary>A4: emergency heat (mode 4) runs neither the compressor nor the outdoor fan.</summary>
        private void CheckEmergencyHeat(long nowMs, OutputState d)
        {
            bool emergency = _settings.Get(SettingId.Mode) == 4;
            if (Opens(Invariant.A4EmergencyHeat, emergency && (d.Compressor || d.OutdoorFanDuty > 0f)))
            {
                Breach(Invariant.A4EmergencyHeat, nowMs, d.Compressor
                    ? "compressor running in emergency heat"
                    : "outdoor fan at " + Percent(d.OutdoorFanDuty) + " in emergency heat");
            }
        }

        /// <summary>True within <c>aux.purge</c> of the last aux stop.</summary>
        private bool InAuxPurge(long nowMs)
        {
            return _auxStoppedAtMs != long.MinValue && nowMs - _auxStoppedAtMs < _auxPurgeMs;
        }

        /// <summary>The blower duty aux needs, 0..1: both minimums hold (each setting is in percent).</summary>
        private float AuxAirflow()
        {
            int aux = _settings.Get(SettingId.AuxMinDuty);
            int fan = _settings.Get(SettingId.IndoorFanMinDuty);
            return (aux >= fan ? aux : fan) / 100f;
        }

        /// <summary>The reverse cycle of a defrost this referee saw follow a heating run, flag on ever since.</summary>
        private bool SeenDefrost(OutputState d)
        {
            return d.ValveEnergised != HeatingEnergised() && _run == Run.Defrost && d.Defrost;
        }

        /// <summary>True when a lasting breach of <paramref name="rule"/> begins now; false while it goes on or when there is none.</summary>
        private bool Opens(Invariant rule, bool breaching)
        {
            bool wasOpen = _open[(int)rule];
            _open[(int)rule] = breaching;
            return breaching && !wasOpen;
        }

        private void Breach(Invariant rule, long nowMs, string what)
        {
            if (Total == 0)
            {
                First = rule;
                FirstAtMs = nowMs;
            }

            _counts[(int)rule]++;
            if (_messageCount < MaxMessages)
            {
                _messages[_messageCount++] = Code(rule) + " at " + nowMs.ToString() + " ms: " + what;
            }
        }

        /// <summary>The rule's code in docs/safety.md: I1…I7, A1…A4, D1.</summary>
        private static string Code(Invariant rule)
        {
            int n = (int)rule;
            if (rule == Invariant.D1Drain)
            {
                return "D1";
            }

            return n >= (int)Invariant.A1OutdoorFan ? "A" + (n - (int)Invariant.A1OutdoorFan + 1).ToString() : "I" + n.ToString();
        }

        private bool HeatingEnergised()
        {
            // docs/safety.md and the settings: O (0) is energised in cooling, B (1) in heating.
            return _settings.Get(SettingId.ValvePolarity) == 1;
        }

        private static string Seconds(long ms)
        {
            string sign = ms < 0 ? "-" : string.Empty;
            long a = ms < 0 ? -ms : ms;
            return sign + (a / 1000).ToString() + "." + (a % 1000 / 100).ToString() + " s";
        }

        private static string Percent(float fraction)
        {
            return Tenths(fraction * 100f) + " %";
        }

        private static string Celsius(float c)
        {
            return Tenths(c) + " °C";
        }

        private static string Kelvin(float k)
        {
            return Tenths(k) + " K";
        }

        private static string Tenths(float value)
        {
            long t = (long)(value * 10f + (value < 0f ? -0.5f : 0.5f));
            string sign = t < 0 ? "-" : string.Empty;
            long a = t < 0 ? -t : t;
            return sign + (a / 10).ToString() + "." + (a % 10).ToString();
        }
    }
}
