using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HeatPump.Simulator.Cli;
using HeatPump.Simulator.Kpi;
using ScottPlot;
using Color = ScottPlot.Color;
using Spectre.Console;

namespace HeatPump.Simulator.Sweep;

/// <summary>
/// The <c>sweep</c> command: draws plants from <see cref="PlantFamily"/>, runs firmware, the three
/// timed boards and the oracle on each across the heating climates on every core, prints the worst
/// case and the distribution against the acceptance limits, and writes JSON and a plot. Exit 0 when
/// every case passes, 1 when one does not, 2 for bad options.
/// </summary>
public static class SweepCommand
{
    /// <summary>Climates a sweep accepts: those the controllers heat on.</summary>
    public static readonly string[] HeatingClimates = { "humid-cold", "dry-cold", "mild", Run.Climates.HeatingSeason };

    /// <summary>Most plants one sweep draws.</summary>
    public const int MaxPlants = 4096;

    /// <summary>Builds the command; <paramref name="interactive"/> shows a progress bar (stdout is a terminal).</summary>
    public static Command Create(IAnsiConsole console, TextWriter stderr, bool interactive)
    {
        var command = new Command("sweep", "Draw plants from the documented ranges (docs/simulator.md) and run firmware, timed-30/60/90 and the oracle on each "
            + "across the heating climates on all cores; print the worst case and the distribution against the acceptance limits.");
        var plants = new Option<string?>("--plants") { Description = "Plants to draw (default 64)", HelpName = "N" };
        var climates = new Option<string?>("--climates") { Description = "Comma-separated heating climates (default " + string.Join(",", SweepPlan.DefaultClimates) + ")", HelpName = "a,b,..." };
        var days = new Option<string?>("--days") { Description = "Days per climate (default: each climate's own, 120 for heating-season, else 14)", HelpName = "DAYS" };
        var seed = new Option<int>("--seed") { Description = "Seed of the plant draws; plant i's weather and sensors use seed + i", HelpName = "N", DefaultValueFactory = _ => 1 };
        var cores = new Option<string?>("--cores") { Description = "Cores to use (default all: " + Environment.ProcessorCount + ")", HelpName = "N" };
        var json = new Option<string?>("--json") { Description = "Write every case as JSON to FILE", HelpName = "FILE" };
        var plot = new Option<string?>("--plot") { Description = "Write a PNG of firmware against the best timed board per case to FILE", HelpName = "FILE.png" };
        var noOracle = new Option<bool>("--no-oracle") { Description = "Leave the oracle out (60 % of the work); the season-vs-oracle limit is then not judged" };
        var only = new Option<string?>("--only") { Description = "Run only these plants of the draw, e.g. 15,33,56 (to re-run the cases a sweep reported)", HelpName = "i,j,..." };
        var baseline = new Option<string?>("--baseline") { Description = "Reuse the timed boards' and the oracle's scores from an earlier sweep's --json FILE (same seed and days) and run only the firmware", HelpName = "FILE" };
        foreach (Option o in new Option[] { plants, climates, days, seed, cores, json, plot, noOracle, only, baseline })
        {
            command.Add(o);
        }

        command.SetAction(p =>
        {
            SweepPlan plan;
            SweepBaseline? stored = null;
            PlantSweep sweep;
            int coreCount;
            string? jsonPath = p.GetValue(json);
            string? plotPath = p.GetValue(plot);
            try
            {
                int n = Integer(p.GetValue(plants), "--plants", 64, 1, MaxPlants);
                coreCount = Integer(p.GetValue(cores), "--cores", Environment.ProcessorCount, 1, 1024);
                string[] names = (p.GetValue(climates) ?? string.Join(",", SweepPlan.DefaultClimates))
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (names.Length == 0) throw new SimulatorInputException("--climates needs at least one climate");
                foreach (string name in names)
                {
                    if (Array.IndexOf(HeatingClimates, name) < 0)
                        throw new SimulatorInputException("--climates: '" + name + "' is not a heating climate (known: " + string.Join(", ", HeatingClimates) + ")");
                }

                double? d = null;
                string? dayText = p.GetValue(days);
                if (dayText != null)
                {
                    if (!double.TryParse(dayText, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v < 1.0 / 24 || v > 365)
                        throw new SimulatorInputException("--days needs a number of days from 0.042 (one hour) to 365, got '" + dayText + "'");
                    d = v;
                }

                CheckWritable(jsonPath, "--json");
                CheckWritable(plotPath, "--plot");
                int[]? subset = null;
                string? onlyText = p.GetValue(only);
                if (onlyText != null)
                {
                    subset = onlyText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(x => Integer(x, "--only", 0, 0, n - 1)).Distinct().OrderBy(x => x).ToArray();
                    if (subset.Length == 0) throw new SimulatorInputException("--only needs at least one plant index");
                }

                string? baselinePath = p.GetValue(baseline);
                if (baselinePath != null)
                {
                    try
                    {
                        stored = SweepBaseline.Read(baselinePath);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
                    {
                        throw new SimulatorInputException("--baseline '" + baselinePath + "' is not a sweep's JSON: " + e.Message);
                    }

                    if (stored.Seed != p.GetValue(seed)) throw new SimulatorInputException("--baseline was drawn with seed " + stored.Seed + ", not " + p.GetValue(seed));
                }

                plan = new SweepPlan(n, names.Distinct().ToArray(), d, p.GetValue(seed), !p.GetValue(noOracle), subset);
                try
                {
                    sweep = new PlantSweep(plan, stored);
                }
                catch (InvalidOperationException e)
                {
                    throw new SimulatorInputException("--baseline: " + e.Message);
                }
            }
            catch (SimulatorInputException e)
            {
                stderr.WriteLine("error: " + e.Message);
                return SimulatorCli.InputError;
            }

            try
            {
                var clock = Stopwatch.StartNew();
                SweepCase[] cases = RunWithProgress(sweep, coreCount, console, interactive);
                clock.Stop();
                bool pass = Report(console, plan, sweep, cases, clock.Elapsed.TotalSeconds, coreCount);
                if (jsonPath != null)
                {
                    WriteJson(jsonPath, plan, cases);
                    console.MarkupLine(Markup.Escape("Cases written to " + Path.GetFullPath(jsonPath)));
                }

                if (plotPath != null)
                {
                    WritePlot(plotPath, plan, cases);
                    console.MarkupLine(Markup.Escape("Plot written to " + Path.GetFullPath(plotPath)));
                }

                return pass ? 0 : SimulatorCli.RunError;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                stderr.WriteLine("error: " + e.Message);
                return SimulatorCli.RunError;
            }
        });
        return command;
    }

    private static int Integer(string? text, string option, int fallback, int min, int max)
    {
        if (text == null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < min || v > max)
            throw new SimulatorInputException(option + " needs a whole number from " + min + " to " + max + ", got '" + text + "'");
        return v;
    }

    private static void CheckWritable(string? path, string option)
    {
        if (path == null) return;
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir != null && !Directory.Exists(dir))
            throw new SimulatorInputException("cannot write " + option + " file '" + path + "': directory '" + dir + "' does not exist");
    }

    private static SweepCase[] RunWithProgress(PlantSweep sweep, int cores, IAnsiConsole console, bool interactive)
    {
        if (!interactive) return sweep.Run(cores);
        SweepCase[]? cases = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(sweep.RunCount + " runs"), maxValue: sweep.TotalTicks);
                Task<SweepCase[]> work = Task.Run(() => sweep.Run(cores));
                while (!work.IsCompleted)
                {
                    work.Wait(200);
                    task.Value = sweep.Progress.Ticks;
                    ctx.Refresh();
                }

                cases = work.GetAwaiter().GetResult();
            });
        return cases!;
    }

    /// <summary>Prints the distribution and the worst case per climate; true when every case passes.</summary>
    private static bool Report(IAnsiConsole console, SweepPlan plan, PlantSweep sweep, SweepCase[] cases, double wallSeconds, int cores)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var table = new Table { Border = TableBorder.Rounded };
        table.Title = new TableTitle(Markup.Escape((plan.Only == null ? "" : plan.PlantsRun.Count() + " of ") + plan.Plants + " plants (seed " + plan.Seed + ") × " + plan.Climates.Count + " climates"));
        foreach (string h in new[] { "climate", "days", "energy ÷ best timed: min", "median", "p90", "max", "worst plant", "peak ice max", "defrosts ÷ timed-60 max", "÷ oracle max", "failing" })
        {
            table.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
        }

        int failing = 0;
        foreach (string climate in plan.Climates)
        {
            SweepCase[] mine = cases.Where(x => x.Climate == climate).ToArray();
            double[] ratios = mine.Select(x => x.EnergyVsBestTimed).OrderBy(x => x).ToArray();
            SweepCase worst = mine.OrderByDescending(x => x.EnergyVsBestTimed).First();
            int bad = mine.Count(x => SweepCriteria.Failures(x).Count > 0);
            failing += bad;
            table.AddRow(
                Markup.Escape(climate),
                plan.DaysFor(climate).ToString("0.##", c),
                ratios[0].ToString("0.0000", c),
                Percentile(ratios, 0.5).ToString("0.0000", c),
                Percentile(ratios, 0.9).ToString("0.0000", c),
                (ratios[^1] > SweepCriteria.EnergyVsBestTimed ? "[red]" : "") + ratios[^1].ToString("0.0000", c) + (ratios[^1] > SweepCriteria.EnergyVsBestTimed ? "[/]" : ""),
                "#" + worst.Plant.ToString(c) + " (" + worst.BestTimed.Name + ")",
                mine.Max(x => x.Firmware.PeakFrostFraction).ToString("0.00", c),
                mine.Max(x => x.DefrostsVsTimed60).ToString("0.00", c),
                plan.WithOracle ? mine.Max(x => x.EnergyVsOracle).ToString("0.0000", c) : "—",
                bad == 0 ? "0" : "[red]" + bad.ToString(c) + "[/]");
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape("Limits: energy ≤ " + SweepCriteria.EnergyVsBestTimed.ToString(c) + " × best timed at discomfort ≤ 1.05 × + 0.5 K·h; peak ice ≤ "
            + SweepCriteria.PeakIce.ToString(c) + "; 0 violations; dry-cold defrosts ≤ " + SweepCriteria.DryColdDefrostsVsTimed60.ToString(c)
            + " × timed-60; heating-season ≤ " + SweepCriteria.SeasonVsOracle.ToString(c) + " × oracle."));
        foreach (SweepCase x in cases)
        {
            List<string> f = SweepCriteria.Failures(x);
            if (f.Count > 0) console.MarkupLine("[red]" + Markup.Escape("plant #" + x.Plant + " on " + x.Climate + ": " + string.Join("; ", f)) + "[/]");
        }

        double ticks = sweep.TotalTicks;
        console.MarkupLine(Markup.Escape(sweep.RunCount + " runs, " + (ticks / 86400.0 / 365.0).ToString("0.0", c) + " simulated years in " + wallSeconds.ToString("0.0", c)
            + " s wall clock on " + cores + " cores: " + (ticks / sweep.RunSeconds / 1e6).ToString("0.00", c) + " million × real time per core, "
            + (sweep.RunSeconds / wallSeconds).ToString("0.00", c) + " runs in flight on average (not a speed-up: compare --cores 1 with --cores 2 for that)."));
        console.MarkupLine(failing == 0 ? "[green]every case passes[/]" : "[red]" + Markup.Escape(failing + " of " + cases.Length + " cases fail") + "[/]");
        return failing == 0;
    }

    private static double Percentile(double[] sorted, double q)
    {
        double at = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(at);
        int hi = Math.Min(sorted.Length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }

    private static void WriteJson(string path, SweepPlan plan, SweepCase[] cases)
    {
        using var f = File.Create(path);
        using var w = new Utf8JsonWriter(f, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("plants", plan.Plants);
        w.WriteNumber("seed", plan.Seed);
        w.WriteStartArray("cases");
        foreach (SweepCase x in cases)
        {
            w.WriteStartObject();
            w.WriteNumber("plant", x.Plant);
            w.WriteString("climate", x.Climate);
            w.WriteNumber("days", plan.DaysFor(x.Climate));
            w.WriteStartObject("parameters");
            w.WriteNumber("uaWPerK", R(x.Parameters.UaWPerK));
            w.WriteNumber("capacitanceJPerK", R(x.Parameters.CapacitanceJPerK));
            w.WriteNumber("ratedHeatingCapacityW", R(x.Parameters.RatedHeatingCapacityW));
            w.WriteNumber("ratedHeatingCop", R(x.Parameters.RatedHeatingCop));
            w.WriteNumber("cleanDeltaTAtZeroK", R(x.Parameters.CleanDeltaTAtZeroK));
            w.WriteNumber("cleanDeltaTSlope", R(x.Parameters.CleanDeltaTSlope));
            w.WriteNumber("frostGrowthFactor", R(x.Parameters.FrostGrowthKgPerSPerHPa / Plant.PlantParameters.Default.FrostGrowthKgPerSPerHPa));
            w.WriteNumber("frostDeltaTGain", R(x.Parameters.FrostDeltaTGain));
            w.WriteNumber("coilSensorLagS", R(x.Parameters.CoilSensorLagS));
            w.WriteNumber("coilSensorOffsetK", R(x.Parameters.CoilSensorOffsetK));
            w.WriteNumber("fanPowerExponent", R(x.Parameters.FanPowerExponent));
            w.WriteNumber("outdoorFanRatedW", R(x.Parameters.OutdoorFanRatedW));
            w.WriteEndObject();
            w.WriteNumber("energyVsBestTimed", R(x.EnergyVsBestTimed));
            if (x.Oracle == null) w.WriteNull("energyVsOracle");
            else w.WriteNumber("energyVsOracle", R(x.EnergyVsOracle));
            w.WriteNumber("defrostsVsTimed60", R(x.DefrostsVsTimed60));
            w.WriteStartArray("failures");
            foreach (string s in SweepCriteria.Failures(x)) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteStartArray("controllers");
            foreach (KpiResult k in new[] { x.Firmware }.Concat(x.Timed).Concat(x.Oracle == null ? Array.Empty<KpiResult>() : new[] { x.Oracle }))
            {
                w.WriteStartObject();
                w.WriteString("name", k.Name);
                w.WriteNumber("energyKWh", R(k.EnergyKWh));
                w.WriteNumber("discomfortKh", R(k.DiscomfortKh));
                w.WriteNumber("defrosts", k.Defrosts);
                w.WriteNumber("peakFrostFraction", R(k.PeakFrostFraction));
                w.WriteNumber("invariantViolations", k.InvariantViolations);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static double R(double x) => Math.Round(x, 4);

    private static void WritePlot(string path, SweepPlan plan, SweepCase[] cases)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlot();
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Rows();
        Plot energy = multiplot.GetPlot(0);
        Plot ice = multiplot.GetPlot(1);
        Color[] colors = { Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728") };
        for (int i = 0; i < plan.Climates.Count; i++)
        {
            SweepCase[] mine = cases.Where(x => x.Climate == plan.Climates[i]).ToArray();
            double[] xs = mine.Select(x => x.Plant + (i - 1.5) * 0.15).ToArray();
            var e = energy.Add.ScatterPoints(xs, mine.Select(x => x.EnergyVsBestTimed).ToArray(), colors[i % colors.Length]);
            e.LegendText = plan.Climates[i];
            e.MarkerSize = 6;
            var f = ice.Add.ScatterPoints(xs, mine.Select(x => x.Firmware.PeakFrostFraction).ToArray(), colors[i % colors.Length]);
            f.LegendText = plan.Climates[i];
            f.MarkerSize = 6;
        }

        var limit = energy.Add.HorizontalLine(SweepCriteria.EnergyVsBestTimed, 1, Color.FromHex("#d62728"), LinePattern.Dashed);
        limit.LegendText = "limit " + SweepCriteria.EnergyVsBestTimed.ToString(CultureInfo.InvariantCulture);
        energy.Add.HorizontalLine(1.0, 1, Color.FromHex("#7f7f7f"), LinePattern.Dotted);
        energy.Title("firmware electricity ÷ best of timed-30/60/90, per plant and climate (" + plan.Plants + " plants, seed " + plan.Seed + ")", 13);
        energy.YLabel("ratio");
        energy.ShowLegend(Alignment.UpperRight, Orientation.Horizontal);
        var iceLimit = ice.Add.HorizontalLine(SweepCriteria.PeakIce, 1, Color.FromHex("#d62728"), LinePattern.Dashed);
        iceLimit.LegendText = "limit " + SweepCriteria.PeakIce.ToString(CultureInfo.InvariantCulture);
        ice.Title("firmware peak ice fraction", 13);
        ice.YLabel("fraction");
        ice.XLabel("plant");
        ice.Axes.SetLimitsY(0, 1);
        ice.ShowLegend(Alignment.UpperRight, Orientation.Horizontal);
        multiplot.SavePng(path, 1400, 900);
    }
}
