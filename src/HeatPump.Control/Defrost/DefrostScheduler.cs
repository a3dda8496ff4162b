using HeatPump.Control.Settings;

namespace HeatPump.Control.Defrost
{
    /// <summary>
    /// Decides when the outdoor coil needs a defrost. Time-temperature: compressor run time with a
    /// cold coil adds up to a fixed interval. Demand: the outdoor−coil temperature difference (ΔT)
    /// grows as frost blocks the airflow; it is compared with the clean-coil ΔT learned in the first
    /// settled run after each defrost, so a coil that is not frosting is left alone however long it
    /// runs (dry cold), and one that frosts fast is cleared early (humid cold). Falls back to time
    /// when the coil sensor is lost, and to time-temperature when the outdoor sensor is lost.
    /// </summary>
    public sealed class DefrostScheduler
    {
        /// <summary>Coil temperature falls for a few minutes after a start; ΔT is read only after this much run.</summary>
        public const long SettleMs = 300000;

        /// <summary>The clean-coil ΔT is the mean over this long after settling, in the first run after a defrost.</summary>
        public const long LearnMs = 180000;

        /// <summary>ΔT filter time constant, ms: smooths sensor noise and fan gusts.</summary>
        public const long FilterMs = 60000;

        /// <summary>
        /// How the clean-coil ΔT changes with outdoor temperature, K per K. A coil runs at about
        /// 0.82·To − 8.6 °C in heating (EPRI), so ΔT = 0.18·To + 8.6: it shrinks in colder air as
        /// capacity falls. Carrying the learned ΔT along this slope keeps the trigger honest while the
        /// outdoor temperature drifts between defrosts.
        /// </summary>
        public const float CleanDeltaTSlope = 0.18f;

        private readonly ControllerSettings _settings;
        private bool _learning;
        private long _learnedForMs;
        private float _learnSumDeltaT;
        private float _learnSumOutdoor;
        private int _learnSamples;
        private bool _filterPrimed;
        private bool _hadDefrost;

        /// <summary>Creates a scheduler for <paramref name="settings"/> in its power-up state.</summary>
        public DefrostScheduler(ControllerSettings settings)
        {
            _settings = settings;
            _learning = true;
        }

        /// <summary>Heating run time with a frosting coil since the last defrost, ms.</summary>
        public long FrostingRunMs { get; private set; }

        /// <summary>
        /// Compressor run time since the last defrost began, ms: heating, and the defrost's own reverse
        /// cycle, as a demand board's timer counts it for its minimum interval between defrosts.
        /// </summary>
        public long RunSinceDefrostMs { get; private set; }

        /// <summary>True once a clean-coil ΔT has been learned.</summary>
        public bool Calibrated { get; private set; }

        /// <summary>True while the clean-coil ΔT was learned without a defrost before it (after power-up the coil may already carry frost).</summary>
        public bool Provisional { get; private set; }

        /// <summary>Learned clean-coil ΔT, K.</summary>
        public float CleanDeltaT { get; private set; }

        /// <summary>Outdoor temperature at which <see cref="CleanDeltaT"/> was learned, °C.</summary>
        public float CleanAtOutdoorC { get; private set; }

        /// <summary>Filtered outdoor−coil ΔT of the present run, K (valid once the run has settled).</summary>
        public float DeltaT { get; private set; }

        /// <summary>A defrost is due, and why; None when not.</summary>
        public DefrostCause Due { get; private set; }

        /// <summary>True while the coil sensor's loss has the scheduler on time only.</summary>
        public bool TimeOnly { get; private set; }

        /// <summary>The ΔT above which a demand defrost starts, at <paramref name="outdoorC"/>, K.</summary>
        public float TriggerDeltaT(float outdoorC)
        {
            return CleanDeltaT + CleanDeltaTSlope * (outdoorC - CleanAtOutdoorC) + _settings.Tenths(SettingId.DemandMargin);
        }

