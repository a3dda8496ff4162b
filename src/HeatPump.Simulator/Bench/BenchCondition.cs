using System.Globalization;
using HeatPump.Control;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Logging;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Control.States;

namespace HeatPump.Simulator.Bench;

/// <summary>
/// Something a script can expect or wait for, read off the bench the way a person reads the board:
/// the outputs as driven, the display's four characters, the LEDs, the state, the sensors, the log.
/// </summary>
public sealed class BenchCondition
{
    private readonly Func<BenchSession, bool> _test;
    private readonly Func<BenchSession, string> _seen;

    private BenchCondition(string text, Func<BenchSession, bool> test, Func<BenchSession, string> seen)
    {
        Text = text;
        _test = test;
        _seen = seen;
    }

    /// <summary>The condition as written in the script.</summary>
    public string Text { get; }

    /// <summary>True when the condition holds on <paramref name="s"/> now.</summary>
    public bool Holds(BenchSession s) => _test(s);

    /// <summary>What the bench shows for this condition now, e.g. "compressor is off".</summary>
    public string Seen(BenchSession s) => _seen(s);

    /// <summary>Reads a condition from its words as written (after "expect" or "wait until"); throws <see cref="FormatException"/> with what was expected.</summary>
    public static BenchCondition Parse(IReadOnlyList<string> asWritten, string text, BenchLogWatch log)
    {
        // Keywords in any case; names quoted back as the script wrote them.
        IReadOnlyList<string> w = asWritten.Select(x => x.StartsWith('"') ? x : x.ToLowerInvariant()).ToList();
        if (w.Count == 0) throw new FormatException("missing condition, e.g. 'compressor on', 'display \"21.5\"', 'state Defrost'");
        if (w[0] == "not")
        {
            BenchCondition inner = Parse(asWritten.Skip(1).ToList(), text, log);
            return new BenchCondition(text, s => !inner.Holds(s), inner._seen);
        }

        string what = w[0];
        switch (what)
        {
            case "compressor":
            case "valve":
            case "aux":
            {
                bool on = OnOff(w, 1, what + " on|off");
                Func<OutputState, bool> get = what == "compressor" ? o => o.Compressor : what == "valve" ? o => o.ValveEnergised : o => o.AuxHeat;
                string name = what == "valve" ? "reversing valve" : what == "aux" ? "aux heat" : "compressor";
                return new BenchCondition(text, s => get(s.Core.Outputs) == on, s => name + " is " + (get(s.Core.Outputs) ? "on" : "off"));
            }

            case "fan":
            {
                if (w.Count < 3 || (w[1] != "indoor" && w[1] != "outdoor")) throw new FormatException("expected 'fan indoor|outdoor on|off|NN%'");
                bool indoor = w[1] == "indoor";
                Func<BenchSession, int> duty = s => (int)Math.Round((indoor ? s.Core.Outputs.IndoorFanDuty : s.Core.Outputs.OutdoorFanDuty) * 100);
                Func<BenchSession, string> seen = s => w[1] + " fan is " + (duty(s) == 0 ? "off" : "at " + duty(s) + " %");
                Exact(w, 3, "fan " + w[1] + " on|off|NN%");
                if (w[2] == "on" || w[2] == "off")
                {
                    bool on = w[2] == "on";
                    return new BenchCondition(text, s => (duty(s) > 0) == on, seen);
                }

                string pct = w[2].TrimEnd('%');
                if (!int.TryParse(pct, NumberStyles.Integer, CultureInfo.InvariantCulture, out int want) || want < 0 || want > 100)
                    throw new FormatException("fan duty '" + w[2] + "' is not on, off or a percentage 0..100");
                return new BenchCondition(text, s => duty(s) == want, seen);
            }

            case "display" when w.Count == 2 && w[1] == "indoor":
            {
                // The home screen's room temperature: the indoor reading, one decimal, halves up.
                Func<BenchSession, string> reading = s => (Math.Floor(s.Core.Indoor.Celsius * 10 + 0.5) / 10).ToString("0.0", CultureInfo.InvariantCulture);
                return new BenchCondition(text, s => s.Core.Display.Text.Trim() == reading(s),
                    s => "display shows \"" + s.Core.Display.Text.Trim() + "\" with the indoor reading at " + reading(s));
            }

            case "display" when w.Count == 2 && w[1] == "countdown":
            {
                // The hold's countdown page: minutes:seconds with the colon, the time left rounded up.
                Func<BenchSession, string> left = s => BenchNarrator.HoldLeftMs(s) < 0 ? "none" : BenchNarrator.Span(BenchNarrator.HoldLeftMs(s));
                return new BenchCondition(text, s => s.Core.Display.Colon && s.Core.Display.Text.Replace(" ", "") == left(s),
                    s => "display shows \"" + s.Core.Display.Text.Trim() + "\" with the hold's time left at " + left(s));
            }

            case "display":
            {
                Exact(w, 2, "display \"TEXT\", display indoor or display countdown");
                string want = Quoted(w[1], "display \"TEXT\"").Trim();
                return new BenchCondition(text, s => s.Core.Display.Text.Trim() == want, s => "display shows \"" + s.Core.Display.Text.Trim() + "\"");
            }

            case "led":
            {
                Exact(w, 3, "led heat|cool|defrost|fault on|off|blink");
                Func<DisplayModel, LedState> get = w[1] switch
                {
                    "heat" => d => d.Heat,
                    "cool" => d => d.Cool,
                    "defrost" => d => d.Defrost,
                    "fault" => d => d.Fault,
                    _ => throw new FormatException("unknown LED '" + asWritten[1] + "' (heat, cool, defrost, fault)"),
                };
                LedState want = w[2] switch
                {
                    "on" => LedState.On,
                    "off" => LedState.Off,
                    "blink" or "blinking" => LedState.Blink,
                    _ => throw new FormatException("LED state '" + asWritten[2] + "' is not on, off or blink"),
                };
                return new BenchCondition(text, s => get(s.Core.Display) == want, s => w[1] + " LED is " + LedName(get(s.Core.Display)));
            }

            case "state":
            {
                Exact(w, 2, "state Top or Top.Sub, e.g. Heat or Defrost.Melting");
                string want = asWritten[1];
                string[] parts = want.Split('.');
                if (!Enum.TryParse(parts[0], true, out TopState top) || !Enum.IsDefined(top)
                    || (parts.Length > 1 && !Enum.TryParse(parts[1], true, out SubState _)) || parts.Length > 2)
                    throw new FormatException("unknown state '" + want + "' (e.g. Off, Heat.Running, Defrost.Melting, Fault.Lockout)");
                return new BenchCondition(text,
                    s => LogFormat.StateName(s.Core.Controller.State, s.Core.Controller.Sub).Equals(want, StringComparison.OrdinalIgnoreCase)
                         || (parts.Length == 1 && s.Core.Controller.State == top),
                    s => "state is " + LogFormat.StateName(s.Core.Controller.State, s.Core.Controller.Sub));
            }

            case "hold":
            {
                Exact(w, 2, "hold REASON, e.g. hold AntiShortCycle or hold none");
                if (!Enum.TryParse(w[1], true, out HoldReason want) || !Enum.IsDefined(want))
                    throw new FormatException("unknown hold '" + asWritten[1] + "' (" + string.Join(", ", Enum.GetNames<HoldReason>()) + ")");
                return new BenchCondition(text, s => BenchNarrator.Hold(s, out _) == want, s => "hold is " + BenchNarrator.Hold(s, out _));
            }

            case "fault":
            {
                Exact(w, 2, "fault KIND, e.g. fault IndoorSensor or fault none");
                if (!Enum.TryParse(w[1], true, out FaultKind want) || !Enum.IsDefined(want))
                    throw new FormatException("unknown fault '" + asWritten[1] + "' (" + string.Join(", ", Enum.GetNames<FaultKind>()) + ")");
                return new BenchCondition(text, s => s.Core.Controller.Fault == want, s => "fault is " + s.Core.Controller.Fault);
            }

            case "sensor":
            {
                Exact(w, 3, "sensor indoor|outdoor|coil ok|failed|starting|recovering");
                SensorRole role = BenchScript.Role(w[1]);
                if (!Enum.TryParse(w[2], true, out SensorHealth want) || !Enum.IsDefined(want))
                    throw new FormatException("unknown sensor health '" + asWritten[2] + "' (ok, failed, starting, recovering)");
                return new BenchCondition(text, s => Channel(s, role).Health == want,
                    s => w[1] + " sensor is " + LogFormat.Temperature(Channel(s, role)));
            }

            case "mode":
            {
                Exact(w, 2, "mode off|heat|cool|auto");
                if (!Enum.TryParse(w[1], true, out UserMode want) || !Enum.IsDefined(want))
                    throw new FormatException("unknown mode '" + asWritten[1] + "' (off, heat, cool, auto)");
                return new BenchCondition(text, s => s.Settings.Mode == want, s => "mode is " + LogFormat.ModeName(s.Settings.Mode));
            }

            case "setpoint":
            {
                Exact(w, 3, "setpoint heat|cool °C");
                SettingId id = w[1] switch
                {
                    "heat" => SettingId.HeatSetpoint,
                    "cool" => SettingId.CoolSetpoint,
                    _ => throw new FormatException("expected 'setpoint heat|cool °C'"),
                };
                double want = BenchScript.Number(w[2], "setpoint");
                return new BenchCondition(text, s => Math.Abs(s.Settings.Get(id) / 10.0 - want) < 0.05,
                    s => w[1] + " setpoint is " + BenchNarrator.Temp(s.Settings.Get(id) / 10.0));
            }

            case "output-test":
            {
                bool on = OnOff(w, 1, "output-test on|off");
                return new BenchCondition(text, s => s.Core.Panel.OutputTest.Active == on, s => "output-test mode is " + (s.Core.Panel.OutputTest.Active ? "on" : "off"));
            }

            case "log":
            {
                Exact(w, 2, "log \"TEXT\"");
                string want = Quoted(w[1], "log \"TEXT\"");
                return new BenchCondition(text, _ => log.Take(want), _ => "no log line since the last log check contains \"" + want + "\"");
            }

            default:
                throw new FormatException("unknown condition '" + asWritten[0]
                    + "' (compressor, valve, aux, fan, display, led, state, hold, fault, sensor, mode, setpoint, output-test, log)");
        }
    }

