using HeatPump.Simulator.Board;
using HeatPump.Control.Board;
using HeatPump.Control.Hal;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Board.Tests;

/// <summary>Flash faults as nanoCLR raises them (System.Exception from LittleFS) and torn writes: the board keeps running.</summary>
public class FlashFaultTests
{
    [Fact]
    public void A_flash_that_throws_at_boot_gives_defaults_and_no_bindings_and_the_loop_runs_on()
    {
        BoardRig rig = new BoardRig().WithThreeBoundSensors();
        rig.Flash.ThrowOnRead = true;
        rig.Boot();
        rig.RunFor(5);

        Assert.Contains(rig.ListLog.Kind("SETTINGS"), l => l.Contains("source=defaults", StringComparison.Ordinal));
        Assert.Contains(rig.ListLog.Kind("SENSORS"), l => l.Contains("file=none", StringComparison.Ordinal));
        Assert.True(rig.Watchdog.Feeds > 40);
        Assert.DoesNotContain(rig.ListLog.Lines, l => l.Contains("FATAL", StringComparison.Ordinal));
    }

    [Fact]
    public void A_settings_write_that_throws_is_counted_retried_and_never_stops_the_loop()
    {
        BoardRig rig = new BoardRig().WithThreeBoundSensors().Boot();
        rig.Flash.ThrowOnWrite = true;
        Assert.True(rig.Loop.Core.Settings.TrySet(SettingId.HeatSetpoint, rig.Loop.Core.Settings.Get(SettingId.HeatSetpoint) + 5, out _));
        rig.RunFor(20);

        Assert.Equal(0, rig.Loop.Persister.WriteCount);
        Assert.True(rig.Loop.Persister.WriteFailures >= 1);
        Assert.Contains(rig.ListLog.Kind("STS"), l => !l.Contains(" flash_err=0 ", StringComparison.Ordinal));

        rig.Flash.ThrowOnWrite = false;
        rig.RunFor(70);
        Assert.Equal(1, rig.Loop.Persister.WriteCount);
    }

    [Fact]
    public void A_torn_bindings_write_leaves_no_half_binding_at_the_next_boot()
    {
        BoardRig rig = new BoardRig();
        rig.Bus.Devices.Add(new Ds18b20Model(0x11, 21.0));
        rig.Boot(learn: true);
        rig.Press(Buttons.Mode);
        for (int i = 0; i < 5; i++)
        {
            rig.Tick();
        }

        rig.Press(Buttons.Up); // leave "bond"
        rig.Press(Buttons.Up); // outdoor
        rig.Press(Buttons.Up); // coil
        rig.Press(Buttons.Up); // supply
        Assert.Equal("SAvE.", rig.Loop.Learn.Display.Text);
        rig.Flash.TearAfterBytes = 12; // the power fails a third of the way through
        rig.Press(Buttons.Mode);
        rig.RunFor(5);
        Assert.Equal(12, rig.Flash.Bindings!.Length);

        BoardRig again = new BoardRig();
        again.Flash.Bindings = rig.Flash.Bindings;
        again.Bus.Devices.Add(new Ds18b20Model(0x11, 21.0));
        again.Boot();
        Assert.Contains(again.ListLog.Kind("SENSORS"), l => l.Contains("file=none", StringComparison.Ordinal));
        Assert.False(again.Loop.Bindings.IsBound(HeatPump.Control.Sensors.SensorRole.Indoor));
    }
}
