using HeatPump.Control;
using HeatPump.Control.Sensors;

namespace HeatPump.Simulator.Plant;

/// <summary>What the refrigerant circuit is doing in a step.</summary>
public enum PlantMode
{
    /// <summary>Compressor stopped (or held off by a pressure switch).</summary>
    Off = 0,

    /// <summary>Compressor running, valve in the heating position: the outdoor coil is the evaporator.</summary>
    Heating,

    /// <summary>Compressor running, valve in the cooling position, outdoor fan turning: heat goes to the outdoor air.</summary>
    Cooling,

    /// <summary>
    /// Compressor running, valve in the cooling position, outdoor fan stopped: the heat pumped out of
    /// the house warms the outdoor coil itself — a reverse-cycle defrost.
    /// </summary>
    ReverseCycle,
}

/// <summary>
/// The physical plant: a 1R1C house heated or cooled by a single-speed air-source heat pump whose
/// outdoor coil frosts and whose indoor coil stores the heat (or chill) its fan has not yet blown
/// into the room. Stepped by the loop with the outputs as driven and the weather now; it
/// never sees the controller. Every figure is in <see cref="PlantParameters"/>; docs/simulator.md
/// gives the equations. The step allocates nothing. It reports the flows of each step (W) and
/// keeps no energy account: an <see cref="Kpi.EnergyLedger"/> adds the flows up.
/// </summary>
public sealed class HeatPumpPlant : IPlant
{
    // The EPRI relation for the clean outdoor coil in heating: coil ≈ 0.82·To − 8.6 °C; its slope
    // maps an evaporator made colder by a slow fan onto the colder day that would do the same.
    private const double EpriCoilSlope = 0.82;
    private const double MinCleanDeltaTK = 2.0;

    private readonly PlantParameters _p;
    private readonly LinearTable _heatingCapacityW;
    private readonly LinearTable _heatingPowerW;
    private readonly LinearTable _coolingCapacityW;
    private readonly LinearTable _coolingPowerW;
    private readonly double _initialIndoorC;
    private readonly double _fullAirflowUa;
    private readonly double _inverseUa;
    private readonly double _inverseIceMax;
    private readonly double _indoorCoilMaxJ;
    private readonly double _indoorCoilMinJ;

    private double _indoorC;
    private double _coilC;
    private bool _coilKnown;
    private double _iceKg;
    private double _relativeHumidity;
    private double _startupFactor;
    private bool _wasRunning;
    private bool _wasCoolingPosition;

    // Heat the indoor coil holds above the room air (negative: chilled below it), J.
    private double _indoorCoilJ;

    // m·cp of the indoor airflow in the last step, W/K.
    private double _supplyAirflowWPerK;

    // Cached exponentials, recomputed only when the step length changes.
    private double _cachedDt = double.NaN;
    private double _inverseDt;
    private double _houseDecay;
    private double _startupDecay;
    private double _startupAverageGain;
    private double _cachedCoilConductance = double.NaN;
    private double _coilDecay;

    // Indoor-airflow multipliers, recomputed only when the indoor fan duty changes.
    private float _cachedIndoorDuty = float.NaN;
    private double _heatingCapacityAirflow;
    private double _heatingPowerAirflow;
    private double _coolingCapacityAirflow;
    private double _coolingPowerAirflow;

    // What the refrigerant could give at half airflow or better but the air does not take: it goes into the indoor coil.
    private double _heatingStoreAirflow;
    private double _coolingStoreAirflow;

    // The indoor coil's release: rate k = duty/τ + UA_nat/C, 1/s; its inverse; exp(−k·dt).
    private double _indoorCoilRate;
    private double _indoorCoilInverseRate;
    private double _indoorCoilDecay;

