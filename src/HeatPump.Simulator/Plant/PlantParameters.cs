namespace HeatPump.Simulator.Plant;

/// <summary>
/// Every figure of the plant model, with defaults from public sources (docs/simulator.md says
/// which). Change one with a <c>with</c> expression: <c>PlantParameters.Default with { UaWPerK = 150 }</c>.
/// </summary>
public sealed record PlantParameters
{
    /// <summary>The defaults.</summary>
    public static PlantParameters Default { get; } = new();

    // ---- House (1R1C) -------------------------------------------------------------------

    /// <summary>Envelope conductance UA, W/K. 200 W/K gives ≈ 7 kW at −15 °C outdoor, 20 °C indoor.</summary>
    public double UaWPerK { get; init; } = 200.0;

    /// <summary>Heat capacity of air, furniture and inner structure, J/K (25 MJ/K: τ = C/UA ≈ 35 h).</summary>
    public double CapacitanceJPerK { get; init; } = 25e6;

    /// <summary>Internal gains (people, appliances), constant, W.</summary>
    public double InternalGainsW { get; init; } = 400.0;

    /// <summary>Effective solar aperture: solar gain = aperture × global horizontal irradiance, m².</summary>
    public double SolarApertureM2 { get; init; } = 2.0;

    // ---- Heat pump -------------------------------------------------------------------------

    /// <summary>
    /// Gross heating capacity at the rating point (8.3 °C outdoor, 21.1 °C indoor, full airflow), W.
    /// 18 kW is sized as cold-climate practice sizes a heat pump: to carry the default house's
    /// design load (≈ 7 kW at −15 °C, UA 200 W/K, 400 W of gains, 20 °C) with the defrost share to
    /// spare, down to a balance point near −20 °C, the coldest of the built-in climates. A smaller
    /// unit runs flat out there, where a comparison of controllers measures capacity, not control.
    /// </summary>
    public double RatedHeatingCapacityW { get; init; } = 18000.0;

    /// <summary>Gross heating COP at the rating point.</summary>
    public double RatedHeatingCop { get; init; } = 3.5;

    /// <summary>Gross total cooling capacity at the rating point (35 °C outdoor), W (a 3-ton unit).</summary>
    public double RatedCoolingCapacityW { get; init; } = 10500.0;

    /// <summary>Gross cooling COP at the rating point (EER 12 Btu/Wh ≈ COP 3.5).</summary>
    public double RatedCoolingCop { get; init; } = 3.5;

    /// <summary>Share of the cooling capacity that cools the air (the rest condenses moisture), 0..1.</summary>
    public double SensibleHeatRatio { get; init; } = 0.75;

    /// <summary>
    /// Time constant of the start-up transient, s: after each start the delivered capacity rises as
    /// 1 − exp(−t/τ) while the compressor draws full power from the first second. 76 s makes AHRI
    /// 210/240's cyclic test (6 min on, 24 min off) come out at Cd ≈ 0.25, the standard's default.
    /// </summary>
    public double StartupTimeConstantS { get; init; } = 76.0;

    /// <summary>
    /// Share of the refrigerant's capacity the room air takes straight from the indoor coil with
    /// its fan stopped (natural convection only). From half duty up the published airflow curves
    /// apply; below half duty the multiplier runs linearly down to this. The rest of the
    /// half-airflow capacity goes into the indoor coil's store (<see cref="IndoorCoilHeatCapacityJPerK"/>)
    /// while it has room, and is lost only once the store is full.
    /// </summary>
    public double IndoorStillAirCapacityFactor { get; init; } = 0.35;

    // ---- Indoor coil store ---------------------------------------------------------------------

    /// <summary>
    /// Heat capacity of the indoor coil's metal and the refrigerant in it, J/K. The refrigerant
    /// heat the air cannot take while the indoor fan is slow or stopped warms (heating) or chills
    /// (cooling, defrost) the coil instead of vanishing, and the fan blows it into the room later.
    /// 10 kJ/K for the 3–5-ton air handler this plant's capacity implies: a slab or A-coil of
    /// roughly 15 kg, about 6 kg of copper tube (0.385 kJ/kg·K, 2.3 kJ/K) and 9 kg of aluminium
    /// fins (0.90 kJ/kg·K, 8.1 kJ/K), plus about 1 kg of liquid refrigerant held in it
    /// (R-410A ≈ 1.5 kJ/kg·K); the cabinet steel, loosely coupled, is left out. The masses are
    /// typical of such coils, an estimate rather than a measured unit.
    /// </summary>
    public double IndoorCoilHeatCapacityJPerK { get; init; } = 10000.0;

