using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Control.Tests;

public class DisplayRendererTests
{
    /// <summary>What the display shows at each 2-s page over <paramref name="pages"/> pages, starting now.</summary>
    private static List<string> Pages(PanelDriver p, int pages)
    {
        var seen = new List<string>();
        for (int i = 0; i < pages; i++)
        {
            seen.Add(p.Display.Text);
            p.Run(DisplayRenderer.PageMs);
        }

        return seen;
    }

    [Theory]
    [InlineData(21.5f, 0, " 21.5")]
    [InlineData(21.5f, 1, "  71")]
    [InlineData(-5.25f, 0, " -5.2")]  // halves round up, toward the warmer side
    [InlineData(-12.5f, 0, "-12.5")] // the sign takes a place and the decimal still fits
    [InlineData(-12.5f, 1, "  10")]  // 9.5 °F
    [InlineData(-25f, 1, " -13")]
    [InlineData(7f, 0, "  7.0")]
    public void Home_shows_the_indoor_temperature_in_the_chosen_units(float celsius, int units, string expected)
    {
        var p = new PanelDriver();
        Assert.True(p.Settings.TrySet(SettingId.DisplayUnits, units, out _));
        p.Inputs.IndoorC = celsius;
        p.Tick();
        Assert.Equal(expected, p.Display.Text);
    }

    [Fact]
    public void Home_shows_dashes_before_the_first_indoor_reading()
    {
        var p = new PanelDriver();
        p.Inputs.IndoorHealth = SensorHealth.Starting;
        p.Tick();
        Assert.Equal("----", p.Display.Text);
    }

    [Fact]
    public void Anti_short_cycle_alternates_code_countdown_and_temperature_every_2_s()
    {
        var p = new PanelDriver();
        p.SetMode(UserMode.Heat);
        p.Tick();
        p.Inputs.State = TopState.Heat;
        p.Inputs.Sub = SubState.Starting;
        p.Inputs.Hold = HoldReason.AntiShortCycle;
        p.Inputs.HoldUntilMs = p.Now + 20 + 2000 + 133_000; // 2:13 left when the countdown page shows
        p.Tick();
        var seen = Pages(p, 5);
        Assert.Equal(new[] { "ASC ", " 2:13", " 21.5", "HEAt", "ASC " }, seen);
    }

    [Fact]
    public void The_countdown_rounds_up_so_it_never_reads_zero_while_waiting()
    {
        var p = new PanelDriver();
        p.Inputs.State = TopState.Cool;
        p.Inputs.Sub = SubState.Starting;
        p.Inputs.Hold = HoldReason.StartsPerHour;
        p.Inputs.HoldUntilMs = p.Now + 20 + 2000 + 12 * 60_000 + 500;
        p.Tick();
        Assert.Equal(new[] { "StPH", "12:01" }, Pages(p, 2));
    }

    [Theory]
    [InlineData(HoldReason.AntiShortCycle, "ASC ", true)]
    [InlineData(HoldReason.PowerUpDelay, "PUd ", true)]
    [InlineData(HoldReason.StartsPerHour, "StPH", true)]
    [InlineData(HoldReason.QuietShift, "ShFt", true)]
    [InlineData(HoldReason.HeatLockout, "H.Lo ", false)]
    [InlineData(HoldReason.CoolLockout, "C.Lo ", false)]
    [InlineData(HoldReason.NoIndoorReading, "i---", false)]
    public void Every_hold_reason_has_its_code_and_a_countdown_when_it_ends_on_time(HoldReason reason, string code, bool timed)
    {
        var p = new PanelDriver();
        p.SetMode(UserMode.Heat);
        p.Inputs.State = TopState.Heat;
        p.Inputs.Sub = SubState.Starting;
        p.Inputs.Hold = reason;
        p.Inputs.HoldUntilMs = timed ? p.Now + 20 + 2000 + 45_000 : long.MaxValue;
        p.Tick();
        var seen = Pages(p, 3);
        Assert.Equal(code, seen[0]);
        if (timed)
        {
            Assert.Equal(new[] { code, " 0:45", " 21.5" }, seen);
        }
        else
        {
            Assert.Equal(new[] { code, " 21.5", "HEAt" }, seen);
        }

        Assert.Equal(LedState.Blink, p.Display.Heat);
    }

