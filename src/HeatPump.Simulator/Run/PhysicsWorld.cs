using HeatPump.Simulator.Cli;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Weather;

namespace HeatPump.Simulator.Run;

/// <summary>
/// The real world of the simulator: the physical plant, the DS18B20 sensor model with its fault
/// schedule, and a built-in climate or an EPW file. This is the one place that names the plant's
/// concrete classes; everything else works through <see cref="IWorld"/>.
/// </summary>
public sealed class PhysicsWorld : IWorld
{
    private readonly WorldRequest _request;

    private PhysicsWorld(WorldRequest request)
    {
        _request = request;
    }

    /// <summary>
    /// Builds the world for <paramref name="request"/>, reading the EPW file and parsing the fault
    /// schedule once up front so that bad input is reported before any run starts.
    /// </summary>
    public static IWorld Create(WorldRequest request)
    {
        var world = new PhysicsWorld(request);
        world.CreateWeather();
        world.CreateSensors();
        return world;
    }

    /// <inheritdoc />
    public IWeather CreateWeather()
    {
        return _request.WeatherFile != null
            ? EpwWeather.Load(_request.WeatherFile)
            : WeatherLibrary.Create(_request.Climate, _request.Days, _request.Seed);
    }

    /// <inheritdoc />
    public IPlant CreatePlant(double initialIndoorC) => new HeatPumpPlant(PlantParameters.Default, initialIndoorC);

    /// <inheritdoc />
    public ISensorModel CreateSensors() => new SensorModel(PlantParameters.Default, FaultSchedule.Parse(_request.Faults), _request.Seed);
}
