using System.Globalization;
using HeatPump.Simulator.Kpi;
using HeatPump.Simulator.Run;
using ScottPlot;

namespace HeatPump.Simulator.Output;

/// <summary>
/// The picture of a comparison, read at a glance: on top the cumulative electricity of every
/// controller on one axis (the defrost count in the legend), so the gaps between them are the
/// result; below, one day of the first controller zoomed in — indoor, outdoor and coil
/// temperatures, the comfort band, compressor-on periods shaded, defrosts marked and the true
/// frost fraction on the right-hand axis. Long series are averaged into at most
/// <see cref="MaxPoints"/> bins, finer than the image can show.
/// </summary>
public static class PlotReport
{
    /// <summary>Most points drawn per line.</summary>
    public const int MaxPoints = 4000;

    /// <summary>Image width, px.</summary>
    public const int Width = 1600;

    /// <summary>Height of each panel, px.</summary>
    public const int PanelHeight = 460;

    /// <summary>Length of the zoomed-in window, days.</summary>
    public const double ZoomDays = 1.0;

    private static readonly Color[] ControllerColors =
    {
        Color.FromHex("#d62728"), Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"),
    };

    private static readonly Color IndoorColor = Color.FromHex("#d62728");
    private static readonly Color OutdoorColor = Color.FromHex("#1f77b4");
    private static readonly Color CoilColor = Color.FromHex("#17becf");
    private static readonly Color FrostColor = Color.FromHex("#7f7f7f");
    private static readonly Color BandColor = Color.FromHex("#2ca02c").WithAlpha(0.12);
    private static readonly Color CompressorColor = Color.FromHex("#ff7f0e").WithAlpha(0.13);
    private static readonly Color DefrostColor = Color.FromHex("#9467bd");

    /// <summary>Writes the PNG for the results that carry a series.</summary>
    /// <param name="path">PNG file to write.</param>
    /// <param name="climate">Climate name for the titles.</param>
    /// <param name="results">Runs, in the order the panels go.</param>
    /// <param name="comfortLowC">Lower edge of the comfort band, °C.</param>
    /// <param name="comfortHighC">Upper edge of the comfort band, °C.</param>
    public static void WriteFile(string path, string climate, IReadOnlyList<RunResult> results, double comfortLowC, double comfortHighC)
    {
        var withSeries = new List<RunResult>();
        foreach (RunResult r in results)
        {
            if (r.Series != null && r.Series.Count > 0)
            {
                withSeries.Add(r);
            }
        }

        if (withSeries.Count == 0)
        {
            throw new InvalidOperationException("nothing to plot: no run recorded a series");
        }

        var multiplot = new Multiplot();
        multiplot.AddPlot();
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Rows();
        DrawCumulative(multiplot.GetPlot(0), climate, withSeries);

        // The middle day: past the start-up, typical of the run.
        SeriesRecorder first = withSeries[0].Series!;
        int rowsPerDay = (int)Math.Round(ZoomDays * 1440.0 / first.MinutesPerRow);
        int count = Math.Min(first.Count, Math.Max(1, rowsPerDay));
        int from = Math.Max(0, Math.Min(first.Count - count, (first.Count - count) / 2 / Math.Max(1, rowsPerDay) * rowsPerDay));
        DrawPanel(multiplot.GetPlot(1), climate, withSeries[0], comfortLowC, comfortHighC, from, count);
        multiplot.SavePng(path, Width, PanelHeight * 2);
    }

