using HeatPump.Control.Settings;
using Xunit;
using static HeatPump.Control.Tests.SettingsRecordTests;

namespace HeatPump.Control.Tests;

public class ControllerSettingsTests
{
    [Fact]
    public void Every_factory_default_is_within_its_limits_and_the_setpoints_are_apart()
    {
        for (int i = 0; i < SettingsCatalog.Count; i++)
        {
            SettingDefinition d = SettingsCatalog.At(i);
            Assert.True(d.IsAllowed(d.Default), d.Key);
        }

        var s = new ControllerSettings();
        Assert.True(ControllerSettings.SetpointsApart(
            s.Get(SettingId.HeatSetpoint), s.Get(SettingId.CoolSetpoint), s.Get(SettingId.AutoMinGap)));
    }

    [Fact]
    public void Raising_the_heat_setpoint_pushes_the_cool_setpoint_up_to_keep_the_auto_gap()
    {
        var s = new ControllerSettings();   // heat 20.0, cool 24.0, gap 2.0
        Assert.True(s.TrySetSetpoint(SettingId.HeatSetpoint, 235, out string reason), reason);
        Assert.Equal(23.5f, s.HeatSetpointC);
        Assert.Equal(25.5f, s.CoolSetpointC);
    }

    [Fact]
    public void Lowering_the_cool_setpoint_pushes_the_heat_setpoint_down()
    {
        var s = new ControllerSettings();
        Assert.True(s.TrySetSetpoint(SettingId.CoolSetpoint, 190, out string reason), reason);
        Assert.Equal(19f, s.CoolSetpointC);
        Assert.Equal(17f, s.HeatSetpointC);
    }

    [Fact]
    public void A_setpoint_far_from_the_other_moves_only_itself()
    {
        var s = new ControllerSettings();
        Assert.True(s.TrySetSetpoint(SettingId.HeatSetpoint, 180, out _));
        Assert.Equal(24f, s.CoolSetpointC);
    }

    [Fact]
    public void A_push_beyond_the_other_setpoints_range_is_refused_with_a_reason_and_changes_nothing()
    {
        var s = new ControllerSettings();
        Set(s, SettingId.AutoMinGap, 35);
        int[] before = Values(s);
        int revision = s.Revision;

        // Heat 30.0 °C would need cool 33.5 °C, above its 32.0 °C maximum.
        Assert.False(s.TrySetSetpoint(SettingId.HeatSetpoint, 300, out string reason));

        Assert.Contains("cool.setpoint", reason);
        Assert.Equal(before, Values(s));
        Assert.Equal(revision, s.Revision);
    }

    [Fact]
    public void Plain_TrySet_of_a_setpoint_follows_the_same_rule()
    {
        var s = new ControllerSettings();
        Set(s, SettingId.HeatSetpoint, 260);
        Assert.Equal(28f, s.CoolSetpointC);
    }

    [Fact]
    public void Widening_the_auto_gap_pushes_the_cool_setpoint_or_is_refused()
    {
        var s = new ControllerSettings();                   // heat 20.0, cool 24.0, gap 2.0
        Set(s, SettingId.AutoMinGap, 35);
        Assert.Equal(240, s.Get(SettingId.CoolSetpoint));   // already 4.0 K apart: nothing to push

        Set(s, SettingId.AutoMinGap, 20);
        Set(s, SettingId.HeatSetpoint, 270);                // cool pushed to 29.0
        Set(s, SettingId.AutoMinGap, 30);
        Assert.Equal(300, s.Get(SettingId.CoolSetpoint));   // cool pushed to 30.0

        Set(s, SettingId.HeatSetpoint, 290);                // cool pushed to its 32.0 maximum
        Assert.Equal(320, s.Get(SettingId.CoolSetpoint));
        Assert.False(s.TrySet(SettingId.AutoMinGap, 35, out string reason));
        Assert.Contains("cool.setpoint", reason);
        Assert.Equal(30, s.Get(SettingId.AutoMinGap));
    }

    [Fact]
    public void Out_of_range_and_off_step_setpoints_are_refused()
    {
        var s = new ControllerSettings();
        Assert.False(s.TrySetSetpoint(SettingId.HeatSetpoint, 95, out string reason));
        Assert.Contains("heat.setpoint", reason);
        Assert.False(s.TrySetSetpoint(SettingId.HeatSetpoint, 203, out reason));
        Assert.Contains("steps", reason);
        Assert.False(s.TrySetSetpoint(SettingId.HeatDeadband, 5, out reason));
        Assert.Equal(200, s.Get(SettingId.HeatSetpoint));
    }

    [Fact]
    public void Replacing_all_values_is_all_or_nothing()
    {
        var s = new ControllerSettings();
        int[] values = Values(Customised());
        values[(int)SettingId.DefrostMaxTime] = 1200;   // a 20 min defrost is beyond the 14 min limit
        Assert.False(s.TryReplaceAll(values, out string reason));
        Assert.Contains("defrost.max-time", reason);
        Assert.Equal(Values(new ControllerSettings()), Values(s));

        values[(int)SettingId.DefrostMaxTime] = 600;
        Assert.True(s.TryReplaceAll(values, out _));
        Assert.Equal(values, Values(s));
    }
}
