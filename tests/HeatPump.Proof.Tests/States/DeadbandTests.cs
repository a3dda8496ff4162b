using HeatPump.Control;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Proof.Tests.PowerLoss;
using Xunit;

namespace HeatPump.Proof.Tests.States;

/// <summary>Heat and cool each use their own deadband and overrun.</summary>
public class DeadbandTests
{
    private static Board Boot(UserMode mode, float indoorC, float outdoorC)
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = indoorC, OutdoorC = outdoorC, CoilC = outdoorC };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)mode, out _));
        Assert.True(b.Settings.TrySet(SettingId.HeatDeadband, 10, out _));
        Assert.True(b.Settings.TrySet(SettingId.HeatOverrun, 15, out _));
        Assert.True(b.Settings.TrySet(SettingId.CoolDeadband, 3, out _));
        Assert.True(b.Settings.TrySet(SettingId.CoolOverrun, 2, out _));
        return b;
    }

    /// <summary>
    /// Heat setpoint 20 °C, deadband 1 K, overrun 1.5 K; cool setpoint 24 °C, deadband 0.3 K, overrun
    /// 0.2 K. Each mode calls only past its own deadband and runs on to its own overrun.
    /// </summary>
    [Theory]
    [InlineData(UserMode.Heat, 5f, 19.25f, 18.875f, 21.25f, 21.5625f)]
    [InlineData(UserMode.Cool, 30f, 24.25f, 24.375f, 23.875f, 23.75f)]
    public void Each_mode_calls_past_its_own_deadband_and_runs_to_its_own_overrun(
        UserMode mode, float outdoorC, float idleC, float callingC, float stillRunningC, float stoppedC)
    {
        Board b = Boot(mode, idleC, outdoorC);
        b.Run(5000);
        Assert.Equal(SubState.Idle, b.Core.Controller.Sub);
        b.IndoorC = callingC;
        b.Run(5000);
        Assert.Equal(SubState.Starting, b.Core.Controller.Sub);

        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Running, 20 * 60_000));
        b.IndoorC = stillRunningC;
        b.Run(5 * 60_000);
        Assert.Equal(SubState.Running, b.Core.Controller.Sub);
        b.IndoorC = stoppedC;
        b.Run(5000);
        Assert.NotEqual(SubState.Running, b.Core.Controller.Sub);
    }
}
