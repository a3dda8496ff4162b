using System.Globalization;
using HeatPump.Simulator.Run;
using ScottPlot;

namespace HeatPump.Simulator.Output;

/// <summary>
/// The picture of a run: one panel per controller on a shared time axis, with indoor, outdoor and
/// coil temperatures, the comfort band, compressor-on periods shaded, defrosts marked and the
/// true frost fraction on the right-hand axis. Long runs are averaged into at most
/// <see cref="MaxPoints"/> bins, finer than the image can show.
/// </summary>
public static class PlotReport
{
    /// <summary>Most points drawn per line.</summary>
    public const int MaxPoints = 4000;

    /// <summary>Image width, px.</summary>
    public const int Width = 1600;

    /// <summary>Height of each controller's panel, px.</summary>
    public const int PanelHeight = 420;

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
        while (multiplot.Count() < withSeries.Count)
        {
            multiplot.AddPlot();
        }

        multiplot.Layout = new ScottPlot.MultiplotLayouts.Rows();
        for (int i = 0; i < withSeries.Count; i++)
        {
            DrawPanel(multiplot.GetPlot(i), climate, withSeries[i], comfortLowC, comfortHighC, i == 0, i == withSeries.Count - 1);
        }

        multiplot.SavePng(path, Width, PanelHeight * withSeries.Count);
    }

    private static void DrawPanel(Plot plot, string climate, RunResult run, double lowC, double highC, bool legend, bool xLabel)
    {
        SeriesRecorder s = run.Series!;
        int bin = Math.Max(1, (s.Count + MaxPoints - 1) / MaxPoints);
        double binDays = bin * s.MinutesPerRow / 1440.0;
        double totalDays = s.Count * s.MinutesPerRow / 1440.0;
        bool hours = totalDays <= 2;
        double unit = hours ? 24 : 1;
        double period = binDays * unit;

        // ScottPlot names spans by the axis they extend along: a VerticalSpan covers a range of y.
        plot.Add.VerticalSpan(lowC, highC, BandColor);
        Shade(plot, Bin(s.CompressorOn, s.Count, bin), 0.5, period, CompressorColor);

        double[] outdoor = Bin(s.OutdoorC, s.Count, bin);
        double[] coil = Bin(s.CoilC, s.Count, bin);
        double[] indoor = Bin(s.IndoorC, s.Count, bin);
        AddLine(plot, outdoor, period, OutdoorColor, 1.2f);
        AddLine(plot, coil, period, CoilColor, 0.8f);
        AddLine(plot, indoor, period, IndoorColor, 1.8f);
        var frost = AddLine(plot, Bin(s.FrostFraction, s.Count, bin), period, FrostColor, 1.5f);
        frost.Axes.YAxis = plot.Axes.Right;
        MarkDefrosts(plot, s.DefrostOn, s.Count, s.MinutesPerRow / 1440.0 * unit);

        // Room above the lines for the legend.
        double min = lowC;
        double max = highC;
        Extend(outdoor, ref min, ref max);
        Extend(coil, ref min, ref max);
        Extend(indoor, ref min, ref max);
        double span = Math.Max(1, max - min);
        plot.Axes.SetLimitsY(min - 0.05 * span, max + (legend ? 0.3 : 0.08) * span);
        plot.Axes.Right.Label.Text = "frost fraction";
        plot.Axes.SetLimitsY(0, legend ? 1.35 : 1.1, plot.Axes.Right);
        plot.Axes.SetLimitsX(0, totalDays * unit);
        plot.YLabel("°C");
        if (xLabel)
        {
            plot.XLabel(hours ? "hours" : "days");
        }

        var k = run.Kpi;
        CultureInfo c = CultureInfo.InvariantCulture;
        string oracle = double.IsNaN(run.OracleFraction) ? "" : " (ice fraction " + run.OracleFraction.ToString("0.0", c) + ")";
        plot.Title(k.Name + oracle + " on " + climate + ": " + k.EnergyKWh.ToString("0.0", c) + " kWh, SCOP "
            + k.Scop.ToString("0.00", c) + ", discomfort " + k.DiscomfortKh.ToString("0.0", c) + " K·h, "
            + k.Defrosts + " defrosts, " + k.CompressorStarts + " starts, " + k.InvariantViolations + " violations", 13);
        if (legend)
        {
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
        else
        {
            plot.HideLegend();
        }
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

    private static double[] Bin(float[] values, int count, int bin)
    {
        var result = new double[(count + bin - 1) / bin];
        for (int b = 0; b < result.Length; b++)
        {
            int from = b * bin;
            int to = Math.Min(count, from + bin);
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

    private static void MarkDefrosts(Plot plot, float[] defrostOn, int count, double rowPeriod)
    {
        // A small mark at the top of the frost axis per defrost: full-height lines would hide the
        // temperatures when defrosts come every half hour.
        var xs = new List<double>();
        bool inDefrost = false;
        for (int i = 0; i < count; i++)
        {
            bool on = defrostOn[i] > 0;
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
