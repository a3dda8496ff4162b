using HeatPump.Control.Sensors;
using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Bench;

/// <summary>
/// The plant's three DS18B20s with faults switched on and off by hand. The faults themselves are
/// the simulator's (<see cref="SensorModel"/> with a <see cref="FaultSchedule"/>): injecting or
/// clearing one rebuilds the sensor model with the faults in force from their start, open-ended.
/// A rebuilt model restarts each sensor body at the true temperature (its lag forgets the past),
/// which on the bench shows as a step of at most a few tenths of a degree.
/// </summary>
public sealed class BenchSensors : ISensorModel
{
    private readonly PlantParameters _parameters;
    private readonly int _seed;
    private readonly List<SensorFault> _active = new();
    private SensorModel _model;

    /// <summary>Fault-free sensors with the plant's default lags and noise, noise seeded by <paramref name="seed"/>.</summary>
    public BenchSensors(PlantParameters parameters, int seed)
    {
        _parameters = parameters;
        _seed = seed;
        _model = new SensorModel(parameters, FaultSchedule.Empty, seed);
    }

    /// <summary>The faults in force, in the order injected.</summary>
    public IReadOnlyList<SensorFault> Active => _active;

    /// <summary>True when a fault of <paramref name="kind"/> is in force on <paramref name="role"/>.</summary>
    public bool Has(SensorRole role, SensorFaultKind kind) => _active.Exists(f => f.Role == role && f.Kind == kind);

    /// <summary>The kinds in force on <paramref name="role"/>, in the order injected.</summary>
    public SensorFaultKind[] On(SensorRole role) => _active.Where(f => f.Role == role).Select(f => f.Kind).ToArray();

    /// <summary>Starts a fault of <paramref name="kind"/> on <paramref name="role"/> at <paramref name="seconds"/> (the kind's default figure unless <paramref name="parameter"/> is given). False when already in force.</summary>
    public bool Inject(SensorRole role, SensorFaultKind kind, double seconds, double? parameter = null)
    {
        if (Has(role, kind)) return false;
        double figure = parameter ?? FaultSchedule.Parse(FaultSchedule.RoleName(role) + ":" + FaultSchedule.KindName(kind) + "@0").Faults[0].Parameter;
        _active.Add(new SensorFault(role, kind, figure, seconds, double.PositiveInfinity));
        Rebuild();
        return true;
    }

    /// <summary>Ends the fault of <paramref name="kind"/> on <paramref name="role"/>. False when none was in force.</summary>
    public bool Clear(SensorRole role, SensorFaultKind kind)
    {
        int removed = _active.RemoveAll(f => f.Role == role && f.Kind == kind);
        if (removed > 0) Rebuild();
        return removed > 0;
    }

    /// <summary>Ends every fault on <paramref name="role"/>; returns how many ended.</summary>
    public int ClearAll(SensorRole role)
    {
        int removed = _active.RemoveAll(f => f.Role == role);
        if (removed > 0) Rebuild();
        return removed;
    }

    /// <inheritdoc />
    public SensorSample Read(SensorRole role, double trueC, double seconds) => _model.Read(role, trueC, seconds);

    private void Rebuild() => _model = new SensorModel(_parameters, new FaultSchedule(_active), _seed);
}
