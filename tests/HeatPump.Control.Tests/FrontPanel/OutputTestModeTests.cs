using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Protection;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Control.Tests;

public class OutputTestModeTests
{
    private const long Start = 10_000_000;

    /// <summary>
    /// A panel wired as the control core will be: output-test outputs (when active) through a real
    /// SafetyGuard, PowerUp on leaving output-test mode, the guard's result fed to the display.
    /// </summary>
    private static (PanelDriver p, SafetyGuard guard, List<OutputState> leftTickRequests) Wired(long guardPowerUpAt)
    {
        var p = new PanelDriver(20, start: Start);
        var guard = new SafetyGuard(p.Settings, guardPowerUpAt, 0);
        var leftTick = new List<OutputState>();
        p.Inputs.OutdoorHealth = SensorHealth.Ok;
        p.Inputs.OutdoorC = -3f;
        p.Inputs.CoilHealth = SensorHealth.Ok;
        p.Inputs.CoilC = -8.5f;
        p.BetweenPanelAndDisplay = d =>
        {
            OutputState want = d.Panel.OutputTest.Active ? d.Panel.OutputTest.Outputs : OutputState.AllOff();
            if (d.Panel.LeftOutputTestThisTick)
            {
                leftTick.Add(d.Panel.OutputTest.Outputs);
                guard.PowerUp(d.Now, 0);
            }

            d.Inputs.Driven = guard.Apply(want, d.Now, true, true, 20f);
            d.Inputs.Guard = guard.Feedback(d.Now);
            d.Inputs.GuardRefused = guard.Refused;
            d.Inputs.GuardRefusal = guard.RefusalReason;
            d.Inputs.GuardRefusedUntilMs = guard.RefusedUntilMs;

            // As the control core does: the walk learns what the guard drove, for the next tick.
            d.Panel.OutputTest.See(d.Settings.SecondsAsMs(SettingId.MinRunTime), guard.HeatingPositionEnergised(),
                d.Inputs.Driven.Compressor, d.Inputs.Driven.ValveEnergised);
        };
        return (p, guard, leftTick);
    }

    /// <summary>Enters output-test mode and ticks until the walk reaches <paramref name="output"/>.</summary>
    private static void WalkTo(PanelDriver p, OutputTestStep output)
    {
        ToggleOutputTest(p);
        while (p.Panel.OutputTest.Selected != output)
        {
            p.Tick();
        }
    }

    /// <summary>MODE + DOWN for the combination time: enters output-test mode on a driver that has not ticked yet (held from power-up), leaves it otherwise.</summary>
    private static void ToggleOutputTest(PanelDriver p) => p.Hold(ButtonDecoder.OutputTestCombination, ButtonDecoder.ComboMs + 200);

    private static int OutputsOn(OutputState o) =>
        (o.IndoorFanDuty > 0 ? 1 : 0) + (o.OutdoorFanDuty > 0 ? 1 : 0) + (o.AuxHeat ? 1 : 0) + (o.ValveEnergised ? 1 : 0) + (o.Compressor ? 1 : 0);

    [Fact]
    public void Output_test_mode_opens_only_for_the_combination_held_from_power_up()
    {
        var late = Wired(Start - 3_600_000).p;
        late.Run(1000);
        ToggleOutputTest(late);
        Assert.False(late.Panel.OutputTest.Active, "MODE + DOWN pressed after power-up: no output-test mode");
        Assert.Equal(0, late.OutputTestToggles);

        var early = Wired(Start - 3_600_000).p;
        ToggleOutputTest(early);
        Assert.True(early.Panel.OutputTest.Active);

        // Once in, the same combination leaves at any time.
        early.Run(10_000);
        ToggleOutputTest(early);
        Assert.False(early.Panel.OutputTest.Active);
    }

