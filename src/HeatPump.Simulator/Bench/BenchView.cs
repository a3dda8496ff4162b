using System.Globalization;
using System.Text;
using HeatPump.Control;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Logging;
using HeatPump.Control.Protection;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HeatPump.Simulator.Bench;

/// <summary>
/// The live bench screen: the front panel as the display model draws it (big 7-segment digits
/// from the firmware's own segment table, when the terminal has room), the four LEDs, the outputs
/// as lamps, the controller's state and hold, the sensors, a plain-language line on what is going
/// on, the last log lines in the firmware's format and the key legend. Laid out for 80×24; a larger
/// terminal gets more log; a smaller one a compact form with the display as bold text.
/// </summary>
public static class BenchView
{
    /// <summary>The smallest terminal the full layout fits.</summary>
    public const int FullWidth = 80, FullHeight = 24;

    private const int PanelBoxWidth = 35;
    private const int StateBoxWidth = 42;
    private const string Lit = "red1";
    private const string Unlit = "grey15";

    /// <summary>The screen for <paramref name="s"/> at a terminal of <paramref name="width"/>×<paramref name="height"/>.</summary>
    /// <param name="s">The bench.</param>
    /// <param name="c">The keyboard state (speed, pause, selected sensor, last message).</param>
    /// <param name="showMessage">True while the last key's message is fresh.</param>
    /// <param name="blinkOn">Phase of the 1 Hz blink.</param>
    /// <param name="width">Terminal columns.</param>
    /// <param name="height">Terminal rows.</param>
    public static IRenderable Render(BenchSession s, BenchControls c, bool showMessage, bool blinkOn, int width, int height)
    {
        if (width < FullWidth || height < FullHeight) return Compact(s, c, showMessage, blinkOn, width, height);

        int rightWidth = FullWidth - PanelBoxWidth;
        var top = new Grid().AddColumn(new GridColumn().NoWrap().Padding(0, 0)).AddColumn(new GridColumn().NoWrap().Padding(0, 0));
        top.AddRow(
            Box(FrontPanel(s, blinkOn), "Front panel  " + Header(s, c), PanelBoxWidth, 8),
            Box(Outputs(s), "Outputs as driven", rightWidth, 8));

        var middle = new Grid().AddColumn(new GridColumn().NoWrap().Padding(0, 0)).AddColumn(new GridColumn().NoWrap().Padding(0, 0));
        middle.AddRow(
            Box(State(s), "Controller", StateBoxWidth, 6),
            Box(SensorsBox(s, c), "Sensors (i o c pick)", FullWidth - StateBoxWidth, 6));

        int logLines = 3 + (height - FullHeight);
        var rows = new List<IRenderable> { top, middle };
        rows.AddRange(Explain(s, c, showMessage, width));
        rows.Add(new Rule("[grey]serial log, EVT lines (every line with --log FILE)[/]").LeftJustified().RuleStyle("grey"));
        rows.AddRange(LogLines(s, logLines, width));
        rows.AddRange(Legend());
        return new Rows(rows);
    }

    /// <summary>The four characters, dots and colon as big 7-segment digits: five text rows.</summary>
    public static string[] BigDigits(DisplayModel d)
    {
        var rows = new StringBuilder[5];
        for (int r = 0; r < 5; r++) rows[r] = new StringBuilder();
        for (int i = 0; i < SevenSegment.Width; i++)
        {
            int seg = SegmentFont.Encode(d.Digits[i]);
            string Seg(int bit, string on) => Paint((seg & bit) != 0, on);
            rows[0].Append(' ').Append(Seg(0x01, "━━")).Append(' ');
            rows[1].Append(Seg(0x20, "┃")).Append("  ").Append(Seg(0x02, "┃"));
            rows[2].Append(' ').Append(Seg(0x40, "━━")).Append(' ');
            rows[3].Append(Seg(0x10, "┃")).Append("  ").Append(Seg(0x04, "┃"));
            rows[4].Append(' ').Append(Seg(0x08, "━━")).Append(' ');
            for (int r = 0; r < 4; r++) rows[r].Append(' ');
            rows[4].Append(Paint(d.Dots[i], "▪"));
            if (i == 1)
            {
                rows[0].Append(' ');
                rows[1].Append(Paint(d.Colon, "▪"));
                rows[2].Append(' ');
                rows[3].Append(Paint(d.Colon, "▪"));
                rows[4].Append(' ');
            }

            if (i < SevenSegment.Width - 1)
            {
                for (int r = 0; r < 5; r++) rows[r].Append(' ');
            }
        }

        return rows.Select(b => b.ToString()).ToArray();
    }

