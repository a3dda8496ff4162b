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
    private static readonly Color DefrostColor = Color.FromHex("#9467bd").WithAlpha(0.55);

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

        plot.Add.HorizontalSpan(lowC, highC, BandColor).LegendText = "comfort band (setpoint ± 1 K)";
        Shade(plot, Bin(s.CompressorOn, s.Count, bin), 0.5, period, CompressorColor, "compressor on");
        MarkDefrosts(plot, s.DefrostOn, s.Count, s.MinutesPerRow / 1440.0 * unit);

        AddLine(plot, Bin(s.OutdoorC, s.Count, bin), period, OutdoorColor, "outdoor", 1.2f);
        AddLine(plot, Bin(s.CoilC, s.Count, bin), period, CoilColor, "coil", 1f);
        AddLine(plot, Bin(s.IndoorC, s.Count, bin), period, IndoorColor, "indoor (true)", 1.8f);
        var frost = AddLine(plot, Bin(s.FrostFraction, s.Count, bin), period, FrostColor, "frost fraction (right axis)", 1.5f);
        frost.Axes.YAxis = plot.Axes.Right;
        frost.LinePattern = LinePattern.Dashed;

        plot.Axes.Right.Label.Text = "frost fraction";
        plot.Axes.SetLimitsY(0, 1.05, plot.Axes.Right);
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
            plot.ShowLegend(Alignment.UpperLeft, Orientation.Horizontal);
        }
        else
        {
            plot.HideLegend();
        }
    }

    private static ScottPlot.Plottables.Signal AddLine(Plot plot, double[] ys, double period, Color color, string label, float width)
    {
        var sig = plot.Add.Signal(ys, period, color);
        sig.LegendText = label;
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

    private static void Shade(Plot plot, double[] fraction, double threshold, double period, Color color, string label)
    {
        bool labelled = false;
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
                var span = plot.Add.VerticalSpan(start * period, i * period, color);
                span.LineStyle.Width = 0;
                if (!labelled)
                {
                    span.LegendText = label;
                    labelled = true;
                }

                start = -1;
            }
        }
    }

    private static void MarkDefrosts(Plot plot, float[] defrostOn, int count, double rowPeriod)
    {
        bool labelled = false;
        bool inDefrost = false;
        for (int i = 0; i < count; i++)
        {
            bool on = defrostOn[i] > 0;
            if (on && !inDefrost)
            {
                var line = plot.Add.VerticalLine(i * rowPeriod, 1.2f, DefrostColor);
                if (!labelled)
                {
                    line.LegendText = "defrost";
                    labelled = true;
                }
            }

            inDefrost = on;
        }
    }
}
