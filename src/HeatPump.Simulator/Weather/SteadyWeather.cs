using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Weather;

/// <summary>
/// Weather that holds until it is changed: the virtual bench's outdoor air set by a key, or one clear
/// condition for a test. The same instant always gives the sample in force.
/// </summary>
public sealed class SteadyWeather : IWeather
{
    /// <summary>Steady air at <paramref name="outdoorC"/> and <paramref name="relativeHumidity"/> % with no sun.</summary>
    public SteadyWeather(double outdoorC, double relativeHumidity)
    {
        Sample = new WeatherSample(outdoorC, relativeHumidity, 0.0);
    }

    /// <summary>The conditions in force.</summary>
    public WeatherSample Sample { get; set; }

    /// <inheritdoc />
    public string Name => "steady";

    /// <inheritdoc />
    /// <remarks>Ten years: long enough for any soak, and it never runs out.</remarks>
    public double Days => 3660;

    /// <inheritdoc />
    public WeatherSample At(double seconds) => Sample;
}