    /// <summary>The LEDs as one markup line: ● lit, ○ dark; a blinking LED alternates with the 1 Hz phase.</summary>
    public static string Leds(DisplayModel d, bool blinkOn) =>
        Led("Heat", d.Heat, "orange1", blinkOn) + " " + Led("Cool", d.Cool, "deepskyblue1", blinkOn) + " "
        + Led("Defrost", d.Defrost, "aquamarine1", blinkOn) + " " + Led("Fault", d.Fault, "red1", blinkOn);

    private static string Paint(bool on, string glyph) => "[" + (on ? Lit : Unlit) + "]" + glyph + "[/]";

    private static string Led(string name, LedState state, string colour, bool blinkOn)
    {
        // A blinking LED alternates bright and dim, so a still picture still tells it from a dark one.
        string mark = state == LedState.On || (state == LedState.Blink && blinkOn) ? "[" + colour + "]●[/]"
            : state == LedState.Blink ? "[" + colour + " dim]●[/]"
            : "[grey35]○[/]";
        string label = state == LedState.Off ? "[grey50]" + name + "[/]" : "[bold " + colour + "]" + name + "[/]";
        return mark + label + (state == LedState.Blink ? "[" + colour + "]~[/]" : " ");
    }

    private static string Header(BenchSession s, BenchControls c) =>
        BenchNarrator.Clock(s.NowMs) + "  " + (c.Paused ? "[black on yellow] paused [/]" : "×" + c.Speed.ToString(CultureInfo.InvariantCulture));

    private static Panel Box(IEnumerable<string> lines, string header, int width, int height)
    {
        var panel = new Panel(new Markup(string.Join('\n', lines)))
        {
            Header = new PanelHeader(" " + header + " "),
            Border = BoxBorder.Rounded,
            BorderStyle = new Style(Color.Grey),
            Padding = new Padding(1, 0, 0, 0),
            Width = width,
            Height = height,
        };
        return panel;
    }

    private static IEnumerable<string> FrontPanel(BenchSession s, bool blinkOn)
    {
        foreach (string row in BigDigits(s.Core.Display)) yield return "  " + row;
        yield return Leds(s.Core.Display, blinkOn);
    }

