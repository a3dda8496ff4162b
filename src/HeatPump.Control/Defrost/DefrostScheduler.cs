using HeatPump.Control.Settings;

namespace HeatPump.Control.Defrost
{
    /// <summary>
    /// Decides when the outdoor coil needs a defrost. Gated on the coil, never on outdoor air: frost
    /// forms wherever the coil runs below freezing and below the air's frost point, which in
    /// near-saturated air happens at +6…+9 °C outdoor too. Time-temperature: compressor run time with a
    /// coil below freezing adds up to a fixed interval. Demand: the outdoor−coil temperature
    /// difference (ΔT) grows as frost blocks the airflow; it is compared with the clean-coil ΔT
    /// learned in the first settled run after each defrost and carried along the outdoor temperature
    /// by a slope learned on this unit (<see cref="CleanSlope"/>), so a coil that is not frosting is
    /// left alone however long it runs (dry cold). Once past the trigger, a demand defrost waits until
    /// the frost has cost as much as a defrost (<see cref="FrostPenalty"/>), so a coil that frosts
    /// slowly carries more ice before it is cleared than one that frosts fast. An iced coil, or one
    /// far colder than a clean one can run, is cleared even inside the minimum interval. In air
    /// above freezing a stopped coil sheds its ice by itself: a stop that warms the coil probe above
    /// <see cref="ClearCoilC"/> counts as a clean coil (the frost count starts again and the clean-coil
    /// ΔT is relearned), and while stops do that, a defrost due near the end of a run is left to the
    /// stop when the frost left for the run costs less than a defrost (<see cref="RunLeftMinutes"/>).
    /// Falls back to time when the coil sensor is lost or reads what no running evaporator can
    /// (within 1 K of the outdoor air, or above it), and to time-temperature when the outdoor
    /// sensor is lost.
    /// </summary>
    public sealed class DefrostScheduler
    {
        /// <summary>
        /// Coil temperature falls for a few minutes after a start, and a probe in a well lags it by up
        /// to two minutes more: a run counts as settled (for learning the clean-coil ΔT and judging
        /// the probe) after at least this much run, once ΔT rises less than <see cref="SettleRiseK"/>
        /// in a minute or its rise stops slowing down.
        /// </summary>
        public const long SettleMs = 120000;

        /// <summary>A run counts as settled after this much run whatever ΔT does (a coil that frosts fast never stops rising).</summary>
        public const long MaxSettleMs = 600000;

        /// <summary>ΔT rise in one minute under which the coil and its probe count as settled, K.</summary>
        public const float SettleRiseK = 0.08f;

        /// <summary>A minute's rise above this share of the minute before's no longer slows as a settling coil's does: frost is building.</summary>
        public const float SettleSlowing = 0.85f;

        /// <summary>The clean-coil ΔT is the mean over this long after settling, in the first run after a defrost.</summary>
        public const long LearnMs = 180000;

        /// <summary>
        /// A defrost or a stop that comes before the learning window is full learns from the window so far
        /// if it holds at least this much settled run, ms: without it, on a coil that frosts fast the
        /// clean-coil ΔT learned at power-up (on a coil perhaps already carrying frost) would stand for good.
        /// </summary>
        public const long LearnShortestMs = 60000;

        /// <summary>The learned clean-coil ΔT is lowered by the frost the learning window shows building, by at most this share.</summary>
        public const float FrostBackoutShare = 0.12f;

        /// <summary>
        /// The share of a cool-down's rise left after half a learning window (90 s), at the slowest
        /// the tail dies away (0.75 a minute: a probe lagging three and a half minutes).
        /// </summary>
        public const float TailKeptOverHalfWindow = 0.65f;

        /// <summary>
        /// The most taken off a window in a run that settled on frost: its ΔT rose at least
        /// <see cref="FrostSettleRiseK"/> a minute and had stopped slowing, so the rise is frost, not
        /// the cool-down's tail.
        /// </summary>
        public const float FrostSettledBackoutShare = 0.3f;

        /// <summary>A minute's ΔT rise from which a run that settles because the rise stopped slowing counts as settled on frost, K.</summary>
        public const float FrostSettleRiseK = 0.25f;

        /// <summary>
        /// A run settled by <see cref="MaxSettleMs"/> counts as settled on frost when its last minute's
        /// rise kept more than this share of the minute before's: the tail of a cool-down keeps at most
        /// this much of itself a minute behind a probe lagging three and a half minutes (0.6 behind
        /// the two-minute probes documented).
        /// </summary>
        public const float LateFrostSlowing = 0.75f;

        /// <summary>
        /// Share of a frost-settled window's rate carried back to when the frost began: a coil frosts
        /// faster as the ice lowers its temperature, so the window's rate overstates the early one.
        /// </summary>
        public const float FrostSettledRateShare = 0.8f;

        /// <summary>
        /// Frosting run after a defrost, before the present run, past which the clean-coil ΔT is no
        /// longer learned until the next defrost, ms: five minutes of run below freezing can carry a
        /// fifth of the coil in ice on a fast-frosting unit.
        /// </summary>
        public const long LearnLateMs = 300000;

        /// <summary>ΔT filter time constant, ms: smooths sensor noise and fan gusts.</summary>
        public const long FilterMs = 60000;

        /// <summary>
        /// The prior for how the clean-coil ΔT changes with outdoor temperature, K per K, used until
        /// the unit's own clean-coil readings span enough outdoor temperatures. A coil runs at about
        /// 0.82·To − 8.6 °C in heating (EPRI), so ΔT = 0.18·To + 8.6; other units differ (from about
        /// −0.1 to +0.3 K/K), which is why the slope is learned.
        /// </summary>
        public const float PriorSlope = 0.18f;

