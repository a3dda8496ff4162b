using System.Text.RegularExpressions;
using HeatPump.Control;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Sensors;
using HeatPump.Simulator.Bench;
using HeatPump.Simulator.Plant;
using Spectre.Console;
using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>The live bench screen as a user sees it on an ordinary 80×24 terminal, and its plain-line form.</summary>
public class BenchViewTests
{
    private static readonly Regex Ansi = new("\u001b\\[[0-9;?]*[A-Za-z]", RegexOptions.Compiled);

    internal static string[] Screen(BenchSession s, BenchControls c, int width = 80, int height = 24, bool blinkOn = true) =>
        BenchScreen.Frame(BenchView.Render(s, c, showMessage: true, blinkOn, width, height), width, height, ColorSystem.TrueColor)
            .Select(l => Ansi.Replace(l, "")).ToArray();

    private static BenchSession HeatingBench(long runMs)
    {
        var s = new BenchSession(new BenchOptions(Settings: new[] { "mode=heat" }));
        s.RunUntil(runMs);
        return s;
    }

    [Theory]
    [InlineData(60_000)]       // power-up delay: the longest explanation
    [InlineData(2_200_000)]    // a defrost under way
    public void The_full_view_fits_an_80_by_24_terminal_without_wrapping(long atMs)
    {
        using var s = new BenchSession(new BenchOptions(OutdoorC: 0, RelativeHumidity: 90, Settings: new[] { "mode=heat" }));
        var c = new BenchControls();
        c.Handle(Key('c'), s);
        c.Handle(Key('3'), s);
        s.RunUntil(atMs);

        // Rendered with room to spare below: a row that wrapped would show as more than 24 rows.
        string[] rows = BenchScreen.Frame(BenchView.Render(s, c, showMessage: true, blinkOn: true, 80, 24), 80, 100, ColorSystem.TrueColor)
            .Select(l => Ansi.Replace(l, "")).ToArray();

        Assert.InRange(rows.Length, 20, 24);
        Assert.All(rows, r => Assert.True(r.Length <= 80, "row longer than 80 columns: " + r));
        Assert.Contains("quit", rows[^1]);
    }

    [Fact]
    public void The_view_shows_every_part_the_bench_promises()
    {
        using var s = HeatingBench(60_000);
        string all = string.Join("\n", Screen(s, new BenchControls()));

        foreach (string part in new[] { "Front panel", "Heat", "Cool", "Defrost", "Fault", "compressor", "rev. valve", "aux heat", "indoor fan", "outdoor fan",
                     "indoor", "outdoor", "coil", "Heat.Starting", "PowerUpDelay", "HP1 EVT", "quit" })
        {
            Assert.Contains(part, all);
        }
    }

    [Fact]
    public void A_held_start_shows_its_reason_and_the_time_left()
    {
        using var s = HeatingBench(60_000);
        long left = BenchNarrator.HoldLeftMs(s);
        string all = string.Join("\n", Screen(s, new BenchControls()));

        Assert.True(left > 0);
        Assert.Contains("held: PowerUpDelay " + BenchNarrator.Span(left), all);
    }

