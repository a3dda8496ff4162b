using System.Globalization;
using System.Text;
using HeatPump.Control.Sensors;

namespace HeatPump.Simulator.Plant;

/// <summary>The ways a DS18B20 channel goes wrong in the field.</summary>
public enum SensorFaultKind
{
    /// <summary>Open wire or dead sensor: no presence pulse, every read fails (NoResponse).</summary>
    Open = 0,

    /// <summary>Noise on the bus: a share of the reads fail their CRC (parameter: that share, 0..1, default 0.5).</summary>
    Crc,

    /// <summary>The sensor keeps resetting (a brown-out on parasite power) and reports its 85.0 °C power-on value (parameter: share of reads, default 1).</summary>
    Reset85,

    /// <summary>The reading freezes at the value it had when the fault began (a hung sensor or a stale scratchpad).</summary>
    Stuck,

    /// <summary>Occasional large jumps (parameter: size of a jump, K, default 30).</summary>
    Spike,

    /// <summary>An offset that grows steadily (parameter: K per hour, default 0.5; negative drifts down).</summary>
    Drift,
}

/// <summary>One scheduled sensor fault.</summary>
/// <param name="Role">Which sensor.</param>
/// <param name="Kind">What goes wrong.</param>
/// <param name="Parameter">The kind's figure (see <see cref="SensorFaultKind"/>).</param>
/// <param name="StartSeconds">When it begins, seconds from the start of the run.</param>
/// <param name="DurationSeconds">How long it lasts, s (infinite: to the end of the run).</param>
public sealed record SensorFault(SensorRole Role, SensorFaultKind Kind, double Parameter, double StartSeconds, double DurationSeconds)
{
    /// <summary>True while the fault is in effect at <paramref name="seconds"/>.</summary>
    public bool IsActive(double seconds) => seconds >= StartSeconds && seconds - StartSeconds < DurationSeconds;

    /// <summary>The fault in the spec syntax <see cref="FaultSchedule.Parse"/> reads.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(FaultSchedule.RoleName(Role)).Append(':').Append(FaultSchedule.KindName(Kind));
        if (FaultSchedule.TakesParameter(Kind))
            sb.Append('=').Append(Parameter.ToString("R", CultureInfo.InvariantCulture));
        sb.Append('@').Append(FaultSchedule.FormatTime(StartSeconds));
        if (!double.IsPositiveInfinity(DurationSeconds)) sb.Append('+').Append(FaultSchedule.FormatTime(DurationSeconds));
        return sb.ToString();
    }
}

/// <summary>A spec string that <see cref="FaultSchedule.Parse"/> could not read; the message names the bad token.</summary>
public sealed class FaultSpecException : FormatException
{
    /// <summary>A parse error with <paramref name="message"/>.</summary>
    public FaultSpecException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Sensor faults on a timetable, read from a spec such as
/// <c>coil:open@2h+30m,indoor:crc=0.3@1d+1h,outdoor:drift=0.5@3h</c>: comma-separated
/// <c>role:kind[=value]@start[+duration]</c>, roles <c>indoor</c>, <c>outdoor</c>, <c>coil</c>, kinds
/// <c>open</c>, <c>crc</c>, <c>reset85</c>, <c>stuck</c>, <c>spike</c>, <c>drift</c>, times like
/// <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>, <c>1h30m</c> or <c>1.5h</c>; no duration means to the end of the run.
/// </summary>
public sealed class FaultSchedule
{
    private static readonly string[] RoleNames = { "indoor", "outdoor", "coil" };
    private static readonly string[] KindNames = { "open", "crc", "reset85", "stuck", "spike", "drift" };

    /// <summary>A schedule of <paramref name="faults"/>.</summary>
    public FaultSchedule(IEnumerable<SensorFault> faults)
    {
        Faults = faults.ToArray();
    }

    /// <summary>No faults.</summary>
    public static FaultSchedule Empty { get; } = new(Array.Empty<SensorFault>());

    /// <summary>The faults, in the order given.</summary>
    public IReadOnlyList<SensorFault> Faults { get; }

    /// <summary>The faults scheduled for <paramref name="role"/>, in the order given.</summary>
    public SensorFault[] For(SensorRole role) => Faults.Where(f => f.Role == role).ToArray();

    /// <summary>The schedule in spec syntax (empty when there are no faults).</summary>
    public override string ToString() => string.Join(",", Faults);

    /// <summary>Reads a spec string (null or blank: no faults).</summary>
    /// <exception cref="FaultSpecException">A part of the spec is malformed; the message quotes it.</exception>
    public static FaultSchedule Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) return Empty;
        var faults = new List<SensorFault>();
        foreach (string raw in spec.Split(','))
        {
            string item = raw.Trim();
            if (item.Length == 0) throw new FaultSpecException($"fault spec '{spec}': empty entry between commas");
            faults.Add(ParseOne(item));
        }

