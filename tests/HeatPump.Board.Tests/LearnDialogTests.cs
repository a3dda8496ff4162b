using HeatPump.Simulator.Board;
using HeatPump.Control.Board;
using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;
using Xunit;

namespace HeatPump.Board.Tests;

/// <summary>The learn dialog on the simulated board: what the installer presses, sees, and what ends up in flash.</summary>
public class LearnDialogTests
{
    [Fact]
    public void Learning_from_scratch_one_sensor_at_a_time_binds_each_role_stores_them_and_sets_12_bits()
    {
        BoardRig rig = new BoardRig();
        Ds18b20Model indoor = new(0x11, 21.0), outdoor = new(0x22, 5.0), coil = new(0x33, -2.0);
        rig.Boot(learn: true);
        Assert.Equal(" In ", rig.Loop.Learn.Display.Text);

        rig.Bus.Devices.Add(indoor);
        SearchAndSee(rig, "bond");
        rig.Press(Buttons.Up); // any key leaves the result
        Assert.Equal("Out ", rig.Loop.Learn.Display.Text);

        rig.Bus.Devices.Add(outdoor);
        SearchAndSee(rig, "bond");
        rig.Press(Buttons.Up);
        rig.Bus.Devices.Add(coil);
        SearchAndSee(rig, "bond");
        rig.Press(Buttons.Up);
        Assert.Equal("SuPP", rig.Loop.Learn.Display.Text);

        // No supply-air probe on this unit: UP passes the optional role by.
        rig.Press(Buttons.Up);
        Assert.Equal("SAvE.", rig.Loop.Learn.Display.Text);

        rig.Press(Buttons.Mode);
        rig.RunFor(2);
        Assert.Equal("donE", rig.Loop.Learn.Display.Text);
        rig.RunFor(3);
        Assert.False(rig.Loop.Learn.Active);

        SensorBindings stored = new SensorBindings();
        Assert.Equal(BindingRecord.ThreeRoleSize, rig.Flash.Bindings!.Length);
        Assert.True(BindingRecord.Decode(rig.Flash.Bindings, rig.Flash.Bindings.Length, stored));
        Assert.Equal(indoor.Rom, stored.Roms.Take(8).ToArray());
        Assert.Equal(outdoor.Rom, stored.Roms.Skip(8).Take(8).ToArray());
        Assert.Equal(coil.Rom, stored.Roms.Skip(16).Take(8).ToArray());
        Assert.False(stored.IsBound(SensorRole.Supply));
        Assert.All(new[] { indoor, outdoor, coil }, d => Assert.Equal(0x7F, d.EepromConfig));

        rig.RunFor(5);
        Assert.Equal(21.0f, rig.Loop.Core.Indoor.Celsius);
        Assert.Equal(-2.0f, rig.Loop.Core.Coil.Celsius);
        Assert.False(rig.Loop.Core.Supply.IsValid);
    }