    /// <summary>
    /// How far the indoor coil can rise above the room air in heating before the condensing
    /// (head) pressure limits the compressor, K. The store holds at most capacity × this; heat that
    /// does not fit is not made (the compressor's capacity falls, as with no store). 30 K: from a
    /// coil at room temperature to a condensing temperature near 55 °C, where a heat pump's head
    /// pressure approaches its limit.
    /// </summary>
    public double IndoorCoilMaxRiseK { get; init; } = 30.0;

    /// <summary>
    /// How far the indoor coil can fall below the room air in the cooling position (cooling, or a
    /// defrost with the indoor fan held off) before the suction pressure collapses, K. 20 K: from
    /// about 20 °C down to an evaporating temperature near 0 °C, below which the coil would ice.
    /// </summary>
    public double IndoorCoilMaxDropK { get; init; } = 20.0;

    /// <summary>
    /// Time constant with which the indoor fan at full duty blows the coil's stored heat (or
    /// chill) into the room, s; the release rate is proportional to the duty. 15 s: the coil's
    /// 10 kJ/K over its air-side conductance — about 1 m³/s of air for this size (2 000 cfm,
    /// ≈ 1.1 kW/K of air) through a coil of effectiveness ≈ 0.65, ≈ 0.75 kW/K, gives 13 s;
    /// rounded up because the tube walls, headers and distributor couple less well than the fins.
    /// </summary>
    public double IndoorCoilReleaseTimeConstantS { get; init; } = 15.0;

    /// <summary>
    /// Coil-to-room conductance with the indoor fan stopped (natural convection through the
    /// cabinet and ducts), W/K; with the fan off the store relaxes toward the room with
    /// τ = capacity ÷ this (≈ 5.5 minutes with the defaults). 30 W/K: some 30 m² of fins in
    /// channels under 2 mm wide, inside a closed cabinet, at an effective 1 W/m²·K.
    /// </summary>
    public double IndoorCoilNaturalUaWPerK { get; init; } = 30.0;

    /// <summary>
    /// Exponent of fan power against PWM duty, both fans: 3 is the ideal fan law; real EC and PSC
    /// motors with their losses and duct resistance come nearer 2.5.
    /// </summary>
    public double FanPowerExponent { get; init; } = 3.0;

    /// <summary>Indoor fan power at full duty, W; it scales with the duty to <see cref="FanPowerExponent"/> (fan laws).</summary>
    public double IndoorFanRatedW { get; init; } = 300.0;

    /// <summary>Outdoor fan power at full duty, W; cube of the duty.</summary>
    public double OutdoorFanRatedW { get; init; } = 150.0;

    /// <summary>Auxiliary resistance heat, W (electric power = heat).</summary>
    public double AuxHeatW { get; init; } = 5000.0;

    /// <summary>Control board, contactor coil and the like, drawn always, W.</summary>
    public double StandbyW { get; init; }

    /// <summary>
    /// Reversing-valve polarity. False (O, the default): the energised valve is in the cooling position.
    /// True (B): energised in heating.
    /// </summary>
    public bool ValveEnergisedInHeat { get; init; }

    // ---- Faults and mis-installs (all off by default) ------------------------------------------

    /// <summary>
    /// The outdoor fan motor is dead: it turns at no duty and draws nothing, whatever the board asks.
    /// In cooling the condenser then overheats until the high-pressure switch opens.
    /// </summary>
    public bool OutdoorFanFailed { get; init; }

    /// <summary>
    /// The outdoor-air and coil probes are fitted in each other's place: the probe the board reads as
    /// outdoor air sits on the coil, and the coil probe hangs in the outdoor air.
    /// </summary>
    public bool ProbesSwapped { get; init; }