    /// <summary>A plant with <paramref name="parameters"/> (defaults when null), the house at <paramref name="initialIndoorC"/>.</summary>
    /// <param name="parameters">The plant's figures.</param>
    /// <param name="initialIndoorC">Indoor temperature at the start, °C.</param>
    /// <param name="initialIceKg">Ice on the outdoor coil at the start, kg (capped at the maximum).</param>
    /// <param name="initialOutdoorC">
    /// Outdoor temperature at the start, °C, so that <see cref="OutdoorC"/> and <see cref="CoilC"/>
    /// can be read (by the sensors) before the first step; when not given they are NaN until then.
    /// </param>
    public HeatPumpPlant(PlantParameters? parameters = null, double initialIndoorC = 20.0, double initialIceKg = 0.0, double initialOutdoorC = double.NaN)
    {
        _p = parameters ?? PlantParameters.Default;
        _p.Validate();
        var p = _p;
        _heatingCapacityW = new LinearTable(
            t => p.RatedHeatingCapacityW * PerformanceCurves.Interpolate(PerformanceCurves.HeatingOutdoorC, PerformanceCurves.HeatingCapacityRatio, t),
            -45.0, 35.0, 0.05);
        _heatingPowerW = new LinearTable(
            t => p.RatedHeatingCapacityW / p.RatedHeatingCop
                 * PerformanceCurves.Interpolate(PerformanceCurves.HeatingOutdoorC, PerformanceCurves.HeatingCapacityRatio, t)
                 / PerformanceCurves.Interpolate(PerformanceCurves.HeatingOutdoorC, PerformanceCurves.HeatingCopRatio, t),
            -45.0, 35.0, 0.05);
        _coolingCapacityW = new LinearTable(
            t => p.RatedCoolingCapacityW * PerformanceCurves.Interpolate(PerformanceCurves.CoolingOutdoorC, PerformanceCurves.CoolingCapacityRatio, t),
            20.0, 50.0, 0.05);
        _coolingPowerW = new LinearTable(
            t => p.RatedCoolingCapacityW / p.RatedCoolingCop
                 * PerformanceCurves.Interpolate(PerformanceCurves.CoolingOutdoorC, PerformanceCurves.CoolingCapacityRatio, t)
                 * PerformanceCurves.Interpolate(PerformanceCurves.CoolingOutdoorC, PerformanceCurves.CoolingEirRatio, t),
            20.0, 50.0, 0.05);
        _fullAirflowUa = p.CoilNaturalUaWPerK + p.CoilFanUaWPerK;
        _inverseUa = 1.0 / p.UaWPerK;
        _inverseIceMax = 1.0 / p.IceMaxKg;
        _indoorCoilMaxJ = p.IndoorCoilHeatCapacityJPerK * p.IndoorCoilMaxRiseK;
        _indoorCoilMinJ = -p.IndoorCoilHeatCapacityJPerK * p.IndoorCoilMaxDropK;
        _indoorC = initialIndoorC;
        _initialIndoorC = initialIndoorC;
        _iceKg = Math.Clamp(initialIceKg, 0.0, p.IceMaxKg);
        _coilC = double.NaN;
        OutdoorC = initialOutdoorC;
        if (!double.IsNaN(initialOutdoorC)) InitialiseCoil(initialOutdoorC);
    }

    /// <summary>The plant's figures.</summary>
    public PlantParameters Parameters => _p;

    // ---- State (IPlant) -------------------------------------------------------------------

    /// <inheritdoc />
    public double IndoorC => _indoorC;

    /// <inheritdoc />
    public double OutdoorC { get; private set; }

    /// <summary>Outdoor coil temperature, °C (the outdoor temperature until the first step).</summary>
    public double CoilC => _coilKnown ? _coilC : OutdoorC;

    /// <inheritdoc />
    public double FrostFraction => _iceKg / _p.IceMaxKg;

    /// <inheritdoc />
    public double ElectricPowerW { get; private set; }

    /// <inheritdoc />
    public double HeatToHouseW { get; private set; }

    /// <inheritdoc />
    public double ProbeC(SensorRole role, double outdoorAirC)
    {
        if (role == SensorRole.Supply)
        {
            return SupplyAirC;
        }

        double coilProbe = _p.CoilProbeOffCoil ? outdoorAirC : CoilC;
        if (_p.ProbesSwapped && role != SensorRole.Indoor)
        {
            return role == SensorRole.Outdoor ? coilProbe : outdoorAirC;
        }

        return role == SensorRole.Indoor ? _indoorC : role == SensorRole.Outdoor ? outdoorAirC : coilProbe;
    }

    /// <summary>
    /// Supply air after the indoor coil, °C: the room air plus the heat the air took from the heat
    /// pump over the airflow's m·cp; with no airflow, the air in the plenum stands at the coil's own
    /// temperature (the heat released by natural convection over its conductance).
    /// </summary>
    public double SupplyAirC => _indoorC + HeatPumpHeatW / (_supplyAirflowWPerK + _p.IndoorCoilNaturalUaWPerK);

