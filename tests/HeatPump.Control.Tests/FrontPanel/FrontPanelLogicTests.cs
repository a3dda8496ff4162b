using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Control.Tests;

/// <summary>Steps a PanelLogic with a fixed tick, as the firmware loop does, and renders the display after each tick.</summary>
internal sealed class PanelDriver
{
    public readonly ControllerSettings Settings;
    public readonly PanelLogic Panel;
    public readonly DisplayModel Display = new();
    public readonly DisplayRenderer Renderer = new();
    public DisplayInputs Inputs;
    public long Now;
    public readonly long TickMs;
    public int Levels;
    public int Resets, OutputTestToggles, DefrostRequests, LearnRequests, OutputTestExits;

    /// <summary>Called after the panel's update and before rendering, as the control core would step the guard there.</summary>
    public Action<PanelDriver> BetweenPanelAndDisplay;

    public PanelDriver(long tickMs = 20, ControllerSettings settings = null, long start = 10_000_000)
    {
        Settings = settings ?? new ControllerSettings();
        Panel = new PanelLogic(Settings);
        TickMs = tickMs;
        Now = start;
        Inputs.IndoorHealth = HeatPump.Control.Sensors.SensorHealth.Ok;
        Inputs.IndoorC = 21.5f;
        Inputs.HoldUntilMs = long.MaxValue;
    }

    public int Raw(SettingId id) => Settings.Get(id);

    public void Tick()
    {
        Now += TickMs;
        Panel.Update(Levels, Now);
        Resets += Panel.ResetRequested ? 1 : 0;
        OutputTestToggles += Panel.OutputTestToggleRequested ? 1 : 0;
        DefrostRequests += Panel.DefrostRequested ? 1 : 0;
        LearnRequests += Panel.LearnSensorsRequested ? 1 : 0;
        OutputTestExits += Panel.LeftOutputTestThisTick ? 1 : 0;
        BetweenPanelAndDisplay?.Invoke(this);
        Inputs.NowMs = Now;
        Renderer.Render(Display, Settings, Panel, ref Inputs);
    }

    public void Run(long ms)
    {
        long end = Now + ms;
        while (Now < end)
        {
            Tick();
        }
    }

    /// <summary>Holds <paramref name="buttons"/> for <paramref name="ms"/>, releases, and lets the release settle.</summary>
    public void Hold(int buttons, long ms)
    {
        Levels |= buttons;
        Run(ms);
        Levels &= ~buttons;
        Run(Math.Max(100, 3 * TickMs));
    }

    /// <summary>A quick press: long enough for the debounce to believe it at this tick rate.</summary>
    public void Tap(int buttons) => Hold(buttons, Math.Max(120, 3 * TickMs));

    /// <summary>Holds MODE past the long-press time (with room for the debounce at slow ticks) and releases: the service page.</summary>
    public void LongMode() => Hold(Buttons.Mode, ButtonDecoder.LongPressMs + 3 * TickMs);

    /// <summary>Long MODE (service page), MODE (code entry), UP to the installer code, MODE: the settings menu.</summary>
    public void OpenInstallerMenu()
    {
        LongMode();
        Tap(Buttons.Mode);
        for (int i = 0; i < PanelLogic.InstallerCode; i++)
        {
            Tap(Buttons.Up);
        }

        Tap(Buttons.Mode);
        Assert.Equal(PanelScreen.Menu, Panel.Screen);
    }

    public void SetMode(UserMode mode)
    {
        Assert.True(Settings.TrySet(SettingId.Mode, (int)mode, out _));
    }
}

public class FrontPanelLogicTests
{
    [Fact]
    public void Mode_cycles_off_heat_cool_auto_emergency_heat_and_back_and_each_change_bumps_the_revision()
    {
        var p = new PanelDriver();
        var seen = new List<UserMode>();
        for (int i = 0; i < 6; i++)
        {
            int rev = p.Settings.Revision;
            p.Tap(Buttons.Mode);
            seen.Add(p.Settings.Mode);
            Assert.True(p.Settings.Revision > rev);
        }

        Assert.Equal(new[] { UserMode.Heat, UserMode.Cool, UserMode.Auto, UserMode.EmergencyHeat, UserMode.Off, UserMode.Heat }, seen);
        Assert.Equal("HEAt", p.Display.Text);
    }