        return new FaultSchedule(faults);
    }

    /// <summary>Reads a time such as <c>90s</c>, <c>30m</c>, <c>2h</c>, <c>1d</c>, <c>1h30m</c>, <c>1.5h</c> or a bare number of seconds.</summary>
    /// <exception cref="FaultSpecException">Not such a time.</exception>
    public static double ParseTime(string text)
    {
        if (!TryParseTime(text, out double seconds))
            throw new FaultSpecException($"bad time '{text}' (use e.g. 90s, 30m, 2h, 1d or 1h30m)");
        return seconds;
    }

    internal static string RoleName(SensorRole role) => RoleNames[(int)role];

    internal static string KindName(SensorFaultKind kind) => KindNames[(int)kind];

    internal static bool TakesParameter(SensorFaultKind kind) => kind is not (SensorFaultKind.Open or SensorFaultKind.Stuck);

    internal static string FormatTime(double seconds)
    {
        if (seconds > 0 && seconds % 86400 == 0) return (seconds / 86400).ToString(CultureInfo.InvariantCulture) + "d";
        if (seconds > 0 && seconds % 3600 == 0) return (seconds / 3600).ToString(CultureInfo.InvariantCulture) + "h";
        if (seconds > 0 && seconds % 60 == 0) return (seconds / 60).ToString(CultureInfo.InvariantCulture) + "m";
        return seconds.ToString("R", CultureInfo.InvariantCulture) + "s";
    }

    private static double DefaultParameter(SensorFaultKind kind) => kind switch
    {
        SensorFaultKind.Crc => 0.5,
        SensorFaultKind.Reset85 => 1.0,
        SensorFaultKind.Spike => 30.0,
        SensorFaultKind.Drift => 0.5,
        _ => 0.0,
    };

    private static SensorFault ParseOne(string item)
    {
        int colon = item.IndexOf(':');
        if (colon < 0) throw new FaultSpecException($"fault '{item}': expected role:kind@start, e.g. coil:open@2h+30m");
        string roleText = item[..colon].Trim();
        int role = Array.IndexOf(RoleNames, roleText.ToLowerInvariant());
        if (role < 0)
            throw new FaultSpecException($"fault '{item}': unknown sensor '{roleText}' (expected {string.Join(", ", RoleNames)})");

        string rest = item[(colon + 1)..];
        int at = rest.IndexOf('@');
        if (at < 0) throw new FaultSpecException($"fault '{item}': missing '@start' (e.g. {roleText}:{rest}@2h+30m)");
        string kindPart = rest[..at].Trim();
        string timePart = rest[(at + 1)..].Trim();

        string kindText = kindPart;
        string? valueText = null;
        int eq = kindPart.IndexOf('=');
        if (eq >= 0)
        {
            kindText = kindPart[..eq].Trim();
            valueText = kindPart[(eq + 1)..].Trim();
        }

        int kindIndex = Array.IndexOf(KindNames, kindText.ToLowerInvariant());
        if (kindIndex < 0)
            throw new FaultSpecException($"fault '{item}': unknown kind '{kindText}' (expected {string.Join(", ", KindNames)})");
        var kind = (SensorFaultKind)kindIndex;

        double parameter = DefaultParameter(kind);
        if (valueText != null)
        {
            if (!TakesParameter(kind)) throw new FaultSpecException($"fault '{item}': kind '{kindText}' takes no value");
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out parameter) || !double.IsFinite(parameter))
                throw new FaultSpecException($"fault '{item}': value '{valueText}' is not a number");
            if ((kind == SensorFaultKind.Crc || kind == SensorFaultKind.Reset85) && (parameter < 0 || parameter > 1))
                throw new FaultSpecException($"fault '{item}': value '{valueText}' must be a share between 0 and 1");
            if (kind == SensorFaultKind.Spike && parameter <= 0)
                throw new FaultSpecException($"fault '{item}': value '{valueText}' must be a positive jump in K");
        }

        string startText = timePart;
        string? durationText = null;
        int plus = timePart.IndexOf('+');
        if (plus >= 0)
        {
            startText = timePart[..plus].Trim();
            durationText = timePart[(plus + 1)..].Trim();
        }

        if (!TryParseTime(startText, out double start))
            throw new FaultSpecException($"fault '{item}': bad start time '{startText}' (use e.g. 90s, 30m, 2h, 1d or 1h30m)");
        double duration = double.PositiveInfinity;
        if (durationText != null)
        {
            if (!TryParseTime(durationText, out duration))
                throw new FaultSpecException($"fault '{item}': bad duration '{durationText}' (use e.g. 90s, 30m, 2h, 1d or 1h30m)");
            if (duration <= 0) throw new FaultSpecException($"fault '{item}': duration '{durationText}' must be longer than zero");
        }

        return new SensorFault((SensorRole)role, kind, parameter, start, duration);
    }

    private static bool TryParseTime(string text, out double seconds)
    {
        seconds = 0;
        string s = text.Trim();
        if (s.Length == 0) return false;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double bare))
        {
            seconds = bare;
            return bare >= 0 && double.IsFinite(bare);
        }

        int i = 0;
        while (i < s.Length)
        {
            int numberStart = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == numberStart || i >= s.Length) return false;
            if (!double.TryParse(s.AsSpan(numberStart, i - numberStart), NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
                return false;
            double unit = char.ToLowerInvariant(s[i]) switch
            {
                's' => 1.0,
                'm' => 60.0,
                'h' => 3600.0,
                'd' => 86400.0,
                _ => double.NaN,
            };
            if (double.IsNaN(unit)) return false;
            seconds += number * unit;
            i++;
        }

        return double.IsFinite(seconds);
    }
}
