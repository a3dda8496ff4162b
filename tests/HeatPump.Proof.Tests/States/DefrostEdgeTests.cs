using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Proof.Tests.PowerLoss;
using Xunit;

namespace HeatPump.Proof.Tests.States;

/// <summary>How a defrost says why it started, and what the panel is told while it waits for the valve.</summary>
public class DefrostEdgeTests
{
    [Fact]
    public void A_requested_defrost_is_recorded_as_requested_and_waits_for_the_quiet_shift_with_a_countdown()
    {
        var b = new Board(new TearableStore(), 3) { IndoorC = 17f, OutdoorC = 2f, CoilC = 2f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Running, 20 * 60_000));
        b.Run(60_000);
        Assert.Equal(DefrostCause.None, b.Core.Controller.DefrostScheduler.Due);

        b.DefrostRequest = true;
        b.Tick();
        Assert.Equal(TopState.Defrost, b.Core.Controller.State);
        Assert.Equal(DefrostCause.Requested, b.Core.Controller.LastDefrostCause);
        Assert.Equal(1, b.Core.Controller.DefrostCount);

        // ShiftIn: the compressor has stopped; the valve may move 30 s after the stop, and the panel counts down to it.
        b.Tick();
        long stop = b.Core.Guard.Feedback(b.NowMs).CompressorSinceMs;
        Assert.Equal(SubState.ShiftIn, b.Core.Controller.Sub);
        Assert.Equal(HoldReason.QuietShift, b.Core.Controller.Hold);
        Assert.Equal(stop + 30_000, b.Core.Controller.HoldUntilMs);
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Melting, 2 * 60_000));
        Assert.True(b.Referee.Total == 0, b.Referee.FirstMessage);
    }

    [Fact]
    public void With_automatic_defrost_off_the_schedule_starts_nothing_and_a_request_still_does()
    {
        // The simulator's oracle decides defrosts itself and turns the schedule off.
        var b = new Board(new TearableStore(), 3) { IndoorC = 15f, OutdoorC = 0f, CoilC = 0f };
        b.Core.Controller.AutomaticDefrost = false;
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        Assert.True(b.Settings.TrySet(SettingId.DefrostStrategy, 1, out _));
        Assert.True(b.Settings.TrySet(SettingId.DefrostInterval, 30, out _));
        Assert.True(b.RunUntil(x => x.Core.Controller.DefrostScheduler.Due != DefrostCause.None, 3 * 3600_000L));
        b.Run(10 * 60_000);
        Assert.Equal(0, b.Core.Controller.DefrostCount);

        b.DefrostRequest = true;
        b.Tick();
        Assert.Equal(TopState.Defrost, b.Core.Controller.State);
        Assert.Equal(DefrostCause.Requested, b.Core.Controller.LastDefrostCause);
    }

    [Fact]
    public void A_defrost_the_scheduler_calls_is_recorded_with_its_cause()
    {
        var b = new Board(new TearableStore(), 3) { IndoorC = 15f, OutdoorC = 0f, CoilC = 0f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        Assert.True(b.Settings.TrySet(SettingId.DefrostStrategy, 1, out _));
        Assert.True(b.Settings.TrySet(SettingId.DefrostInterval, 30, out _));
        Assert.True(b.RunUntil(x => x.Core.Controller.State == TopState.Defrost, 3 * 3600_000L));
        Assert.Equal(DefrostCause.Interval, b.Core.Controller.LastDefrostCause);
    }
}
