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
        Assert.Equal("SAvE.", rig.Loop.Learn.Display.Text);

        rig.Press(Buttons.Mode);
        rig.RunFor(2);
        Assert.Equal("donE", rig.Loop.Learn.Display.Text);
        rig.RunFor(3);
        Assert.False(rig.Loop.Learn.Active);

        SensorBindings stored = new SensorBindings();
        Assert.True(BindingRecord.Decode(rig.Flash.Bindings, rig.Flash.Bindings.Length, stored));
        Assert.Equal(indoor.Rom, stored.Roms.Take(8).ToArray());
        Assert.Equal(outdoor.Rom, stored.Roms.Skip(8).Take(8).ToArray());
        Assert.Equal(coil.Rom, stored.Roms.Skip(16).ToArray());
        Assert.All(new[] { indoor, outdoor, coil }, d => Assert.Equal(0x7F, d.EepromConfig));

        rig.RunFor(5);
        Assert.Equal(21.0f, rig.Loop.Core.Indoor.Celsius);
        Assert.Equal(-2.0f, rig.Loop.Core.Coil.Celsius);
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
