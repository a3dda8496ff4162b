using System.Text.Json;
using HeatPump.Simulator.Kpi;

namespace HeatPump.Simulator.Output;

/// <summary>
/// The machine-readable report: exactly the keys issue 3 names, in its units (kWh, K·h, minutes,
/// fractions), so scripts comparing runs can rely on them.
/// </summary>
public static class JsonReport
{
    /// <summary>Writes the report for <paramref name="results"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, string climate, double days, IEnumerable<KpiResult> results)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("climate", climate);
        w.WriteNumber("days", days);
        w.WriteStartArray("controllers");
        foreach (KpiResult r in results)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Name);
            w.WriteNumber("energyKWh", Round(r.EnergyKWh));
            w.WriteNumber("auxKWh", Round(r.AuxKWh));
            w.WriteNumber("heatDeliveredKWh", Round(r.HeatDeliveredKWh));
            w.WriteNumber("scop", Round(r.Scop));
            w.WriteNumber("discomfortKh", Round(r.DiscomfortKh));
            w.WriteNumber("compressorStarts", r.CompressorStarts);
            w.WriteNumber("startsPerHour", Round(r.StartsPerHour));
            w.WriteNumber("shortCycles", r.ShortCycles);
            w.WriteNumber("defrosts", r.Defrosts);
            w.WriteNumber("defrostMinutes", Round(r.DefrostMinutes));
            w.WriteNumber("defrostsOnCleanCoil", r.DefrostsOnCleanCoil);
            w.WriteNumber("peakFrostFraction", Round(r.PeakFrostFraction));
            w.WriteNumber("invariantViolations", r.InvariantViolations);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes the report to the file <paramref name="path"/>.</summary>
    public static void WriteFile(string path, string climate, double days, IEnumerable<KpiResult> results)
    {
        using var f = File.Create(path);
        Write(f, climate, days, results);
    }

    // Four decimals keep kWh to 0.1 Wh and fractions to 0.01 %: more would only be noise.
    private static double Round(double x) => Math.Round(x, 4);
}
