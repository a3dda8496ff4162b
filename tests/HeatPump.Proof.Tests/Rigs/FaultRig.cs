using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Referee;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Run;

namespace HeatPump.Proof.Tests.Faults;

/// <summary>
/// The control core against the simulator's physics: <see cref="HeatPumpPlant"/>, the DS18B20
/// <see cref="SensorModel"/> with its <see cref="FaultSchedule"/>, and a weather source, stepped at
/// 1 s through the simulator's <see cref="PlantLoop"/> (weather → true temperatures → sensors and
/// the pressure switches → core → plant), with the <see cref="SafetyReferee"/> watching. Counts the
/// bytes the core step alone allocates.
/// </summary>
public sealed class FaultRig : ITicking
{
    private readonly PlantLoop _loop;

    public FaultRig(ControllerSettings settings, IWeather weather, FaultSchedule faults, double initialIndoorC, int seed = 7, PlantParameters plant = null)
    {
        Settings = settings;
        Weather = weather;
        Plant = new HeatPumpPlant(plant ?? PlantParameters.Default, initialIndoorC, 0.0, weather.At(0).OutdoorC);
        Sensors = new SensorModel(PlantParameters.Default, faults, seed);
        _loop = new PlantLoop(weather, Plant, Sensors);
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
    public SensorSample LastSample(SensorRole role) =>
        role == SensorRole.Indoor ? _loop.Reading.Indoor : role == SensorRole.Outdoor ? _loop.Reading.Outdoor : _loop.Reading.Coil;

    public SensorValidator Validator(SensorRole role) =>
        role == SensorRole.Indoor ? Core.Indoor : role == SensorRole.Outdoor ? Core.Outdoor : Core.Coil;

    public void Tick()
    {
        RawInputs reading = _loop.Read(NowMs);
        reading.DefrostRequested = DefrostRequest;
        DefrostRequest = false;

        long before = GC.GetAllocatedBytesForCurrentThread();
        Core.Step(reading);
        CoreAllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - before;

        OutputState o = Core.Outputs;
        Referee.Observe(NowMs, o, Core.Indoor.IsValid, Core.Outdoor.IsValid, Core.Outdoor.Celsius);
        _loop.Advance(1.0, o);
        NowMs += 1000;
        Ticks++;
    }
}
