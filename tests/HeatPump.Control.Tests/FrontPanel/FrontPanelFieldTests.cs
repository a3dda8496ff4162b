using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;
using HeatPump.Control.Service;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Control.Tests;

/// <summary>
/// What a homeowner, an installer and a service technician meet at the panel of an installed unit:
/// the mode on show, a first press that only shows, units that follow the °F choice, a service page,
/// a locked installer menu and every setting within reach.
/// </summary>
public class FrontPanelFieldTests
{
    /// <summary>Every text the home screen shows over <paramref name="ms"/>.</summary>
    private static HashSet<string> HomeTexts(PanelDriver p, long ms)
    {
        var seen = new HashSet<string>();
        long end = p.Now + ms;
        while (p.Now < end)
        {
            p.Tick();
            seen.Add(p.Display.Text.Trim());
        }

        return seen;
    }

    private static void WalkTo(PanelDriver p, SettingId id)
    {
        while (p.Panel.CurrentMenuItem.Setting != id || p.Panel.CurrentMenuItem.Action != MenuAction.None)
        {
            p.Tap(Buttons.Mode);
            Assert.Equal(PanelScreen.Menu, p.Panel.Screen);
        }

        p.Run(PanelLogic.MenuCodeShowMs + 100);
    }

    [Fact]
    public void Off_and_a_satisfied_heat_look_different_because_the_home_screen_names_the_mode()
    {
        var off = new PanelDriver();
        var heat = new PanelDriver();
        heat.SetMode(UserMode.Heat);
        heat.Inputs.State = TopState.Heat;
        heat.Inputs.Sub = SubState.Idle;   // satisfied: compressor off, every LED dark as in Off

        HashSet<string> offTexts = HomeTexts(off, 8000);
        HashSet<string> heatTexts = HomeTexts(heat, 8000);

        Assert.Contains("OFF", offTexts);
        Assert.Contains("HEAt", heatTexts);
        Assert.DoesNotContain("OFF", heatTexts);
        Assert.Contains("21.5", heatTexts); // the room temperature still shows in turn
    }

    [Theory]
    [InlineData(UserMode.Heat, SettingId.HeatSetpoint, Buttons.Up, "H20.0")]
    [InlineData(UserMode.Cool, SettingId.CoolSetpoint, Buttons.Down, "C24.0")]
    [InlineData(UserMode.Auto, SettingId.HeatSetpoint, Buttons.Up, "H20.0")]
    public void A_first_press_shows_the_setpoint_without_changing_it_in_every_mode(UserMode mode, SettingId which, int button, string shown)
    {
        var p = new PanelDriver();
        p.SetMode(mode);
        int before = p.Raw(which);
        int revision = p.Settings.Revision;

        p.Tap(button);
        Assert.Equal(shown, p.Display.Text);
        Assert.Equal(before, p.Raw(which));
        Assert.Equal(revision, p.Settings.Revision);

        p.Tap(button);
        Assert.Equal(button == Buttons.Up ? before + 5 : before - 5, p.Raw(which));
    }

    [Fact]
    public void In_fahrenheit_the_installer_menu_shows_temperatures_in_f_and_differences_in_f_degrees()
    {
        var p = new PanelDriver();
        Assert.True(p.Settings.TrySet(SettingId.DisplayUnits, 1, out _));
        p.OpenInstallerMenu();

        WalkTo(p, SettingId.HeatDeadband);
        Assert.Equal("0.9", p.Display.Text.Trim());     // 0.5 K = 0.9 °F
        WalkTo(p, SettingId.HeatLockoutOutdoor);
        Assert.Equal("-13", p.Display.Text.Trim());     // −25 °C = −13 °F
        p.Tap(Buttons.Up);
        Assert.Equal("-12", p.Display.Text.Trim());     // a step is one whole °F ...
        Assert.Equal(-245, p.Raw(SettingId.HeatLockoutOutdoor)); // ... kept on the 0.5 °C grid
        p.Tap(Buttons.Down);
        Assert.Equal(-250, p.Raw(SettingId.HeatLockoutOutdoor));
        WalkTo(p, SettingId.OutdoorOffset);
        Assert.Equal("0.0", p.Display.Text.Trim());
        p.Tap(Buttons.Up);
        Assert.Equal("0.2", p.Display.Text.Trim());     // 0.1 K = 0.18 °F
    }

