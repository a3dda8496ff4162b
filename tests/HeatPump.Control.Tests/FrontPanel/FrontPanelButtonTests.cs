using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using Xunit;

namespace HeatPump.Control.Tests;

/// <summary>Feeds a ButtonDecoder raw levels at a fixed tick and records what it reports.</summary>
internal sealed class KeyDriver
{
    public readonly ButtonDecoder Keys = new();
    public long Now;
    public readonly long TickMs;
    public int Levels;
    public int Presses, ShortPresses, UpSteps, DownSteps, LongPresses, VeryLongPresses, OutputTestCombos, DefrostCombos;
    public readonly List<long> UpStepTimes = new();
    public long PressAcceptedAt = -1;

    public KeyDriver(long tickMs, long start = 5_000_000)
    {
        TickMs = tickMs;
        Now = start;
    }

    public void Tick()
    {
        Now += TickMs;
        Keys.Update(Levels, Now);
        if (Keys.Pressed != 0 && PressAcceptedAt < 0)
        {
            PressAcceptedAt = Now;
        }

        Presses += Count(Keys.Pressed);
        ShortPresses += Count(Keys.ShortPressed);
        UpSteps += Keys.UpSteps;
        DownSteps += Keys.DownSteps;
        for (int i = 0; i < Keys.UpSteps; i++)
        {
            UpStepTimes.Add(Now);
        }

        LongPresses += Keys.LongPress ? 1 : 0;
        VeryLongPresses += Keys.VeryLongPress ? 1 : 0;
        OutputTestCombos += Keys.OutputTestCombo ? 1 : 0;
        DefrostCombos += Keys.DefrostCombo ? 1 : 0;
    }

    public void Run(long ms)
    {
        long end = Now + ms;
        while (Now < end)
        {
            Tick();
        }
    }

    private static int Count(int flags) => ((flags & 1) != 0 ? 1 : 0) + ((flags & 2) != 0 ? 1 : 0) + ((flags & 4) != 0 ? 1 : 0);
}

public class FrontPanelButtonTests
{
    [Fact]
    public void A_blip_shorter_than_the_debounce_time_is_not_a_press()
    {
        var k = new KeyDriver(10);
        k.Run(100);
        k.Levels = Buttons.Mode;
        k.Run(20); // two samples, but only 10 ms apart
        k.Levels = 0;
        k.Run(200);
        Assert.Equal(0, k.Presses);
        Assert.Equal(0, k.ShortPresses);
    }

    [Fact]
    public void A_bouncing_contact_gives_one_press_and_one_short_press()
    {
        var k = new KeyDriver(5);
        k.Run(50);
        foreach (int level in new[] { 1, 0, 1, 1, 0, 1, 0, 0, 1 })
        {
            k.Levels = level * Buttons.Mode;
            k.Tick();
        }

        k.Levels = Buttons.Mode;
        k.Run(150);
        k.Levels = 0;
        foreach (int level in new[] { 1, 0, 1, 0 })
        {
            k.Levels = level * Buttons.Mode;
            k.Tick();
        }

        k.Levels = 0;
        k.Run(100);
        Assert.Equal(1, k.Presses);
        Assert.Equal(1, k.ShortPresses);
    }

    [Fact]
    public void At_one_second_ticks_a_press_needs_two_samples_and_still_counts_as_short()
    {
        var k = new KeyDriver(1000);
        k.Run(3000);
        k.Levels = Buttons.Mode;
        k.Tick();
        Assert.Equal(0, k.Presses);
        k.Tick();
        Assert.Equal(1, k.Presses);
        k.Levels = 0;
        k.Run(2000);
        Assert.Equal(1, k.ShortPresses);
        Assert.Equal(0, k.LongPresses);
    }

    [Fact]
    public void Up_steps_on_press_then_repeats_after_600_ms_every_200_ms_then_faster()
    {
        var k = new KeyDriver(10);
        k.Run(100);
        k.Levels = Buttons.Up;
        k.Run(6000);
        long t0 = k.PressAcceptedAt;
        var offsets = k.UpStepTimes.Select(t => t - t0).ToList();

        Assert.Equal(0, offsets[0]);
        Assert.Equal(600, offsets[1]);
        Assert.Equal(800, offsets[2]);
        Assert.Equal(1000, offsets[3]);
        // Slow repeats every 200 ms up to 4 s of holding, then every 100 ms.
        Assert.All(offsets.Skip(1).Zip(offsets.Skip(2)).Where(p => p.Second <= 4000), p => Assert.Equal(200, p.Second - p.First));
        Assert.All(offsets.Zip(offsets.Skip(1)).Where(p => p.First >= 4000), p => Assert.Equal(100, p.Second - p.First));
        Assert.Contains(4000L, offsets);
    }