    [Fact]
    public void A_supply_air_probe_added_later_is_learned_as_the_fourth_role_and_reaches_the_core()
    {
        BoardRig rig = new BoardRig().WithThreeBoundSensors();
        Ds18b20Model supply = new(0x44, 31.5);
        rig.Bus.Devices.Add(supply);
        rig.Boot(learn: true);

        // The installer keeps the three roles and searches on the fourth: the new probe is the one candidate.
        rig.Press(Buttons.Up);
        rig.Press(Buttons.Up);
        rig.Press(Buttons.Up);
        Assert.Equal("SuPP", rig.Loop.Learn.Display.Text);
        Assert.False(rig.Loop.Learn.Display.Dots[3]);
        SearchAndSee(rig, "bond");
        rig.Press(Buttons.Up);
        Assert.Equal("SAvE.", rig.Loop.Learn.Display.Text);
        rig.Press(Buttons.Mode);
        rig.RunFor(5);
        Assert.False(rig.Loop.Learn.Active);

        SensorBindings stored = new SensorBindings();
        Assert.Equal(BindingRecord.Size, rig.Flash.Bindings!.Length);
        Assert.True(BindingRecord.Decode(rig.Flash.Bindings, rig.Flash.Bindings.Length, stored));
        Assert.Equal(rig.Indoor.Rom, stored.Roms.Take(8).ToArray());
        Assert.Equal(supply.Rom, stored.Roms.Skip(24).ToArray());
        Assert.Equal(0x7F, supply.EepromConfig);
        Assert.Contains(rig.ListLog.Kind("LEARN"), l => l.Contains("step=bind role=supply", StringComparison.Ordinal));

        rig.RunFor(5);
        Assert.True(rig.Loop.Core.Supply.IsValid);
        Assert.Equal(31.5f, rig.Loop.Core.Supply.Celsius);
        Assert.Equal(21.0f, rig.Loop.Core.Indoor.Celsius);

        // After a power cycle the board finds all four in flash and on the bus.
        BoardRig again = new BoardRig();
        again.Flash.Bindings = rig.Flash.Bindings;
        again.Bus.Devices.AddRange(rig.Bus.Devices);
        again.Boot();
        Assert.Contains(again.ListLog.Kind("SENSOR"), l => l.Contains("role=supply", StringComparison.Ordinal) && l.Contains("status=present", StringComparison.Ordinal));
        again.RunFor(5);
        Assert.Equal(31.5f, again.Loop.Core.Supply.Celsius);
    }

    [Fact]
    public void Two_unbound_sensors_on_the_bus_give_Err2_and_bind_nothing()
    {
        BoardRig rig = new BoardRig();
        rig.Bus.Devices.Add(new Ds18b20Model(0x11, 21.0));
        rig.Bus.Devices.Add(new Ds18b20Model(0x22, 5.0));
        rig.Boot(learn: true);

        SearchAndSee(rig, "Err2");
        Assert.False(rig.Loop.Learn.Work.IsBound(SensorRole.Indoor));
        rig.RunFor(2.5);
        Assert.Equal(" In ", rig.Loop.Learn.Display.Text);
    }

    [Fact]
    public void Down_at_SAvE_discards_and_the_stored_bindings_stay_as_they_were()
    {
        BoardRig rig = new BoardRig().WithThreeBoundSensors();
        byte[] before = (byte[])rig.Flash.Bindings.Clone();
        rig.Boot(learn: true);
        rig.Press(Buttons.Down); // clear indoor
        rig.Press(Buttons.Up);
        rig.Press(Buttons.Up);
        rig.Press(Buttons.Up); // no supply probe
        rig.Press(Buttons.Down); // discard at SAvE.

        Assert.Equal("Abrt", rig.Loop.Learn.Display.Text);
        Assert.Equal(before, rig.Flash.Bindings);
        Assert.True(rig.Loop.Bindings.IsBound(SensorRole.Indoor));
    }

    [Fact]
    public void Two_minutes_without_a_key_abandon_the_dialog_and_the_panel_returns_to_the_core()
    {
        BoardRig rig = new BoardRig().WithThreeBoundSensors().Boot(learn: true);
        rig.RunFor(125);
        Assert.False(rig.Loop.Learn.Active);
        Assert.Contains(rig.ListLog.Kind("LEARN"), l => l.Contains("step=timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void While_learning_the_buttons_do_not_reach_the_core()
    {
        BoardRig rig = new BoardRig().WithThreeBoundSensors().Boot(learn: true);
        var modeBefore = rig.Loop.Core.Settings.Mode;
        rig.Press(Buttons.Up);
        rig.Press(Buttons.Up);
        Assert.Equal(modeBefore, rig.Loop.Core.Settings.Mode);
        Assert.Equal(0, rig.Loop.Inputs.Buttons);
    }

    private static void SearchAndSee(BoardRig rig, string expected)
    {
        rig.Press(Buttons.Mode);
        for (int i = 0; i < 20 && rig.Loop.Learn.Display.Text == "----"; i++)
        {
            rig.Tick();
        }

        Assert.Equal(expected, rig.Loop.Learn.Display.Text);
    }
}
