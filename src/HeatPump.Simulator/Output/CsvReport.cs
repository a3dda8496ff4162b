using System.Globalization;
using HeatPump.Simulator.Run;

namespace HeatPump.Simulator.Output;

/// <summary>The per-minute time series of every controller in one long-format CSV (one row per controller and minute).</summary>
public static class CsvReport
{
    /// <summary>The header line.</summary>
    public const string Header = "controller,minute,hours,outdoor_c,indoor_c,coil_c,frost_fraction,compressor_on,defrost_on,electric_w,heat_to_house_w";

    /// <summary>Writes the series of <paramref name="results"/> (those that have one) to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IEnumerable<RunResult> results)
    {
        // Numbers are formatted into one buffer: a year is half a million rows, and a string per
        // field would make the garbage collector hold on to a hundred megabytes.
        Span<char> buffer = stackalloc char[32];
        writer.WriteLine(Header);
        foreach (RunResult r in results)
        {
            SeriesRecorder? s = r.Series;
            if (s == null)
            {
                continue;
            }

            for (int i = 0; i < s.Count; i++)
            {
                double minute = i * s.MinutesPerRow;
                writer.Write(r.Kpi.Name);
                Field(writer, buffer, minute, "0.##");
                Field(writer, buffer, minute / 60.0, "0.####");
                Field(writer, buffer, s.OutdoorC[i], "0.###");
                Field(writer, buffer, s.IndoorC[i], "0.###");
                Field(writer, buffer, s.CoilC[i], "0.###");
                Field(writer, buffer, s.FrostFraction[i], "0.####");
                Field(writer, buffer, s.CompressorOn[i], "0.###");
                Field(writer, buffer, s.DefrostOn[i], "0.###");
                Field(writer, buffer, s.ElectricW[i], "0.#");
                Field(writer, buffer, s.HeatToHouseW[i], "0.#");
                writer.WriteLine();
            }
        }
    }

    /// <summary>Writes the CSV to the file <paramref name="path"/>.</summary>
    public static void WriteFile(string path, IEnumerable<RunResult> results)
    {
        using var w = new StreamWriter(path);
        Write(w, results);
    }

    private static void Field(TextWriter w, Span<char> buffer, double v, string format)
    {
        w.Write(',');
        v.TryFormat(buffer, out int n, format, CultureInfo.InvariantCulture);
        w.Write(buffer.Slice(0, n));
    }

}