        /// <summary>
        /// Weight of <see cref="PriorSlope"/>, K²: as much as clean-coil readings whose outdoor
        /// temperatures spread this much in the least-squares sense (two bands 5 K apart, learned
        /// four times each, weigh 50 K²: half prior, half data).
        /// </summary>
        public const float PriorWeightK2 = 50f;

        /// <summary>The learned slope is held within these bounds, K per K.</summary>
        public const float MinSlope = -0.3f;

        /// <summary>The learned slope is held within these bounds, K per K.</summary>
        public const float MaxSlope = 0.5f;

        /// <summary>Outdoor-temperature bands of the clean-coil table, 5 K wide from −25 °C up.</summary>
        public const int BandCount = 9;

        /// <summary>Lower edge of the first band, °C (colder readings fall in it).</summary>
        public const float FirstBandC = -25f;

        /// <summary>Width of a band, K.</summary>
        public const float BandWidthK = 5f;

        /// <summary>A band's average follows its latest readings with a weight of at least 1/this (a slow drift, a cleaned coil).</summary>
        public const int BandMemory = 4;

        /// <summary>
        /// A coil whose ΔT is this many times its clean-coil ΔT carries heavy frost: frost blocks
        /// the airflow, and ΔT grows in proportion (1 + k·ice, k from about 1 to 2 across units, so
        /// 1.3 × clean is 15–30 % of the coil iced). It is defrosted even inside the minimum interval,
        /// since an iced coil has lost much of its capacity and frosts the faster for it. The ΔT
        /// compared is the one expected <see cref="IcedLeadMs"/> ahead, at the rate it is rising.
        /// </summary>
        public const float IcedRatio = 1.3f;

        /// <summary>
        /// The iced test looks this far ahead along the ΔT's rise, ms: the filter and a probe in a
        /// well lag the coil by up to three minutes, in which a fast-frosting coil gains a tenth of
        /// its ice, and the rate itself is a minute old.
        /// </summary>
        public const long IcedLeadMs = 240000;

        /// <summary>
        /// What a defrost costs, in relative ΔT rise × minutes of run. Ice costs a heating run about
        /// 0.6 × its iced fraction of the output (capacity falls with the ice, power less so), and the
        /// relative ΔT rise is about 1.3 × the iced fraction, so a rise r held for a minute costs about
        /// half of r minute of heating; a defrost (reverse cycle, shifts, the restart) costs about
        /// 3 minutes of heating: 6 in these units.
        /// </summary>
        public const float DefrostCostRiseMin = 6f;

        /// <summary>
        /// How far ahead of a stop the frost is carried into the next run, ms: a run starts with the
        /// coil and probe cooling down, and the iced test can act only once it has settled and the
        /// filter has caught up. A coil that would be iced by then at the rate it frosted before the
        /// stop (ice frosts the faster) is defrosted as the next run starts.
        /// </summary>
        public const long CarryLeadMs = SettleMs + IcedLeadMs;

        /// <summary>
        /// How far apart the clean-coil slopes of the units documented lie, K per K (−0.1 to +0.3 against
        /// the prior's 0.18 or a learned one): a clean-coil ΔT carried this many kelvin along the slope
        /// may be off by this much per kelvin.
        /// </summary>
        public const float CarrySlopeSpread = 0.3f;

        /// <summary>Allowance for sensor noise and quantisation in the iced test, K.</summary>
        public const float IcedNoiseK = 0.5f;

        /// <summary>
        /// No clean coil runs this far below its air (clean coils run 2–14 K below it): a coil
        /// below freezing this cold is iced whatever was learned, even on a provisional calibration.
        /// </summary>
        public const float IcedDeltaTK = 20f;

        /// <summary>
        /// Before the first clean-coil ΔT learned after a defrost, a coil below freezing this far below
        /// its air counts as iced, K: clean coils of the units documented run at most 15 K below it
        /// (12 K at 0 °C, rising 0.3 K/K to +10 °C), and in near-saturated air at +5 °C a fast-frosting
        /// coil goes from clean to half iced within ten minutes of the first run after power-up.
        /// </summary>
        public const float UncalibratedIcedDeltaTK = 16f;

        /// <summary>
        /// A running evaporator is always colder than its air; a settled heating run whose coil reads
        /// less than this below the outdoor air has a coil probe that is not on the coil (or is on the
        /// wrong side), and its reading cannot stop the defrost clock.
        /// </summary>
        public const float ImplausibleDeltaTK = 1f;

        /// <summary>
        /// A stopped coil whose probe reads at least this warm has shed its ice: ice holds a coil at
        /// 0 °C until it has melted, and the probe reads up to 0.5 K off, °C.
        /// </summary>
        public const float ClearCoilC = 1.5f;

        /// <summary>How long a stopped coil must read <see cref="ClearCoilC"/> or warmer to count as cleared by the air, ms.</summary>
        public const long ClearHoldMs = 120000;

        /// <summary>The room's rise is read over at least this much of a run before it forecasts the run's end, ms.</summary>
        public const long RoomTrendMs = 300000;

        /// <summary>
        /// Deferring a defrost to the stop is given up once the ΔT ahead passes this many times the
        /// clean-coil ΔT (plus the noise allowance): 40 % of the coil iced on the unit that shows ice
        /// least in its ΔT.
        /// </summary>
        public const float DeferLimitRatio = 1.4f;