    // ---- More state --------------------------------------------------------------------------

    /// <summary>Ice on the outdoor coil, kg.</summary>
    public double IceKg => _iceKg;

    /// <summary>Relative humidity of the outdoor air in the last step, %.</summary>
    public double RelativeHumidity => _relativeHumidity;

    /// <summary>Dew point of the outdoor air in the last step, °C.</summary>
    public double DewPointC => Psychrometrics.DewPointC(OutdoorC, _relativeHumidity);

    /// <summary>What the refrigerant circuit did in the last step.</summary>
    public PlantMode Mode { get; private set; }

    /// <summary>True while the high-pressure switch is open (condenser too hot); the compressor cannot run.</summary>
    public bool HighPressureTripped { get; private set; }

    /// <summary>True while the low-pressure switch is open (evaporator too cold); the compressor cannot run.</summary>
    public bool LowPressureTripped { get; private set; }

    /// <summary>Seconds the compressor has run since it last started (0 when stopped).</summary>
    public double RunSeconds { get; private set; }

    /// <summary>Fraction of steady capacity reached since the last start (the start-up transient), 0..1.</summary>
    public double StartupFactor => _startupFactor;

    /// <summary>True when frost was deposited in the last step.</summary>
    public bool Frosting { get; private set; }

    /// <summary>True when ice was melting in the last step (the coil held at 0 °C).</summary>
    public bool Melting { get; private set; }

    /// <summary>Heat the indoor coil's metal and refrigerant hold above the room air, J (negative: chilled below it, as after a defrost).</summary>
    public double IndoorCoilStoredJ => _indoorCoilJ;

    /// <summary>How far the indoor coil stands above the room air, K (negative: below it).</summary>
    public double IndoorCoilExcessK => _indoorCoilJ / _p.IndoorCoilHeatCapacityJPerK;

    // ---- Flows in the last step, W (means over the step) -----------------------------------

    /// <summary>
    /// Heat from the heat pump reaching the house air, W: what the indoor coil passes straight to
    /// the air plus what its store releases (<see cref="IndoorCoilReleaseW"/>). Negative when it
    /// cools the air: sensible cooling, or the cold blow of a coil chilled by a defrost.
    /// </summary>
    public double HeatPumpHeatW { get; private set; }

    /// <summary>
    /// Heat the refrigerant gave to the house side at the indoor coil, W: to the air directly plus
    /// into the coil's store (negative: the sensible heat it drew, from the air and the coil).
    /// </summary>
    public double IndoorRefrigerantHeatW { get; private set; }

    /// <summary>Sensible heat the refrigerant drew from the house side (its air and the indoor coil) with the valve in the cooling position (cooling and defrosts), W, positive.</summary>
    public double HeatDrawnFromHouseW { get; private set; }

    /// <summary>Heat the refrigerant put into the indoor coil's store, W (negative: drew from it, chilling the coil).</summary>
    public double IndoorCoilChargeW { get; private set; }

    /// <summary>Heat the indoor coil's store gave to the house air, W (negative: the coil, colder than the room, cooled it).</summary>
    public double IndoorCoilReleaseW { get; private set; }

    /// <summary>Heat the outdoor coil took from (negative: gave to) its surroundings in the refrigerant circuit, W: evaporator heat in heating, rejected heat in the cooling position.</summary>
    public double OutdoorCoilRefrigerantHeatW { get; private set; }

    /// <summary>Compressor electric power, W.</summary>
    public double CompressorPowerW { get; private set; }

    /// <summary>Indoor fan electric power (all of it ends up as heat in the house), W.</summary>
    public double IndoorFanPowerW { get; private set; }

    /// <summary>Outdoor fan electric power, W.</summary>
    public double OutdoorFanPowerW { get; private set; }

    /// <summary>Auxiliary heat electric power (= heat to the house), W.</summary>
    public double AuxPowerW { get; private set; }

    /// <summary>Heat flowing in through the envelope, UA·(To − Ti) averaged over the step, W (negative when the house loses heat).</summary>
    public double EnvelopeHeatW { get; private set; }

    /// <summary>Internal gains, W.</summary>
    public double InternalGainsW { get; private set; }

