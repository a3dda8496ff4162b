namespace HeatPump.Control.States
{
    /// <summary>
    /// Self-checks of the installation during normal running, from the two outdoor probes alone
    /// (docs/safety.md, "Self-checks"). Once per run, after <see cref="SettleMs"/> of steady heating or
    /// cooling with the outdoor fan, it compares the readings with the ones taken as the compressor
    /// started:
    /// <list type="bullet">
    /// <item>the outdoor-air reading moved as a coil does (down in heating, up in cooling) and ended on
    /// the coil's side of the coil reading (it sits on the coil), or the coil reading stayed with
    /// outdoor air (it is not on the coil): the probes are swapped or misplaced;</item>
    /// <item>otherwise the coil on the wrong side of outdoor air — above it in heating, where the
    /// outdoor coil is the evaporator, below it in cooling, where it is the condenser: the valve does
    /// the opposite of what the board drives (O/B set or wired the wrong way round).</item>
    /// </list>
    /// Runs interrupted by a defrost, or without both readings, are not judged.
    /// </summary>
    internal sealed class InstallCheck
    {
        /// <summary>How long a run must have lasted before it is judged: the coil has settled and a lagging probe has followed it.</summary>
        public const long SettleMs = 300000;

        /// <summary>The coil this far on the wrong side of outdoor air means a reversed valve, K (a working coil runs 5–15 K away).</summary>
        public const float WrongSideK = 3f;

        /// <summary>The outdoor-air reading moving this far in the first minutes of a run means it follows the coil, K.</summary>
        public const float OutdoorMoveK = 3f;

        /// <summary>A coil reading this close to outdoor air after the settle time is not on a working coil, K.</summary>
        public const float CoilTrackingK = 1.5f;

        /// <summary>
        /// A coil reading this close to outdoor air after the settle time reads the air itself (a probe
        /// off the coil reads it within its calibration error), K: one run names it.
        /// </summary>
        public const float CoilOnAirK = 0.75f;

        /// <summary>
        /// Judged runs in a row whose coil reading stays within <see cref="CoilTrackingK"/> (but not
        /// <see cref="CoilOnAirK"/>) of outdoor air before that names the probes misplaced: a unit whose
        /// coil runs only 2 K below −15 °C air reads that close on a lagging probe now and then, and one
        /// such run must not lock the compressor out for hours.
        /// </summary>
        public const int TrackingRuns = 3;

        private long _runSinceMs = long.MinValue;
        private bool _judgeable;
        private bool _judged;
        private float _outdoorAtStartC;
        private int _trackingRuns;

        /// <summary>Forgets the run under watch (power-up, output-test mode handed back).</summary>
        public void Reset()
        {
            _runSinceMs = long.MinValue;
            _judgeable = false;
            _judged = false;
            _trackingRuns = 0;
        }

        /// <summary>Watches the present tick; returns the fault the run reveals, or None.</summary>
        /// <param name="c">The tick's context.</param>
        /// <param name="steadyConditioning">True when the present state heats or cools steadily (not a defrost), so the run may be judged.</param>
        public FaultKind Check(ControllerContext c, bool steadyConditioning)
        {
            if (!c.CompressorOn)
            {
                _runSinceMs = long.MinValue;
                return FaultKind.None;
            }

            bool readings = c.In.OutdoorValid && c.In.CoilValid;
            if (c.In.Guard.CompressorSinceMs != _runSinceMs)
            {
                // A new run: remember where both probes stood as it began.
                _runSinceMs = c.In.Guard.CompressorSinceMs;
                _judged = false;
                _judgeable = readings;
                _outdoorAtStartC = c.In.OutdoorC;
            }

            if (!steadyConditioning || !readings)
            {
                // A defrost or a lost reading: this run proves nothing.
                _judgeable = false;
            }

            if (!_judgeable || _judged || c.CompressorForMs < SettleMs)
            {
                return FaultKind.None;
            }

            _judged = true;
            float outdoor = c.In.OutdoorC;
            float coil = c.In.CoilC;
            bool heating = c.ValveInHeating;

            // The outdoor reading moved the way a coil moves (down in heating, up in cooling) and ended
            // on the coil's side of the coil reading: a change in the weather moves both probes alike
            // and leaves the coil reading on its own side.
            float outdoorMove = heating ? _outdoorAtStartC - outdoor : outdoor - _outdoorAtStartC;
            bool outdoorOnCoilSide = heating ? outdoor < coil : outdoor > coil;
            if (outdoorMove >= OutdoorMoveK && outdoorOnCoilSide)
            {
                return FaultKind.ProbesSwapped;
            }

            if (Abs(coil - outdoor) < CoilTrackingK)
            {
                _trackingRuns++;
                return Abs(coil - outdoor) < CoilOnAirK || _trackingRuns >= TrackingRuns ? FaultKind.ProbesSwapped : FaultKind.None;
            }

            _trackingRuns = 0;

            if (heating ? coil > outdoor + WrongSideK : coil < outdoor - WrongSideK)
            {
                return FaultKind.ReversedValve;
            }

            return FaultKind.None;
        }

        private static float Abs(float x)
        {
            return x < 0f ? -x : x;
        }
    }
}
