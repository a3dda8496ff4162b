using HeatPump.Control.Settings;

namespace HeatPump.Control.Protection
{
    /// <summary>The safety invariants of DESIGN §5 that can be seen on the driven outputs.</summary>
    public enum Invariant
    {
        /// <summary>I1: a start needs min-off (power-up counts), or 30 s for a quiet-shift restart.</summary>
        MinOffTime = 0,
        /// <summary>I2: the valve changes only with the compressor off for the quiet-shift time.</summary>
        QuietShift,
        /// <summary>I3: a defrost's reverse cycle never outlasts the maximum.</summary>
        DefrostDuration,
        /// <summary>I4: the compressor runs only with a trusted indoor reading (or finishing a defrost).</summary>
        IndoorReading,
        /// <summary>I5: in Fault, compressor and aux are off.</summary>
        FaultOutputs,
        /// <summary>I6: no heating below the low-ambient lockout, no cooling below the cooling lockout.</summary>
        AmbientLockout,
        /// <summary>I7: starts per hour never exceed the maximum.</summary>
        StartsPerHour,
    }

    /// <summary>
    /// Watches the outputs as driven, tick by tick, and counts every breach of I1–I7. It shares no
    /// code with <see cref="SafetyGuard"/>, so it checks the guard as much as the controller: the
    /// scenarios, the property tests and the simulator all report its counts, which must be 0.
    /// </summary>
    public sealed class InvariantMonitor
    {
        private const int InvariantCount = 7;
        private const long HourMs = 3600000L;

        private readonly ControllerSettings _settings;
        private readonly int[] _violations = new int[InvariantCount];
        private readonly StartLog _starts = new StartLog(11);
        private readonly StartLog _shiftRestarts = new StartLog(SafetyGuard.MaxShiftRestartsPerHour + 1);
        private OutputState _last;
        private long _compressorSinceMs;
        private bool _offSincePowerUp;
        private long _powerUpHoldMs;
        private bool _valveMovedWhileOff;
        private long _defrostRunSinceMs;
        private bool _defrostRunning;

        /// <summary>Starts watching at power-up, <paramref name="nowMs"/>, with the unit's power-up stagger.</summary>
        public InvariantMonitor(ControllerSettings settings, long nowMs, long staggerMs)
        {
            _settings = settings;
            PowerUp(nowMs, staggerMs);
        }

        /// <summary>Every breach so far.</summary>
        public int Total
        {
            get
            {
                int n = 0;
                for (int i = 0; i < InvariantCount; i++)
                {
                    n += _violations[i];
                }

                return n;
            }
        }

        /// <summary>The first invariant breached, valid when <see cref="Total"/> is not 0.</summary>
        public Invariant First { get; private set; }

        /// <summary>Time of the first breach, ms.</summary>
        public long FirstAtMs { get; private set; }

        /// <summary>Breaches of <paramref name="which"/>.</summary>
        public int Count(Invariant which)
        {
            return _violations[(int)which];
        }

        /// <summary>A power cycle: all outputs are off from here and min-off (plus stagger) runs again.</summary>
        public void PowerUp(long nowMs, long staggerMs)
        {
            _last = OutputState.AllOff();
            _compressorSinceMs = nowMs;
            _offSincePowerUp = true;
            _powerUpHoldMs = staggerMs;
            _valveMovedWhileOff = false;
            _defrostRunning = false;
            _starts.Clear();
            _shiftRestarts.Clear();
        }

        /// <summary>Checks the outputs driven at <paramref name="nowMs"/>.</summary>
        public void Observe(long nowMs, OutputState driven, bool indoorValid, bool outdoorValid, float outdoorC)
        {
            bool started = driven.Compressor && !_last.Compressor;
            bool stopped = !driven.Compressor && _last.Compressor;
            long offMs = nowMs - _compressorSinceMs;

            if (driven.ValveEnergised != _last.ValveEnergised)
            {
                if (_last.Compressor || driven.Compressor || offMs < _settings.SecondsAsMs(SettingId.QuietShiftTime))
                {
                    Breach(Invariant.QuietShift, nowMs);
                }

                _valveMovedWhileOff = true;
            }

            if (started)
            {
                // The exception is claimed by the command's flag; the monitor checks that its conditions held.
                bool shiftRestart = driven.QuietShiftRestart && _valveMovedWhileOff && !_offSincePowerUp
                    && _shiftRestarts.CountSince(nowMs - HourMs + 1) < SafetyGuard.MaxShiftRestartsPerHour;
                if (shiftRestart)
                {
                    if (offMs < _settings.SecondsAsMs(SettingId.QuietShiftTime))
                    {
                        Breach(Invariant.MinOffTime, nowMs);
                    }

                    _shiftRestarts.Add(nowMs);
                }
                else
                {
                    long minOff = _settings.SecondsAsMs(SettingId.MinOffTime) + (_offSincePowerUp ? _powerUpHoldMs : 0);
                    if (offMs < minOff)
                    {
                        Breach(Invariant.MinOffTime, nowMs);
                    }

                    _starts.Add(nowMs);
                    if (_starts.CountSince(nowMs - HourMs + 1) > _settings.Get(SettingId.MaxStartsPerHour))
                    {
                        Breach(Invariant.StartsPerHour, nowMs);
                    }
                }

                _compressorSinceMs = nowMs;
                _offSincePowerUp = false;
            }
            else if (stopped)
            {
                _compressorSinceMs = nowMs;
                _valveMovedWhileOff = false;
            }

            bool reverseCycle = driven.Defrost && driven.Compressor;
            if (reverseCycle && !_defrostRunning)
            {
                _defrostRunSinceMs = nowMs;
            }

            _defrostRunning = reverseCycle;
            if (reverseCycle && nowMs - _defrostRunSinceMs > _settings.SecondsAsMs(SettingId.DefrostMaxTime))
            {
                Breach(Invariant.DefrostDuration, nowMs);
            }

            if (driven.Compressor && !indoorValid && !reverseCycle)
            {
                Breach(Invariant.IndoorReading, nowMs);
            }

            if (driven.Fault && (driven.Compressor || driven.AuxHeat))
            {
                Breach(Invariant.FaultOutputs, nowMs);
            }

            if (driven.Compressor && !driven.Defrost && outdoorValid)
            {
                bool heating = driven.ValveEnergised == (_settings.Get(SettingId.ValvePolarity) == 1);
                float limit = _settings.Tenths(heating ? SettingId.HeatLockoutOutdoor : SettingId.CoolLockoutOutdoor);
                if (outdoorC < limit)
                {
                    Breach(Invariant.AmbientLockout, nowMs);
                }
            }

            _last = driven;
        }

        private void Breach(Invariant which, long nowMs)
        {
            if (Total == 0)
            {
                First = which;
                FirstAtMs = nowMs;
            }

            _violations[(int)which]++;
        }
    }
}
