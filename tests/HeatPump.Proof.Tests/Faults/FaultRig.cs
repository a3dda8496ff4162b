using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Referee;
using HeatPump.Simulator.Plant;

namespace HeatPump.Proof.Tests.Faults;

/// <summary>Weather that does not change: each matrix cell sees one clear condition.</summary>
public sealed class SteadyWeather : IWeather
{
    private readonly WeatherSample _sample;

    public SteadyWeather(double outdoorC, double relativeHumidity)
    {
        _sample = new WeatherSample(outdoorC, relativeHumidity, 0.0);
    }

    public string Name => "steady";

    public double Days => 3660;

    public WeatherSample At(double seconds) => _sample;
}

/// <summary>
/// The control core against the simulator's physics: <see cref="HeatPumpPlant"/>, the DS18B20
/// <see cref="SensorModel"/> with its <see cref="FaultSchedule"/>, and a weather source, stepped at
/// 1 s in the simulator runner's order (weather → true temperatures → sensors → core → plant), with
/// the plant's pressure switches wired to the core and the <see cref="SafetyReferee"/> watching.
/// Counts the bytes the core step alone allocates.
/// </summary>
public sealed class FaultRig : ITicking
{
    private readonly RawInputs _in = new();
    private readonly SensorSample[] _last = new SensorSample[3];

    public FaultRig(ControllerSettings settings, IWeather weather, FaultSchedule faults, double initialIndoorC, int seed = 7, PlantParameters plant = null)
    {
        Settings = settings;
        Weather = weather;
        Plant = new HeatPumpPlant(plant ?? PlantParameters.Default, initialIndoorC, 0.0, weather.At(0).OutdoorC);
        Sensors = new SensorModel(PlantParameters.Default, faults, seed);
        Core = new ControlCore(settings, 0, (uint)seed);
        Referee = new SafetyReferee(settings, 0, Core.StaggerMs);
    }

    public ControllerSettings Settings { get; }

    public IWeather Weather { get; }

    public HeatPumpPlant Plant { get; }

    public SensorModel Sensors { get; }

    public ControlCore Core { get; }

    public SafetyReferee Referee { get; }

    public long NowMs { get; private set; }

    public double Seconds => NowMs / 1000.0;

    /// <summary>Asks for a defrost on the next tick only.</summary>
    public bool DefrostRequest;

    /// <summary>Bytes allocated inside <see cref="ControlCore.Step"/> since the rig was made.</summary>
    public long CoreAllocatedBytes { get; private set; }

    /// <summary>Ticks run.</summary>
    public long Ticks { get; private set; }

    /// <summary>The sample handed to the core for <paramref name="role"/> in the last tick.</summary>
    public SensorSample LastSample(SensorRole role) => _last[(int)role];

    public SensorValidator Validator(SensorRole role) =>
        role == SensorRole.Indoor ? Core.Indoor : role == SensorRole.Outdoor ? Core.Outdoor : Core.Coil;

    public void Tick()
    {
        double t = Seconds;
        WeatherSample w = Weather.At(t);
        _last[0] = Sensors.Read(SensorRole.Indoor, Plant.IndoorC, t);
        _last[1] = Sensors.Read(SensorRole.Outdoor, Plant.ProbeC(SensorRole.Outdoor, w.OutdoorC), t);
        _last[2] = Sensors.Read(SensorRole.Coil, Plant.ProbeC(SensorRole.Coil, w.OutdoorC), t);
        _in.NowMs = NowMs;
        _in.Indoor = _last[0];
        _in.Outdoor = _last[1];
        _in.Coil = _last[2];
        _in.HighPressureTripped = Plant.HighPressureTripped;
        _in.LowPressureTripped = Plant.LowPressureTripped;
        _in.DefrostRequested = DefrostRequest;
        DefrostRequest = false;

        long before = GC.GetAllocatedBytesForCurrentThread();
        Core.Step(_in);
        CoreAllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - before;

        OutputState o = Core.Outputs;
        Referee.Observe(NowMs, o, Core.Indoor.IsValid, Core.Outdoor.IsValid, Core.Outdoor.Celsius);
        Plant.Step(1.0, o, w);
        NowMs += 1000;
        Ticks++;
    }
}