    [Fact]
    public void A_long_mode_press_opens_a_read_only_service_page_with_outdoor_and_coil_readings()
    {
        var p = new PanelDriver();
        p.Inputs.OutdoorHealth = SensorHealth.Ok;
        p.Inputs.OutdoorC = -3f;
        p.Inputs.CoilHealth = SensorHealth.Ok;
        p.Inputs.CoilC = -8.5f;
        int revision = p.Settings.Revision;

        p.LongMode();
        Assert.Equal("o-3.0", p.Display.Text);
        p.Tap(Buttons.Up);
        Assert.Equal("c-8.5", p.Display.Text);
        p.Tap(Buttons.Up);
        p.Tap(Buttons.Down);
        p.Tap(Buttons.Down);
        Assert.Equal("o-3.0", p.Display.Text);
        Assert.Equal(revision, p.Settings.Revision); // read-only: UP and DOWN changed no setting
    }

    [Fact]
    public void The_installer_menu_stays_locked_without_the_code()
    {
        var p = new PanelDriver();
        int revision = p.Settings.Revision;

        p.LongMode();
        p.Run(1100);
        p.Tap(Buttons.Up);      // on the old unlocked menu this switched the units to °F
        p.Tap(Buttons.Mode);
        p.Tap(Buttons.Up);
        p.Tap(Buttons.Mode);    // code 1: wrong
        Assert.Equal("Err", p.Display.Text.Trim());
        p.Tap(Buttons.Up);
        p.Tap(Buttons.Down);

        Assert.Equal(revision, p.Settings.Revision);
        Assert.Equal(0, p.Raw(SettingId.DisplayUnits));
        Assert.NotEqual(PanelScreen.Menu, p.Panel.Screen);
    }

    [Fact]
    public void The_right_code_opens_the_menu_and_closing_it_locks_it_again()
    {
        var p = new PanelDriver();
        p.OpenInstallerMenu();
        Assert.Equal("Unit", p.Display.Text);
        p.LongMode();                         // long MODE closes it
        Assert.Equal(PanelScreen.Home, p.Panel.Screen);
        p.LongMode();
        Assert.Equal(PanelScreen.Service, p.Panel.Screen);
    }

