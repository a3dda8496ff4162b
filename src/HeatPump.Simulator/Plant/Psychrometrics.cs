namespace HeatPump.Simulator.Plant;

/// <summary>
/// Moist-air relations the frost model needs: the Magnus formula over water (Sonntag's
/// coefficients, as the WMO guide gives them; weather reports give relative humidity over water)
/// for saturation vapour pressure and its inverse, the dew point.
/// </summary>
public static class Psychrometrics
{
    private const double MagnusA = 17.62;
    private const double MagnusB = 243.12;
    private const double MagnusE0 = 6.112;

    private static readonly LinearTable SaturationTable =
        new LinearTable(SaturationVapourPressureHPa, -80.0, 80.0, 0.05);

    /// <summary>Saturation vapour pressure over water at <paramref name="celsius"/>, hPa (Magnus).</summary>
    public static double SaturationVapourPressureHPa(double celsius) =>
        MagnusE0 * Math.Exp(MagnusA * celsius / (MagnusB + celsius));

    /// <summary>
    /// The same as <see cref="SaturationVapourPressureHPa"/> from a precomputed table (0.05 K steps,
    /// linear between; relative error below 1e-5), for the per-step frost model.
    /// </summary>
    public static double SaturationVapourPressureFast(double celsius) => SaturationTable[celsius];

    /// <summary>Vapour pressure of air at <paramref name="celsius"/> and <paramref name="relativeHumidityPercent"/>, hPa.</summary>
    public static double VapourPressureHPa(double celsius, double relativeHumidityPercent) =>
        SaturationVapourPressureHPa(celsius) * Math.Clamp(relativeHumidityPercent, 0.0, 100.0) / 100.0;

    /// <summary>
    /// Dew point of air at <paramref name="celsius"/> and <paramref name="relativeHumidityPercent"/>, °C
    /// (inverse Magnus). A surface colder than this condenses water from the air, or below 0 °C collects frost.
    /// </summary>
    public static double DewPointC(double celsius, double relativeHumidityPercent)
    {
        double rh = Math.Clamp(relativeHumidityPercent, 0.01, 100.0) / 100.0;
        double gamma = Math.Log(rh) + MagnusA * celsius / (MagnusB + celsius);
        return MagnusB * gamma / (MagnusA - gamma);
    }
}
