namespace HeatPump.Control.Commissioning
{
    /// <summary>
    /// One mode of a commissioning run: the readings as the compressor was asked to start and as the
    /// run ended (or a pressure switch opened), and what they say about that mode alone. The run
    /// combines both modes' verdicts into its findings (<see cref="CommissioningRun"/>).
    /// </summary>
    public sealed class ModeCheck
    {
        /// <summary>A probe that moved this far during the run follows the refrigerant, K.</summary>
        public const float MovedK = 3f;

        /// <summary>A coil reading that moved less than this and ended this close to outdoor air is not on the coil, K.</summary>
        public const float StillK = 1.5f;

        /// <summary>The coil this far on the wrong side of outdoor air runs the other mode, K (a working coil runs 5–15 K away on its own side).</summary>
        public const float WrongSideK = 3f;

        /// <summary>
        /// The outdoor coil this far from outdoor air has no air over it, K: a condenser or evaporator
        /// with its fan turning runs within about 20 K of the air, one in still air runs away from it.
        /// </summary>
        public const float NoOutdoorAirK = 25f;

        /// <summary>Cooling split across the indoor coil above this: the supply air stands at the coil's temperature, no air moves, K.</summary>
        public const float CoolingNoAirSplitK = 14f;

        /// <summary>Cooling split below this: the coil takes too little heat, K (installers expect about 8–12 K).</summary>
        public const float CoolingWeakSplitK = 5f;

        /// <summary>Heating split above this: no air moves over the indoor coil, K.</summary>
        public const float HeatingNoAirSplitK = 25f;

        /// <summary>Heating split below this: the coil gives too little heat, K (heat pumps run about 12–20 K).</summary>
        public const float HeatingWeakSplitK = 10f;

        private readonly bool _heating;

        /// <summary>A check for the heating (true) or cooling (false) mode.</summary>
        public ModeCheck(bool heating)
        {
            _heating = heating;
        }

        /// <summary>True for the heating mode.</summary>
        public bool Heating
        {
            get { return _heating; }
        }

        /// <summary>The mode ran and was judged.</summary>
        public bool Tested { get; private set; }

        /// <summary>Why it was not tested (None when it was, or before the run reached it).</summary>
        public UntestedReason Untested { get; private set; }

        /// <summary>The pressure switch that opened during the run: None, HighPressure or LowPressure.</summary>
        public FaultKind Trip { get; private set; }

        /// <summary>Outdoor-air reading as the start was asked for, °C.</summary>
        public float OutdoorStartC { get; private set; }

        /// <summary>Coil reading as the start was asked for, °C.</summary>
        public float CoilStartC { get; private set; }

        /// <summary>Outdoor-air reading at the end, °C.</summary>
        public float OutdoorEndC { get; private set; }

        /// <summary>Coil reading at the end, °C.</summary>
        public float CoilEndC { get; private set; }

        /// <summary>Indoor (return-air) reading at the end, °C.</summary>
        public float IndoorEndC { get; private set; }

        /// <summary>The supply-air probe gave a valid reading at the end.</summary>
        public bool SupplyFitted { get; private set; }

        /// <summary>Supply-air reading at the end, °C (meaningful when <see cref="SupplyFitted"/>).</summary>
        public float SupplyEndC { get; private set; }

        /// <summary>How far the coil stood from outdoor air on the side this mode puts it (above in cooling, below in heating), K; negative on the wrong side.</summary>
        public float CoilSideK
        {
            get { return _heating ? OutdoorEndC - CoilEndC : CoilEndC - OutdoorEndC; }
        }

        /// <summary>The temperature split across the indoor coil in the direction of work (supply above return in heating, below in cooling), K.</summary>
        public float SplitK
        {
            get { return _heating ? SupplyEndC - IndoorEndC : IndoorEndC - SupplyEndC; }
        }

        /// <summary>How far the outdoor-air reading moved during the run, K.</summary>
        public float OutdoorMoveK
        {
            get { return Abs(OutdoorEndC - OutdoorStartC); }
        }

        /// <summary>How far the coil reading moved during the run, K.</summary>
        public float CoilMoveK
        {
            get { return Abs(CoilEndC - CoilStartC); }
        }

        /// <summary>Forgets everything (a new run).</summary>
        public void Clear()
        {
            Tested = false;
            Untested = UntestedReason.None;
            Trip = FaultKind.None;
            SupplyFitted = false;
            OutdoorStartC = 0f;
            CoilStartC = 0f;
            OutdoorEndC = 0f;
            CoilEndC = 0f;
            IndoorEndC = 0f;
            SupplyEndC = 0f;
        }

        /// <summary>The mode cannot be tested, for <paramref name="reason"/>.</summary>
        public void Skip(UntestedReason reason)
        {
            Tested = false;
            Untested = reason;
        }

        /// <summary>The readings as the compressor is asked to start (taken again each tick until it does).</summary>
        public void Begin(ref ControllerInputs x)
        {
            OutdoorStartC = x.OutdoorC;
            CoilStartC = x.CoilC;
        }

        /// <summary>The readings at the end of the run, or as <paramref name="trip"/> opened.</summary>
        public void End(ref ControllerInputs x, bool supplyValid, float supplyC, FaultKind trip)
        {
            Tested = true;
            Untested = UntestedReason.None;
            Trip = trip;
            OutdoorEndC = x.OutdoorC;
            CoilEndC = x.CoilC;
            IndoorEndC = x.IndoorC;
            SupplyFitted = supplyValid;
            SupplyEndC = supplyC;
        }

        /// <summary>The outdoor-air reading moved as a coil does while the coil reading stayed: the probes are swapped.</summary>
        public bool ProbesSwapped
        {
            get { return Tested && OutdoorMoveK >= MovedK && CoilMoveK < OutdoorMoveK * 0.5f; }
        }

        /// <summary>The coil reading neither moved nor left outdoor air: the coil probe hangs in the air.</summary>
        public bool CoilProbeOffCoil
        {
            get { return Tested && !ProbesSwapped && CoilMoveK < StillK && Abs(CoilEndC - OutdoorEndC) < StillK; }
        }

        /// <summary>The probes are where they belong, so the coil's side can be judged.</summary>
        public bool ProbesSound
        {
            get { return Tested && !ProbesSwapped && !CoilProbeOffCoil; }
        }

        /// <summary>The coil ran on the wrong side of outdoor air: this mode ran as the other one.</summary>
        public bool WrongSide
        {
            get { return ProbesSound && CoilSideK < -WrongSideK; }
        }

        /// <summary>The outdoor coil ran away from outdoor air, or the high-pressure switch opened in cooling: no air over it.</summary>
        public bool NoOutdoorAir
        {
            get { return ProbesSound && !WrongSide && (CoilSideK > NoOutdoorAirK || (!_heating && Trip == FaultKind.HighPressure)); }
        }

        /// <summary>The split says no air moves over the indoor coil (needs the supply probe and a mode that ran the right way).</summary>
        public bool NoIndoorAir
        {
            get { return SplitJudgeable && SplitK > (_heating ? HeatingNoAirSplitK : CoolingNoAirSplitK); }
        }

        /// <summary>The split says the indoor coil moves too little heat (needs the supply probe and a mode that ran the right way).</summary>
        public bool Weak
        {
            get { return SplitJudgeable && SplitK < (_heating ? HeatingWeakSplitK : CoolingWeakSplitK); }
        }

        private bool SplitJudgeable
        {
            get { return ProbesSound && SupplyFitted && !WrongSide && Trip == FaultKind.None; }
        }

        private static float Abs(float v)
        {
            return v < 0f ? -v : v;
        }
    }
}