    /// <summary>The coil probe hangs in the outdoor air beside the coil instead of being clamped to it: it reads outdoor air.</summary>
    public bool CoilProbeOffCoil { get; init; }

    /// <summary>The indoor fan motor is dead: no air crosses the indoor coil, whatever the board asks (it draws nothing).</summary>
    public bool IndoorFanFailed { get; init; }

    /// <summary>
    /// The reversing valve is stuck in the heating position: it does not shift when the board
    /// drives it, so the unit heats whatever mode is asked for.
    /// </summary>
    public bool ValveStuckInHeating { get; init; }

    /// <summary>
    /// Refrigerant charge as a fraction of the nameplate charge (1: full). A short charge starves the
    /// evaporator: capacity falls with it and, in heating, the outdoor coil runs colder. 0.5 is a unit
    /// that lost half its charge through a leaking flare.
    /// </summary>
    public double ChargeFraction { get; init; } = 1.0;

    // ---- Outdoor coil and frost ------------------------------------------------------------

    /// <summary>Heat capacity of the outdoor coil's metal and refrigerant, J/K.</summary>
    public double CoilHeatCapacityJPerK { get; init; } = 20000.0;

    /// <summary>Coil-to-air conductance with the outdoor fan stopped (natural convection), W/K.</summary>
    public double CoilNaturalUaWPerK { get; init; } = 100.0;

    /// <summary>Extra coil-to-air conductance with the outdoor fan at full duty, W/K (linear in duty).</summary>
    public double CoilFanUaWPerK { get; init; } = 1200.0;

    /// <summary>
    /// How far the clean coil runs below the outdoor air in heating at 0 °C outdoor, K. 8.6 is the
    /// EPRI relation (coil ≈ 0.82·To − 8.6 °C); units differ, from about 4 K (a big coil, a low
    /// load) to 12 K (a small coil pushed hard).
    /// </summary>
    public double CleanDeltaTAtZeroK { get; init; } = 8.6;

    /// <summary>
    /// How the clean coil's ΔT changes with outdoor temperature, K per K: ΔT = this·To +
    /// <see cref="CleanDeltaTAtZeroK"/>, at least 2 K. 0.18 is EPRI's; units run from about −0.1
    /// (ΔT grows in the cold) to +0.3 (it shrinks fast as capacity falls).
    /// </summary>
    public double CleanDeltaTSlope { get; init; } = 0.18;

    /// <summary>Time constant with which the running coil approaches its heating temperature, s.</summary>
    public double CoilRunningTimeConstantS { get; init; } = 40.0;

    /// <summary>
    /// k in ΔT = ΔT_clean·(1 + k·frost fraction): how much colder the coil runs as ice blocks the
    /// airflow (1.5: half-blocked, the coil runs 75 % further below the air).
    /// </summary>
    public double FrostDeltaTGain { get; init; } = 1.5;

    /// <summary>
    /// How much further below the air the heating coil runs with the outdoor fan stopped:
    /// ΔT × (1 + this × (1 − duty)). 1.0: fan off doubles the coil's ΔT.
    /// </summary>
    public double FanOffDeltaTFactor { get; init; } = 1.0;

    /// <summary>Ice the coil can hold before it is fully blocked, kg.</summary>
    public double IceMaxKg { get; init; } = 3.0;

    /// <summary>
    /// Frost deposition coefficient, kg/s per hPa of vapour-pressure excess (air over coil
    /// saturation) at full outdoor airflow. Calibrated so a clean coil at 0 °C, 90 % RH is blocked
    /// in about 75 minutes of steady heating.
    /// </summary>
    public double FrostGrowthKgPerSPerHPa { get; init; } = 2.6e-4;

    /// <summary>How much the growth rate falls as ice blocks the airflow: rate × (1 − this × fraction).</summary>
    public double FrostAirflowBlockage { get; init; } = 0.5;

    /// <summary>
    /// Fraction by which compressor power falls per unit of frost fraction, relative to the
    /// capacity's (1 − fraction). 0.37 is the ratio of EPRI's frost multipliers for power and
    /// capacity (1 − 0.954)/(1 − 0.875).
    /// </summary>
    public double IcePowerShare { get; init; } = 0.37;