    /// <summary>Solar gains, W.</summary>
    public double SolarGainsW { get; private set; }

    // ---- Cumulative counters since construction (the energies are an EnergyLedger's) -------

    /// <summary>Ice deposited on the coil, kg.</summary>
    public double IceFormedKg { get; private set; }

    /// <summary>Ice melted off the coil, kg.</summary>
    public double IceMeltedKg { get; private set; }

    /// <summary>Compressor starts (physical: including restarts after a pressure trip).</summary>
    public int CompressorStarts { get; private set; }

    /// <summary>Times the high-pressure switch opened.</summary>
    public int HighPressureTrips { get; private set; }

    /// <summary>Times the low-pressure switch opened.</summary>
    public int LowPressureTrips { get; private set; }

    /// <summary>Total compressor running time, s.</summary>
    public double CompressorRunSecondsTotal { get; private set; }

    /// <summary>
    /// Change of the heat stored in the house since the start, J: C·(Ti − Ti₀) in the air and
    /// structure plus what the indoor coil holds (it starts at room temperature).
    /// </summary>
    public double StoredEnergyJ => _p.CapacitanceJPerK * (_indoorC - _initialIndoorC) + _indoorCoilJ;

    /// <summary>Advances the physics by <paramref name="dtSeconds"/> with the outputs as driven and the weather now.</summary>
    public void Step(double dtSeconds, in OutputState outputs, in WeatherSample weather)
    {
        if (!(dtSeconds > 0) || double.IsInfinity(dtSeconds))
            throw new ArgumentOutOfRangeException(nameof(dtSeconds), dtSeconds, "the step must be a positive number of seconds");
        var p = _p;
        if (dtSeconds != _cachedDt) CacheStep(dtSeconds);

        double outdoor = weather.OutdoorC;
        OutdoorC = outdoor;
        _relativeHumidity = Math.Clamp(weather.RelativeHumidity, 0.0, 100.0);
        if (!_coilKnown) InitialiseCoil(outdoor);

        float indoorDutyF = p.IndoorFanFailed ? 0f : Math.Clamp(outputs.IndoorFanDuty, 0f, 1f);
        if (indoorDutyF != _cachedIndoorDuty) CacheIndoorAirflow(indoorDutyF);
        double indoorDuty = indoorDutyF;
        double outdoorDuty = p.OutdoorFanFailed ? 0.0 : Math.Clamp(outputs.OutdoorFanDuty, 0f, 1f);
        bool coolingPosition = outputs.ValveEnergised != p.ValveEnergisedInHeat && !p.ValveStuckInHeating;
        _supplyAirflowWPerK = p.IndoorAirflowWPerKPerW * p.RatedHeatingCapacityW * indoorDutyF;
        bool running = outputs.Compressor && !HighPressureTripped && !LowPressureTripped;

        // Start-up transient: a (re)start, or a valve that moved under a running compressor,
        // begins with no pressure difference and no capacity.
        double startupMean = 0.0;
        if (running)
        {
            if (!_wasRunning || coolingPosition != _wasCoolingPosition)
            {
                _startupFactor = 0.0;
                RunSeconds = 0.0;
                if (!_wasRunning) CompressorStarts++;
            }

            startupMean = 1.0 - (1.0 - _startupFactor) * _startupAverageGain;
            _startupFactor = 1.0 - (1.0 - _startupFactor) * _startupDecay;
            RunSeconds += dtSeconds;
            CompressorRunSecondsTotal += dtSeconds;
        }
        else
        {
            _startupFactor = 0.0;
            RunSeconds = 0.0;
        }

        _wasRunning = running;
        _wasCoolingPosition = coolingPosition;

        double frostFraction = _iceKg * _inverseIceMax;
        double outdoorUa = p.CoilNaturalUaWPerK + p.CoilFanUaWPerK * outdoorDuty;
        double heatPumpHeat = 0.0;
        double compressorPower = 0.0;

        // Refrigerant heat at the indoor coil to the air (heating) or from it (cooling: total, latent included), and what it would put into the coil's store.
        double indoorRefrigerant = 0.0;
        double storeInflow = 0.0;

        // The coil follows C·dTc/dt = G·(target − Tc) + direct heat; G, target and the direct heat depend on the mode.
        double coilConductance = outdoorUa;
        double coilTarget = outdoor;
        double coilDirectHeat = 0.0;

        if (!running)
        {
            Mode = PlantMode.Off;
        }
        else if (!coolingPosition)
        {
            Mode = PlantMode.Heating;
            double cleanDeltaT = Math.Max(MinCleanDeltaTK, p.CleanDeltaTSlope * outdoor + p.CleanDeltaTAtZeroK);
            double frostDeltaT = cleanDeltaT * (1.0 + p.FrostDeltaTGain * frostFraction);
            double fanExtraDeltaT = frostDeltaT * p.FanOffDeltaTFactor * (1.0 - outdoorDuty);

            // A short charge starves the evaporator: it runs colder by the share of charge missing.
            frostDeltaT *= 2.0 - p.ChargeFraction;

            // A stopped outdoor fan lowers the evaporating temperature as a colder day would:
            // the coil runs fanExtra colder, which on the EPRI line is a day fanExtra/0.82 colder.
            double equivalentOutdoor = outdoor - fanExtraDeltaT / EpriCoilSlope;
            double capacity = _heatingCapacityW[equivalentOutdoor] * (1.0 - frostFraction) * startupMean * p.ChargeFraction;
            heatPumpHeat = capacity * _heatingCapacityAirflow;
            indoorRefrigerant = heatPumpHeat;
            storeInflow = capacity * _heatingStoreAirflow;
            compressorPower = _heatingPowerW[equivalentOutdoor] * _heatingPowerAirflow * (1.0 - p.IcePowerShare * frostFraction);

            coilConductance = p.CoilHeatCapacityJPerK / p.CoilRunningTimeConstantS;
            coilTarget = outdoor - (frostDeltaT + fanExtraDeltaT);
        }
        else
        {
            Mode = outdoorDuty > 0.05 ? PlantMode.Cooling : PlantMode.ReverseCycle;

            // The condenser sees outdoor air when its fan turns; with the fan stopped it sees its own metal.
            double condenserAir = outdoor + (_coilC - outdoor) * (1.0 - outdoorDuty);
            double capacity = _coolingCapacityW[condenserAir] * startupMean * p.ChargeFraction;
            double totalCooling = capacity * _coolingCapacityAirflow;
            compressorPower = _coolingPowerW[condenserAir] * _coolingPowerAirflow;
            heatPumpHeat = -p.SensibleHeatRatio * totalCooling;
            indoorRefrigerant = -totalCooling;

            // With no air over it the evaporator takes its heat from the coil metal: sensible, all of it.
            storeInflow = -capacity * _coolingStoreAirflow;
        }

        StepIndoorCoil(dtSeconds, storeInflow);
        double charge = IndoorCoilChargeW;

        // Sensible refrigerant heat to the house side (the air directly, and the coil); the air
        // itself gets the direct part plus what the coil releases.
        double houseSideRefrigerant = heatPumpHeat + charge;
        heatPumpHeat += IndoorCoilReleaseW;

        // The refrigerant's energy balance: outdoor coil heat = indoor coil heat − compressor work.
        double coilRefrigerantHeat = 0.0;
        if (running)
        {
            coilRefrigerantHeat = indoorRefrigerant + charge - compressorPower;
            if (coolingPosition) coilDirectHeat = -coilRefrigerantHeat;
            else coilRefrigerantHeat = Math.Max(0.0, coilRefrigerantHeat);
        }

        StepCoil(dtSeconds, coilConductance, coilTarget, coilDirectHeat);
        GrowFrost(dtSeconds, outdoor, outdoorUa / _fullAirflowUa);
        UpdatePressureSwitches(running, coolingPosition);

        // House: exact solution of C·dTi/dt = UA·(To − Ti) + Q over the step with Q held constant.
        double indoorFan = p.IndoorFanRatedW * FanLaw(indoorDuty);
        double outdoorFan = p.OutdoorFanRatedW * FanLaw(outdoorDuty);
        double aux = outputs.AuxHeat ? p.AuxHeatW : 0.0;
        double solar = p.SolarApertureM2 * Math.Max(0.0, weather.SolarWm2);
        double heatToHouse = heatPumpHeat + indoorFan + aux;
        double gains = heatToHouse + p.InternalGainsW + solar;
        double equilibrium = outdoor + gains * _inverseUa;
        double before = _indoorC;
        double offset = before - equilibrium;
        _indoorC = equilibrium + offset * _houseDecay;

        // ∫UA·(To − Ti)dt along the exponential path: UA·(To − Teq)·dt − C·(Ti₀ − Teq)·(1 − decay), with UA·(To − Teq) = −gains.
        double envelopeJ = -gains * dtSeconds - p.CapacitanceJPerK * offset * (1.0 - _houseDecay);

        double electric = compressorPower + indoorFan + outdoorFan + aux + p.StandbyW;

        HeatPumpHeatW = heatPumpHeat;
        IndoorRefrigerantHeatW = houseSideRefrigerant;
        HeatDrawnFromHouseW = coolingPosition && houseSideRefrigerant < 0 ? -houseSideRefrigerant : 0.0;
        OutdoorCoilRefrigerantHeatW = coilRefrigerantHeat;
        CompressorPowerW = compressorPower;
        IndoorFanPowerW = indoorFan;
        OutdoorFanPowerW = outdoorFan;
        AuxPowerW = aux;
        InternalGainsW = p.InternalGainsW;
        SolarGainsW = solar;
        EnvelopeHeatW = envelopeJ / dtSeconds;
        HeatToHouseW = heatToHouse;
        ElectricPowerW = electric;

    }