    [Fact]
    public void Up_and_down_step_the_heat_setpoint_by_half_a_degree_in_heat()
    {
        var p = new PanelDriver();
        p.SetMode(UserMode.Heat);
        p.Tap(Buttons.Up);       // the first press only shows the setpoint
        p.Tap(Buttons.Up);
        Assert.Equal(205, p.Raw(SettingId.HeatSetpoint));
        Assert.Equal("H20.5", p.Display.Text);
        p.Tap(Buttons.Up);
        p.Tap(Buttons.Down);
        p.Tap(Buttons.Down);
        p.Tap(Buttons.Down);
        Assert.Equal(195, p.Raw(SettingId.HeatSetpoint));
        Assert.Equal(240, p.Raw(SettingId.CoolSetpoint));
    }

    [Fact]
    public void Cool_mode_steps_the_cool_setpoint()
    {
        var p = new PanelDriver();
        p.SetMode(UserMode.Cool);
        p.Tap(Buttons.Down);
        p.Tap(Buttons.Down);
        Assert.Equal(235, p.Raw(SettingId.CoolSetpoint));
        Assert.Equal("C23.5", p.Display.Text);
    }

    [Fact]
    public void Setpoints_stop_at_their_limits_however_long_the_button_is_held()
    {
        var p = new PanelDriver(50);
        p.SetMode(UserMode.Heat);
        p.Hold(Buttons.Up, 30_000);
        Assert.Equal(300, p.Raw(SettingId.HeatSetpoint));
        p.Hold(Buttons.Down, 30_000);
        Assert.Equal(100, p.Raw(SettingId.HeatSetpoint));
    }

    [Fact]
    public void An_up_button_held_for_an_hour_leaves_the_setpoint_at_its_limit_shows_stuck_and_mode_still_works()
    {
        var p = new PanelDriver(100);
        p.SetMode(UserMode.Heat);
        p.Levels = Buttons.Up;
        p.Run(3_600_000);
        Assert.Equal(300, p.Raw(SettingId.HeatSetpoint));
        Assert.Equal(Buttons.Up, p.Panel.StuckButtons);
        Assert.Equal(PanelScreen.Home, p.Panel.Screen);

        var texts = new HashSet<string>();
        for (int i = 0; i < 4; i++)
        {
            p.Run(1000);
            texts.Add(p.Display.Text);
        }

        Assert.Contains("bt.UP", texts);
        Assert.Contains(" 21.5", texts);

        p.Tap(Buttons.Mode);
        Assert.Equal(UserMode.Cool, p.Settings.Mode);
    }

    [Fact]
    public void In_off_up_and_down_change_nothing_and_show_off()
    {
        var p = new PanelDriver();
        int rev = p.Settings.Revision;
        p.Tap(Buttons.Up);
        p.Tap(Buttons.Down);
        Assert.Equal(rev, p.Settings.Revision);
        Assert.Equal("OFF ", p.Display.Text);
    }

    [Fact]
    public void Setpoint_screen_returns_home_3_s_after_the_last_step()
    {
        var p = new PanelDriver();
        p.SetMode(UserMode.Heat);
        p.Tap(Buttons.Up);
        p.Run(2500);
        Assert.Equal(PanelScreen.Setpoint, p.Panel.Screen);
        p.Run(600);
        Assert.Equal(PanelScreen.Home, p.Panel.Screen);
        Assert.Equal(" 21.5", p.Display.Text);
    }

    [Fact]
    public void In_auto_the_first_press_shows_the_heat_setpoint_and_mode_switches_to_cool()
    {
        var p = new PanelDriver();
        p.SetMode(UserMode.Auto);
        p.Tap(Buttons.Up);
        Assert.Equal(200, p.Raw(SettingId.HeatSetpoint));
        Assert.Equal("H20.0", p.Display.Text);
        p.Tap(Buttons.Up);
        Assert.Equal(205, p.Raw(SettingId.HeatSetpoint));

        p.Tap(Buttons.Mode);
        Assert.Equal(UserMode.Auto, p.Settings.Mode);
        Assert.Equal("C24.0", p.Display.Text);
        p.Tap(Buttons.Down);
        Assert.Equal(235, p.Raw(SettingId.CoolSetpoint));
    }

