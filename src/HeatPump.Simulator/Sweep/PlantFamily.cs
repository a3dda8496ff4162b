using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Sweep;

/// <summary>
/// Draws plants from the ranges units and houses actually span, so a defrost logic is judged on
/// families of heat pumps rather than on the one it was written against. Each draw is a pure
/// function of the seed and the plant's index: the same sweep always gets the same plants.
/// docs/simulator.md lists the ranges and where they come from.
/// </summary>
public static class PlantFamily
{
    /// <summary>Envelope conductance UA, W/K: a tight small house to a leaky large one.</summary>
    public static readonly (double Min, double Max) UaWPerK = (120.0, 300.0);

    /// <summary>House heat capacity, J/K (τ from about 15 to 60 h).</summary>
    public static readonly (double Min, double Max) CapacitanceJPerK = (15e6, 40e6);

    /// <summary>Rated capacity per W/K of UA, W per W/K: the default 18 kW on 200 W/K is 90; sizing practice varies ±25 %.</summary>
    public static readonly (double Min, double Max) CapacityPerUa = (70.0, 115.0);

    /// <summary>Rated heating COP.</summary>
    public static readonly (double Min, double Max) RatedCop = (3.0, 4.2);

    /// <summary>Clean-coil ΔT at 0 °C outdoor, K.</summary>
    public static readonly (double Min, double Max) CleanDeltaTAtZeroK = (4.0, 12.0);

    /// <summary>Slope of the clean-coil ΔT with outdoor temperature, K/K.</summary>
    public static readonly (double Min, double Max) CleanDeltaTSlope = (-0.1, 0.3);

    /// <summary>Frost growth relative to the default coil, drawn log-uniform.</summary>
    public static readonly (double Min, double Max) FrostGrowthFactor = (0.3, 3.0);

    /// <summary>How much colder an iced coil runs (k in ΔT·(1 + k·f)).</summary>
    public static readonly (double Min, double Max) FrostDeltaTGain = (1.0, 2.0);

    /// <summary>Coil sensor lag, s (a probe clipped to a return bend to one in a well under insulation).</summary>
    public static readonly (double Min, double Max) CoilSensorLagS = (10.0, 120.0);

    /// <summary>Coil sensor calibration error, K.</summary>
    public static readonly (double Min, double Max) CoilSensorOffsetK = (-0.5, 0.5);

    /// <summary>Exponent of the fan power law (3 ideal, near 2.5 with motor and duct losses).</summary>
    public static readonly (double Min, double Max) FanPowerExponent = (2.4, 3.0);

    /// <summary>Outdoor fan power at full duty, W.</summary>
    public static readonly (double Min, double Max) OutdoorFanRatedW = (80.0, 250.0);

    /// <summary>Plant <paramref name="index"/> of the family drawn with <paramref name="seed"/>.</summary>
    public static PlantParameters Draw(int seed, int index)
    {
        var r = new DeterministicRandom(seed, 0x5EED0000UL + (ulong)index);
        var d = PlantParameters.Default;
        double ua = r.Uniform(UaWPerK.Min, UaWPerK.Max);
        double growth = Math.Exp(r.Uniform(Math.Log(FrostGrowthFactor.Min), Math.Log(FrostGrowthFactor.Max)));
        var p = d with
        {
            UaWPerK = ua,
            CapacitanceJPerK = r.Uniform(CapacitanceJPerK.Min, CapacitanceJPerK.Max),
            RatedHeatingCapacityW = ua * r.Uniform(CapacityPerUa.Min, CapacityPerUa.Max),
            RatedHeatingCop = r.Uniform(RatedCop.Min, RatedCop.Max),
            CleanDeltaTAtZeroK = r.Uniform(CleanDeltaTAtZeroK.Min, CleanDeltaTAtZeroK.Max),
            CleanDeltaTSlope = r.Uniform(CleanDeltaTSlope.Min, CleanDeltaTSlope.Max),
            FrostGrowthKgPerSPerHPa = d.FrostGrowthKgPerSPerHPa * growth,
            FrostDeltaTGain = r.Uniform(FrostDeltaTGain.Min, FrostDeltaTGain.Max),
            CoilSensorLagS = r.Uniform(CoilSensorLagS.Min, CoilSensorLagS.Max),
            CoilSensorOffsetK = r.Uniform(CoilSensorOffsetK.Min, CoilSensorOffsetK.Max),
            FanPowerExponent = r.Uniform(FanPowerExponent.Min, FanPowerExponent.Max),
            OutdoorFanRatedW = r.Uniform(OutdoorFanRatedW.Min, OutdoorFanRatedW.Max),
        };
        p.Validate();
        return p;
    }
}