    [Fact]
    public void Every_setting_other_than_mode_and_setpoints_is_in_the_installer_menu()
    {
        var inMenu = new HashSet<SettingId>();
        for (int i = 0; i < PanelMenu.Count; i++)
        {
            if (PanelMenu.At(i).Action == MenuAction.None)
            {
                inMenu.Add(PanelMenu.At(i).Setting);
            }
        }

        var buttons = new[] { SettingId.Mode, SettingId.HeatSetpoint, SettingId.CoolSetpoint };
        var missing = Enum.GetValues<SettingId>().Where(id => !buttons.Contains(id) && !inMenu.Contains(id))
            .Select(id => SettingsCatalog.Get(id).Key).ToArray();
        Assert.True(missing.Length == 0, "not reachable on the board: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData(SettingId.AuxDuringDefrost, "YES")]
    [InlineData(SettingId.SingleFanMotor, "YES")]
    [InlineData(SettingId.IndoorFanContinuous, "on")]
    public void On_off_settings_are_switched_from_the_menu_and_say_so_in_words(SettingId id, string onText)
    {
        var p = new PanelDriver();
        p.OpenInstallerMenu();
        WalkTo(p, id);
        p.Tap(Buttons.Up);
        Assert.Equal(1, p.Raw(id));
        Assert.Equal(onText, p.Display.Text.Trim());
    }

    [Fact]
    public void The_installer_can_set_the_defrost_end_the_drip_and_the_run_on_within_their_limits()
    {
        var p = new PanelDriver(50);
        p.OpenInstallerMenu();
        WalkTo(p, SettingId.IndoorFanRunOn);
        p.Hold(Buttons.Up, 10_000);
        Assert.Equal(SettingsCatalog.Get(SettingId.IndoorFanRunOn).Max, p.Raw(SettingId.IndoorFanRunOn));
        WalkTo(p, SettingId.DefrostEndCoil);
        p.Tap(Buttons.Up);
        Assert.Equal(155, p.Raw(SettingId.DefrostEndCoil));
        WalkTo(p, SettingId.DripTime);
        p.Hold(Buttons.Down, 10_000);
        Assert.Equal(SettingsCatalog.Get(SettingId.DripTime).Min, p.Raw(SettingId.DripTime));
    }

    [Fact]
    public void The_service_page_shows_run_hours_starts_defrosts_and_the_last_faults_with_uptime_and_count()
    {
        var log = new ServiceLog();
        long t = 0;
        void Tick(TopState state, FaultKind fault, bool lockout, bool compressor)
        {
            log.Observe(state, fault, lockout, compressor, t);
            t += 1000;
        }

        for (int i = 0; i < 2 * 3600 + 5; i++)
        {
            Tick(TopState.Heat, FaultKind.None, false, true);          // one start, 2 h of run
        }

        Tick(TopState.Defrost, FaultKind.None, false, false);          // one defrost
        Tick(TopState.Fault, FaultKind.HighPressure, false, false);    // at about 2:00 of uptime
        Tick(TopState.Off, FaultKind.None, false, false);
        t = 101L * 3600 * 1000;
        Tick(TopState.Fault, FaultKind.HighPressure, true, false);     // 101 h: locked out
        var p = new PanelDriver { Panel = { Service = log } };

        p.LongMode();
        var pages = new List<string[]>();
        for (int page = 0; page < p.Panel.ServicePageCount; page++)
        {
            var seen = new List<string>();
            for (int i = 0; i < 8; i++)
            {
                seen.Add(p.Display.Text.Trim());
                p.Run(1000);
            }

            pages.Add(seen.Distinct().ToArray());
            p.Tap(Buttons.Up);
        }

        Assert.Equal(7, pages.Count);
        Assert.Equal(new[] { "CP.hr", "2" }, pages[2]);
        Assert.Equal(new[] { "CP.St", "1" }, pages[3]);
        Assert.Equal(new[] { "dF.ct", "1" }, pages[4]);
        Assert.Equal(new[] { "F.1", "LOC2", "h101", "n  2" }, pages[5]);  // newest first
        Assert.Equal(new[] { "F.2", "E 02", "2:00", "n  2" }, pages[6]);
        Assert.Equal(PanelScreen.Service, p.Panel.Screen);
    }

    [Fact]
    public void A_forced_defrost_in_off_is_refused_on_the_display_not_dropped()
    {
        var p = new PanelDriver();
        p.BetweenPanelAndDisplay = d => d.Panel.ObserveControl(TopState.Off, d.Now);
        p.Hold(Buttons.Mode | Buttons.Up, 5_200);
        Assert.Equal(1, p.DefrostRequests);
        Assert.Equal("dF.no", p.Display.Text.Trim());
        Assert.False(p.Panel.DefrostPending);
    }

    [Fact]
    public void A_forced_defrost_waits_visibly_for_a_heating_run_and_ends_when_the_defrost_starts()
    {
        var p = new PanelDriver();
        p.SetMode(UserMode.Heat);
        TopState state = TopState.Heat;                 // satisfied: no run to defrost from yet
        p.BetweenPanelAndDisplay = d => d.Panel.ObserveControl(state, d.Now);
        p.Hold(Buttons.Mode | Buttons.Up, 5_200);
        Assert.True(p.Panel.DefrostPending);
        HashSet<string> texts = HomeTexts(p, 10_000);
        Assert.Contains("dF.--", texts);

        state = TopState.Defrost;
        p.Tick();
        Assert.False(p.Panel.DefrostPending);
        Assert.DoesNotContain("dF.--", HomeTexts(p, 10_000));
    }

    [Fact]
    public void A_forced_defrost_that_finds_no_heating_run_in_30_minutes_is_refused()
    {
        var p = new PanelDriver(500);
        p.SetMode(UserMode.Heat);
        p.BetweenPanelAndDisplay = d => d.Panel.ObserveControl(TopState.Heat, d.Now);
        p.Hold(Buttons.Mode | Buttons.Up, 5_500);
        p.Run(PanelLogic.DefrostWaitMs - 10_000);
        Assert.True(p.Panel.DefrostPending);
        p.Run(10_000);
        Assert.False(p.Panel.DefrostPending);
        Assert.Equal("dF.no", p.Display.Text.Trim());
    }
}