        /// <summary>
        /// The backstop stretches to at most this many times its setting while backstop defrosts keep
        /// finding a clean coil (24 h of frosting run at the default 6 h).
        /// </summary>
        public const int MaxBackstopStretch = 4;

        /// <summary>
        /// The stretch holds while the outdoor air stays within this many kelvin of the warmest it was
        /// over the frosting run the backstop found clean, K: warmer air can carry the moisture
        /// that the coil was spared.
        /// </summary>
        public const float StretchWarmingK = 2f;

        private readonly ControllerSettings _settings;
        private bool _learning;
        private long _learnedForMs;
        private float _learnSumDeltaT;
        private float _learnFirstDeltaT;
        private long _learnMidRunMs = -1;
        private float _learnMidDeltaT;
        private long _learnStartRunMs;
        private long _learnLastRunMs;
        private long _coilFrozeRunMs = -1;
        private bool _icedIfStopped;
        private long _lastDemandFrostingMs;
        private float _callDeltaT;
        private float _callOutdoorC;
        private bool _callSettled;
        private bool _callFrostCostly;
        private bool _callUnjudged;
        private float _warmestSinceDefrostC = float.MinValue;
        private float _callWarmestC;
        private float _stretchWarmestC;
        private DefrostCause _callCause;
        private bool _startsIced;
        private bool _dueAtStart;
        private float _learnSumOutdoor;
        private int _learnSamples;
        private bool _filterPrimed;
        private bool _settled;
        private bool _settledOnFrost;
        private long _markRunMs;
        private float _markDeltaT;
        private float _markRise;
        private float _markRiseBefore;
        private bool _riseSlowed;
        private bool _hadDefrost;
        private float _frostMinutes;
        private float _riseMinutes;
        private float _rise;
        private float _riseRatePerMin;
        private float _lastRatePerMin;
        private bool _ratePrimed;
        private float _riseMark;
        private long _riseMarkMs;
        private readonly float[] _bandOutdoorC = new float[BandCount];
        private readonly float[] _bandDeltaT = new float[BandCount];
        private readonly int[] _bandReadings = new int[BandCount];
        private long _clearForMs;
        private bool _stopsClear;
        private bool _stoppedOff;
        private bool _defrosting;
        private bool _roomValid;
        private float _roomC;
        private float _roomStopC;
        private float _roomMarkC;
        private long _roomMarkMs = -1;

