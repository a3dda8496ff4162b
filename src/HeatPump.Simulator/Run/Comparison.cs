using HeatPump.Simulator.Controllers;
using HeatPump.Simulator.Output;

namespace HeatPump.Simulator.Run;

/// <summary>
/// Runs every controller of a plan on the same world. Each run has its own plant, sensors, weather
/// and settings, so running them in parallel gives the same numbers as running them one by one;
/// results are kept in plan order. The oracle is a sweep over ice fractions, reported by its
/// lowest-energy run (re-run with recording when a series is wanted, rather than keeping six).
/// </summary>
public sealed class Comparison
{
    private readonly SimulationPlan _plan;
    private readonly bool _record;
    private readonly long _ticks;
    private readonly RunProgress[] _progress;

    /// <summary>A comparison of <paramref name="plan"/>; <paramref name="record"/> keeps per-minute series for the CSV and plot.</summary>
    public Comparison(SimulationPlan plan, bool record)
    {
        _plan = plan;
        _record = record;
        _ticks = SimulationRunner.TicksFor(plan.Days);
        _progress = new RunProgress[plan.Controllers.Count];
        for (int i = 0; i < _progress.Length; i++)
        {
            _progress[i] = new RunProgress();
        }
    }

    /// <summary>Wraps each controller before it runs (e.g. <c>run --mqtt</c> adds the Home Assistant bridge); null runs them as built.</summary>
    public Func<ISimController, ISimController>? Wrap { get; init; }

    /// <summary>Progress of controller <paramref name="index"/> (all its runs, for the oracle).</summary>
    public RunProgress ProgressOf(int index) => _progress[index];

    /// <summary>Ticks controller <paramref name="index"/> will simulate in all.</summary>
    public long TotalTicksOf(int index)
    {
        if (_plan.Controllers[index] != ControllerCatalog.Oracle)
        {
            return _ticks;
        }

        return _ticks * (ControllerCatalog.OracleFractions.Length + (_record ? 1 : 0));
    }

    /// <summary>Runs everything, using up to <paramref name="maxParallel"/> cores, and returns one result per controller in plan order.</summary>
    public RunResult[] Run(int maxParallel)
    {
        var jobs = new List<(int Controller, double Fraction)>();
        for (int i = 0; i < _plan.Controllers.Count; i++)
        {
            if (_plan.Controllers[i] == ControllerCatalog.Oracle)
            {
                foreach (double f in ControllerCatalog.OracleFractions)
                {
                    jobs.Add((i, f));
                }
            }
            else
            {
                jobs.Add((i, double.NaN));
            }
        }

        var results = new RunResult[jobs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallel) };
        Parallel.For(0, jobs.Count, options, j =>
        {
            var (c, f) = jobs[j];
            bool record = _record && double.IsNaN(f);
            results[j] = RunOne(c, f, record);
        });

        var best = new RunResult[_plan.Controllers.Count];
        for (int c = 0; c < best.Length; c++)
        {
            var runs = new List<RunResult>();
            for (int j = 0; j < jobs.Count; j++)
            {
                if (jobs[j].Controller == c)
                {
                    runs.Add(results[j]);
                }
            }

            best[c] = LowestEnergy(runs);
        }

        if (_record)
        {
            for (int c = 0; c < best.Length; c++)
            {
                if (!double.IsNaN(best[c].OracleFraction))
                {
                    best[c] = RunOne(c, best[c].OracleFraction, true);
                }
            }
        }

        return best;
    }

    /// <summary>The run that drew the least electricity; on a tie the earliest (for the oracle, the smallest ice fraction).</summary>
    public static RunResult LowestEnergy(IReadOnlyList<RunResult> runs)
    {
        RunResult best = runs[0];
        for (int i = 1; i < runs.Count; i++)
        {
            if (runs[i].Kpi.EnergyKWh < best.Kpi.EnergyKWh)
            {
                best = runs[i];
            }
        }

        return best;
    }

    private RunResult RunOne(int controllerIndex, double fraction, bool record)
    {
        ISimController controller = ControllerCatalog.Create(_plan.Controllers[controllerIndex], _plan.Settings, (uint)_plan.Seed, fraction);
        if (Wrap != null)
        {
            controller = Wrap(controller);
        }

        SeriesRecorder? series = record ? new SeriesRecorder(_ticks) : null;
        return SimulationRunner.Run(controller, _plan.World, _plan.Settings, _plan.Days, _plan.InitialIndoorC, series,
            _progress[controllerIndex], fraction);
    }
}