    [Theory]
    [InlineData(FaultKind.IndoorSensor, "E 01")]
    [InlineData(FaultKind.HighPressure, "E 02")]
    [InlineData(FaultKind.LowPressure, "E 03")]
    public void A_fault_shows_its_code_and_lights_the_fault_led(FaultKind kind, string code)
    {
        var p = new PanelDriver();
        p.Inputs.State = TopState.Fault;
        p.Inputs.Sub = SubState.Waiting;
        p.Inputs.Fault = kind;
        if (kind == FaultKind.IndoorSensor)
        {
            p.Inputs.IndoorHealth = SensorHealth.Failed;
        }

        p.Tick();
        var seen = Pages(p, 2);
        Assert.Equal(code, seen[0]);
        Assert.Equal(kind == FaultKind.IndoorSensor ? "OFF " : " 21.5", seen[1]); // no temperature without the sensor
        Assert.Equal(LedState.On, p.Display.Fault);
        Assert.Equal(LedState.Off, p.Display.Heat);
    }

    [Fact]
    public void A_lockout_shows_loc_with_the_fault_number_and_blinks_the_fault_led()
    {
        var p = new PanelDriver();
        p.Inputs.State = TopState.Fault;
        p.Inputs.Sub = SubState.Lockout;
        p.Inputs.LockedOut = true;
        p.Inputs.Fault = FaultKind.HighPressure;
        p.Tick();
        Assert.Equal(new[] { "LOC2", " 21.5" }, Pages(p, 2));
        Assert.Equal(LedState.Blink, p.Display.Fault);
    }

    [Fact]
    public void A_failed_indoor_sensor_shows_e01_in_place_of_the_temperature_even_before_the_controller_faults()
    {
        var p = new PanelDriver();
        p.Inputs.IndoorHealth = SensorHealth.Failed;
        p.Tick();
        Assert.Equal(new[] { "E 01", "OFF ", "E 01" }, Pages(p, 3));
    }

    [Fact]
    public void Corrupt_settings_show_e_se_between_temperatures()
    {
        var p = new PanelDriver();
        p.Inputs.SettingsCorrupt = true;
        p.Tick();
        Assert.Equal(new[] { "E SE", " 21.5", "OFF ", "E SE" }, Pages(p, 4));
    }

    [Theory]
    [InlineData(TopState.Heat, SubState.Running, LedState.On, LedState.Off)]
    [InlineData(TopState.Heat, SubState.Starting, LedState.Blink, LedState.Off)]
    [InlineData(TopState.Heat, SubState.Idle, LedState.Off, LedState.Off)]
    [InlineData(TopState.Cool, SubState.Running, LedState.Off, LedState.On)]
    [InlineData(TopState.Cool, SubState.Starting, LedState.Off, LedState.Blink)]
    [InlineData(TopState.Off, SubState.None, LedState.Off, LedState.Off)]
    public void Heat_and_cool_leds_show_running_and_waiting(TopState state, SubState sub, LedState heat, LedState cool)
    {
        var p = new PanelDriver();
        p.Inputs.State = state;
        p.Inputs.Sub = sub;
        p.Tick();
        Assert.Equal(heat, p.Display.Heat);
        Assert.Equal(cool, p.Display.Cool);
        Assert.Equal(LedState.Off, p.Display.Defrost);
        Assert.Equal(LedState.Off, p.Display.Fault);
    }

    [Fact]
    public void The_defrost_led_is_on_in_defrost()
    {
        var p = new PanelDriver();
        p.Inputs.State = TopState.Defrost;
        p.Inputs.Sub = SubState.Melting;
        p.Tick();
        Assert.Equal(LedState.On, p.Display.Defrost);
        Assert.Equal(LedState.Off, p.Display.Heat);
    }

    [Fact]
    public void The_leds_keep_their_meaning_while_a_setpoint_is_shown()
    {
        var p = new PanelDriver();
        p.SetMode(UserMode.Heat);
        p.Inputs.State = TopState.Heat;
        p.Inputs.Sub = SubState.Running;
        p.Tap(Buttons.Up);
        Assert.Equal("H20.0", p.Display.Text);
        Assert.Equal(LedState.On, p.Display.Heat);
    }

    [Fact]
    public void Rendering_and_panel_ticks_allocate_nothing()
    {
        var p = new PanelDriver(50);
        p.SetMode(UserMode.Auto);
        p.Inputs.State = TopState.Heat;
        p.Inputs.Sub = SubState.Starting;
        p.Inputs.Hold = HoldReason.AntiShortCycle;
        p.Inputs.HoldUntilMs = p.Now + 200_000;
        p.Inputs.SettingsCorrupt = true;
        var script = new[] { Buttons.Up, 0, Buttons.Mode, 0, Buttons.Down, 0, Buttons.Up | Buttons.Down, 0 };
        p.Run(1000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20_000; i++)
        {
            p.Levels = script[(i / 40) % script.Length];
            p.Now += 50;
            p.Panel.Update(p.Levels, p.Now);
            p.Inputs.NowMs = p.Now;
            p.Renderer.Render(p.Display, p.Settings, p.Panel, ref p.Inputs);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
