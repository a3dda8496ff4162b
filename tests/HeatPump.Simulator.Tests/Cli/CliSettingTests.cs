using HeatPump.Control;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Cli;
using HeatPump.Simulator.Run;
using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>How --set, --setpoint and the climate choose the settings a run uses.</summary>
public class CliSettingTests
{
    private static SimulationPlan Plan(string? climate, double? setpoint, params string[] sets)
    {
        var o = new SimulationOptions(climate, null, 1, 1, setpoint, new[] { "timed-60" }, sets, null);
        return SimulationPlan.Create(o, _ => new TestWorld());
    }

    [Fact]
    public void Values_are_given_in_the_settings_unit_and_stored_as_whole_numbers()
    {
        ControllerSettings s = Plan(null, null, "heat.deadband=0.3", "compressor.min-off=600", "defrost.interval=90").Settings;
        Assert.Equal(3, s.Get(SettingId.HeatDeadband));
        Assert.Equal(600, s.Get(SettingId.MinOffTime));
        Assert.Equal(90, s.Get(SettingId.DefrostInterval));
    }

    [Fact]
    public void Named_values_are_accepted_for_mode_and_valve_polarity()
    {
        ControllerSettings s = Plan(null, null, "mode=auto", "valve.polarity=B").Settings;
        Assert.Equal(UserMode.Auto, s.Mode);
        Assert.Equal(1, s.Get(SettingId.ValvePolarity));
    }

    [Fact]
    public void The_climate_sets_the_mode_heat_for_heating_climates_cool_for_hot_summer()
    {
        Assert.Equal(UserMode.Heat, Plan("dry-cold", null).Settings.Mode);
        Assert.Equal(UserMode.Cool, Plan("hot-summer", null).Settings.Mode);
        Assert.Equal(UserMode.Cool, Plan("humid-cold", null, "mode=cool").Settings.Mode);
    }

    [Fact]
    public void Setpoint_sets_the_setpoint_of_the_mode_and_the_run_starts_there()
    {
        SimulationPlan heat = Plan("mild", 21.5);
        Assert.Equal(21.5f, heat.Settings.HeatSetpointC);
        Assert.Equal(21.5, heat.InitialIndoorC, 6);
        SimulationPlan cool = Plan("hot-summer", 25);
        Assert.Equal(25f, cool.Settings.CoolSetpointC);
        Assert.Equal(20f, cool.Settings.HeatSetpointC);
        Assert.Equal(25, cool.InitialIndoorC, 6);
    }

    [Fact]
    public void A_setpoint_that_closes_the_auto_gap_pushes_the_other_setpoint()
    {
        ControllerSettings s = Plan(null, 23, "mode=auto").Settings;
        Assert.Equal(23f, s.HeatSetpointC);
        Assert.Equal(25f, s.CoolSetpointC);
    }

    [Fact]
    public void A_setpoint_whose_push_would_leave_the_other_setpoints_range_is_refused()
    {
        var e = Assert.Throws<SimulatorInputException>(() => Plan(null, 31.5, "mode=auto"));
        Assert.Contains("heat.setpoint", e.Message);
    }

    [Fact]
    public void Each_built_in_climate_has_its_default_length()
    {
        var o = new SimulationOptions("heating-season", null, null, 1, null, new[] { "timed-60" }, Array.Empty<string>(), null);
        Assert.Equal(120, SimulationPlan.Create(o, _ => new TestWorld()).Days);
        Assert.Equal(14, SimulationPlan.Create(o with { Climate = "humid-cold" }, _ => new TestWorld()).Days);
    }

    [Fact]
    public void The_world_is_asked_for_the_climate_days_seed_and_faults_given()
    {
        WorldRequest? seen = null;
        var o = new SimulationOptions("dry-cold", null, 3, 42, null, new[] { "timed-60" }, Array.Empty<string>(), "coil:open@2h+30m");
        SimulationPlan.Create(o, r =>
        {
            seen = r;
            return new TestWorld();
        });
        Assert.Equal(new WorldRequest("dry-cold", null, 3, 42, "coil:open@2h+30m", HeatPump.Simulator.Plant.PlantParameters.Default), seen);
    }
}

/// <summary>--plant changes the plant's figures for a run, and refuses what the plant would not accept.</summary>
public class CliPlantTests
{
    private static WorldRequest Request(params string[] plant)
    {
        WorldRequest? seen = null;
        var o = new SimulationOptions("mild", null, 1, 1, null, new[] { "timed-60" }, Array.Empty<string>(), null, plant);
        SimulationPlan.Create(o, r =>
        {
            seen = r;
            return new TestWorld();
        });
        return seen!;
    }

    [Fact]
    public void A_plant_figure_reaches_the_world_and_the_rest_stay_default()
    {
        var p = Request("ratedheatingcapacityw=14000", "UaWPerK=250").Plant!;
        Assert.Equal(14000, p.RatedHeatingCapacityW);
        Assert.Equal(250, p.UaWPerK);
        Assert.Equal(HeatPump.Simulator.Plant.PlantParameters.Default.IceMaxKg, p.IceMaxKg);
        Assert.Equal(18000, HeatPump.Simulator.Plant.PlantParameters.Default.RatedHeatingCapacityW);
    }

    [Fact]
    public void A_plant_of_the_sweep_draw_is_picked_by_its_index_and_seed_and_can_still_be_changed()
    {
        // The plant a sweep reported as #5 of seed 3, run on its own, with one figure changed on top.
        var drawn = HeatPump.Simulator.Sweep.PlantFamily.Draw(3, 5);
        Assert.Equal(drawn, Request("drawn=5@3").Plant);
        Assert.Equal(HeatPump.Simulator.Sweep.PlantFamily.Draw(1, 5), Request("drawn=5").Plant);
        var p = Request("UaWPerK=250", "drawn=5@3").Plant!;
        Assert.Equal(250, p.UaWPerK);
        Assert.Equal(drawn.CoilSensorLagS, p.CoilSensorLagS);
    }

    [Theory]
    [InlineData("drawn=x", "--plant drawn= needs a plant index of the sweep's draw")]
    [InlineData("drawn=-1", "--plant drawn= needs a plant index of the sweep's draw")]
    [InlineData("drawn=5@y", "--plant drawn= needs a plant index of the sweep's draw")]
    [InlineData("Nonsense=1", "unknown plant parameter 'Nonsense'")]
    [InlineData("UaWPerK=abc", "UaWPerK needs a number, got 'abc'")]
    [InlineData("UaWPerK", "--plant expects NAME=VALUE, got 'UaWPerK'")]
    [InlineData("UaWPerK=-5", "--plant: ")]
    public void A_bad_plant_figure_is_one_clear_error(string assignment, string expected)
    {
        var e = Assert.Throws<SimulatorInputException>(() => Request(assignment));
        Assert.StartsWith(expected, e.Message);
    }
}