        /// <summary>
        /// Takes one tick. <paramref name="heatingRunMs"/> is how long the compressor has been running
        /// in heat (0 when it is not), <paramref name="elapsedMs"/> the time since the last tick.
        /// </summary>
        public void Observe(long elapsedMs, long heatingRunMs, bool outdoorValid, float outdoorC, bool coilValid, float coilC)
        {
            Due = DefrostCause.None;
            TimeOnly = !coilValid;
            bool running = heatingRunMs > 0;
            bool frostPossible = !outdoorValid || outdoorC < _settings.Tenths(SettingId.DefrostOutdoorAbove);
            if (!running)
            {
                // The clean-coil ΔT is learned within one settled run; a stop starts the window again.
                _filterPrimed = false;
                RestartLearning();
                return;
            }

            RunSinceDefrostMs += elapsedMs;
            if (frostPossible && (!coilValid || coilC <= _settings.Tenths(SettingId.DefrostCoilFrosting)))
            {
                FrostingRunMs += elapsedMs;
            }

            bool settled = heatingRunMs >= SettleMs;
            if (coilValid && outdoorValid && settled)
            {
                Filter(outdoorC - coilC, elapsedMs);
                Learn(outdoorC, elapsedMs);
            }
            else if (!settled)
            {
                _filterPrimed = false;
            }

            if (!frostPossible)
            {
                return;
            }

            long interval = _settings.MinutesAsMs(SettingId.DefrostInterval);
            if (!coilValid)
            {
                Due = FrostingRunMs >= interval ? DefrostCause.TimeOnly : DefrostCause.None;
                return;
            }

            if (!outdoorValid || _settings.Get(SettingId.DefrostStrategy) == 1)
            {
                Due = FrostingRunMs >= interval ? DefrostCause.Interval : DefrostCause.None;
                return;
            }

            if (FrostingRunMs >= _settings.MinutesAsMs(SettingId.DemandBackstop))
            {
                Due = DefrostCause.Backstop;
            }
            else if ((!Calibrated || Provisional) && FrostingRunMs >= interval)
            {
                Due = DefrostCause.Interval;
            }
            else if (Calibrated && _filterPrimed && !_learning
                && RunSinceDefrostMs >= _settings.MinutesAsMs(SettingId.DemandMinInterval)
                && coilC < _settings.Tenths(SettingId.DemandCoilBelow)
                && DeltaT > TriggerDeltaT(outdoorC))
            {
                Due = DefrostCause.Demand;
            }
        }

        /// <summary>Forgets everything: counters, the learned clean-coil ΔT and the filter, as at power-up.</summary>
        public void Reset()
        {
            FrostingRunMs = 0;
            RunSinceDefrostMs = 0;
            Calibrated = false;
            Provisional = false;
            CleanDeltaT = 0f;
            CleanAtOutdoorC = 0f;
            DeltaT = 0f;
            Due = DefrostCause.None;
            _learning = true;
            _hadDefrost = false;
            _filterPrimed = false;
            RestartLearning();
        }

        /// <summary>A defrost has begun: the minimum interval to the next one counts from here.</summary>
        public void DefrostStarted()
        {
            RunSinceDefrostMs = 0;
        }

        /// <summary>Compressor run time of the defrost's reverse cycle, which counts toward the minimum interval.</summary>
        public void CountDefrostRun(long elapsedMs)
        {
            RunSinceDefrostMs += elapsedMs;
        }

        /// <summary>A defrost has ended: run-time counters restart and the next settled run relearns the clean-coil ΔT.</summary>
        public void DefrostEnded()
        {
            FrostingRunMs = 0;
            _learning = true;
            _hadDefrost = true;
            RestartLearning();
            Provisional = false;
            _filterPrimed = false;
            Due = DefrostCause.None;
        }

        private void Filter(float deltaT, long elapsedMs)
        {
            if (!_filterPrimed)
            {
                DeltaT = deltaT;
                _filterPrimed = true;
                return;
            }

            float a = (float)elapsedMs / (FilterMs + elapsedMs);
            DeltaT += a * (deltaT - DeltaT);
        }

        private void Learn(float outdoorC, long elapsedMs)
        {
            if (!_learning)
            {
                return;
            }

            _learnSumDeltaT += DeltaT;
            _learnSumOutdoor += outdoorC;
            _learnSamples++;
            _learnedForMs += elapsedMs;
            if (_learnedForMs < LearnMs)
            {
                return;
            }

            CleanDeltaT = _learnSumDeltaT / _learnSamples;
            CleanAtOutdoorC = _learnSumOutdoor / _learnSamples;
            Provisional = !_hadDefrost;
            Calibrated = true;
            _learning = false;
        }

        private void RestartLearning()
        {
            _learnedForMs = 0;
            _learnSumDeltaT = 0f;
            _learnSumOutdoor = 0f;
            _learnSamples = 0;
        }
    }
}