    /// <summary>A few words of context for a failure: state, hold, display and outputs.</summary>
    public static string Context(BenchSession s)
    {
        OutputState o = s.Core.Outputs;
        Controller c = s.Core.Controller;
        return "state " + LogFormat.StateName(c.State, c.Sub) + ", hold " + LogFormat.HoldName(c.Hold)
            + ", display \"" + s.Core.Display.Text.Trim() + "\", compressor " + (o.Compressor ? "on" : "off")
            + ", valve " + (o.ValveEnergised ? "on" : "off") + ", fans " + LogFormat.Percent(o.IndoorFanDuty) + "/" + LogFormat.Percent(o.OutdoorFanDuty) + " %";
    }

    private static SensorValidator Channel(BenchSession s, SensorRole role) =>
        role == SensorRole.Indoor ? s.Core.Indoor : role == SensorRole.Outdoor ? s.Core.Outdoor : s.Core.Coil;

    private static string LedName(LedState l) => l == LedState.Blink ? "blinking" : l == LedState.On ? "on" : "off";

    private static bool OnOff(IReadOnlyList<string> w, int at, string usage)
    {
        Exact(w, at + 1, usage);
        return w[at] switch
        {
            "on" => true,
            "off" => false,
            _ => throw new FormatException("expected '" + usage + "', got '" + w[at] + "'"),
        };
    }

    private static void Exact(IReadOnlyList<string> w, int count, string usage)
    {
        if (w.Count != count) throw new FormatException("expected '" + usage + "'");
    }

    private static string Quoted(string word, string usage)
    {
        if (word.Length >= 2 && word[0] == '"' && word[^1] == '"') return word[1..^1];
        throw new FormatException("expected '" + usage + "' with the text in double quotes");
    }
}

/// <summary>The log lines a script has not yet matched with "log": each match consumes the lines up to it.</summary>
public sealed class BenchLogWatch
{
    private readonly List<string> _pending = new();

    /// <summary>Takes a new log line.</summary>
    public void Add(string line) => _pending.Add(line);

    /// <summary>True, and forgets the lines up to the match, when a pending line contains <paramref name="text"/>.</summary>
    public bool Take(string text)
    {
        int i = _pending.FindIndex(l => l.Contains(text, StringComparison.Ordinal));
        if (i < 0) return false;
        _pending.RemoveRange(0, i + 1);
        return true;
    }
}
