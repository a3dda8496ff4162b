using System.Diagnostics;
using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Controllers;
using HeatPump.Simulator.Kpi;
using HeatPump.Simulator.Output;
using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Run;

/// <summary>Everything one run produced.</summary>
/// <param name="Kpi">The scores.</param>
/// <param name="ViolationMessages">The first safety-rule breaches, each with its rule, time and amount.</param>
/// <param name="Series">Per-minute series, when recorded.</param>
/// <param name="OracleFraction">The ice fraction the oracle defrosted at; NaN for other controllers.</param>
/// <param name="WallSeconds">Wall-clock time of the run, s.</param>
/// <param name="Ticks">Simulated ticks.</param>
public sealed record RunResult(KpiResult Kpi, IReadOnlyList<string> ViolationMessages, SeriesRecorder? Series, double OracleFraction, double WallSeconds, long Ticks);

/// <summary>How far a run has got, read by the progress bar from another thread.</summary>
public sealed class RunProgress
{
    private long _ticks;

    /// <summary>Ticks simulated so far.</summary>
    public long Ticks => Volatile.Read(ref _ticks);

    /// <summary>Adds <paramref name="ticks"/> done.</summary>
    public void Add(long ticks) => Interlocked.Add(ref _ticks, ticks);
}

/// <summary>
/// Steps one controller against one world at 1 s through a <see cref="PlantLoop"/>: its reading
/// (weather → the plant's true temperatures → the sensor model, the plant's pressure switches) →
/// the controller → the safety referee and the KPIs on the driven outputs → the plant, its flows
/// into the loop's energy ledger. Nothing is allocated inside the loop, and each component is
/// called once per tick (the sensor model once per sensor).
/// </summary>
public static class SimulationRunner
{
    /// <summary>Simulated step, s.</summary>
    public const double StepSeconds = 1.0;

    private const long StepMs = 1000;
    private const long ProgressEvery = 1 << 16;

    /// <summary>Ticks in <paramref name="days"/> days at 1 s.</summary>
    public static long TicksFor(double days) => (long)Math.Round(days * 86400.0 / StepSeconds);

    /// <summary>Runs <paramref name="controller"/> for <paramref name="days"/> days.</summary>
    /// <param name="controller">The controller under test (fresh: runs from power-up).</param>
    /// <param name="world">Builds the weather, plant and sensors.</param>
    /// <param name="settings">The settings the run uses: the comfort band, the limits the safety referee judges by.</param>
    /// <param name="days">Length, days.</param>
    /// <param name="initialIndoorC">Indoor temperature at the start, °C.</param>
    /// <param name="series">Recorder for the CSV and the plot, or null.</param>
    /// <param name="progress">Progress counter, or null.</param>
    /// <param name="oracleFraction">Reported with the result: the oracle's ice fraction, NaN otherwise.</param>
    public static RunResult Run(ISimController controller, IWorld world, ControllerSettings settings, double days, double initialIndoorC,
        SeriesRecorder? series = null, RunProgress? progress = null, double oracleFraction = double.NaN)
    {
        IPlant plant = world.CreatePlant(initialIndoorC);
        var loop = new PlantLoop(world.CreateWeather(), plant, world.CreateSensors());
        var referee = new SampledReferee(settings);
        var kpi = new KpiAccumulator(settings);
        long ticks = TicksFor(days);
        const double dt = StepSeconds;

        var clock = Stopwatch.StartNew();
        long reported = 0;
        for (long k = 0; k < ticks; k++)
        {
            long nowMs = k * StepMs;
            double indoorC = plant.IndoorC;
            double coilC = plant.CoilC;
            double frost = plant.FrostFraction;

            RawInputs reading = loop.Read(nowMs);
            OutputState o = controller.Step(reading, frost);
            referee.Check(nowMs, o, reading.Indoor, reading.Outdoor);
            kpi.Observe(nowMs, o, indoorC, frost, controller.LastDefrostEnd, dt);

            loop.Advance(dt, o);
            series?.Add(loop.WeatherNow.OutdoorC, indoorC, coilC, frost, o, plant.ElectricPowerW, plant.HeatToHouseW);

            if (progress != null && k - reported >= ProgressEvery)
            {
                progress.Add(k - reported);
                reported = k;
            }
        }

        series?.Complete();
        progress?.Add(ticks - reported);
        clock.Stop();
        return new RunResult(kpi.Result(controller.Name, referee.Violations, loop.Ledger), referee.Messages, series, oracleFraction,
            clock.Elapsed.TotalSeconds, ticks);
    }
}