        /// <summary>Creates a scheduler for <paramref name="settings"/> in its power-up state.</summary>
        public DefrostScheduler(ControllerSettings settings)
        {
            _settings = settings;
            _learning = true;
            CleanSlope = PriorSlope;
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

        /// <summary>
        /// How the clean-coil ΔT moves with outdoor temperature on this unit, K per K: the
        /// least-squares slope of the clean-coil table, pulled toward <see cref="PriorSlope"/> by
        /// <see cref="PriorWeightK2"/>, within <see cref="MinSlope"/>..<see cref="MaxSlope"/>.
        /// </summary>
        public float CleanSlope { get; private set; }

        /// <summary>Clean-coil readings (one per defrost) the table holds in all, for the display and tests.</summary>
        public int CleanReadings { get; private set; }

        /// <summary>True while the coil probe reads what no running evaporator can (see <see cref="ImplausibleDeltaTK"/>).</summary>
        public bool CoilImplausible { get; private set; }

        /// <summary>Filtered outdoor−coil ΔT of the present run, K (read from the start of the run; low until it has settled).</summary>
        public float DeltaT { get; private set; }

        /// <summary>
        /// The filtered ΔT's rise above the clean-coil ΔT expected at this outdoor temperature, as a
        /// share of it (0.3: 30 % above clean); 0 until calibrated.
        /// </summary>
        public float Rise => _rise;

        /// <summary>
        /// How much the frost since the last defrost has cost over what it costs now, in relative ΔT
        /// rise × minutes of settled run: t·r(t) − ∫r. The share of heating lost to frost averaged over
        /// a frosting period and its defrost is lowest when this reaches <see cref="DefrostCostRiseMin"/>.
        /// </summary>
        public float FrostPenalty => _frostMinutes * _rise - _riseMinutes;

        /// <summary>A defrost is due, and why; None when not.</summary>
        public DefrostCause Due { get; private set; }

        /// <summary>
        /// How many times the <c>defrost.demand.backstop</c> setting the backstop now waits: 1 after
        /// power-up, after any defrost that found frost and once the air warms
        /// <see cref="StretchWarmingK"/> past the frosting run last found clean; doubled (to at most
        /// <see cref="MaxBackstopStretch"/>) by each backstop defrost that the clean ΔT learned after it
        /// shows was called on a clean coil.
        /// </summary>
        public int BackstopStretch { get; private set; } = 1;

        /// <summary>True while the coil sensor's loss has the scheduler on time only.</summary>
        public bool TimeOnly { get; private set; }

        /// <summary>The ΔT above which a demand defrost starts, at <paramref name="outdoorC"/>, K.</summary>
        public float TriggerDeltaT(float outdoorC)
        {
            return CleanAt(outdoorC) + _settings.Tenths(SettingId.DemandMargin);
        }

        /// <summary>
        /// The clean-coil ΔT expected at <paramref name="outdoorC"/>, K: the table's reading for that
        /// outdoor-temperature band when it has one (and the latest learned one is from another band),
        /// else the latest learned one; either carried along <see cref="CleanSlope"/>.
        /// </summary>
        public float CleanAt(float outdoorC)
        {
            int band = Band(outdoorC);
            if (_bandReadings[band] > 0 && band != Band(CleanAtOutdoorC))
            {
                return _bandDeltaT[band] + CleanSlope * (outdoorC - _bandOutdoorC[band]);
            }

            return CleanDeltaT + CleanSlope * (outdoorC - CleanAtOutdoorC);
        }

        /// <summary>True when the clean-coil table holds a reading for the band of <paramref name="outdoorC"/>.</summary>
        private bool BandLearned(float outdoorC)
        {
            return _bandReadings[Band(outdoorC)] > 0;
        }

        private static int Band(float outdoorC)
        {
            if (!(outdoorC >= FirstBandC))
            {
                return 0;
            }

            int band = (int)((outdoorC - FirstBandC) / BandWidthK);
            return band < BandCount ? band : BandCount - 1;
        }

        /// <summary>The ΔT at which the coil counts as iced and is defrosted inside the minimum interval, K.</summary>
        public float IcedTriggerDeltaT(float outdoorC)
        {
            float iced = IcedRatio * CleanAt(outdoorC) + IcedNoiseK;
            return iced < IcedDeltaTK ? iced : IcedDeltaTK;
        }

        /// <summary>
        /// Takes one tick. <paramref name="heatingRunMs"/> is how long the compressor has been running
        /// in heat (0 when it is not), <paramref name="elapsedMs"/> the time since the last tick.
        /// </summary>
        public void Observe(long elapsedMs, long heatingRunMs, bool outdoorValid, float outdoorC, bool coilValid, float coilC)
        {
            Due = DefrostCause.None;
            _dueAtStart = false;
            TimeOnly = !coilValid;
            bool running = heatingRunMs > 0;
            if (!running)
            {
                ObserveStopped(elapsedMs, outdoorValid, coilValid, coilC);
                _roomMarkMs = -1;

                // The clean-coil ΔT is learned within one settled run. A run the thermostat ends with a
                // minute or more of the window teaches from it, as one a defrost cuts short does: where
                // the runs are shorter than the window, nothing would be learned at a new outdoor
                // temperature, and a clean coil there would be judged by the value carried to it (a
                // cold snap with 4-minute runs: 51 defrosts in 12 h; now 2). Otherwise the stop starts
                // the window again.
                if (_learning && _learnSamples > 0 && _learnedForMs >= LearnShortestMs)
                {
                    FinishLearning(_learnLastRunMs);
                }

                _filterPrimed = false;
                _settled = false;
                _settledOnFrost = false;
                _riseMarkMs = -1;
                _riseRatePerMin = 0f;
                _coilFrozeRunMs = -1;
                RestartLearning();
                return;
            }

            if (_stoppedOff)
            {
                // The stop just over tells whether stops clear the coil in this weather, and whether
                // the coil comes out of it still carrying the last run's frost.
                _stopsClear = _clearForMs >= ClearHoldMs;
                _startsIced = !_stopsClear && (_icedIfStopped
                    || (_lastDemandFrostingMs > 0 && FrostingRunMs > 0 && FrostingRunMs + CarryLeadMs >= _lastDemandFrostingMs));
                _stoppedOff = false;
            }

            _clearForMs = 0;
            if (_roomMarkMs < 0 && _roomValid)
            {
                _roomMarkMs = heatingRunMs;
                _roomMarkC = _roomC;
            }

            RunSinceDefrostMs += elapsedMs;
            if (coilValid && _coilFrozeRunMs < 0 && coilC < 0f)
            {
                _coilFrozeRunMs = heatingRunMs;
            }

            if (outdoorValid)
            {
                if (outdoorC > _warmestSinceDefrostC)
                {
                    _warmestSinceDefrostC = outdoorC;
                }

                if (BackstopStretch > 1 && outdoorC > _stretchWarmestC)
                {
                    BackstopStretch = 1;
                }
            }

            if (coilValid && outdoorValid)
            {
                // ΔT is read from the start of the run: while the coil is still cooling down it reads
                // low, never high, so a frost decision made on it is never early; a coil carrying
                // ice from the last run is seen within minutes.
                Filter(outdoorC - coilC, elapsedMs, heatingRunMs);
                Settle(heatingRunMs);

                // Where a defrost called now would be called, to judge it once the clean ΔT is known there.
                _callOutdoorC = outdoorC;
                if (_settled)
                {
                    Learn(outdoorC, elapsedMs, heatingRunMs);
                    Account(outdoorC, elapsedMs, heatingRunMs);
                }
            }

            // A probe that reads the coil at or above the air of a settled heating run is not on the
            // coil; the clock then runs as if the coil froze, so no reading can hold a defrost off.
            CoilImplausible = coilValid && outdoorValid && _settled && DeltaT < ImplausibleDeltaTK;
            bool frosting = !coilValid || CoilImplausible || coilC <= _settings.Tenths(SettingId.DefrostCoilFrosting);
            if (frosting)
            {
                FrostingRunMs += elapsedMs;
            }

            long interval = _settings.MinutesAsMs(SettingId.DefrostInterval);
            if (!coilValid)
            {
                Due = FrostingRunMs >= interval ? DefrostCause.TimeOnly : DefrostCause.None;
                return;
            }

            if (!outdoorValid || CoilImplausible || _settings.DefrostStrategy == DefrostStrategy.TimeTemperature)
            {
                Due = FrostingRunMs >= interval ? DefrostCause.Interval : DefrostCause.None;
                return;
            }

            if (FrostingRunMs >= BackstopStretch * _settings.MinutesAsMs(SettingId.DemandBackstop))
            {
                Due = DefrostCause.Backstop;
                return;
            }

            if ((!Calibrated || Provisional) && FrostingRunMs >= interval)
            {
                Due = DefrostCause.Interval;
                return;
            }

            // While a new clean-coil ΔT is being learned the last one stands: a coil that went
            // into this run iced must not wait for the window.
            if (!_filterPrimed)
            {
                return;
            }

            // A coil colder than any clean coil runs is iced whatever was learned (after power-up the
            // first calibration may have been made on an iced coil). But a coil a defrost has just
            // cleared, on a unit that has not yet learned its clean coil, is judged by nothing until
            // it has: a unit whose clean coil runs colder than the uncalibrated bound (13 K at 0 °C,
            // rising 0.25 K/K into the cold: 17 K at −18 °C) was otherwise defrosted as each run
            // began, every 13 minutes, the house 5,100 K·h cold in a fortnight of dry cold.
            bool freezing = coilC < 0f;
            if (freezing && (Calibrated || !_hadDefrost) && DeltaT > (Calibrated && !Provisional ? IcedDeltaTK : UncalibratedIcedDeltaTK))
            {
                Due = DefrostCause.Demand;
                return;
            }

            if (_startsIced && coilC < ClearCoilC)
            {
                // The last run stopped on a coil frosting so fast it would be iced before this run's
                // cool-down lets the iced test see it: clear it now, not after a run on it.
                Due = DefrostCause.Demand;
                _dueAtStart = true;
                return;
            }

            // A coil a defrost has just cleared is clean: at an outdoor temperature the table has no
            // clean-coil reading for, the one carried there along the slope may be wrong for this unit
            // (judged by it, a clean coil in a cold snap read as iced and was defrosted every quarter of
            // an hour). Until this run has learned its own (within MaxSettleMs + LearnMs of run, or
            // given up after LearnLateMs), only the iced test judges it, against the ΔT the run settled
            // at if that is higher: a clean coil's, or above it by the frost since.
            bool unlearned = _learning && _hadDefrost && !BandLearned(outdoorC);
            if (!Calibrated)
            {
                return;
            }

            float clean = CleanAt(outdoorC);
            if (unlearned && _learnSamples == 0)
            {
                // Before the window, on a coil that frosts too fast to settle: the carried value may be
                // off by as much as the slopes of the units documented differ, over the distance carried.
                float carried = outdoorC - CleanAtOutdoorC;
                clean += CarrySlopeSpread * (carried < 0f ? -carried : carried);
            }
            else if (unlearned && _learnFirstDeltaT > clean)
            {
                clean = _learnFirstDeltaT;
            }

            float icedAt = IcedRatio * clean + IcedNoiseK;
            if (icedAt > IcedDeltaTK)
            {
                icedAt = IcedDeltaTK;
            }

            float trigger = clean + _settings.Tenths(SettingId.DemandMargin);

            // The iced test looks ahead along the rise (only while it rises), so the lag of the probe
            // and the filter does not let a fast-frosting coil ice past it.
            float ahead = DeltaT;
            if (_settled && _riseRatePerMin > 0f)
            {
                ahead += _riseRatePerMin * CleanAt(outdoorC) * IcedLeadMs / 60000f;
            }

            if (((freezing && ahead > icedAt && DeltaT > trigger)
                || (!unlearned
                    && RunSinceDefrostMs >= _settings.MinutesAsMs(SettingId.DemandMinInterval)
                    && coilC < _settings.Tenths(SettingId.DemandCoilBelow)
                    && DeltaT > trigger
                    && FrostPenalty >= DefrostCostRiseMin))
                && !StopClearsFirst(heatingRunMs, outdoorC, ahead))
            {
                Due = DefrostCause.Demand;
            }
        }

        /// <summary>
        /// Takes the room temperature and the temperature at which the thermostat will end the run,
        /// before <see cref="Observe"/> in the same tick: in weather where a stopped coil sheds its
        /// ice in the air, a defrost is only worth its cost if the run goes on long enough.
        /// </summary>
        public void ObserveRoom(bool indoorValid, float indoorC, float stopAtC)
        {
            _roomValid = indoorValid;
            _roomC = indoorC;
            _roomStopC = stopAtC;
        }

        /// <summary>
        /// Minutes of run left until the thermostat is satisfied, at the room's rise since the run began;
        /// −1 when unknown or when the room is not rising.
        /// </summary>
        public float RunLeftMinutes(long heatingRunMs)
        {
            if (!_roomValid || _roomMarkMs < 0 || heatingRunMs - _roomMarkMs < RoomTrendMs)
            {
                return -1f;
            }

            float rate = (_roomC - _roomMarkC) * 60000f / (heatingRunMs - _roomMarkMs);
            if (rate <= 0.005f)
            {
                return -1f;
            }

            float left = (_roomStopC - _roomC) / rate;
            return left > 0f ? left : 0f;
        }

        /// <summary>
        /// A stopped coil in air above freezing warms through 0 °C once its ice has melted: held
        /// there for <see cref="ClearHoldMs"/>, it is as clean as after a defrost, so the frost count
        /// starts again and the next settled run relearns the clean-coil ΔT.
        /// </summary>
        private void ObserveStopped(long elapsedMs, bool outdoorValid, bool coilValid, float coilC)
        {
            if (_defrosting)
            {
                return;
            }

            _stoppedOff = true;
            if (!coilValid || !outdoorValid || coilC < ClearCoilC)
            {
                _clearForMs = 0;
                return;
            }

            if (_clearForMs >= ClearHoldMs)
            {
                return;
            }

            _clearForMs += elapsedMs;
            if (_clearForMs >= ClearHoldMs && (FrostingRunMs > 0 || _frostMinutes > 0f))
            {
                FrostingRunMs = 0;
                ForgetFrost();
                _learning = true;
                _hadDefrost = true;
            }
        }

        /// <summary>
        /// True when the run will end soon enough that the stop, not a defrost, should clear the coil:
        /// the last stop cleared it in the air, the frost left for the rest of the run costs less than
        /// a defrost (rise × minutes left, against <see cref="DefrostCostRiseMin"/>), and the ΔT ahead
        /// is under <see cref="DeferLimitRatio"/> × clean.
        /// </summary>
        private bool StopClearsFirst(long heatingRunMs, float outdoorC, float ahead)
        {
            float limit = DeferLimitRatio * CleanAt(outdoorC) + IcedNoiseK;
            if (!_stopsClear || ahead > limit)
            {
                return false;
            }

            float left = RunLeftMinutes(heatingRunMs);
            if (left < 0f || _rise * left >= DefrostCostRiseMin)
            {
                return false;
            }

            // The coil must not ice past the limit before the stop either.
            float rate = _riseRatePerMin > 0f ? _riseRatePerMin : 0f;
            return ahead + rate * CleanAt(outdoorC) * left < limit;
        }

        /// <summary>Forgets everything: counters, the learned clean-coil ΔT and the filter, as at power-up.</summary>
        public void Reset()
        {
            FrostingRunMs = 0;
            RunSinceDefrostMs = 0;
            _clearForMs = 0;
            _stopsClear = false;
            _stoppedOff = false;
            _defrosting = false;
            _roomMarkMs = -1;
            Calibrated = false;
            Provisional = false;
            CleanDeltaT = 0f;
            CleanAtOutdoorC = 0f;
            DeltaT = 0f;
            Due = DefrostCause.None;
            _learning = true;
            _hadDefrost = false;
            _filterPrimed = false;
            _settled = false;
            _settledOnFrost = false;
            _coilFrozeRunMs = -1;
            _lastDemandFrostingMs = 0;
            CoilImplausible = false;
            BackstopStretch = 1;
            _callSettled = false;
            _callFrostCostly = false;
            _callUnjudged = false;
            _callCause = DefrostCause.None;
            _warmestSinceDefrostC = float.MinValue;
            CleanSlope = PriorSlope;
            ForgetFrost();
            CleanReadings = 0;
            for (int i = 0; i < BandCount; i++)
            {
                _bandOutdoorC[i] = 0f;
                _bandDeltaT[i] = 0f;
                _bandReadings[i] = 0;
            }

            RestartLearning();
        }

        /// <summary>A defrost has begun: the minimum interval to the next one counts from here.</summary>
        public void DefrostStarted()
        {
            // How much frosting run the coil took to need this defrost tells how fast it frosts now; a
            // defrost called as a run starts, on that figure alone, tells nothing new (counted, it
            // would shrink to the thermostat's runs and call one at every start in drier weather).
            _lastDemandFrostingMs = Due == DefrostCause.Demand && !_dueAtStart ? FrostingRunMs : 0;
            _callDeltaT = DeltaT;
            _callSettled = _settled;
            _callFrostCostly = FrostPenalty >= DefrostCostRiseMin;
            _callWarmestC = _warmestSinceDefrostC;
            _callUnjudged = true;
            _callCause = Due;
            if (_learning && _learnSamples > 0 && _learnedForMs >= LearnShortestMs)
            {
                FinishLearning(_learnLastRunMs);
            }

            RunSinceDefrostMs = 0;
            _defrosting = true;
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
            _warmestSinceDefrostC = float.MinValue;
            _defrosting = false;
            _clearForMs = 0;
            _learning = true;
            _hadDefrost = true;
            RestartLearning();
            Provisional = false;
            _filterPrimed = false;
            _settled = false;
            _settledOnFrost = false;
            Due = DefrostCause.None;
            ForgetFrost();
        }

        private void ForgetFrost()
        {
            _icedIfStopped = false;
            _startsIced = false;
            _frostMinutes = 0f;
            _riseMinutes = 0f;
            _rise = 0f;
            _riseRatePerMin = 0f;
            _riseMarkMs = -1;
        }

        /// <summary>
        /// Adds a settled tick to the frost account: the relative rise of ΔT over clean, its integral
        /// and the settled run time since the last defrost, and the rise's rate per minute (from one
        /// minute to the next, within one run).
        /// </summary>
        private void Account(float outdoorC, long elapsedMs, long heatingRunMs)
        {
            if (!Calibrated)
            {
                return;
            }

            float clean = CleanAt(outdoorC);
            if (clean < ImplausibleDeltaTK)
            {
                clean = ImplausibleDeltaTK;
            }

            _rise = DeltaT / clean - 1f;
            float minutes = elapsedMs / 60000f;
            _frostMinutes += minutes;
            _riseMinutes += _rise * minutes;
            if (_riseMarkMs < 0)
            {
                _riseMarkMs = heatingRunMs;
                _riseMark = _rise;
                _riseRatePerMin = 0f;
                _ratePrimed = false;
            }
            else if (heatingRunMs - _riseMarkMs >= 60000)
            {
                // The slower of this minute's rise and the last: the tail of the cool-down of a probe
                // in a well can still add to the first minutes of frost, and a rise that is truly
                // building keeps its rate from one minute to the next.
                float rate = (_rise - _riseMark) * 60000f / (heatingRunMs - _riseMarkMs);
                _riseRatePerMin = _ratePrimed && _lastRatePerMin < rate ? _lastRatePerMin : rate;
                _lastRatePerMin = rate;
                _ratePrimed = true;
                _riseMarkMs = heatingRunMs;
                _riseMark = _rise;
            }

            float carried = _riseRatePerMin > 0f ? _riseRatePerMin : 0f;
            _icedIfStopped = (_rise + carried * CarryLeadMs / 60000f) * clean > (IcedRatio - 1f) * clean + IcedNoiseK;
        }

        private void Filter(float deltaT, long elapsedMs, long heatingRunMs)
        {
            if (!_filterPrimed)
            {
                DeltaT = deltaT;
                _filterPrimed = true;
                _markRunMs = heatingRunMs;
                _markDeltaT = deltaT;
                _markRise = -1f;
                _riseSlowed = false;
                return;
            }

            float a = (float)elapsedMs / (FilterMs + elapsedMs);
            DeltaT += a * (deltaT - DeltaT);
        }

        private void Settle(long heatingRunMs)
        {
            if (_settled)
            {
                return;
            }

            if (heatingRunMs >= MaxSettleMs)
            {
                // No cool-down is still this steep and this slow to die away after ten minutes: a
                // rise that keeps more than three quarters of itself from one minute to the next is frost.
                _settled = true;
                _settledOnFrost = _markRise >= FrostSettleRiseK && _markRise > LateFrostSlowing * _markRiseBefore;
                return;
            }

            if (heatingRunMs - _markRunMs < 60000)
            {
                return;
            }

            // The cool-down of the coil and its probe, once past its steepest, dies away by at least a
            // third each minute; a rise that then stops slowing is frost building up, not the
            // start-up, and waiting longer would only learn the frost as clean.
            float rise = DeltaT - _markDeltaT;
            float before = _markRise;
            _markRiseBefore = before;
            _markRunMs = heatingRunMs;
            _markDeltaT = DeltaT;
            _markRise = rise;
            bool slowedBefore = _riseSlowed;
            _riseSlowed = before >= 0f && rise < before;
            bool building = slowedBefore && rise > SettleSlowing * before;
            _settledOnFrost = building && rise >= FrostSettleRiseK;
            _settled = heatingRunMs >= SettleMs && (rise < SettleRiseK || building);
        }

        private void Learn(float outdoorC, long elapsedMs, long heatingRunMs)
        {
            if (!_learning)
            {
                return;
            }

            if (_hadDefrost && FrostingRunMs - heatingRunMs > LearnLateMs)
            {
                // The thermostat ended the runs after the defrost before the window was full, and
                // the coil has frosted since: it is no longer clean, so the last clean-coil ΔT stands
                // until the next defrost (learning it now would take frost for clean).
                _learning = false;
                RestartLearning();
                return;
            }

            if (DeltaT < ImplausibleDeltaTK)
            {
                // No calibration on a probe that is not on the coil.
                RestartLearning();
                return;
            }

            if (_learnSamples == 0)
            {
                _learnFirstDeltaT = DeltaT;
                _learnStartRunMs = heatingRunMs;
            }

            _learnSumDeltaT += DeltaT;
            _learnSumOutdoor += outdoorC;

            _learnSamples++;
            _learnedForMs += elapsedMs;
            _learnLastRunMs = heatingRunMs;
            if (_learnMidRunMs < 0 && _learnedForMs >= LearnMs / 2)
            {
                _learnMidRunMs = heatingRunMs;
                _learnMidDeltaT = DeltaT;
            }

            // The first calibration after power-up is made as soon as the run settles on frost: until
            // there is one, only a coil far colder than any clean one is judged iced, which a
            // fast-frosting coil reaches half iced.
            if (_learnedForMs >= LearnMs || (!Calibrated && _settledOnFrost))
            {
                FinishLearning(heatingRunMs);
            }
        }

        /// <summary>
        /// Sets the clean-coil ΔT from the learning window so far: its mean, less the frost the window
        /// shows building. Frost starts once the coil is below freezing and shows in the filtered ΔT a
        /// filter time later, so the window's steady rise is carried back to then (to a minute into the
        /// run when the probe never read below freezing). The rise is partly what is left of the
        /// cool-down of the coil and its probe, so at most <see cref="FrostBackoutShare"/> of the
        /// reading is taken off (40 % was tried: on units whose ice shows strongly in ΔT it learned
        /// the clean coil low, and the iced test then fired so early that no window ever filled again).
        /// A run that settled on frost has no cool-down left in its rise: up to
        /// <see cref="FrostSettledBackoutShare"/> comes off (a unit that frosts from clean to half iced
        /// in ten minutes settles with a fifth of its coil iced, and learned 10–20 % high, its iced
        /// test fired only at half iced). A whole window splits its rise into what dies away between
        /// its halves (the cool-down's tail, taken at the slowest a probe lets it fade,
        /// <see cref="TailKeptOverHalfWindow"/>) and the steady rise, which alone is frost: after a
        /// defrost behind a slow probe the tail at ten minutes was taken for frost and the clean coil
        /// learned 17 % low. A window shorter than <see cref="LearnShortestMs"/> takes the settling
        /// minute's rise as its rate.
        /// </summary>
        private void FinishLearning(long heatingRunMs)
        {
            float mean = _learnSumDeltaT / _learnSamples;
            long window = heatingRunMs - _learnStartRunMs;
            float risePerMs = window >= LearnShortestMs ? (DeltaT - _learnFirstDeltaT) / window : _markRise / 60000f;
            long half = _learnMidRunMs - _learnStartRunMs;
            if (_learnMidRunMs >= 0 && half > 0 && heatingRunMs - _learnMidRunMs >= half)
            {
                // A whole window: what is left of a cool-down dies away between its halves, frost
                // does not. Taking the rise of the first half as all tail, dying at the slowest a
                // probe lets it, the steady part is the frost.
                float first = _learnMidDeltaT - _learnFirstDeltaT;
                float second = DeltaT - _learnMidDeltaT;
                float steady = (second - first * TailKeptOverHalfWindow) / (1f - TailKeptOverHalfWindow);
                risePerMs = steady > 0f ? steady / (heatingRunMs - _learnMidRunMs) : 0f;
            }

            float backout = 0f;
            long frostSeenFromMs = (_coilFrozeRunMs >= 0 ? _coilFrozeRunMs : 0) + FilterMs;
            long frostingFor = (_learnStartRunMs + heatingRunMs) / 2 - frostSeenFromMs;
            if (risePerMs > 0f && frostingFor > 0)
            {
                backout = risePerMs * frostingFor;
                float most = FrostBackoutShare * mean;
                if (_settledOnFrost)
                {
                    backout *= FrostSettledRateShare;
                    most = FrostSettledBackoutShare * mean;
                }

                if (backout > most)
                {
                    backout = most;
                }
            }

            CleanDeltaT = mean - backout;
            CleanAtOutdoorC = _learnSumOutdoor / _learnSamples;
            Provisional = !_hadDefrost;
            Calibrated = true;
            _learning = false;
            if (!Provisional)
            {
                // Only a coil just cleared by a defrost is known clean: it alone teaches the table.
                AddCleanReading(CleanAtOutdoorC, CleanDeltaT);
                bool calledClean = _callDeltaT < (1f + 0.5f * (IcedRatio - 1f)) * CleanAt(_callOutdoorC);
                if (calledClean)
                {
                    // The defrost was called on a coil that reads as clean now that its ΔT is known
                    // here: it tells nothing of how fast the coil frosts.
                    _lastDemandFrostingMs = 0;
                }

                if (_callUnjudged)
                {
                    // Judged once, by the first clean ΔT learned after the defrost. A backstop called
                    // in a settled run (early in a run the coil is still cooling down and reads clean
                    // whatever it carries) on a coil that reads clean, with the frost account short of
                    // a defrost's cost, was a defrost the demand test rightly held off (in dry cold a
                    // clean coil was defrosted every 6 h of run, 1-2 % of the heating's electricity):
                    // the next backstop waits twice as long. A defrost that found frost, or a slow
                    // rise the demand margin alone held off, says this weather frosts the coil: the
                    // backstop is back at its setting in case the demand test misses it.
                    if (!calledClean || _callFrostCostly)
                    {
                        BackstopStretch = 1;
                    }
                    else if (_callCause == DefrostCause.Backstop && _callSettled)
                    {
                        if (BackstopStretch < MaxBackstopStretch)
                        {
                            BackstopStretch *= 2;
                        }

                        _stretchWarmestC = _callWarmestC + StretchWarmingK;
                    }

                    _callUnjudged = false;
                }
            }
        }

        private void AddCleanReading(float outdoorC, float deltaT)
        {
            int band = Band(outdoorC);
            int n = _bandReadings[band] + 1;
            if (n > BandMemory)
            {
                n = BandMemory;
            }

            if (_bandReadings[band] < int.MaxValue)
            {
                _bandReadings[band]++;
            }

            _bandOutdoorC[band] += (outdoorC - _bandOutdoorC[band]) / n;
            _bandDeltaT[band] += (deltaT - _bandDeltaT[band]) / n;
            if (CleanReadings < int.MaxValue)
            {
                CleanReadings++;
            }

            CleanSlope = FitSlope();
        }

        /// <summary>
        /// Weighted least squares over the bands that hold readings (weight: readings, at most
        /// <see cref="BandMemory"/>), with the prior slope counted as <see cref="PriorWeightK2"/> of
        /// spread; bounded.
        /// </summary>
        private float FitSlope()
        {
            float sumW = 0f;
            float sumX = 0f;
            float sumY = 0f;
            for (int i = 0; i < BandCount; i++)
            {
                float w = Weight(i);
                sumW += w;
                sumX += w * _bandOutdoorC[i];
                sumY += w * _bandDeltaT[i];
            }

            if (sumW <= 0f)
            {
                return PriorSlope;
            }

            float meanX = sumX / sumW;
            float meanY = sumY / sumW;
            float sxx = 0f;
            float sxy = 0f;
            for (int i = 0; i < BandCount; i++)
            {
                float w = Weight(i);
                float dx = _bandOutdoorC[i] - meanX;
                sxx += w * dx * dx;
                sxy += w * dx * (_bandDeltaT[i] - meanY);
            }

            float slope = (sxy + PriorWeightK2 * PriorSlope) / (sxx + PriorWeightK2);
            if (slope < MinSlope)
            {
                return MinSlope;
            }

            return slope > MaxSlope ? MaxSlope : slope;
        }

        private float Weight(int band)
        {
            int n = _bandReadings[band];
            return n > BandMemory ? BandMemory : n;
        }

        private void RestartLearning()
        {
            _learnMidRunMs = -1;
            _learnedForMs = 0;
            _learnSumDeltaT = 0f;
            _learnSumOutdoor = 0f;
            _learnSamples = 0;
        }
    }
}
