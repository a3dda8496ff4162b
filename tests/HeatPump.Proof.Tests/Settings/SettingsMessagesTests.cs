using HeatPump.Control;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Proof.Tests.Settings;

/// <summary>
/// What a user or installer reads when a setting is refused (on the serial console and in the
/// simulator's CLI), the scaled numbers in it, and the typed views the controller reads.
/// </summary>
public class SettingsMessagesTests
{
    [Theory]
    [InlineData(-205, 10, "-20.5")]
    [InlineData(-5, 10, "-0.5")]
    [InlineData(5, 10, "0.5")]
    [InlineData(200, 10, "20.0")]
    [InlineData(-300, 10, "-30.0")]
    [InlineData(300, 1, "300")]
    [InlineData(-3, 1, "-3")]
    public void Scaled_values_read_as_the_panel_shows_them(int raw, int scale, string text)
    {
        Assert.Equal(text, SettingFormat.Scaled(raw, scale));
    }

    [Fact]
    public void Out_of_range_and_off_step_values_are_refused_with_the_range_or_step_in_words()
    {
        var s = new ControllerSettings();
        Assert.False(s.TrySet(SettingId.HeatDeadband, 25, out string reason));
        Assert.Equal("heat.deadband must be between 0.2 and 2.0 K", reason);
        Assert.False(s.TrySet(SettingId.MinOffTime, 200, out reason));
        Assert.Equal("compressor.min-off must be in steps of 30 s", reason);
        Assert.False(s.TrySet(SettingId.HeatLockoutOutdoor, -305, out reason));
        Assert.Equal("heat.lockout-outdoor must be between -30.0 and 0.0 °C", reason);
        Assert.Equal(5, s.Get(SettingId.HeatDeadband));
        Assert.Equal(300, s.Get(SettingId.MinOffTime));
    }

    [Fact]
    public void A_push_out_of_range_names_where_the_other_setpoint_would_have_to_go()
    {
        var s = new ControllerSettings();
        Assert.True(s.TrySet(SettingId.CoolSetpoint, 320, out _));
        Assert.True(s.TrySet(SettingId.AutoMinGap, 35, out _));
        Assert.False(s.TrySet(SettingId.HeatSetpoint, 300, out string reason));
        Assert.Equal("cool.setpoint would have to move to 33.5 °C to keep the setpoints 3.5 K apart, outside 16.0..32.0 °C", reason);
        Assert.Equal(320, s.Get(SettingId.CoolSetpoint));
    }

    [Fact]
    public void A_setpoint_push_lands_on_the_pushed_setpoints_step()
    {
        var s = new ControllerSettings();
        Assert.True(s.TrySet(SettingId.AutoMinGap, 35, out _));
        Assert.True(s.TrySet(SettingId.HeatSetpoint, 215, out _));
        Assert.Equal(250, s.Get(SettingId.CoolSetpoint));

        // Pushed down: the heating setpoint moves to the step at or below cool − gap.
        Assert.True(s.TrySet(SettingId.CoolSetpoint, 240, out _));
        Assert.Equal(205, s.Get(SettingId.HeatSetpoint));
    }

    [Fact]
    public void Only_setpoints_go_through_the_setpoint_path()
    {
        var s = new ControllerSettings();
        Assert.False(s.TrySetSetpoint(SettingId.MinRunTime, 120, out string reason));
        Assert.Equal("compressor.min-run is not a setpoint", reason);
    }

    [Fact]
    public void Every_accepted_change_bumps_the_revision_and_a_same_value_does_not()
    {
        var s = new ControllerSettings();
        int r = s.Revision;
        Assert.True(s.TrySet(SettingId.MinRunTime, 180, out _));
        Assert.Equal(r, s.Revision);
        Assert.True(s.TrySet(SettingId.MinRunTime, 210, out _));
        Assert.Equal(r + 1, s.Revision);
        Assert.False(s.TrySet(SettingId.MinRunTime, 211, out _));
        Assert.Equal(r + 1, s.Revision);
        Assert.True(s.TrySet(SettingId.HeatSetpoint, 200, out _));
        Assert.Equal(r + 1, s.Revision);
        Assert.True(s.TrySet(SettingId.HeatSetpoint, 205, out _));
        Assert.Equal(r + 2, s.Revision);
    }

    [Fact]
    public void A_replacement_needs_a_full_set()
    {
        var s = new ControllerSettings();
        Assert.False(s.TryReplaceAll(new int[3], out string reason));
        Assert.Equal("a full set of " + SettingsCatalog.Count + " values is needed", reason);
        Assert.False(s.TryReplaceAll(null, out _));

        int[] values = Enumerable.Range(0, SettingsCatalog.Count).Select(i => SettingsCatalog.At(i).Default).ToArray();
        values[(int)SettingId.CoolSetpoint] = values[(int)SettingId.HeatSetpoint] + 10;
        Assert.False(s.TryReplaceAll(values, out reason));
        Assert.Equal("cool.setpoint must be at least auto.min-gap above heat.setpoint", reason);
    }

    [Fact]
    public void Copy_and_reset_carry_every_value_and_count_as_changes()
    {
        var a = new ControllerSettings();
        Assert.True(a.TrySet(SettingId.Mode, (int)UserMode.Cool, out _));
        Assert.True(a.TrySet(SettingId.DripTime, 120, out _));
        var b = new ControllerSettings();
        int r = b.Revision;
        b.CopyFrom(a);
        Assert.Equal(UserMode.Cool, b.Mode);
        Assert.Equal(120, b.Get(SettingId.DripTime));
        Assert.True(b.Revision > r);

        r = b.Revision;
        b.ResetToDefaults();
        Assert.Equal(UserMode.Off, b.Mode);
        Assert.Equal(60, b.Get(SettingId.DripTime));
        Assert.True(b.Revision > r);
    }

    [Fact]
    public void Typed_views_convert_the_stored_units()
    {
        var s = new ControllerSettings();
        Assert.Equal(20f, s.HeatSetpointC);
        Assert.Equal(24f, s.CoolSetpointC);
        Assert.Equal(-25f, s.Tenths(SettingId.HeatLockoutOutdoor));
        Assert.Equal(300_000L, s.SecondsAsMs(SettingId.MinOffTime));
        Assert.Equal(3_600_000L, s.MinutesAsMs(SettingId.DefrostInterval));
        Assert.Equal(0.4f, s.Fraction(SettingId.IndoorFanMinDuty));
        Assert.False(s.IsOn(SettingId.SingleFanMotor));
        Assert.True(s.TrySet(SettingId.SingleFanMotor, 1, out _));
        Assert.True(s.IsOn(SettingId.SingleFanMotor));
    }

    [Fact]
    public void Settings_are_found_by_key_and_unknown_keys_are_not()
    {
        Assert.Equal(SettingId.DefrostMaxTime, SettingsCatalog.Find("defrost.max-time").Id);
        Assert.Null(SettingsCatalog.Find("defrost.max"));
        for (int i = 0; i < SettingsCatalog.Count; i++)
        {
            SettingDefinition d = SettingsCatalog.At(i);
            Assert.Equal((SettingId)i, d.Id);
            Assert.Same(d, SettingsCatalog.Get(d.Id));
            Assert.True(d.IsAllowed(d.Default), d.Key);
            Assert.False(d.IsAllowed(d.Min - d.Step), d.Key);
            Assert.False(d.IsAllowed(d.Max + d.Step), d.Key);
            Assert.True(d.IsAllowed(d.Min) && d.IsAllowed(d.Max), d.Key);
        }
    }
}