    private static IEnumerable<string> Outputs(BenchSession s)
    {
        OutputState o = s.Core.Outputs;
        OutputState wanted = s.Core.Requested;
        GuardFeedback g = s.Core.Guard.Feedback(s.NowMs);
        string since = BenchNarrator.Span(s.NowMs - g.CompressorSinceMs);
        string compNote = o.Compressor ? "running " + since
            : wanted.Compressor ? "[yellow]wanted, the guard holds it[/]"
            : "stopped " + since;
        yield return Lamp(o.Compressor, "green1") + " compressor    " + OnOff(o.Compressor) + " " + compNote;

        bool heatingPosition = s.Settings.IsHeatingPosition(o.ValveEnergised);
        yield return Lamp(o.ValveEnergised, "green1") + " rev. valve    " + OnOff(o.ValveEnergised) + " "
            + (heatingPosition ? "heating position" : "[aquamarine1]cooling position[/]");
        yield return Lamp(o.AuxHeat, "orange1") + " aux heat      " + OnOff(o.AuxHeat);
        yield return Lamp(o.IndoorFanDuty > 0, "green1") + " indoor fan   " + Duty(o.IndoorFanDuty);
        yield return Lamp(o.OutdoorFanDuty > 0, "green1") + " outdoor fan  " + Duty(o.OutdoorFanDuty);
        var p = s.Plant;
        yield return "[grey]true: room " + BenchNarrator.Temp(p.IndoorC) + " coil " + BenchNarrator.Temp(p.CoilC)
            + " ice " + (p.FrostFraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %[/]";
    }

    private static string Lamp(bool on, string colour) => on ? "[" + colour + "]●[/]" : "[grey35]○[/]";

    private static string OnOff(bool on) => on ? "[bold]ON [/]" : "[grey50]off[/]";

    private static string Duty(float duty)
    {
        int pct = (int)Math.Round(duty * 100);
        int bars = (int)Math.Round(duty * 10);
        return pct.ToString(CultureInfo.InvariantCulture).PadLeft(3) + " % [green]" + new string('█', bars) + "[/][grey23]" + new string('░', 10 - bars) + "[/]";
    }

    private static IEnumerable<string> State(BenchSession s)
    {
        Controller ctl = s.Core.Controller;
        ControllerSettings set = s.Settings;
        yield return "[bold]" + LogFormat.StateName(ctl.State, ctl.Sub) + "[/]  [grey]in " + ctl.State + " for[/] " + BenchNarrator.Span(s.NowMs - ctl.StateSinceMs);
        string sp = set.Mode == UserMode.Auto
            ? "heat " + BenchNarrator.Temp(set.HeatSetpointC) + ", cool " + BenchNarrator.Temp(set.CoolSetpointC)
            : set.Mode == UserMode.Cool ? "setpoint " + BenchNarrator.Temp(set.CoolSetpointC) : "setpoint " + BenchNarrator.Temp(set.HeatSetpointC);
        yield return "mode [bold]" + LogFormat.ModeName(set.Mode) + "[/], " + sp;
        long left = BenchNarrator.HoldLeftMs(s);
        HoldReason hold = BenchNarrator.Hold(s, out _);
        yield return hold == HoldReason.None
            ? (ctl.Fault != FaultKind.None ? "[red]fault " + ctl.Fault + (ctl.LockedOut ? ", locked out" : "") + "[/]" : "[grey]no start held[/]")
            : "[yellow]held: " + LogFormat.HoldName(hold) + (left >= 0 ? " " + BenchNarrator.Span(left) : "") + "[/]";
        string end = ctl.LastDefrostEnd switch
        {
            DefrostEnd.CoilTemperature => " → coil temp",
            DefrostEnd.MaxTime => " → max time",
            DefrostEnd.Aborted => " → aborted",
            _ => "",
        };
        string last = ctl.DefrostCount == 0 ? "" : ", last " + ctl.LastDefrostCause + end;
        yield return "defrosts " + ctl.DefrostCount + last;
    }

    private static IEnumerable<string> SensorsBox(BenchSession s, BenchControls c)
    {
        yield return SensorLine(s, c, SensorRole.Indoor, s.Core.Indoor);
        yield return SensorLine(s, c, SensorRole.Outdoor, s.Core.Outdoor);
        yield return SensorLine(s, c, SensorRole.Coil, s.Core.Coil);
        yield return "[grey]air[/] " + BenchNarrator.Temp(s.OutdoorC) + " [grey]RH[/] " + s.RelativeHumidity.ToString("0", CultureInfo.InvariantCulture) + " % [grey](←→ [[ ]])[/]";
    }

    private static string SensorLine(BenchSession s, BenchControls c, SensorRole role, SensorValidator v)
    {
        bool selected = c.Selected == role;
        string name = BenchNarrator.RoleName(role).PadRight(8);
        bool reading = v.Health is SensorHealth.Ok or SensorHealth.Recovering;
        string value = reading ? v.Celsius.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(6) : "  --.-";
        string colour = v.Health switch
        {
            SensorHealth.Ok => "green",
            SensorHealth.Failed => "red",
            SensorHealth.Recovering => "yellow",
            _ => "grey",
        };
        string faults = string.Join(",", s.Sensors.On(role).Select(BenchNarrator.FaultName));
        return (selected ? "[bold]▸" : " ") + name + (selected ? "[/]" : "") + value + " [" + colour + "]" + LogFormat.HealthName(v.Health) + "[/]"
            + (faults.Length > 0 ? " [red]" + Markup.Escape(faults) + "[/]" : "");
    }

    private static IEnumerable<IRenderable> Explain(BenchSession s, BenchControls c, bool showMessage, int width)
    {
        string held = BenchNarrator.HeldButtons(s);
        string third;
        string style = "bold";
        if (held.Length > 0) third = "held: " + held + " — " + BenchNarrator.HoldHint(s);
        else if (showMessage && c.Message.Length > 0) third = c.Message;
        else
        {
            third = Reason(s);
            style = "default";
        }

        yield return Line("[grey]display[/] ", BenchNarrator.DisplayMeaning(s), "default", width);
        yield return Line("[grey]now[/]     ", BenchNarrator.StateMeaning(s), "default", width);
        yield return Line("[yellow]▸[/]       ", third, style, width);
    }

    /// <summary>The most useful "why" at the moment: a sensor lost, a held start, a defrost's cause, otherwise the next thing to try.</summary>
    private static string Reason(BenchSession s)
    {
        foreach (var (role, v) in new[] { (SensorRole.Indoor, s.Core.Indoor), (SensorRole.Outdoor, s.Core.Outdoor), (SensorRole.Coil, s.Core.Coil) })
        {
            if (v.Health == SensorHealth.Failed) return BenchNarrator.RoleName(role) + " sensor failed: " + BenchNarrator.LossMeaning(role);
        }

        string hold = BenchNarrator.HoldMeaning(s);
        if (hold.Length > 0) return "start held by " + hold;
        if (s.Core.Panel.OutputTest.Active)
        {
            return s.Core.Panel.OutputTest.Walking
                ? "the walk lights each output alone for 5 s; any key stops it there"
                : "u/d pick an output, m switches it; b leaves (15 min without a key too)";
        }

        string defrost = BenchNarrator.DefrostWhy(s);
        if (defrost.Length > 0) return defrost;
        if (s.Settings.Mode == UserMode.Off) return "m chooses a mode; + speeds time up (×10, ×60, ×600)";
        return "u/d change the setpoint; ←/→ the outdoor air; f forces a defrost";
    }

    private static IEnumerable<IRenderable> LogLines(BenchSession s, int count, int width)
    {
        List<string> lines = s.Log.Last(count, "STS");
        for (int i = 0; i < count; i++)
        {
            string line = i < lines.Count ? lines[i] : "";
            if (line.Length > width) line = line[..(width - 1)] + "…";
            yield return new Markup("[grey70]" + Markup.Escape(line) + "[/]");
        }
    }

    private static IEnumerable<IRenderable> Legend()
    {
        yield return new Markup("[bold]m u d[/] MODE UP DOWN (↑↓)  [bold]M U D[/] hold/let go  [bold]b[/] MODE+DOWN 5 s  [bold]f[/] MODE+UP 5 s");
        yield return new Markup("[bold]←→[/] outdoor ±1 °C  [bold][[ ]][/] humidity ±5 %  [bold]i o c[/] sensor, then [bold]1[/] open [bold]2[/] crc [bold]3[/] 85 °C");
        yield return new Markup("[bold]4[/] stuck [bold]5[/] spike [bold]6[/] drift [bold]0[/] clear   [bold]+ -[/] speed 1·10·60·600×  [bold]space[/] pause  [bold]q[/] quit");
    }

    private static Markup Line(string markup, int width) => new(markup) { Overflow = Overflow.Ellipsis };

    /// <summary>One row: an 8-column label, then <paramref name="text"/> cut with "…" so the row never wraps.</summary>
    private static Markup Line(string label, string text, string style, int width)
    {
        int room = width - 8;
        if (text.Length > room) text = text[..(room - 1)] + "…";
        return new Markup(label + "[" + style + "]" + Markup.Escape(text) + "[/]");
    }

    private static IRenderable Compact(BenchSession s, BenchControls c, bool showMessage, bool blinkOn, int width, int height)
    {
        OutputState o = s.Core.Outputs;
        DisplayModel d = s.Core.Display;
        Controller ctl = s.Core.Controller;
        string Led(string name, LedState l) => l == LedState.Off ? "" : " " + name + (l == LedState.Blink ? "~" : "");
        var lines = new List<Markup>
        {
            Fit(width, (BenchNarrator.Clock(s.NowMs) + " " + (c.Paused ? "paused" : "×" + c.Speed) + " ", "default"),
                (" " + d.Text.PadLeft(4) + " ", "bold red1 on grey15"),
                (Led("Heat", d.Heat) + Led("Cool", d.Cool) + Led("Defrost", d.Defrost) + Led("Fault", d.Fault), "bold")),
            Fit(width, (LogFormat.StateName(ctl.State, ctl.Sub) + " " + BenchNarrator.HoldMeaning(s), "default")),
            Fit(width, ("comp " + Bit(o.Compressor) + " valve " + Bit(o.ValveEnergised) + " aux " + Bit(o.AuxHeat)
                + " fan " + LogFormat.Percent(o.IndoorFanDuty) + "/" + LogFormat.Percent(o.OutdoorFanDuty) + " %", "default")),
            Fit(width, ("in " + LogFormat.Temperature(s.Core.Indoor) + " out " + LogFormat.Temperature(s.Core.Outdoor)
                + " coil " + LogFormat.Temperature(s.Core.Coil), "default")),
            Fit(width, (showMessage ? c.Message : BenchNarrator.StateMeaning(s), "bold")),
            Fit(width, ("m u d, M U D hold, ←→ outdoor, i o c 1-6 faults, +- speed, q quit; 80×24 shows all", "grey")),
        };
        return new Rows(lines.Take(Math.Max(1, height - 1)));
    }

    private static string Bit(bool on) => on ? "ON" : "off";

    /// <summary>One row of styled pieces, cut with "…" at <paramref name="width"/> so it never wraps.</summary>
    private static Markup Fit(int width, params (string Text, string Style)[] pieces)
    {
        var sb = new StringBuilder();
        int room = width;
        foreach (var (text, style) in pieces)
        {
            if (room <= 0) break;
            string t = text.Length > room ? text[..Math.Max(0, room - 1)] + "…" : text;
            room -= t.Length;
            sb.Append('[').Append(style).Append(']').Append(Markup.Escape(t)).Append("[/]");
        }

        return new Markup(sb.ToString());
    }
}