    private double FanLaw(double duty)
    {
        if (duty <= 0.0) return 0.0;
        double e = _p.FanPowerExponent;
        return e == 3.0 ? duty * duty * duty : Math.Pow(duty, e);
    }

    private void CacheStep(double dt)
    {
        _cachedDt = dt;
        _inverseDt = 1.0 / dt;
        _cachedCoilConductance = double.NaN;
        _cachedIndoorDuty = float.NaN; // the indoor coil's decay depends on the step too
        _houseDecay = Math.Exp(-dt * _p.UaWPerK / _p.CapacitanceJPerK);
        double tau = _p.StartupTimeConstantS;
        _startupDecay = Math.Exp(-dt / tau);

        // Mean over the step of exp(−t/τ), so the delivered energy does not depend on the step length.
        _startupAverageGain = tau / dt * (1.0 - _startupDecay);
    }

    private void InitialiseCoil(double outdoorC)
    {
        // A coil that starts with ice on it cannot be above freezing.
        _coilC = _iceKg > 0.0 ? Math.Min(outdoorC, 0.0) : outdoorC;
        _coilKnown = true;
    }

    private void CacheIndoorAirflow(float duty)
    {
        _cachedIndoorDuty = duty;
        double still = _p.IndoorStillAirCapacityFactor;
        _heatingCapacityAirflow = PerformanceCurves.IndoorCapacityFactor(duty, still, PerformanceCurves.HeatingCapacityAirflowFactor);
        _heatingPowerAirflow = PerformanceCurves.HeatingCapacityAirflowFactor(duty) * PerformanceCurves.HeatingEirAirflowFactor(duty);
        _coolingCapacityAirflow = PerformanceCurves.IndoorCapacityFactor(duty, still, PerformanceCurves.CoolingCapacityAirflowFactor);
        _coolingPowerAirflow = PerformanceCurves.CoolingCapacityAirflowFactor(duty) * PerformanceCurves.CoolingEirAirflowFactor(duty);

        // The airflow curves hold their half-duty value below half duty: that is what the
        // refrigerant still moves; the air takes the (smaller) capacity factor, the coil the rest.
        _heatingStoreAirflow = PerformanceCurves.HeatingCapacityAirflowFactor(duty) - _heatingCapacityAirflow;
        _coolingStoreAirflow = PerformanceCurves.CoolingCapacityAirflowFactor(duty) - _coolingCapacityAirflow;

        var p = _p;
        _indoorCoilRate = duty / p.IndoorCoilReleaseTimeConstantS + p.IndoorCoilNaturalUaWPerK / p.IndoorCoilHeatCapacityJPerK;
        _indoorCoilInverseRate = 1.0 / _indoorCoilRate;
        _indoorCoilDecay = Math.Exp(-_indoorCoilRate * _cachedDt);
    }

