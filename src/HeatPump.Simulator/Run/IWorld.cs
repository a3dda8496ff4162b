using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Run;

/// <summary>
/// Builds the weather, the plant and the sensors for one run. Every run gets fresh objects, so runs
/// can go in parallel and the same world always gives the same run.
/// </summary>
public interface IWorld
{
    /// <summary>A new weather source for one run.</summary>
    IWeather CreateWeather();

    /// <summary>A new plant with the house at <paramref name="initialIndoorC"/>.</summary>
    IPlant CreatePlant(double initialIndoorC);

    /// <summary>A new sensor model (its noise and faults reproducible from the world's seed).</summary>
    ISensorModel CreateSensors();
}

/// <summary>What the command line asks of the world: a climate or an EPW file, a length, a seed, sensor faults.</summary>
/// <param name="Climate">Built-in climate name (ignored when <paramref name="WeatherFile"/> is set).</param>
/// <param name="WeatherFile">Path of an EPW file, or null.</param>
/// <param name="Days">Length of the run, days.</param>
/// <param name="Seed">Seed for weather, sensor noise and the power-up stagger.</param>
/// <param name="Faults">Sensor fault schedule, e.g. "coil:open@2h+30m", or null for none.</param>
public sealed record WorldRequest(string Climate, string? WeatherFile, double Days, int Seed, string? Faults);
