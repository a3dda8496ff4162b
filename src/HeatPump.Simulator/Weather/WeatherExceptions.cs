namespace HeatPump.Simulator.Weather;

/// <summary>Weather that cannot be had: an unknown climate, a bad length, an unreadable or malformed file. The message is one line meant for the user.</summary>
public class WeatherException : Exception
{
    /// <summary>A weather error with <paramref name="message"/>.</summary>
    public WeatherException(string message)
        : base(message)
    {
    }

    /// <summary>A weather error with <paramref name="message"/> caused by <paramref name="inner"/>.</summary>
    public WeatherException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A climate name that is not built in; the message lists the ones that are.</summary>
public sealed class UnknownClimateException : WeatherException
{
    /// <summary>The error for <paramref name="name"/>.</summary>
    public UnknownClimateException(string name)
        : base($"unknown climate '{name}'; built-in climates are: {string.Join(", ", WeatherLibrary.Names)}")
    {
        Name = name;
    }

    /// <summary>The name asked for.</summary>
    public string Name { get; }
}

/// <summary>An EPW file that does not follow the format; the message names the line and the field.</summary>
public sealed class EpwFormatException : WeatherException
{
    /// <summary>The error at <paramref name="line"/> (1-based; 0 when it concerns the whole file) in <paramref name="field"/> (null when it concerns the whole line).</summary>
    public EpwFormatException(string source, int line, string? field, string problem)
        : base(Compose(source, line, field, problem))
    {
        Line = line;
        Field = field;
    }

    /// <summary>1-based line number of the problem, 0 when it concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>The field, e.g. "field 7 (dry bulb)", or null.</summary>
    public string? Field { get; }

    private static string Compose(string source, int line, string? field, string problem)
    {
        string where = line > 0 ? $"line {line}" : "";
        if (field != null) where = where.Length > 0 ? $"{where}, {field}" : field;
        return where.Length > 0 ? $"{source}: {where}: {problem}" : $"{source}: {problem}";
    }
}