    [Fact]
    public void A_slow_tick_rate_moves_a_held_button_as_far_as_a_fast_one()
    {
        var fast = new KeyDriver(10);
        var slow = new KeyDriver(1000);
        foreach (var k in new[] { fast, slow })
        {
            k.Run(2000);
            k.Levels = Buttons.Down;
            k.Run(1000 + k.TickMs); // until the press is accepted
            long accepted = k.PressAcceptedAt;
            k.Run(accepted + 5000 - k.Now);
        }

        // Same 5 s of holding since the press was believed: press, 17 slow repeats to 4 s, 10 fast ones to 5 s.
        Assert.Equal(1 + 17 + 11, fast.DownSteps);
        Assert.Equal(fast.DownSteps, slow.DownSteps);
    }

    [Fact]
    public void A_button_held_for_an_hour_stops_repeating_after_a_minute_and_is_flagged_stuck()
    {
        var k = new KeyDriver(50);
        k.Run(100);
        k.Levels = Buttons.Up;
        k.Run(59_000);
        int stepsInAMinute = k.UpSteps;
        Assert.Equal(0, k.Keys.StuckButtons);
        k.Run(2_000);
        Assert.Equal(Buttons.Up, k.Keys.StuckButtons);
        int atStuck = k.UpSteps;
        k.Run(3_600_000);
        Assert.Equal(atStuck, k.UpSteps);
        Assert.True(stepsInAMinute < 700, "a minute of repeats is bounded");
        Assert.Equal(Buttons.Up, k.Keys.StuckButtons);

        k.Levels = 0;
        k.Run(200);
        Assert.Equal(0, k.Keys.StuckButtons);
        Assert.Equal(0, k.ShortPresses);
    }

    [Fact]
    public void A_stuck_button_does_not_block_the_others()
    {
        var k = new KeyDriver(50);
        k.Levels = Buttons.Down;
        k.Run(61_000);
        Assert.Equal(Buttons.Down, k.Keys.StuckButtons);
        int down = k.DownSteps;

        k.Levels = Buttons.Down | Buttons.Mode;
        k.Run(300);
        k.Levels = Buttons.Down;
        k.Run(300);
        Assert.Equal(1, k.ShortPresses);

        k.Levels = Buttons.Down | Buttons.Up;
        k.Run(300);
        Assert.Equal(1, k.UpSteps);
        k.Run(6000);
        Assert.Equal(0, k.OutputTestCombos);
        Assert.Equal(down, k.DownSteps);
    }

    [Fact]
    public void Mode_held_gives_one_long_press_at_3_s_and_one_very_long_press_at_10_s_and_no_short_press()
    {
        var k = new KeyDriver(20);
        k.Run(100);
        k.Levels = Buttons.Mode;
        k.Run(2900);
        Assert.Equal(0, k.LongPresses);
        k.Run(200);
        Assert.Equal(1, k.LongPresses);
        k.Run(6800);
        Assert.Equal(0, k.VeryLongPresses);
        k.Run(300);
        Assert.Equal(1, k.VeryLongPresses);
        k.Run(30_000);
        k.Levels = 0;
        k.Run(200);
        Assert.Equal(1, k.LongPresses);
        Assert.Equal(1, k.VeryLongPresses);
        Assert.Equal(0, k.ShortPresses);
    }

    [Fact]
    public void Mode_and_down_held_together_for_5_s_fire_the_bench_combination_once_without_stepping()
    {
        var k = new KeyDriver(20);
        k.Levels = Buttons.Down;
        k.Run(100);
        Assert.Equal(1, k.DownSteps);
        k.Levels = Buttons.Mode | Buttons.Down;
        k.Run(4800);
        Assert.Equal(0, k.OutputTestCombos);
        k.Run(400);
        Assert.Equal(1, k.OutputTestCombos);
        k.Run(20_000);
        Assert.Equal(1, k.OutputTestCombos);
        Assert.Equal(1, k.DownSteps);
        Assert.Equal(0, k.UpSteps);
        Assert.Equal(0, k.LongPresses);
        k.Levels = 0;
        k.Run(200);
        Assert.Equal(0, k.ShortPresses);

        // UP + DOWN is no combination of the panel's (at power-up the firmware's sensor learning uses it).
        var u = new KeyDriver(20);
        u.Levels = Buttons.Up | Buttons.Down;
        u.Run(6000);
        Assert.Equal(0, u.OutputTestCombos + u.DefrostCombos);
    }

    [Fact]
    public void Mode_and_up_held_for_5_s_fire_the_defrost_combination_and_no_long_press()
    {
        var k = new KeyDriver(20);
        k.Levels = Buttons.Mode;
        k.Run(200);
        k.Levels = Buttons.Mode | Buttons.Up;
        k.Run(5300);
        Assert.Equal(1, k.DefrostCombos);
        Assert.Equal(0, k.LongPresses);
        Assert.Equal(0, k.UpSteps);
        Assert.Equal(0, k.OutputTestCombos);
    }

    [Fact]
    public void All_three_buttons_together_are_no_combination()
    {
        var k = new KeyDriver(20);
        k.Levels = Buttons.Mode | Buttons.Up | Buttons.Down;
        k.Run(8000);
        Assert.Equal(0, k.DefrostCombos + k.OutputTestCombos + k.LongPresses);
    }
}
