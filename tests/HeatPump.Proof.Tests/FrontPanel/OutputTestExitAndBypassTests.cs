using HeatPump.Control;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Proof.Tests.PowerLoss;
using Xunit;

namespace HeatPump.Proof.Tests.FrontPanel;

/// <summary>
/// Output-test mode opens only from power-up, so a running or locked-out unit cannot be switched into it;
/// in it the pressure switches still stop the compressor; a low-pressure switch is ignored for the
/// start-up bypass.
/// </summary>
public class OutputTestExitAndBypassTests
{
    /// <summary>MODE + DOWN held for 8 s (past the 5 s combination at the board's 1 s ticks), then let go.</summary>
    private static void HoldOutputTestCombination(Board b)
    {
        b.Buttons = ButtonDecoder.OutputTestCombination;
        b.Run(8000);
        b.Buttons = 0;
        b.Run(2000);
    }

    [Fact]
    public void The_output_test_combination_after_power_up_leaves_a_running_unit_under_normal_control()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 17f, OutdoorC = -5f, CoilC = -5f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Running, 20 * 60_000));
        b.Run(10 * 60_000);
        long frost = b.Core.Controller.DefrostScheduler.FrostingRunMs;
        Assert.True(frost > 0);

        HoldOutputTestCombination(b);
        Assert.False(b.Core.Panel.OutputTest.Active);
        Assert.True(b.Core.Outputs.Compressor, "the unit heats on");
        Assert.True(b.Core.Controller.DefrostScheduler.FrostingRunMs > frost, "nothing was reset");
        Assert.True(b.Referee.Total == 0, b.Referee.FirstMessage);
    }

    [Fact]
    public void A_fault_lockout_cannot_be_walked_around_and_only_the_mode_reset_clears_it()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 17f, OutdoorC = 5f, CoilC = 5f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        for (int trip = 1; trip <= FaultHistory.LockoutCount; trip++)
        {
            Assert.True(b.RunUntil(x => x.Core.Outputs.Compressor, 30 * 60_000), $"running before trip {trip}");
            b.HighPressureTripped = true;
            b.Tick();
            b.HighPressureTripped = false;
        }

        Assert.True(b.Core.Controller.LockedOut);

        // The combination that used to open output-test mode at any time opens nothing now.
        HoldOutputTestCombination(b);
        Assert.False(b.Core.Panel.OutputTest.Active);
        b.Run(20 * 60_000);
        Assert.True(b.Core.Controller.LockedOut);
        Assert.Equal(FaultKind.HighPressure, b.Core.Controller.Fault);
        Assert.False(b.Core.Outputs.Compressor);

        // MODE held 10 s is the reset; the unit then heats again.
        b.Buttons = Buttons.Mode;
        Assert.True(b.RunUntil(x => !x.Core.Controller.LockedOut, 30_000));
        b.Buttons = 0;
        Assert.True(b.RunUntil(x => x.Core.Outputs.Compressor, 30 * 60_000));
        Assert.True(b.Referee.Total == 0, b.Referee.FirstMessage);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void In_output_test_mode_either_pressure_switch_stops_the_compressor(bool highPressure)
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 20f, OutdoorC = 5f, CoilC = 5f };
        HoldOutputTestCombination(b); // from power-up: the installer's way in
        Assert.True(b.Core.Panel.OutputTest.Active);
        Assert.True(b.RunUntil(x => x.Core.Outputs.Compressor, 10 * 60_000), "the walk's heating run starts after the power-up delay");
        Assert.True(b.Core.Outputs.OutdoorFanDuty > 0f);

        if (highPressure) b.HighPressureTripped = true; else b.LowPressureTripped = true;
        b.Tick();
        Assert.False(b.Core.Outputs.Compressor);
        Assert.True(b.Core.Panel.OutputTest.Active);
        Assert.Equal(1, b.Core.Controller.FaultCount(highPressure ? FaultKind.HighPressure : FaultKind.LowPressure));
    }

    [Fact]
    public void A_low_pressure_switch_is_ignored_for_the_first_two_minutes_of_a_run_and_not_a_second_longer()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 17f, OutdoorC = 5f, CoilC = 5f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        Assert.True(b.RunUntil(x => x.Core.Outputs.Compressor, 20 * 60_000));
        long start = b.NowMs;
        b.LowPressureTripped = true;
        Assert.True(b.RunUntil(x => x.Core.Controller.State == TopState.Fault, 5 * 60_000));
        Assert.Equal(FaultKind.LowPressure, b.Core.Controller.Fault);

        // The run started at `start`; the switch counts from exactly 120 s of run.
        Assert.Equal(120_000, b.NowMs - start);
    }
}