    /// <summary>Latent heat of fusion of ice, J/kg.</summary>
    public double LatentHeatOfFusionJPerKg { get; init; } = 333500.0;

    /// <summary>High-pressure switch opens when the outdoor coil, as condenser, exceeds this, °C.</summary>
    public double HighPressureTripCoilC { get; init; } = 65.0;

    /// <summary>High-pressure switch closes again below this, °C.</summary>
    public double HighPressureResetCoilC { get; init; } = 50.0;

    /// <summary>Low-pressure switch opens when the outdoor coil, as evaporator, falls below this, °C.</summary>
    public double LowPressureTripCoilC { get; init; } = -40.0;

    /// <summary>Low-pressure switch closes again above this, °C.</summary>
    public double LowPressureResetCoilC { get; init; } = -30.0;

    // ---- Sensors -----------------------------------------------------------------------------

    /// <summary>Lag of the indoor sensor (in a return-air well), s.</summary>
    public double IndoorSensorLagS { get; init; } = 60.0;

    /// <summary>Lag of the outdoor air sensor (in a shaded housing), s.</summary>
    public double OutdoorSensorLagS { get; init; } = 120.0;

    /// <summary>Lag of the coil sensor (clamped to a tube), s.</summary>
    public double CoilSensorLagS { get; init; } = 20.0;

    /// <summary>Lag of the optional supply-air sensor (in the supply plenum, in moving air), s.</summary>
    public double SupplySensorLagS { get; init; } = 20.0;

    /// <summary>
    /// Air-side conductance of the indoor airflow at full duty, m·cp, W/K per W of rated heating
    /// capacity. Installers size airflow to the unit (about 400 cfm a ton): 0.061 gives the default
    /// 18 kW unit 1.1 kW/K (≈ 1 m³/s), a heating split near 16 K and a cooling split near 8 K.
    /// </summary>
    public double IndoorAirflowWPerKPerW { get; init; } = 0.061;

    /// <summary>Calibration error of the coil sensor (poor contact, the clamp's position), K; added to every reading.</summary>
    public double CoilSensorOffsetK { get; init; }

    /// <summary>Standard deviation of indoor sensor noise, K.</summary>
    public double IndoorSensorNoiseK { get; init; } = 0.02;

    /// <summary>Standard deviation of outdoor sensor noise, K.</summary>
    public double OutdoorSensorNoiseK { get; init; } = 0.03;

    /// <summary>Standard deviation of coil sensor noise, K.</summary>
    public double CoilSensorNoiseK { get; init; } = 0.05;

    /// <summary>DS18B20 12-bit conversion time: reads closer together than this return no sample, s.</summary>
    public double SensorConversionS { get; init; } = 0.75;

    /// <summary>Probability that one sample is a spike while a spike fault is active.</summary>
    public double SpikeProbability { get; init; } = 0.02;