    [Fact]
    public void A_larger_terminal_gets_more_log_lines_and_a_smaller_one_a_compact_view()
    {
        using var s = HeatingBench(400_000);
        var c = new BenchControls();

        string[] big = Screen(s, c, 120, 30);
        string[] small = Screen(s, c, 60, 12);

        Assert.True(big.Count(r => r.StartsWith("HP1 ", StringComparison.Ordinal)) > Screen(s, c).Count(r => r.StartsWith("HP1 ", StringComparison.Ordinal)));
        string[] unwrapped = BenchScreen.Frame(BenchView.Render(s, c, showMessage: true, blinkOn: true, 60, 12), 60, 100, ColorSystem.TrueColor);
        Assert.True(unwrapped.Length <= 12, "the compact view wrapped");
        Assert.True(small.Length <= 12);
        Assert.All(small, r => Assert.True(r.Length <= 60, r));
        Assert.Contains(small, r => r.Contains(s.Core.Display.Text.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public void Big_digits_light_the_segments_the_firmware_would_light()
    {
        var d = new DisplayModel();
        d.Digits[0] = '1';
        d.Digits[1] = '-';
        d.Dots[1] = true;

        string[] rows = BenchView.BigDigits(d);

        // '1' is segments b and c: the right-hand verticals lit, the left-hand ones dark.
        Assert.StartsWith("[grey15]┃[/]  [red1]┃[/]", rows[1]);
        Assert.StartsWith("[grey15]┃[/]  [red1]┃[/]", rows[3]);
        Assert.StartsWith(" [grey15]━━[/]", rows[0]);
        // '-' is the middle bar alone; its dot is lit.
        Assert.Contains("[red1]━━", rows[2]);
        Assert.Single(Regex.Matches(rows[4], Regex.Escape("[red1]▪[/]")));
        Assert.DoesNotContain("[red1]▪", rows[1]);
    }

    [Fact]
    public void A_blinking_led_alternates_with_the_phase_and_a_steady_one_does_not()
    {
        var d = new DisplayModel { Heat = LedState.Blink, Defrost = LedState.On };

        string on = BenchView.Leds(d, blinkOn: true);
        string off = BenchView.Leds(d, blinkOn: false);

        Assert.Contains("[orange1]●[/]", on);
        Assert.DoesNotContain("[orange1]●[/]", off);
        Assert.Contains("[orange1 dim]●[/]", off);
        Assert.Contains("[aquamarine1]●[/]", on);
        Assert.Contains("[aquamarine1]●[/]", off);
    }

    [Fact]
    public void Keys_inject_and_clear_a_fault_on_the_selected_sensor()
    {
        using var s = HeatingBench(10_000);
        var c = new BenchControls();

        c.Handle(Key('c'), s);
        c.Handle(Key('1'), s);
        Assert.True(s.Sensors.Has(SensorRole.Coil, SensorFaultKind.Open));
        s.RunUntil(s.NowMs + 31_000);
        Assert.Equal(SensorHealth.Failed, s.Core.Coil.Health);
        Assert.Contains("coil", Screen(s, c).Single(r => r.Contains("▸coil", StringComparison.Ordinal)));
        Assert.Contains("Failed open", string.Join("\n", Screen(s, c)));

        c.Handle(Key('1'), s);
        Assert.False(s.Sensors.Has(SensorRole.Coil, SensorFaultKind.Open));
        s.RunUntil(s.NowMs + 2_000);
        Assert.Equal(SensorHealth.Recovering, s.Core.Coil.Health);
    }

    [Fact]
    public void Keys_change_the_outdoor_air_the_speed_and_quit()
    {
        using var s = new BenchSession();
        var c = new BenchControls();
        double before = s.OutdoorC;

        c.Handle(new ConsoleKeyInfo('\0', ConsoleKey.LeftArrow, false, false, false), s);
        c.Handle(Key('+'), s);
        c.Handle(Key('+'), s);
        c.Handle(Key(']'), s);

        Assert.Equal(before - 1, s.OutdoorC, 3);
        Assert.Equal(60, c.Speed);
        Assert.Equal(BenchOptions.DefaultHumidity + 5, s.RelativeHumidity, 3);
        Assert.False(c.Quit);
        c.Handle(new ConsoleKeyInfo('\u0003', ConsoleKey.C, false, false, true), s);
        Assert.True(c.Quit);
    }

    [Fact]
    public void At_600x_the_bench_drops_to_10x_when_a_defrost_starts()
    {
        using var s = new BenchSession(new BenchOptions(OutdoorC: 0, RelativeHumidity: 90, Settings: new[] { "mode=heat" }));
        var c = new BenchControls(600);

        bool ranThrough = c.Advance(s, 4 * 3_600_000);

        Assert.False(ranThrough);
        Assert.Equal(10, c.Speed);
        Assert.Equal(HeatPump.Control.SubState.ShiftIn, s.Core.Controller.Sub);
        Assert.Contains("defrost started", c.Message);
        Assert.True(c.Advance(s, s.NowMs + 60_000));   // at 10× it runs on through the defrost
    }

    [Fact]
    public void Plain_output_gives_a_line_per_simulated_minute_and_per_change()
    {
        using var s = new BenchSession(new BenchOptions(Settings: new[] { "mode=heat" }));
        var output = new StringWriter();

        BenchPlain.Run(s, new BenchControls(), output, speed: 0, durationMs: 10 * 60_000);

        string[] lines = output.ToString().TrimEnd().Split('\n');
        Assert.True(lines.Count(l => l.Contains(":00  display", StringComparison.Ordinal)) >= 10);
        Assert.Contains(lines, l => l.Contains("Heat.Running", StringComparison.Ordinal) && l.Contains("comp=1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("display [PUd", StringComparison.Ordinal) && l.Contains("heat=blink", StringComparison.Ordinal));
    }

    private static ConsoleKeyInfo Key(char c) => new(c, ConsoleKey.NoName, char.IsUpper(c), false, false);
}