    /// <summary>
    /// Exact step of the indoor coil's store, dE/dt = inflow − k·E, with k = duty/τ + UA_nat/C:
    /// the refrigerant charges it with what the air did not take, the air (fan or natural
    /// convection) discharges it in proportion to what it holds. The store stops at its limits;
    /// a charge that does not fit is not made. Sets <see cref="IndoorCoilChargeW"/> and
    /// <see cref="IndoorCoilReleaseW"/> so that charge − release is exactly the store's change.
    /// </summary>
    private void StepIndoorCoil(double dt, double inflowW)
    {
        double before = _indoorCoilJ;
        double equilibrium = inflowW * _indoorCoilInverseRate;
        double next = equilibrium + (before - equilibrium) * _indoorCoilDecay;
        double releasedJ;
        if (next > _indoorCoilMaxJ || next < _indoorCoilMinJ)
        {
            // At its limit the store takes only what it releases: the trapezoid along the held path.
            next = next > _indoorCoilMaxJ ? _indoorCoilMaxJ : _indoorCoilMinJ;
            releasedJ = _indoorCoilRate * dt * 0.5 * (before + next);
        }
        else
        {
            releasedJ = inflowW * dt - (next - before);
        }

        _indoorCoilJ = next;
        IndoorCoilReleaseW = releasedJ * _inverseDt;
        IndoorCoilChargeW = (next - before + releasedJ) * _inverseDt;
    }