    [Fact]
    public void The_walk_lights_each_output_then_runs_heat_defrost_and_cool_for_the_minimum_run_with_their_fans()
    {
        var (p, _, _) = Wired(Start - 3_600_000);
        ToggleOutputTest(p);
        Assert.True(p.Panel.OutputTest.Walking);

        var steps = new List<OutputTestStep>();
        var runMs = new Dictionary<OutputTestStep, long>();
        bool defrostRanWithoutFan = false;
        while (p.Panel.OutputTest.Walking)
        {
            OutputTestStep step = p.Panel.OutputTest.Selected;
            if (steps.Count == 0 || steps[^1] != step)
            {
                steps.Add(step);
                runMs[step] = 0;
            }

            OutputState want = p.Panel.OutputTest.Outputs;
            OutputState o = p.Inputs.Driven;
            if ((int)step < OutputTestMode.OutputCount)
            {
                // A plain output alone; aux only with the blower.
                Assert.Equal(step == OutputTestStep.AuxHeat ? 2 : 1, OutputsOn(want));
                Assert.False(o.Compressor);
            }

            Assert.False(o.Compressor && o.OutdoorFanDuty <= 0f && !o.Defrost, "compressor without the outdoor fan at " + step);
            Assert.False(o.AuxHeat && o.IndoorFanDuty <= 0f, "aux without the blower");
            if (o.Compressor)
            {
                runMs[step] += p.TickMs;
                bool cooling = o.ValveEnergised;
                Assert.Equal(step != OutputTestStep.HeatRun, cooling);
                defrostRanWithoutFan |= step == OutputTestStep.DefrostRun && o.OutdoorFanDuty == 0f && o.Defrost;
                if (step != OutputTestStep.DefrostRun)
                {
                    Assert.Equal(1f, o.OutdoorFanDuty);
                    Assert.Equal(1f, o.IndoorFanDuty);
                }
            }

            p.Tick();
            Assert.True(p.Now < Start + 3_600_000, "the walk did not end");
        }

        Assert.Equal(new[]
        {
            OutputTestStep.IndoorFan, OutputTestStep.OutdoorFan, OutputTestStep.AuxHeat, OutputTestStep.Valve,
            OutputTestStep.HeatRun, OutputTestStep.DefrostRun, OutputTestStep.CoolRun,
        }, steps);
        long minRun = p.Settings.SecondsAsMs(SettingId.MinRunTime);
        Assert.InRange(runMs[OutputTestStep.HeatRun], minRun, minRun + 1000);
        Assert.InRange(runMs[OutputTestStep.DefrostRun], minRun, minRun + 1000);
        Assert.InRange(runMs[OutputTestStep.CoolRun], minRun, minRun + 1000);
        Assert.True(defrostRanWithoutFan, "the reverse cycle ran with the outdoor fan stopped");
        Assert.Equal(0, OutputsOn(p.Panel.OutputTest.Outputs));
        Assert.Equal("FI.oF", p.Display.Text);
    }

    [Fact]
    public void Each_plain_walk_step_lasts_five_seconds()
    {
        var (p, _, _) = Wired(Start - 3_600_000);
        ToggleOutputTest(p);
        long entered = p.Now;
        var changes = new List<long>();
        OutputTestStep last = p.Panel.OutputTest.Selected;
        while (last != OutputTestStep.HeatRun)
        {
            p.Tick();
            if (p.Panel.OutputTest.Selected != last)
            {
                changes.Add(p.Now);
                last = p.Panel.OutputTest.Selected;
            }
        }

        long enteredAt = changes[0] - 5000;
        Assert.InRange(enteredAt, entered - 400, entered);
        Assert.Equal(new long[] { 5000, 10000, 15000, 20000 }, changes.Select(t => t - enteredAt));
    }

    [Fact]
    public void When_the_guard_holds_the_compressor_the_display_says_why_and_for_how_long()
    {
        var (p, _, _) = Wired(Start);
        WalkTo(p, OutputTestStep.HeatRun);

        Assert.True(p.Panel.OutputTest.Outputs.Compressor);
        Assert.False(p.Inputs.Driven.Compressor);
        Assert.Equal("t.Ht ", p.Display.Text);
        Assert.Equal(LedState.Blink, p.Display.Fault);
        p.Run(2000);
        Assert.Equal("PUd ", p.Display.Text);
        p.Run(2000);
        // Power-up delay: minimum off time (300 s) from the guard's power-up, stagger 0.
        long left = Start + 300_000 - p.Now;
        long seconds = (left + 999) / 1000;
        Assert.Equal($"{seconds / 60,2}:{seconds % 60:00}", p.Display.Text);
    }

    [Fact]
    public void When_the_guard_holds_the_valve_the_display_shows_the_quiet_shift()
    {
        var (p, _, _) = Wired(Start);
        WalkTo(p, OutputTestStep.Valve);

        // 15 s into the walk and about 20 s after power-up: the valve waits for 30 s of compressor off time.
        Assert.False(p.Inputs.Driven.ValveEnergised);
        p.Run(2000);
        Assert.Equal("ShFt", p.Display.Text);
    }

    [Fact]
    public void In_manual_up_selects_mode_toggles_and_the_display_cycles_the_sensors()
    {
        var (p, _, _) = Wired(Start - 3_600_000);
        ToggleOutputTest(p);
        p.Tap(Buttons.Mode); // stops the walk on the indoor fan, switching nothing
        Assert.False(p.Panel.OutputTest.Walking);

        p.Tap(Buttons.Up);
        Assert.Equal(OutputTestStep.OutdoorFan, p.Panel.OutputTest.Selected);
        Assert.Equal("FO.oF", p.Display.Text);
        p.Tap(Buttons.Mode);
        Assert.Equal("FO.on", p.Display.Text);
        Assert.Equal(1f, p.Panel.OutputTest.Outputs.OutdoorFanDuty);
        Assert.Equal(1, OutputsOn(p.Panel.OutputTest.Outputs));

        var seen = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            seen.Add(p.Display.Text);
            p.Run(2000);
        }

        Assert.Equal(new[] { "FO.on", "i21.5", "o-3.0", "c-8.5", "FO.on" }, seen);

