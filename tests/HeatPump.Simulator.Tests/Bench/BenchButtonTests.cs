using HeatPump.Control;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Bench;
using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>
/// Key gestures on the bench reach the panel as a finger on the board would make them: a hold of
/// a stated time is that long as the panel counts it, a hold "until let go" lasts until the key
/// again, and presses typed faster than a finger are all seen.
/// </summary>
public class BenchButtonTests
{
    [Fact]
    public void Holding_mode_3_s_opens_the_service_page_and_does_not_change_the_mode()
    {
        using var s = new BenchSession();
        s.RunUntil(1_000);

        s.Buttons.Hold(Buttons.Mode, 3_000, s.NowMs);
        s.RunUntilButtonsIdle();

        Assert.Equal(PanelScreen.Service, s.Core.Panel.Screen);
        Assert.Equal(UserMode.Off, s.Settings.Mode);
    }

    [Fact]
    public void Mode_held_just_under_3_s_opens_nothing_and_changes_nothing()
    {
        using var s = new BenchSession();
        s.RunUntil(1_000);

        s.Buttons.Hold(Buttons.Mode, ButtonDecoder.LongPressMs - 200, s.NowMs);
        s.RunUntilButtonsIdle();

        Assert.Equal(PanelScreen.Home, s.Core.Panel.Screen);
        Assert.Equal(UserMode.Off, s.Settings.Mode);   // a press that long is not a short press either
    }

    [Fact]
    public void A_button_held_until_let_go_counts_as_held_and_reports_how_long()
    {
        using var s = new BenchSession();
        s.RunUntil(1_000);

        s.Buttons.Toggle(Buttons.Mode, s.NowMs);
        s.RunUntil(s.NowMs + 4_000);
        Assert.True(s.Buttons.HeldUntilLetGo(Buttons.Mode));
        Assert.Equal(PanelScreen.Service, s.Core.Panel.Screen);
        Assert.Equal("MODE 4.0 s", BenchNarrator.HeldButtons(s));

        s.Buttons.Press(Buttons.Mode, s.NowMs);   // the short-press key lets a held button go
        s.RunUntilButtonsIdle();
        Assert.False(s.Buttons.IsDown(Buttons.Mode));
        Assert.Equal(UserMode.Off, s.Settings.Mode);
    }

    [Fact]
    public void Presses_typed_faster_than_a_finger_are_each_seen()
    {
        using var s = new BenchSession(new BenchOptions(Settings: new[] { "mode=heat" }));
        s.RunUntil(1_000);
        int before = s.Settings.Get(SettingId.HeatSetpoint);

        for (int i = 0; i < 5; i++) s.Buttons.Press(Buttons.Up, s.NowMs);
        s.RunUntilButtonsIdle();

        // The first press only shows the setpoint; the other four each step it.
        Assert.Equal(before + 4 * PanelLogic.CelsiusStepRaw, s.Settings.Get(SettingId.HeatSetpoint));
    }

    [Fact]
    public void The_output_test_combination_enters_output_test_mode_only_from_power_up_and_never_moves_the_setpoint()
    {
        using var late = new BenchSession(new BenchOptions(Settings: new[] { "mode=heat" }));
        late.RunUntil(1_000);
        int before = late.Settings.Get(SettingId.HeatSetpoint);
        late.Buttons.Hold(ButtonDecoder.OutputTestCombination, ButtonDecoder.ComboMs, late.NowMs);
        late.RunUntilButtonsIdle();
        Assert.False(late.Core.Panel.OutputTest.Active);
        Assert.Equal(before, late.Settings.Get(SettingId.HeatSetpoint));

        using var early = new BenchSession(new BenchOptions(Settings: new[] { "mode=heat" }));
        early.Buttons.Hold(ButtonDecoder.OutputTestCombination, ButtonDecoder.ComboMs, early.NowMs);
        early.RunUntilButtonsIdle();
        Assert.True(early.Core.Panel.OutputTest.Active);
        Assert.Equal(before, early.Settings.Get(SettingId.HeatSetpoint));
    }
}