    [Fact]
    public void Raising_heat_pushes_cool_up_to_keep_the_auto_gap()
    {
        var p = new PanelDriver();
        p.SetMode(UserMode.Heat);
        Assert.True(p.Settings.TrySet(SettingId.HeatSetpoint, 215, out _));
        Assert.True(p.Settings.TrySet(SettingId.CoolSetpoint, 235, out _));
        p.Tap(Buttons.Up);
        p.Tap(Buttons.Up);
        Assert.Equal(220, p.Raw(SettingId.HeatSetpoint));
        Assert.Equal(240, p.Raw(SettingId.CoolSetpoint));
    }

    [Fact]
    public void Lowering_cool_pushes_heat_down_to_keep_the_auto_gap()
    {
        var p = new PanelDriver();
        p.SetMode(UserMode.Auto);
        Assert.True(p.Settings.TrySet(SettingId.HeatSetpoint, 200, out _));
        Assert.True(p.Settings.TrySet(SettingId.CoolSetpoint, 220, out _));
        p.Tap(Buttons.Down);     // shows heat
        p.Tap(Buttons.Mode);     // switches to cool
        p.Tap(Buttons.Down);
        p.Tap(Buttons.Down);
        Assert.Equal(210, p.Raw(SettingId.CoolSetpoint));
        Assert.Equal(190, p.Raw(SettingId.HeatSetpoint));
    }

    [Fact]
    public void Heat_cannot_be_raised_past_where_cool_could_still_keep_the_gap()
    {
        var p = new PanelDriver(50);
        Assert.True(p.Settings.TrySet(SettingId.AutoMinGap, 35, out _));
        Assert.True(p.Settings.TrySet(SettingId.CoolSetpoint, 300, out _));
        p.SetMode(UserMode.Heat);
        p.Hold(Buttons.Up, 20_000);
        Assert.Equal(320, p.Raw(SettingId.CoolSetpoint));   // cool pushed to its maximum, 32.0
        Assert.Equal(285, p.Raw(SettingId.HeatSetpoint));   // 32.0 − 3.5
    }

    [Fact]
    public void In_fahrenheit_each_step_is_one_whole_degree_shown_and_stepping_back_returns_exactly()
    {
        var p = new PanelDriver();
        Assert.True(p.Settings.TrySet(SettingId.DisplayUnits, 1, out _));
        p.SetMode(UserMode.Heat);
        Assert.Equal(200, p.Raw(SettingId.HeatSetpoint)); // 68 °F
        p.Tap(Buttons.Up);
        Assert.Equal("H 68", p.Display.Text);
        var shown = new List<string>();
        for (int i = 0; i < 12; i++)
        {
            p.Tap(Buttons.Up);
            shown.Add(p.Display.Text);
            int raw = p.Raw(SettingId.HeatSetpoint);
            Assert.Equal(0, raw % 5);
            // The °C value behind the display is within a quarter degree of the °F shown.
            double f = 69 + i;
            Assert.InRange(raw / 10.0, (f - 32) * 5 / 9 - 0.25, (f - 32) * 5 / 9 + 0.25);
        }

        Assert.Equal(Enumerable.Range(69, 12).Select(f => "H " + f), shown);
        for (int i = 0; i < 12; i++)
        {
            p.Tap(Buttons.Down);
        }

        Assert.Equal(200, p.Raw(SettingId.HeatSetpoint));
        Assert.Equal("H 68", p.Display.Text);
    }

    [Fact]
    public void In_fahrenheit_the_top_limit_holds()
    {
        var p = new PanelDriver(50);
        Assert.True(p.Settings.TrySet(SettingId.DisplayUnits, 1, out _));
        p.SetMode(UserMode.Heat);
        p.Hold(Buttons.Up, 20_000);
        Assert.Equal(300, p.Raw(SettingId.HeatSetpoint));
        p.Tap(Buttons.Up);
        Assert.Equal("H 86", p.Display.Text);
    }