    private static void DrawCumulative(Plot plot, string climate, List<RunResult> runs)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        double totalDays = 0;
        for (int r = 0; r < runs.Count; r++)
        {
            SeriesRecorder s = runs[r].Series!;
            int bin = Math.Max(1, (s.Count + MaxPoints - 1) / MaxPoints);
            var kwh = new double[(s.Count + bin - 1) / bin];
            double sum = 0;
            double rowHours = s.MinutesPerRow / 60.0;
            for (int i = 0; i < s.Count; i++)
            {
                sum += s.ElectricW[i] * rowHours / 1000.0;
                if ((i + 1) % bin == 0 || i == s.Count - 1)
                {
                    kwh[i / bin] = sum;
                }
            }

            double period = bin * s.MinutesPerRow / 1440.0;
            totalDays = Math.Max(totalDays, s.Count * s.MinutesPerRow / 1440.0);
            var line = plot.Add.Signal(kwh, period, ControllerColors[r % ControllerColors.Length]);
            line.LineWidth = r == 0 ? 2.5f : 1.6f;
            line.Data.XOffset = period;
            KpiResult k = runs[r].Kpi;
            string oracle = double.IsNaN(runs[r].OracleFraction) ? "" : " (ice " + runs[r].OracleFraction.ToString("0.0", c) + ")";
            line.LegendText = k.Name + oracle + ": " + k.EnergyKWh.ToString("0.0", c) + " kWh, " + k.Defrosts + " defrosts, discomfort "
                + k.DiscomfortKh.ToString("0.0", c) + " K·h";
        }