    /// <summary>Checks that every figure is physically possible; throws <see cref="ArgumentException"/> naming the first that is not.</summary>
    public void Validate()
    {
        Positive(UaWPerK, nameof(UaWPerK));
        Positive(CapacitanceJPerK, nameof(CapacitanceJPerK));
        Positive(RatedHeatingCapacityW, nameof(RatedHeatingCapacityW));
        Positive(RatedHeatingCop, nameof(RatedHeatingCop));
        Positive(RatedCoolingCapacityW, nameof(RatedCoolingCapacityW));
        Positive(RatedCoolingCop, nameof(RatedCoolingCop));
        Positive(StartupTimeConstantS, nameof(StartupTimeConstantS));
        Positive(IndoorCoilHeatCapacityJPerK, nameof(IndoorCoilHeatCapacityJPerK));
        Positive(IndoorCoilReleaseTimeConstantS, nameof(IndoorCoilReleaseTimeConstantS));
        Positive(IndoorCoilNaturalUaWPerK, nameof(IndoorCoilNaturalUaWPerK));
        NotNegative(IndoorCoilMaxRiseK, nameof(IndoorCoilMaxRiseK));
        NotNegative(IndoorCoilMaxDropK, nameof(IndoorCoilMaxDropK));
        Positive(CoilHeatCapacityJPerK, nameof(CoilHeatCapacityJPerK));
        Positive(CoilNaturalUaWPerK, nameof(CoilNaturalUaWPerK));
        Positive(CoilRunningTimeConstantS, nameof(CoilRunningTimeConstantS));
        Positive(IceMaxKg, nameof(IceMaxKg));
        Positive(LatentHeatOfFusionJPerKg, nameof(LatentHeatOfFusionJPerKg));
        Positive(IndoorSensorLagS, nameof(IndoorSensorLagS));
        Positive(OutdoorSensorLagS, nameof(OutdoorSensorLagS));
        Positive(CoilSensorLagS, nameof(CoilSensorLagS));
        Positive(SupplySensorLagS, nameof(SupplySensorLagS));
        Positive(IndoorAirflowWPerKPerW, nameof(IndoorAirflowWPerKPerW));
        if (!(ChargeFraction > 0 && ChargeFraction <= 1))
            throw new ArgumentException($"plant parameter {nameof(ChargeFraction)} must be in (0, 1], got {ChargeFraction}");
        NotNegative(InternalGainsW, nameof(InternalGainsW));
        NotNegative(SolarApertureM2, nameof(SolarApertureM2));
        NotNegative(IndoorFanRatedW, nameof(IndoorFanRatedW));
        NotNegative(OutdoorFanRatedW, nameof(OutdoorFanRatedW));
        NotNegative(AuxHeatW, nameof(AuxHeatW));
        NotNegative(StandbyW, nameof(StandbyW));
        NotNegative(CoilFanUaWPerK, nameof(CoilFanUaWPerK));
        NotNegative(FrostDeltaTGain, nameof(FrostDeltaTGain));
        NotNegative(FanOffDeltaTFactor, nameof(FanOffDeltaTFactor));
        NotNegative(FrostGrowthKgPerSPerHPa, nameof(FrostGrowthKgPerSPerHPa));
        NotNegative(IndoorSensorNoiseK, nameof(IndoorSensorNoiseK));
        NotNegative(OutdoorSensorNoiseK, nameof(OutdoorSensorNoiseK));
        NotNegative(CoilSensorNoiseK, nameof(CoilSensorNoiseK));
        NotNegative(SensorConversionS, nameof(SensorConversionS));
        Fraction(SensibleHeatRatio, nameof(SensibleHeatRatio));
        Fraction(IndoorStillAirCapacityFactor, nameof(IndoorStillAirCapacityFactor));
        Fraction(FrostAirflowBlockage, nameof(FrostAirflowBlockage));
        Fraction(IcePowerShare, nameof(IcePowerShare));
        Fraction(SpikeProbability, nameof(SpikeProbability));
        Positive(CleanDeltaTAtZeroK, nameof(CleanDeltaTAtZeroK));
        Positive(FanPowerExponent, nameof(FanPowerExponent));
        if (!(CleanDeltaTSlope > -1 && CleanDeltaTSlope < 1))
            throw new ArgumentException($"plant parameter {nameof(CleanDeltaTSlope)} must be between -1 and 1 K/K, got {CleanDeltaTSlope}");
        if (!double.IsFinite(CoilSensorOffsetK) || Math.Abs(CoilSensorOffsetK) > 10)
            throw new ArgumentException($"plant parameter {nameof(CoilSensorOffsetK)} must be within ±10 K, got {CoilSensorOffsetK}");
        if (!(HighPressureResetCoilC < HighPressureTripCoilC))
            throw new ArgumentException($"{nameof(HighPressureResetCoilC)} must be below {nameof(HighPressureTripCoilC)}");
        if (!(LowPressureResetCoilC > LowPressureTripCoilC))
            throw new ArgumentException($"{nameof(LowPressureResetCoilC)} must be above {nameof(LowPressureTripCoilC)}");
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new ArgumentException($"plant parameter {name} must be positive and finite, got {value}");
    }

    private static void NotNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
            throw new ArgumentException($"plant parameter {name} must be zero or positive, got {value}");
    }

    private static void Fraction(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
            throw new ArgumentException($"plant parameter {name} must be between 0 and 1, got {value}");
    }
}