    /// <summary>
    /// Exact exponential step of the coil's temperature; heat that would lift an iced coil above
    /// 0 °C melts ice instead, so the coil sits at 0 °C until the ice is gone.
    /// </summary>
    private void StepCoil(double dt, double conductance, double target, double directHeat)
    {
        double capacity = _p.CoilHeatCapacityJPerK;
        double equilibrium = target + directHeat / conductance;
        if (conductance != _cachedCoilConductance)
        {
            _cachedCoilConductance = conductance;
            _coilDecay = Math.Exp(-conductance * dt / capacity);
        }

        double next = equilibrium + (_coilC - equilibrium) * _coilDecay;
        Melting = false;
        if (_iceKg > 0.0 && next > 0.0)
        {
            double surplusJ = capacity * next;
            double meltKg = Math.Min(_iceKg, surplusJ / _p.LatentHeatOfFusionJPerKg);
            _iceKg -= meltKg;
            IceMeltedKg += meltKg;
            if (_iceKg < 1e-9) _iceKg = 0.0;
            next = (surplusJ - meltKg * _p.LatentHeatOfFusionJPerKg) / capacity;
            Melting = meltKg > 0.0;
        }

        _coilC = next;
    }

    /// <summary>
    /// Frost deposits wherever the coil surface is below 0 °C and below the air's frost point,
    /// whatever the outdoor temperature (a coil running at −3 °C in saturated +7 °C air frosts), at a
    /// rate proportional to the vapour-pressure excess of the air over the coil and to the airflow.
    /// </summary>
    private void GrowFrost(double dt, double outdoor, double airflowRatio)
    {
        Frosting = false;
        var p = _p;
        if (_coilC >= 0.0 || _iceKg >= p.IceMaxKg) return;
        double airVapour = Psychrometrics.SaturationVapourPressureFast(outdoor) * _relativeHumidity * 0.01;
        double excess = airVapour - Psychrometrics.SaturationVapourPressureFast(_coilC);
        if (excess <= 0.0) return;
        double blockage = 1.0 - p.FrostAirflowBlockage * (_iceKg * _inverseIceMax);
        double grown = p.FrostGrowthKgPerSPerHPa * excess * airflowRatio * blockage * dt;
        if (grown <= 0.0) return;
        double room = p.IceMaxKg - _iceKg;
        if (grown > room) grown = room;
        _iceKg += grown;
        IceFormedKg += grown;
        Frosting = true;
    }

    private void UpdatePressureSwitches(bool running, bool coolingPosition)
    {
        var p = _p;
        bool high = HighPressureTripped, low = LowPressureTripped;
        if (running && coolingPosition && _coilC > p.HighPressureTripCoilC) HighPressureTripped = true;
        else if (HighPressureTripped && _coilC < p.HighPressureResetCoilC) HighPressureTripped = false;
        if (running && !coolingPosition && _coilC < p.LowPressureTripCoilC) LowPressureTripped = true;
        else if (LowPressureTripped && _coilC > p.LowPressureResetCoilC) LowPressureTripped = false;
        if (HighPressureTripped && !high) HighPressureTrips++;
        if (LowPressureTripped && !low) LowPressureTrips++;
    }
}
