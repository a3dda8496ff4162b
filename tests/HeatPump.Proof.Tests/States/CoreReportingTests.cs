using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Proof.Tests.PowerLoss;
using Xunit;

namespace HeatPump.Proof.Tests.States;

/// <summary>The power-up stagger, the indoor fan between cycles, and what the controller reports about itself.</summary>
public class CoreReportingTests
{
    [Fact]
    public void The_stagger_spreads_units_over_whole_seconds_up_to_the_maximum_and_is_zero_when_that_is()
    {
        var seen = new HashSet<long>();
        for (uint seed = 0; seed < 5000; seed++)
        {
            long ms = ControlCore.StaggerFromSeed(seed, 60);
            Assert.InRange(ms, 0, 60_000);
            Assert.Equal(0, ms % 1000);
            seen.Add(ms);
            Assert.Equal(0, ControlCore.StaggerFromSeed(seed, 0));
        }

        Assert.Equal(61, seen.Count);
    }

    [Fact]
    public void The_guard_reports_what_it_drives()
    {
        var s = new ControllerSettings();
        var g = new SafetyGuard(s, 0, 0);
        g.Apply(new OutputState { Compressor = true, IndoorFanDuty = 0.5f, OutdoorFanDuty = 1f }, 300_000, true, true, 5f);
        Assert.True(g.Outputs.Compressor);
        Assert.Equal(0.5f, g.Outputs.IndoorFanDuty);
    }

    [Fact]
    public void A_fault_that_is_not_a_lockout_is_not_reported_as_one_and_holds_clear_once_running()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 17f, OutdoorC = 5f, CoilC = 5f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        b.Run(60_000);
        Assert.Equal(HoldReason.PowerUpDelay, b.Core.Controller.Hold);
        Assert.True(b.RunUntil(x => x.Core.Outputs.Compressor, 20 * 60_000));
        b.Tick();
        Assert.Equal(HoldReason.None, b.Core.Controller.Hold);

        b.HighPressureTripped = true;
        b.Tick();
        Assert.Equal(TopState.Fault, b.Core.Controller.State);
        Assert.Equal(FaultKind.HighPressure, b.Core.Controller.Fault);
        Assert.False(b.Core.Controller.LockedOut);
    }

    [Fact]
    public void Transition_visits_count_each_transition_taken()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 17f, OutdoorC = 5f, CoilC = 5f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        Assert.True(b.RunUntil(x => x.Core.Outputs.Compressor, 20 * 60_000));
        Assert.Equal(1, b.Core.Controller.TransitionVisits(HeatPump.Control.States.Row.OffToHeat));
        b.Tick();
        Assert.Equal(1, b.Core.Controller.TransitionVisits(HeatPump.Control.States.Row.HeatStartingToRunning));
    }

    [Fact]
    public void With_continuous_fan_the_indoor_fan_runs_at_minimum_between_cycles_and_run_on_follows_a_stop()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 21f, OutdoorC = 5f, CoilC = 5f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        b.Run(10_000);
        Assert.Equal(0f, b.Core.Outputs.IndoorFanDuty);

        Assert.True(b.Settings.TrySet(SettingId.IndoorFanContinuous, 1, out _));
        b.Run(2000);
        Assert.Equal(0.4f, b.Core.Outputs.IndoorFanDuty);

        // A heating cycle, then the stop: the fan runs on gently (minimum duty) for the run-on time, then stops.
        Assert.True(b.Settings.TrySet(SettingId.IndoorFanContinuous, 0, out _));
        b.IndoorC = 18f;
        Assert.True(b.RunUntil(x => x.Core.Outputs.Compressor && x.Core.Outputs.IndoorFanDuty > 0f, 20 * 60_000));
        b.Run(4 * 60_000);
        Assert.True(b.Core.Outputs.IndoorFanDuty > 0.4f, "running at more than the minimum");
        b.Settings.TrySet(SettingId.Mode, (int)UserMode.Off, out _);
        b.Tick();
        Assert.False(b.Core.Outputs.Compressor);
        Assert.Equal(0.4f, b.Core.Outputs.IndoorFanDuty);
        b.Run(58_000);
        Assert.Equal(0.4f, b.Core.Outputs.IndoorFanDuty);
        b.Run(3000);
        Assert.Equal(0f, b.Core.Outputs.IndoorFanDuty);
    }
}