    [Fact]
    public void Long_mode_opens_the_service_page_and_the_installer_code_the_menu_showing_the_code_then_the_value()
    {
        var p = new PanelDriver();
        p.Levels = Buttons.Mode;
        p.Run(3100);
        Assert.Equal(PanelScreen.Service, p.Panel.Screen);
        p.Levels = 0;
        p.Run(200);
        Assert.Equal(UserMode.Off, p.Settings.Mode); // the long press did not also cycle the mode

        p.Tap(Buttons.Mode);
        Assert.Equal("Cd 0", p.Display.Text);
        p.Hold(Buttons.Up, 2000);                    // holding repeats, as for setpoints
        Assert.InRange(p.Panel.CodeEntry, 8, 9);
        Assert.Equal("Cd " + p.Panel.CodeEntry, p.Display.Text);
        while (p.Panel.CodeEntry != PanelLogic.InstallerCode)
        {
            p.Tap(Buttons.Up);
        }

        Assert.Equal("Cd" + PanelLogic.InstallerCode, p.Display.Text);
        p.Tap(Buttons.Mode);
        Assert.Equal(PanelScreen.Menu, p.Panel.Screen);
        Assert.Equal("Unit", p.Display.Text);
        p.Run(1100);
        Assert.Equal("   C", p.Display.Text);

        int rev = p.Settings.Revision;
        p.Tap(Buttons.Up);
        Assert.Equal(1, p.Raw(SettingId.DisplayUnits));
        Assert.Equal("   F", p.Display.Text);
        Assert.True(p.Settings.Revision > rev);
        p.Tap(Buttons.Down);
        Assert.Equal(0, p.Raw(SettingId.DisplayUnits));

        p.Tap(Buttons.Mode);
        Assert.Equal("H.db ", p.Display.Text);
        p.Run(1000);
        Assert.Equal("  0.5", p.Display.Text);
        p.Tap(Buttons.Up);
        Assert.Equal(6, p.Raw(SettingId.HeatDeadband));
        Assert.Equal("  0.6", p.Display.Text);
    }

    [Fact]
    public void Menu_values_stop_at_their_limits()
    {
        var p = new PanelDriver(50);
        p.OpenInstallerMenu();
        p.Tap(Buttons.Mode); // H.db
        p.Hold(Buttons.Down, 10_000);
        Assert.Equal(2, p.Raw(SettingId.HeatDeadband));
        p.Hold(Buttons.Up, 10_000);
        Assert.Equal(20, p.Raw(SettingId.HeatDeadband));
    }

    [Fact]
    public void Mode_walks_every_menu_item_in_order_and_then_goes_home()
    {
        var p = new PanelDriver();
        p.OpenInstallerMenu();
        var codes = new List<string>();
        for (int i = 0; i < PanelMenu.Count; i++)
        {
            Assert.Equal(PanelScreen.Menu, p.Panel.Screen);
            codes.Add(PanelMenu.At(p.Panel.MenuIndex).Code);
            p.Tap(Buttons.Mode);
        }

        Assert.Equal(PanelScreen.Home, p.Panel.Screen);
        Assert.Equal(PanelMenu.Count, codes.Distinct().Count());
        Assert.Contains("dInt", codes);
        Assert.Contains("Ob", codes);
    }

    [Fact]
    public void Defrost_interval_offers_30_60_90_120_minutes()
    {
        var p = new PanelDriver();
        p.OpenInstallerMenu();
        while (p.Panel.CurrentMenuItem.Setting != SettingId.DefrostInterval)
        {
            p.Tap(Buttons.Mode);
        }

        p.Hold(Buttons.Down, 1500);
        var values = new List<int> { p.Raw(SettingId.DefrostInterval) };
        for (int i = 0; i < 4; i++)
        {
            p.Tap(Buttons.Up);
            values.Add(p.Raw(SettingId.DefrostInterval));
        }

        Assert.Equal(new[] { 30, 60, 90, 120, 120 }, values);
        Assert.Equal(" 120", p.Display.Text);
    }

    [Fact]
    public void The_menu_times_out_30_s_after_the_last_key()
    {
        var p = new PanelDriver(100);
        p.OpenInstallerMenu();
        p.Tap(Buttons.Mode);
        p.Run(29_000);
        Assert.Equal(PanelScreen.Menu, p.Panel.Screen);
        p.Run(1_200);
        Assert.Equal(PanelScreen.Home, p.Panel.Screen);
        Assert.Equal(" 21.5", p.Display.Text);
    }

