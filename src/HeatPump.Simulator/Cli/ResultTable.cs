using System.Globalization;
using HeatPump.Simulator.Kpi;
using HeatPump.Simulator.Run;
using Spectre.Console;

namespace HeatPump.Simulator.Cli;

/// <summary>The terminal report: one column per controller, one row per KPI, then any invariant violations.</summary>
public static class ResultTable
{
    /// <summary>Writes the table for <paramref name="results"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, SimulationPlan plan, IReadOnlyList<RunResult> results, double wallSeconds)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var table = new Table { Border = TableBorder.Rounded };
        table.Title = new TableTitle(Markup.Escape(plan.ClimateName + ", " + plan.Days.ToString("0.##", c) + " days, seed " + plan.Seed
            + ", mode " + plan.Settings.Mode.ToString().ToLowerInvariant()));
        table.AddColumn(new TableColumn("KPI").NoWrap());
        foreach (RunResult r in results)
        {
            string head = r.Kpi.Name + (double.IsNaN(r.OracleFraction) ? "" : " (" + r.OracleFraction.ToString("0.0", c) + ")");
            table.AddColumn(new TableColumn(Markup.Escape(head)).RightAligned());
        }

        Row(table, results, "electricity, kWh", k => k.EnergyKWh.ToString("0.0", c));
        Row(table, results, "aux heat, kWh", k => k.AuxKWh.ToString("0.0", c));
        Row(table, results, "heat delivered, kWh", k => k.HeatDeliveredKWh.ToString("0.0", c));
        Row(table, results, "seasonal COP", k => k.Scop.ToString("0.00", c));
        Row(table, results, "discomfort, K·h", k => k.DiscomfortKh.ToString("0.0", c));
        Row(table, results, "compressor starts", k => k.CompressorStarts.ToString(c));
        Row(table, results, "starts per hour", k => k.StartsPerHour.ToString("0.00", c));
        Row(table, results, "short cycles", k => k.ShortCycles.ToString(c));
        Row(table, results, "defrosts", k => k.Defrosts.ToString(c));
        Row(table, results, "defrost minutes", k => k.DefrostMinutes.ToString("0", c));
        Row(table, results, "defrosts ended by time", k => k.DefrostsEndedByTime.ToString(c));
        Row(table, results, "defrosts on a clean coil", k => k.DefrostsOnCleanCoil.ToString(c));
        Row(table, results, "peak frost fraction", k => k.PeakFrostFraction.ToString("0.00", c));
        Row(table, results, "invariant violations", k => k.InvariantViolations == 0 ? "0" : "[red]" + k.InvariantViolations.ToString(c) + "[/]");
        console.Write(table);

        foreach (RunResult r in results)
        {
            foreach (string m in r.ViolationMessages)
            {
                console.MarkupLine("[red]" + Markup.Escape(r.Kpi.Name + ": " + m) + "[/]");
            }
        }

        long ticks = 0;
        double runSeconds = 0;
        foreach (RunResult r in results)
        {
            ticks += r.Ticks;
            runSeconds += r.WallSeconds;
        }

        if (runSeconds > 0)
        {
            console.MarkupLine(Markup.Escape("Simulated at " + (ticks / runSeconds / 1e6).ToString("0.0", c)
                + " million × real time per core; " + wallSeconds.ToString("0.0", c) + " s wall clock in all."));
        }
    }

    private static void Row(Table table, IReadOnlyList<RunResult> results, string label, Func<KpiResult, string> cell)
    {
        var cells = new string[results.Count + 1];
        cells[0] = Markup.Escape(label);
        for (int i = 0; i < results.Count; i++)
        {
            cells[i + 1] = cell(results[i].Kpi);
        }

        table.AddRow(cells);
    }
}