        plot.Axes.SetLimitsX(0, totalDays);
        plot.XLabel("days");
        plot.YLabel("electricity since the start, kWh");
        plot.Title("Cumulative electricity on " + climate + ": same house, heat pump and weather for every controller", 13);
        plot.ShowLegend(Alignment.UpperLeft, Orientation.Vertical);
    }

    private static void DrawPanel(Plot plot, string climate, RunResult run, double lowC, double highC, int from, int count)
    {
        SeriesRecorder s = run.Series!;
        int bin = Math.Max(1, (count + MaxPoints - 1) / MaxPoints);
        double binDays = bin * s.MinutesPerRow / 1440.0;
        double totalDays = count * s.MinutesPerRow / 1440.0;
        bool hours = totalDays <= 2;
        double unit = hours ? 24 : 1;
        double period = binDays * unit;
        double startDays = from * s.MinutesPerRow / 1440.0;

        // ScottPlot names spans by the axis they extend along: a VerticalSpan covers a range of y.
        plot.Add.VerticalSpan(lowC, highC, BandColor);
        Shade(plot, Bin(s.CompressorOn, from, count, bin), 0.5, period, CompressorColor);

        double[] outdoor = Bin(s.OutdoorC, from, count, bin);
        double[] coil = Bin(s.CoilC, from, count, bin);
        double[] indoor = Bin(s.IndoorC, from, count, bin);
        AddLine(plot, outdoor, period, OutdoorColor, 1.2f);
        AddLine(plot, coil, period, CoilColor, 1.0f);
        AddLine(plot, indoor, period, IndoorColor, 1.8f);
        var frost = AddLine(plot, Bin(s.FrostFraction, from, count, bin), period, FrostColor, 1.8f);
        frost.Axes.YAxis = plot.Axes.Right;
        MarkDefrosts(plot, s.DefrostOn, from, count, s.MinutesPerRow / 1440.0 * unit);

        // Room above the lines for the legend.
        double min = lowC;
        double max = highC;
        Extend(outdoor, ref min, ref max);
        Extend(coil, ref min, ref max);
        Extend(indoor, ref min, ref max);
        double span = Math.Max(1, max - min);
        plot.Axes.SetLimitsY(min - 0.05 * span, max + 0.3 * span);
        plot.Axes.Right.Label.Text = "frost fraction";
        plot.Axes.SetLimitsY(0, 1.35, plot.Axes.Right);
        plot.Axes.SetLimitsX(0, totalDays * unit);
        plot.YLabel("°C");
        plot.XLabel((hours ? "hours" : "days") + " from day " + startDays.ToString("0.#", CultureInfo.InvariantCulture) + " of the run");

        var k = run.Kpi;
        CultureInfo c = CultureInfo.InvariantCulture;
        string oracle = double.IsNaN(run.OracleFraction) ? "" : " (ice fraction " + run.OracleFraction.ToString("0.0", c) + ")";
        plot.Title("One day of " + k.Name + oracle + " on " + climate + " zoomed in (whole run: SCOP "
            + k.Scop.ToString("0.00", c) + ", " + k.CompressorStarts + " starts, peak frost " + k.PeakFrostFraction.ToString("0.00", c) + ", "
            + k.InvariantViolations + " violations)", 13);
        plot.Legend.ManualItems.Add(Item("indoor (true)", IndoorColor, 2.5f));
        plot.Legend.ManualItems.Add(Item("outdoor", OutdoorColor, 2f));
        plot.Legend.ManualItems.Add(Item("coil", CoilColor, 2f));
        plot.Legend.ManualItems.Add(Item("frost fraction (right axis)", FrostColor, 2f));
        plot.Legend.ManualItems.Add(Fill("comfort band: setpoint ± 1 K", BandColor.WithAlpha(0.35)));
        plot.Legend.ManualItems.Add(Fill("compressor on", CompressorColor.WithAlpha(0.4)));
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "defrost start",
            LineWidth = 0,
            MarkerShape = MarkerShape.FilledTriangleDown,
            MarkerSize = 8,
            MarkerColor = DefrostColor,
        });
        plot.ShowLegend(Alignment.UpperLeft, Orientation.Horizontal);
    }

    private static LegendItem Item(string label, Color color, float width) => new LegendItem { LabelText = label, LineColor = color, LineWidth = width };

    private static LegendItem Fill(string label, Color color) => new LegendItem { LabelText = label, FillColor = color, LineWidth = 0 };

    private static void Extend(double[] v, ref double min, ref double max)
    {
        foreach (double x in v)
        {
            // The plant's coil may be undefined before its first step: leave such points out of the range.
            if (double.IsFinite(x))
            {
                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }
        }
    }

    private static ScottPlot.Plottables.Signal AddLine(Plot plot, double[] ys, double period, Color color, float width)
    {
        var sig = plot.Add.Signal(ys, period, color);
        sig.LineWidth = width;
        // Each bin's mean is drawn at its middle.
        sig.Data.XOffset = period / 2;
        return sig;
    }

    private static double[] Bin(float[] values, int start, int count, int bin)
    {
        var result = new double[(count + bin - 1) / bin];
        for (int b = 0; b < result.Length; b++)
        {
            int from = start + b * bin;
            int to = Math.Min(start + count, from + bin);
            double sum = 0;
            for (int i = from; i < to; i++)
            {
                sum += values[i];
            }

            result[b] = sum / (to - from);
        }

        return result;
    }

    private static void Shade(Plot plot, double[] fraction, double threshold, double period, Color color)
    {
        int start = -1;
        for (int i = 0; i <= fraction.Length; i++)
        {
            bool on = i < fraction.Length && fraction[i] >= threshold;
            if (on && start < 0)
            {
                start = i;
            }
            else if (!on && start >= 0)
            {
                var span = plot.Add.HorizontalSpan(start * period, i * period, color);
                span.LineStyle.Width = 0;
                start = -1;
            }
        }
    }

    private static void MarkDefrosts(Plot plot, float[] defrostOn, int start, int count, double rowPeriod)
    {
        // A small mark at the top of the frost axis per defrost: full-height lines would hide the
        // temperatures when defrosts come every half hour.
        var xs = new List<double>();
        bool inDefrost = false;
        for (int i = 0; i < count; i++)
        {
            bool on = defrostOn[start + i] > 0;
            if (on && !inDefrost)
            {
                xs.Add(i * rowPeriod);
            }

            inDefrost = on;
        }

        if (xs.Count == 0)
        {
            return;
        }

        var ys = new double[xs.Count];
        Array.Fill(ys, 1.04);
        var marks = plot.Add.ScatterPoints(xs.ToArray(), ys, DefrostColor);
        marks.MarkerShape = MarkerShape.FilledTriangleDown;
        marks.MarkerSize = 6;
        marks.Axes.YAxis = plot.Axes.Right;
    }

}
