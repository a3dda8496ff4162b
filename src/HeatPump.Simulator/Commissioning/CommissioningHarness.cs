using HeatPump.Control.FrontPanel;
using HeatPump.Control;
using HeatPump.Control.Commissioning;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Referee;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Run;

namespace HeatPump.Simulator.Commissioning;

/// <summary>
/// Weather for a commissioning run: a steady day that drifts, so the run is judged on readings that
/// move with the weather as well as with the unit. Outdoor temperature drifts by
/// <paramref name="DriftKPerHour"/> from <paramref name="OutdoorC"/>.
/// </summary>
/// <param name="OutdoorC">Outdoor temperature at the start, °C.</param>
/// <param name="RelativeHumidity">Relative humidity, %.</param>
/// <param name="SolarWm2">Global horizontal irradiance, W/m².</param>
/// <param name="DriftKPerHour">Outdoor temperature drift, K/h (a morning warming, an evening cooling).</param>
public sealed record CommissioningWeather(double OutdoorC, double RelativeHumidity, double SolarWm2, double DriftKPerHour) : IWeather
{
    /// <inheritdoc />
    public string Name => "commissioning day";

    /// <inheritdoc />
    /// <remarks>A run is an hour or two; the drift is only meant for that long.</remarks>
    public double Days => 1;

    /// <summary>The conditions <paramref name="seconds"/> into the run.</summary>
    public WeatherSample At(double seconds) => new(OutdoorC + DriftKPerHour * seconds / 3600.0, RelativeHumidity, SolarWm2);
}

/// <summary>
/// The whole core against one plant for a commissioning run, as the board would run it: the
/// <see cref="PlantLoop"/>'s reading (raw sensor samples from the sensor model with lag, noise and
/// quantisation, the pressure switches and the drain switch on the board's inputs), and the safety
/// referee on every driven output.
/// </summary>
public sealed class CommissioningHarness
{
    /// <summary>Tick length, ms.</summary>
    public const long TickMs = 1000;

    private readonly PlantLoop _loop;

    /// <summary>A unit at power-up (t = 0) on <paramref name="plant"/> in <paramref name="weather"/>, the house at <paramref name="indoorC"/>.</summary>
    /// <param name="plant">The plant, with any install fault in its parameters.</param>
    /// <param name="weather">The day.</param>
    /// <param name="indoorC">Indoor temperature at the start, °C.</param>
    /// <param name="supplyFitted">The optional supply-air probe is fitted.</param>
    /// <param name="seed">Sensor noise and the unit's stagger.</param>
    /// <param name="settings">Settings (defaults when null).</param>
    public CommissioningHarness(PlantParameters plant, CommissioningWeather weather, double indoorC, bool supplyFitted, int seed,
        ControllerSettings? settings = null)
    {
        Settings = settings ?? new ControllerSettings();
        Plant = new HeatPumpPlant(plant, indoorC, 0.0, weather.OutdoorC);
        _loop = new PlantLoop(weather, Plant, new SensorModel(plant, null, seed), supplyFitted);
        Core = new ControlCore(Settings, 0, (uint)seed);
        Referee = new SafetyReferee(Settings, 0, Core.StaggerMs);
    }

    /// <summary>The live settings.</summary>
    public ControllerSettings Settings { get; }

    /// <summary>The core under test.</summary>
    public ControlCore Core { get; private set; }

    /// <summary>The plant.</summary>
    public HeatPumpPlant Plant { get; }

    /// <summary>The referee on the driven outputs.</summary>
    public SafetyReferee Referee { get; }

    /// <summary>The commissioning run.</summary>
    public CommissioningRun Run => Core.Commissioning;

    /// <summary>Simulated time, ms since power-up.</summary>
    public long NowMs { get; private set; }

    /// <summary>The condensate overflow switch is open.</summary>
    public bool DrainOpen
    {
        get => _loop.DrainOpen;
        set => _loop.DrainOpen = value;
    }

    /// <summary>Compressor starts the plant saw.</summary>
    public int Starts => Plant.CompressorStarts;

    /// <summary>One tick: the loop's reading in, core step, referee, plant step.</summary>
    public void Tick()
    {
        NowMs += TickMs;
        Core.Step(_loop.Read(NowMs));
        OutputState o = Core.Outputs;
        Referee.Observe(NowMs, o, Core.Indoor.IsValid, Core.Outdoor.IsValid, Core.Outdoor.Celsius, DrainOpen);
        _loop.Advance(TickMs / 1000.0, o);
    }

    /// <summary>Ticks for <paramref name="ms"/>.</summary>
    public void Advance(long ms)
    {
        long end = NowMs + ms;
        while (NowMs < end) Tick();
    }

    /// <summary>
    /// Lets the sensors settle for <paramref name="settleMs"/>, starts the commissioning run and
    /// ticks until it is done; false when it is not done within <paramref name="limitMs"/>.
    /// </summary>
    public bool Commission(long settleMs = 60_000, long limitMs = 3_600_000)
    {
        Advance(settleMs);
        if (!Core.StartCommissioning(NowMs)) return false;
        long end = NowMs + limitMs;
        while (Run.Active && NowMs < end) Tick();
        return Run.Step == CommissioningStep.Done;
    }

    /// <summary>
    /// A power cut at the present time: the core starts again from its power-up state, as the board
    /// does; the plant and the referee carry on (the referee sees the power-up).
    /// </summary>
    public void PowerCut()
    {
        Core = new ControlCore(Settings, NowMs, (uint)NowMs);
        Referee.PowerUp(NowMs, Core.StaggerMs);
    }

    /// <summary>The findings as panel codes, e.g. "C 01 C 12", or "PASS".</summary>
    public string Describe() => DisplayCodes.DescribeFindings(Run.Findings);
}