        // The compressor comes with both fans; switched off and on again, min-off holds it.
        p.Tap(Buttons.Down);
        p.Tap(Buttons.Down);
        Assert.Equal(OutputTestStep.Compressor, p.Panel.OutputTest.Selected);
        p.Tap(Buttons.Mode);
        Assert.True(p.Inputs.Driven.Compressor);
        Assert.Equal(1f, p.Inputs.Driven.OutdoorFanDuty);
        Assert.Equal(1f, p.Inputs.Driven.IndoorFanDuty);
        p.Tap(Buttons.Mode);
        Assert.False(p.Inputs.Driven.Compressor);
        p.Tap(Buttons.Mode);
        Assert.True(p.Panel.OutputTest.Outputs.Compressor);
        Assert.False(p.Inputs.Driven.Compressor);
        Assert.Equal("CP.on", p.Display.Text);
        Assert.Equal(LedState.Blink, p.Display.Fault);
        p.Run(2000);
        Assert.Equal("ASC ", p.Display.Text);
    }

    [Fact]
    public void Aux_switched_on_by_hand_brings_the_blower()
    {
        var (p, _, _) = Wired(Start - 3_600_000);
        ToggleOutputTest(p);
        p.Tap(Buttons.Mode);
        p.Tap(Buttons.Up);
        p.Tap(Buttons.Up);
        Assert.Equal(OutputTestStep.AuxHeat, p.Panel.OutputTest.Selected);
        p.Tap(Buttons.Mode);
        Assert.True(p.Inputs.Driven.AuxHeat);
        Assert.Equal(1f, p.Inputs.Driven.IndoorFanDuty);
    }

    /// <summary>Enters output-test mode, stops the walk at once (so the compressor has not run) and switches the compressor on.</summary>
    private static void CompressorOnAtOnce(PanelDriver p)
    {
        ToggleOutputTest(p);
        p.Tap(Buttons.Mode); // stops the walk on the indoor fan
        p.Tap(Buttons.Down); // wraps round to the compressor
        p.Tap(Buttons.Mode);
        Assert.Equal(OutputTestStep.Compressor, p.Panel.OutputTest.Selected);
    }

    [Fact]
    public void The_heat_and_cool_leds_show_which_way_the_valve_sends_the_compressor()
    {
        var (p, _, _) = Wired(Start - 3_600_000);
        CompressorOnAtOnce(p);
        Assert.True(p.Inputs.Driven.Compressor);
        Assert.Equal(LedState.On, p.Display.Heat); // O polarity: valve off is the heating position
        Assert.Equal(LedState.Off, p.Display.Cool);
        Assert.Equal(LedState.Off, p.Display.Fault);
    }

    [Fact]
    public void A_key_during_the_walk_stops_it_without_toggling_anything()
    {
        var (p, _, _) = Wired(Start - 3_600_000);
        ToggleOutputTest(p);
        p.Run(6000);
        Assert.Equal(OutputTestStep.OutdoorFan, p.Panel.OutputTest.Selected);
        p.Tap(Buttons.Mode);
        Assert.False(p.Panel.OutputTest.Walking);
        Assert.Equal(OutputTestStep.OutdoorFan, p.Panel.OutputTest.Selected);
        Assert.Equal(0, OutputsOn(p.Panel.OutputTest.Outputs));
        p.Tap(Buttons.Mode);
        Assert.True(p.Panel.OutputTest.IsOn(OutputTestStep.OutdoorFan));
    }

    [Fact]
    public void Output_test_keys_do_not_touch_the_settings()
    {
        var (p, _, _) = Wired(Start - 3_600_000);
        p.SetMode(UserMode.Heat);
        ToggleOutputTest(p);
        int rev = p.Settings.Revision;
        p.Run(26_000);
        p.Tap(Buttons.Up);
        p.Tap(Buttons.Mode);
        p.Tap(Buttons.Down);
        Assert.Equal(rev, p.Settings.Revision);
        Assert.Equal(UserMode.Heat, p.Settings.Mode);
    }

    [Fact]
    public void Leaving_output_test_mode_goes_through_the_power_up_state()
    {
        var (p, guard, leftTick) = Wired(Start - 3_600_000);
        CompressorOnAtOnce(p);
        Assert.True(p.Inputs.Driven.Compressor);

        ToggleOutputTest(p);
        Assert.False(p.Panel.OutputTest.Active);
        Assert.Equal(1, p.OutputTestExits);
        Assert.Equal(2, p.OutputTestToggles);
        Assert.Single(leftTick);
        Assert.Equal(0, OutputsOn(leftTick[0]));
        Assert.False(p.Inputs.Driven.Compressor);
        Assert.Equal(HoldReason.PowerUpDelay, guard.Feedback(p.Now).StartHold);
        Assert.Equal(PanelScreen.Home, p.Panel.Screen);
        Assert.Equal(" 21.5", p.Display.Text);
    }

    [Fact]
    public void Output_test_mode_left_alone_ends_by_itself_after_15_minutes()
    {
        var (p, _, leftTick) = Wired(Start - 3_600_000);
        ToggleOutputTest(p);
        p.Tap(Buttons.Mode); // the walk does not count as idle; manual control left alone does
        p.Run(OutputTestMode.IdleExitMs - 1000);
        Assert.True(p.Panel.OutputTest.Active);
        p.Run(2000);
        Assert.False(p.Panel.OutputTest.Active);
        Assert.Single(leftTick);
    }
}