    [Fact]
    public void Long_mode_in_the_menu_closes_it()
    {
        var p = new PanelDriver();
        p.OpenInstallerMenu();
        p.LongMode();
        Assert.Equal(PanelScreen.Home, p.Panel.Screen);
    }

    [Fact]
    public void Factory_reset_needs_yes_and_mode()
    {
        var p = new PanelDriver();
        Assert.True(p.Settings.TrySet(SettingId.HeatDeadband, 12, out _));
        p.OpenInstallerMenu();
        while (p.Panel.CurrentMenuItem.Action != MenuAction.FactoryReset)
        {
            p.Tap(Buttons.Mode);
        }

        p.Run(1100);
        Assert.Equal("  no", p.Display.Text);
        p.Tap(Buttons.Up);
        Assert.Equal(" YES", p.Display.Text);
        p.Tap(Buttons.Mode);
        Assert.Equal(5, p.Raw(SettingId.HeatDeadband));
        Assert.Equal("dFLt", p.Display.Text);
    }

    [Fact]
    public void A_yes_left_to_time_out_does_nothing()
    {
        var p = new PanelDriver(100);
        Assert.True(p.Settings.TrySet(SettingId.HeatDeadband, 12, out _));
        p.OpenInstallerMenu();
        while (p.Panel.CurrentMenuItem.Action != MenuAction.FactoryReset)
        {
            p.Tap(Buttons.Mode);
        }

        p.Tap(Buttons.Up);
        p.Run(31_000);
        Assert.Equal(PanelScreen.Home, p.Panel.Screen);
        Assert.Equal(12, p.Raw(SettingId.HeatDeadband));
    }

    [Fact]
    public void Learn_sensors_raises_a_one_tick_request()
    {
        var p = new PanelDriver();
        p.OpenInstallerMenu();
        while (p.Panel.CurrentMenuItem.Action != MenuAction.LearnSensors)
        {
            p.Tap(Buttons.Mode);
        }

        p.Tap(Buttons.Up);
        p.Tap(Buttons.Mode);
        Assert.Equal(1, p.LearnRequests);
        Assert.Equal("LrnS", p.Display.Text);
    }

    [Fact]
    public void Mode_held_10_s_requests_one_lockout_reset_and_says_so()
    {
        var p = new PanelDriver();
        p.Levels = Buttons.Mode;
        p.Run(10_100);
        Assert.Equal(1, p.Resets);
        Assert.Equal("rSEt", p.Display.Text);
        p.Run(60_000);
        p.Levels = 0;
        p.Run(200);
        Assert.Equal(1, p.Resets);
        Assert.Equal(UserMode.Off, p.Settings.Mode);
    }

    [Fact]
    public void Mode_and_up_held_5_s_request_one_forced_defrost()
    {
        var p = new PanelDriver();
        p.SetMode(UserMode.Heat);
        p.Levels = Buttons.Mode;
        p.Run(100);
        p.Levels = Buttons.Mode | Buttons.Up;
        p.Run(5_200);
        p.Levels = 0;
        p.Run(200);
        Assert.Equal(1, p.DefrostRequests);
        Assert.Equal("dEF", p.Display.Text.TrimEnd());
        Assert.Equal(UserMode.Heat, p.Settings.Mode);
        Assert.Equal(200, p.Raw(SettingId.HeatSetpoint));
    }

    [Fact]
    public void The_output_test_combination_leaves_the_setpoint_as_it_was_even_when_up_went_down_first()
    {
        // After power-up the combination opens nothing (output-test mode needs it held from power-up), but
        // the step the first key made is still taken back.
        var p = new PanelDriver();
        p.SetMode(UserMode.Heat);
        p.Tap(Buttons.Up);       // shows the setpoint, so the next press steps it
        p.Levels = Buttons.Up;
        p.Run(200);
        Assert.Equal(205, p.Raw(SettingId.HeatSetpoint));
        p.Levels = Buttons.Up | Buttons.Down;
        p.Run(5_200);
        Assert.Equal(0, p.OutputTestToggles);
        Assert.False(p.Panel.OutputTest.Active);
        Assert.Equal(200, p.Raw(SettingId.HeatSetpoint));
    }
}
