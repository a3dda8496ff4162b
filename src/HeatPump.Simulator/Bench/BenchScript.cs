using System.Globalization;
using System.Text.RegularExpressions;
using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Cli;
using HeatPump.Simulator.Commissioning;
using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Bench;

/// <summary>A script line that cannot be read; the message names the line.</summary>
public sealed class BenchScriptException : Exception
{
    /// <summary>Line <paramref name="line"/> (1-based) of <paramref name="file"/>, reading <paramref name="text"/>, is wrong because of <paramref name="reason"/>.</summary>
    public BenchScriptException(string file, int line, string text, string reason)
        : base(file + ":" + line + ": " + reason + "\n    " + line + " | " + text.Trim())
    {
        Line = line;
    }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }
}

/// <summary>One line of a script, read.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Text">The line as written.</param>
/// <param name="AtMs">Simulated time to run to first (from "at"), or -1.</param>
/// <param name="Run">What the line does once its time has come; returns a failure message, or null.</param>
public sealed record BenchStep(int Line, string Text, long AtMs, Func<BenchSession, string?> Run);

/// <summary>
/// A bench script (docs/bench.md): timed key presses, changes of the outdoor air, sensor faults and
/// expectations, one per line, e.g. <c>at 0:05:00 press UP</c>, <c>hold MODE 10s</c>,
/// <c>fault coil open</c>, <c>expect display "21.5"</c>, <c>wait until compressor on within 0:10:00</c>.
/// The whole file is read before anything runs, so a malformed line is reported before any time passes.
/// </summary>
public sealed class BenchScript
{
    private static readonly Regex Clock = new(@"^(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$", RegexOptions.CultureInvariant);

    private BenchScript(string name, List<BenchStep> steps, BenchLogWatch log)
    {
        Name = name;
        Steps = steps;
        LogWatch = log;
    }

