using HeatPump.Control;
using HeatPump.Control.Hal;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Proof.Tests.PowerLoss;
using Xunit;

namespace HeatPump.Proof.Tests.States;

/// <summary>
/// Edges of the state machine that the scenarios pass through without pinning down: which way
/// Auto starts, the tick a lockout takes effect, and what a lockout reset forgets.
/// </summary>
public class ControllerEdgeTests
{
    private static Board Boot(UserMode mode, float indoorC, float outdoorC)
    {
        var b = new Board(new TearableStore(), 1) { IndoorC = indoorC, OutdoorC = outdoorC, CoilC = outdoorC };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)mode, out _));
        return b;
    }

    [Theory]
    [InlineData(21.0f, TopState.Heat)]
    [InlineData(21.9f, TopState.Heat)]
    [InlineData(22.0f, TopState.Cool)]   // the midpoint itself goes to cooling
    [InlineData(22.1f, TopState.Cool)]
    [InlineData(23.0f, TopState.Cool)]
    public void Auto_starts_toward_the_nearer_setpoint(float indoorC, TopState expected)
    {
        // Heat 20 °C, cool 24 °C: the midpoint is 22 °C. Inside the band nothing calls, so only the choice shows.
        Board b = Boot(UserMode.Auto, indoorC, 15f);
        b.Run(5000);
        Assert.Equal(expected, b.Core.Controller.State);
    }

    [Fact]
    public void The_tick_the_low_ambient_lockout_engages_the_compressor_stops_and_the_cycle_leaves_running()
    {
        Board b = Boot(UserMode.Heat, 17f, -15f);
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Running, 20 * 60_000));
        b.Run(60_000);

        b.OutdoorC = -30f;
        Assert.True(b.RunUntil(x => x.Core.Controller.HeatLockedOut, 5 * 60_000));
        Assert.Equal(SubState.Starting, b.Core.Controller.Sub);
        Assert.False(b.Core.Requested.Compressor);
        Assert.False(b.Core.Outputs.Compressor);

        // From the next tick the hold says why, and aux heat carries the load.
        b.Tick();
        Assert.Equal(HoldReason.HeatLockout, b.Core.Controller.Hold);
        Assert.True(b.Core.Outputs.AuxHeat);
        Assert.True(b.Referee.Total == 0, b.Referee.FirstMessage);
    }

    [Fact]
    public void A_lockout_reset_forgets_the_earlier_trips()
    {
        Board b = Boot(UserMode.Heat, 17f, 5f);
        for (int trip = 1; trip <= FaultHistory.LockoutCount; trip++)
        {
            Assert.True(b.RunUntil(x => x.Core.Outputs.Compressor, 30 * 60_000), $"running before trip {trip}");
            b.HighPressureTripped = true;
            b.Tick();
            Assert.Equal(TopState.Fault, b.Core.Controller.State);
            b.HighPressureTripped = false;
        }

        Assert.True(b.Core.Controller.LockedOut);

        // MODE held 10 s clears the lockout...
        b.Buttons = Buttons.Mode;
        Assert.True(b.RunUntil(x => !x.Core.Controller.LockedOut, 30_000));
        b.Buttons = 0;

        // ...and the next trip is the first of a new count, not a fourth.
        Assert.True(b.RunUntil(x => x.Core.Outputs.Compressor, 30 * 60_000));
        b.HighPressureTripped = true;
        b.Tick();
        Assert.Equal(TopState.Fault, b.Core.Controller.State);
        Assert.False(b.Core.Controller.LockedOut);
        Assert.True(b.Referee.Total == 0, b.Referee.FirstMessage);
    }

    [Fact]
    public void Fault_history_counts_each_kind_within_the_hour_and_clear_forgets_all()
    {
        var h = new FaultHistory();
        Assert.False(h.Record(FaultKind.HighPressure, 0));
        Assert.False(h.Record(FaultKind.LowPressure, 1000));
        Assert.False(h.Record(FaultKind.HighPressure, 2000));
        Assert.Equal(2, h.CountInWindow(FaultKind.HighPressure, 2000));
        Assert.Equal(1, h.CountInWindow(FaultKind.LowPressure, 2000));
        Assert.True(h.Record(FaultKind.HighPressure, 3000));

        // An hour after the first, it no longer counts.
        Assert.Equal(2, h.CountInWindow(FaultKind.HighPressure, FaultHistory.WindowMs));
        Assert.Equal(3, h.CountInWindow(FaultKind.HighPressure, FaultHistory.WindowMs - 1));

        h.Clear();
        Assert.Equal(0, h.CountInWindow(FaultKind.HighPressure, 3000));
        Assert.Equal(0, h.CountInWindow(FaultKind.LowPressure, 3000));
        Assert.Equal(0, h.CountInWindow(FaultKind.IndoorSensor, 3000));
        Assert.False(h.Record(FaultKind.HighPressure, 4000));
    }
}
