using System.Globalization;

namespace HeatPump.Simulator.Weather;

/// <summary>
/// Weather from an EnergyPlus EPW file: 8 header lines, then one record per hour of 35
/// comma-separated fields, of which the simulator uses the dry bulb (field 7, °C), the relative
/// humidity (field 9, %) and the global horizontal radiation (field 14, Wh/m² over the hour, used as
/// W/m²). A record's values stand at the end of its hour and are interpolated linearly between
/// hours; the file wraps around after its last record. Missing values (99.9 °C, 999 %, 9999 Wh/m²)
/// are filled by interpolating between the nearest present values, up to a gap of
/// <see cref="MaxGapHours"/>; a file that does not follow the format raises
/// <see cref="EpwFormatException"/> naming the line and field.
/// </summary>
public sealed class EpwWeather : HourlyWeather
{
    /// <summary>The longest run of missing hours that is filled by interpolation.</summary>
    public const int MaxGapHours = 24;

    private const int HeaderLines = 8;
    private const int FieldsPerRecord = 35;

    private EpwWeather(string name, double[] outdoorC, double[] relativeHumidity, double[] solarWm2)
        : base(name, outdoorC, relativeHumidity, solarWm2, firstHourS: 3600.0)
    {
    }

    /// <summary>Reads the EPW file at <paramref name="path"/>.</summary>
    /// <exception cref="WeatherException">The file cannot be read.</exception>
    /// <exception cref="EpwFormatException">The file is not a well-formed EPW file.</exception>
    public static EpwWeather Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new WeatherException($"cannot read weather file '{path}': {ex.Message}", ex);
        }

        return Parse(lines, Path.GetFileName(path));
    }

    /// <summary>Parses EPW text already read into <paramref name="lines"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="EpwFormatException">The text is not a well-formed EPW file.</exception>
    public static EpwWeather Parse(IReadOnlyList<string> lines, string source)
    {
        if (lines.Count == 0 || !lines[0].TrimStart().StartsWith("LOCATION", StringComparison.OrdinalIgnoreCase))
        {
            string found = lines.Count == 0 ? "an empty file" : $"'{Shorten(lines[0])}'";
            throw new EpwFormatException(source, 1, null, $"expected the EPW header line 'LOCATION,...', found {found}");
        }

        int last = lines.Count;
        while (last > HeaderLines && string.IsNullOrWhiteSpace(lines[last - 1])) last--;
        if (last <= HeaderLines)
            throw new EpwFormatException(source, 0, null, $"no hourly records after the {HeaderLines} header lines");

        int count = last - HeaderLines;
        var dryBulb = new double[count];
        var humidity = new double[count];
        var solar = new double[count];
        for (int r = 0; r < count; r++)
        {
            int lineNumber = HeaderLines + r + 1;
            string[] fields = lines[HeaderLines + r].Split(',');
            if (fields.Length < FieldsPerRecord)
            {
                throw new EpwFormatException(source, lineNumber, null,
                    $"expected {FieldsPerRecord} comma-separated fields in an hourly record, found {fields.Length}");
            }

            CheckHour(source, lineNumber, fields[3]);
            dryBulb[r] = ParseField(source, lineNumber, fields, 6, "dry bulb", missingAtOrAbove: 99.9, min: -70.0, max: 70.0);
            humidity[r] = ParseField(source, lineNumber, fields, 8, "relative humidity", missingAtOrAbove: 999.0, min: 0.0, max: 110.0);
            solar[r] = ParseField(source, lineNumber, fields, 13, "global horizontal radiation", missingAtOrAbove: 9999.0, min: 0.0, max: 1500.0);
        }

        FillGaps(source, dryBulb, 7, "dry bulb", required: true);
        FillGaps(source, humidity, 9, "relative humidity", required: true);
        FillGaps(source, solar, 14, "global horizontal radiation", required: false);
        for (int r = 0; r < count; r++) humidity[r] = Math.Min(100.0, humidity[r]);

        return new EpwWeather(LocationName(lines[0], source), dryBulb, humidity, solar);
    }

    private static void CheckHour(string source, int line, string text)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int hour) || hour < 1 || hour > 24)
            throw new EpwFormatException(source, line, "field 4 (hour)", $"'{Shorten(text)}' is not an hour from 1 to 24");
    }

    private static double ParseField(string source, int line, string[] fields, int index, string name,
        double missingAtOrAbove, double min, double max)
    {
        string text = fields[index].Trim();
        string field = $"field {index + 1} ({name})";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw new EpwFormatException(source, line, field, $"'{Shorten(text)}' is not a number");
        if (value >= missingAtOrAbove) return double.NaN;
        if (value < min || value > max)
            throw new EpwFormatException(source, line, field, $"{text} is outside {min}..{max}");
        return value;
    }

    /// <summary>Fills missing values (NaN) by linear interpolation between the nearest present ones, wrapping around the file.</summary>
    private static void FillGaps(string source, double[] values, int fieldNumber, string name, bool required)
    {
        int n = values.Length;
        int firstPresent = Array.FindIndex(values, v => !double.IsNaN(v));
        string field = $"field {fieldNumber} ({name})";
        if (firstPresent < 0)
        {
            if (required) throw new EpwFormatException(source, 0, field, "every record is missing");
            Array.Fill(values, 0.0);
            return;
        }

        // Walk once around the file from a present value, filling each run of missing values.
        int i = firstPresent;
        for (int visited = 0; visited < n;)
        {
            int next = (i + 1) % n;
            int gap = 0;
            while (double.IsNaN(values[next]))
            {
                gap++;
                next = (next + 1) % n;
            }

            if (gap > MaxGapHours)
            {
                int firstMissingLine = HeaderLines + (i + 1) % n + 1;
                throw new EpwFormatException(source, firstMissingLine, field,
                    $"missing for {gap} hours in a row; at most {MaxGapHours} are filled by interpolation");
            }

            for (int k = 1; k <= gap; k++)
            {
                values[(i + k) % n] = values[i] + (values[next] - values[i]) * k / (gap + 1);
            }

            visited += gap + 1;
            i = next;
        }
    }

    private static string LocationName(string header, string source)
    {
        string[] parts = header.Split(',');
        var name = new List<string>();
        for (int i = 1; i <= 3 && i < parts.Length; i++)
        {
            string part = parts[i].Trim();
            if (part.Length > 0 && part != "-") name.Add(part);
        }

        return name.Count > 0 ? string.Join(", ", name) : source;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