    /// <summary>The file name, for messages.</summary>
    public string Name { get; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<BenchStep> Steps { get; }

    /// <summary>The log lines the script's "log" conditions look at.</summary>
    public BenchLogWatch LogWatch { get; }

    /// <summary>Reads the script in <paramref name="path"/>.</summary>
    public static BenchScript Load(string path) => Parse(path, File.ReadAllText(path));

    /// <summary>Reads a script from <paramref name="text"/>; <paramref name="name"/> names it in messages.</summary>
    /// <exception cref="BenchScriptException">A line is malformed.</exception>
    public static BenchScript Parse(string name, string text)
    {
        var log = new BenchLogWatch();
        var steps = new List<BenchStep>();
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        long lastAt = 0;
        for (int n = 0; n < lines.Length; n++)
        {
            string raw = lines[n];
            string trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            try
            {
                List<string> asWritten = Words(trimmed);
                List<string> w = asWritten.Select(x => x.StartsWith('"') ? x : x.ToLowerInvariant()).ToList();
                long at = -1;
                if (w[0] == "at")
                {
                    if (w.Count < 3) throw new FormatException("expected 'at H:MM:SS what', e.g. 'at 0:05:00 press UP'");
                    at = ClockMs(w[1]);
                    if (at < lastAt) throw new FormatException("at " + w[1] + " is earlier than the 'at' before it (" + BenchNarrator.Clock(lastAt) + ")");
                    lastAt = at;
                    w.RemoveRange(0, 2);
                    asWritten.RemoveRange(0, 2);
                }

                steps.Add(new BenchStep(n + 1, trimmed, at, Command(w, asWritten, trimmed, log)));
            }
            catch (FormatException e)
            {
                throw new BenchScriptException(name, n + 1, raw, e.Message);
            }
        }

        return new BenchScript(name, steps, log);
    }

    /// <summary>The sensor named <paramref name="word"/>.</summary>
    public static SensorRole Role(string word) => word switch
    {
        "indoor" => SensorRole.Indoor,
        "outdoor" => SensorRole.Outdoor,
        "coil" => SensorRole.Coil,
        _ => throw new FormatException("unknown sensor '" + word + "' (indoor, outdoor, coil)"),
    };

    /// <summary>A number in invariant notation.</summary>
    public static double Number(string word, string what)
    {
        if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        throw new FormatException(what + " '" + word + "' is not a number");
    }

    /// <summary>A time of day on the bench clock, H:MM:SS or H:MM, as ms since power-up.</summary>
    public static long ClockMs(string word)
    {
        Match m = Clock.Match(word);
        if (!m.Success) throw new FormatException("time '" + word + "' is not H:MM:SS (e.g. 0:05:00, 01:30:00)");
        double s = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 3600.0 + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * 60.0;
        if (m.Groups[3].Success) s += double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return (long)Math.Round(s * 1000);
    }

    /// <summary>A span: H:MM:SS, or 90s, 5m, 2h, 1h30m.</summary>
    public static long DurationMs(string word)
    {
        if (word.Contains(':')) return ClockMs(word);
        try
        {
            return (long)Math.Round(FaultSchedule.ParseTime(word) * 1000);
        }
        catch (FaultSpecException)
        {
            throw new FormatException("duration '" + word + "' is not H:MM:SS or e.g. 10s, 5m, 1h30m");
        }
    }

    /// <summary>Buttons written as MODE, UP, DOWN or joined with '+': "UP+DOWN".</summary>
    public static int ButtonsOf(string word)
    {
        int mask = 0;
        foreach (string b in word.Split('+'))
        {
            mask |= b switch
            {
                "mode" => Buttons.Mode,
                "up" => Buttons.Up,
                "down" => Buttons.Down,
                _ => throw new FormatException("unknown button '" + b.ToUpperInvariant() + "' (MODE, UP, DOWN; join with '+')"),
            };
        }

        return mask;
    }

    /// <summary>The fault kind named <paramref name="word"/>: open, crc, 85 (or reset85), stuck, spike, drift.</summary>
    public static SensorFaultKind FaultKind(string word) => word switch
    {
        "open" => SensorFaultKind.Open,
        "crc" => SensorFaultKind.Crc,
        "85" or "reset85" => SensorFaultKind.Reset85,
        "stuck" => SensorFaultKind.Stuck,
        "spike" => SensorFaultKind.Spike,
        "drift" => SensorFaultKind.Drift,
        _ => throw new FormatException("unknown fault '" + word + "' (open, crc, 85, stuck, spike, drift)"),
    };

    private static Func<BenchSession, string?> Command(List<string> w, List<string> asWritten, string text, BenchLogWatch log)
    {
        string verb = w[0];
        switch (verb)
        {
            case "press":
            {
                if (w.Count != 2) throw new FormatException("expected 'press MODE|UP|DOWN'");
                int b = ButtonsOf(w[1]);
                return s =>
                {
                    s.Buttons.Press(b, s.NowMs);
                    s.RunUntilButtonsIdle();
                    return null;
                };
            }

            case "hold":
            {
                if (w.Count != 3) throw new FormatException("expected 'hold BUTTONS DURATION', e.g. 'hold MODE 10s' or 'hold UP+DOWN 5s'");
                int b = ButtonsOf(w[1]);
                long ms = DurationMs(w[2]);
                return s =>
                {
                    s.Buttons.Hold(b, ms, s.NowMs);
                    s.RunUntilButtonsIdle();
                    return null;
                };
            }

            case "set":
            {
                if (w.Count != 3) throw new FormatException("expected 'set outdoor °C', 'set humidity %' or 'set SETTING VALUE'");
                if (w[1] == "outdoor")
                {
                    double c = Number(w[2], "outdoor temperature");
                    if (c < BenchSession.MinOutdoorC || c > BenchSession.MaxOutdoorC)
                        throw new FormatException("outdoor " + w[2] + " °C is outside " + BenchSession.MinOutdoorC + ".." + BenchSession.MaxOutdoorC);
                    return s => { s.SetOutdoor(c); return null; };
                }

                if (w[1] == "drain")
                {
                    bool open = w[2] switch
                    {
                        "open" => true,
                        "closed" or "close" => false,
                        _ => throw new FormatException("expected 'set drain open' or 'set drain closed'"),
                    };
                    return s => { s.DrainOpen = open; return null; };
                }

                if (w[1] == "humidity")
                {
                    double rh = Number(w[2].TrimEnd('%'), "humidity");
                    if (rh < 5 || rh > 100) throw new FormatException("humidity " + w[2] + " is outside 5..100 %");
                    return s => { s.SetHumidity(rh); return null; };
                }

                SettingDefinition? d = SettingsCatalog.Find(w[1]);
                if (d == null) throw new FormatException("unknown setting '" + w[1] + "' (outdoor, humidity, or a setting the 'settings' command lists)");
                string assignment = w[1] + "=" + w[2];
                try
                {
                    SettingOverrides.Apply(new ControllerSettings(), assignment);
                }
                catch (SimulatorInputException e)
                {
                    throw new FormatException(e.Message);
                }

                return s =>
                {
                    try
                    {
                        SettingOverrides.Apply(s.Settings, assignment);
                        return null;
                    }
                    catch (SimulatorInputException e)
                    {
                        return "cannot set " + assignment + ": " + e.Message;
                    }
                };
            }

            case "fault":
            {
                if (w.Count is < 3 or > 4) throw new FormatException("expected 'fault indoor|outdoor|coil open|crc|85|stuck|spike|drift [figure]'");
                SensorRole role = Role(w[1]);
                SensorFaultKind kind = FaultKind(w[2]);
                double? figure = w.Count == 4 ? Number(w[3], "fault figure") : null;
                if (figure != null) FaultSchedule.Parse(w[1] + ":" + FaultSchedule.KindName(kind) + "=" + w[3] + "@0");
                return s =>
                {
                    s.Sensors.Inject(role, kind, s.NowMs / 1000.0, figure);
                    return null;
                };
            }

            case "clear":
            {
                if (w.Count is < 2 or > 3) throw new FormatException("expected 'clear indoor|outdoor|coil [KIND]' or 'clear all'");
                if (w[1] == "all")
                {
                    if (w.Count != 2) throw new FormatException("expected 'clear all'");
                    return s =>
                    {
                        foreach (SensorRole r in new[] { SensorRole.Indoor, SensorRole.Outdoor, SensorRole.Coil }) s.Sensors.ClearAll(r);
                        return null;
                    };
                }

                SensorRole role = Role(w[1]);
                if (w.Count == 3)
                {
                    SensorFaultKind kind = FaultKind(w[2]);
                    return s => { s.Sensors.Clear(role, kind); return null; };
                }

                return s => { s.Sensors.ClearAll(role); return null; };
            }

            case "commission":
            {
                if (w.Count != 1) throw new FormatException("expected 'commission'");
                return s => s.Core.StartCommissioning(s.NowMs) ? null : "the commissioning run did not start (output-test mode is on)";
            }

            case "install":
            {
                if (w.Count is < 2 or > 3 || (w.Count == 3 && w[2] != "supply-probe"))
                    throw new FormatException("expected 'install FAULT [supply-probe]', FAULT one of " + string.Join(", ", InstallFaults.Names));
                if (Array.IndexOf(InstallFaults.Names, w[1]) < 0)
                    throw new FormatException("unknown install fault '" + w[1] + "' (" + string.Join(", ", InstallFaults.Names) + ")");
                string fault = w[1];
                bool supply = w.Count == 3;
                return s =>
                {
                    try
                    {
                        s.Install(fault, supply);
                        return null;
                    }
                    catch (InvalidOperationException e)
                    {
                        return e.Message;
                    }
                };
            }

            case "expect":
            {
                BenchCondition c = BenchCondition.Parse(asWritten.Skip(1).ToList(), text, log);
                string expected = Join(asWritten.Skip(1));
                return s => c.Holds(s) ? null : "expected " + expected + ", but " + c.Seen(s);
            }

            case "wait":
            {
                if (w.Count == 2)
                {
                    long ms = DurationMs(w[1]);
                    return s => { s.RunUntil(s.NowMs + ms); return null; };
                }

                int within = w.IndexOf("within");
                if (w.Count < 4 || w[1] != "until" || within < 0 || within != w.Count - 2)
                    throw new FormatException("expected 'wait DURATION' or 'wait until CONDITION within DURATION'");
                long limit = DurationMs(w[^1]);
                BenchCondition c = BenchCondition.Parse(asWritten.GetRange(2, within - 2), text, log);
                string awaited = Join(asWritten.GetRange(2, within - 2));
                return s =>
                {
                    long end = s.NowMs + limit;
                    while (!c.Holds(s))
                    {
                        if (s.NowMs >= end) return "waited " + BenchNarrator.Span(limit) + " for " + awaited + ", but " + c.Seen(s);
                        s.Step();
                    }

                    return null;
                };
            }

            default:
                throw new FormatException("unknown command '" + asWritten[0] + "' (press, hold, set, fault, clear, commission, install, expect, wait; 'at H:MM:SS' in front)");
        }
    }

    private static string Join(IEnumerable<string> words) => string.Join(' ', words);

    /// <summary>Splits a line into words as written; text in double quotes is one word, quotes included.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        int i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                i++;
                continue;
            }

            if (line[i] == '#') break;
            if (line[i] == '"')
            {
                int close = line.IndexOf('"', i + 1);
                if (close < 0) throw new FormatException("a double quote is not closed");
                words.Add(line.Substring(i, close - i + 1));
                i = close + 1;
                continue;
            }

            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]) && line[i] != '"') i++;
            words.Add(line[start..i]);
        }

        return words;
    }
}
