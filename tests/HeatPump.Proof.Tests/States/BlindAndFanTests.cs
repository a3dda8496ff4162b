using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Proof.Tests.PowerLoss;
using Xunit;

namespace HeatPump.Proof.Tests.States;

/// <summary>Auto without an indoor reading, and the indoor fan in a fault and in a defrost.</summary>
public class BlindAndFanTests
{
    [Fact]
    public void Auto_without_an_indoor_reading_yet_waits_in_heat()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 30f, OutdoorC = 30f, CoilC = 30f, IndoorSilent = true };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Auto, out _));
        b.Run(10_000);
        Assert.Equal(TopState.Heat, b.Core.Controller.State);
        Assert.Equal(HoldReason.None, b.Core.Controller.Hold);
        Assert.False(b.Core.Outputs.Compressor);
    }

    [Fact]
    public void Switching_to_auto_while_cooling_without_an_indoor_reading_stays_in_cool()
    {
        // No reading to judge by: Auto keeps what the unit is doing rather than reversing it.
        var b = new Board(new TearableStore(), 5) { IndoorC = 27f, OutdoorC = 30f, CoilC = 30f, IndoorSilent = true };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Cool, out _));
        b.Run(5_000);
        Assert.Equal(TopState.Cool, b.Core.Controller.State);
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Auto, out _));
        b.Run(5_000);
        Assert.Equal(TopState.Cool, b.Core.Controller.State);
    }

    [Fact]
    public void Auto_in_cool_stays_in_cool_when_the_indoor_reading_drops_out_briefly()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 27f, OutdoorC = 30f, CoilC = 30f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Auto, out _));
        b.Run(10_000);
        Assert.Equal(TopState.Cool, b.Core.Controller.State);
        b.IndoorSilent = true;
        b.Run(10_000);
        Assert.Equal(TopState.Cool, b.Core.Controller.State);
    }

    [Fact]
    public void One_fan_motor_runs_at_the_higher_of_the_two_duties_and_stops_in_a_defrost_taking_aux_with_it()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 17f, OutdoorC = 1f, CoilC = 1f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        Assert.True(b.Settings.TrySet(SettingId.SingleFanMotor, 1, out _));
        Assert.True(b.Settings.TrySet(SettingId.OutdoorFanDuty, 60, out _));
        Assert.True(b.Settings.TrySet(SettingId.AuxDuringDefrost, 1, out _));
        Assert.True(b.RunUntil(x => x.Core.Outputs.Compressor, 20 * 60_000));

        // In the heat delay only the outdoor fan is wanted (60 %); after it the indoor fan's 100 % wins.
        b.Tick();
        Assert.Equal(0.6f, b.Core.Outputs.IndoorFanDuty, 3);
        b.Run(60_000);
        Assert.Equal(1f, b.Core.Outputs.IndoorFanDuty, 3);
        Assert.Equal(1f, b.Core.Outputs.OutdoorFanDuty, 3);

        // Aux in the defrost would want the indoor fan, but the one motor would also blow over the
        // coil; and strips never heat still air, so the guard keeps aux off with it.
        b.DefrostRequest = true;
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Melting, 5 * 60_000));
        b.Tick();
        Assert.True(b.Core.Requested.AuxHeat);
        Assert.False(b.Core.Outputs.AuxHeat);
        Assert.Equal(0f, b.Core.Outputs.IndoorFanDuty);
        Assert.Equal(0f, b.Core.Outputs.OutdoorFanDuty);
        Assert.True(b.Referee.Total == 0, b.Referee.FirstMessage);
    }

    [Fact]
    public void Continuous_fan_stops_for_a_fault_and_for_a_defrost()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 17f, OutdoorC = 1f, CoilC = 1f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        Assert.True(b.Settings.TrySet(SettingId.IndoorFanContinuous, 1, out _));
        Assert.True(b.Settings.TrySet(SettingId.IndoorFanRunOn, 0, out _));
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Running, 20 * 60_000));
        b.Run(60_000);

        b.DefrostRequest = true;
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Melting, 5 * 60_000));
        Assert.Equal(0f, b.Core.Outputs.IndoorFanDuty);
        Assert.True(b.RunUntil(x => x.Core.Controller.State == TopState.Heat, 20 * 60_000));

        Assert.True(b.RunUntil(x => x.Core.Outputs.Compressor, 20 * 60_000));

        // The room at setpoint: no call for the aux heat that a fault of the refrigerant circuit leaves available.
        b.IndoorC = 20f;
        b.Run(90_000);
        b.HighPressureTripped = true;
        b.Tick();
        b.HighPressureTripped = false;
        b.Run(5000);
        Assert.Equal(TopState.Fault, b.Core.Controller.State);
        Assert.False(b.Core.Outputs.AuxHeat);
        Assert.Equal(0f, b.Core.Outputs.IndoorFanDuty);
    }
}
