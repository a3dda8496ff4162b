using HeatPump.Control;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Protection;
using HeatPump.Control.Sensors;
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

/// <summary>A sensor that gives wildly inconsistent readings never gets a new level accepted.</summary>
public class SensorStepTests
{
    [Fact]
    public void Readings_jumping_between_two_far_levels_are_never_accepted()
    {
        var v = new SensorValidator(SensorRole.Indoor, 0);
        long t = 0;
        for (int i = 0; i < 10; i++)
        {
            t += 1000;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(20f)), t, 0f);
        }

        for (int i = 0; i < 20; i++)
        {
            t += 1000;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(i % 2 == 0 ? 40f : 60f)), t, 0f);
            Assert.Equal(20f, v.Celsius);
        }

        // Five in a row that agree with each other are a genuine step and are taken.
        for (int i = 0; i < SensorValidator.StepConfirmSamples; i++)
        {
            t += 1000;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(40f)), t, 0f);
        }

        Assert.Equal(40f, v.Celsius);
    }

    [Fact]
    public void A_step_confirmed_slowly_is_judged_by_the_time_between_its_samples()
    {
        // Candidate samples a minute apart may differ by the indoor rate (3 K/min) and still agree.
        var v = new SensorValidator(SensorRole.Indoor, 0);
        v.Update(SensorSample.Good(SensorSample.ToSixteenths(20f)), 1000, 0f);
        long t = 1000;
        float level = 40f;
        for (int i = 0; i < SensorValidator.StepConfirmSamples; i++)
        {
            t += 20_000;
            level += 0.9f;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(level)), t, 0f);
        }

        Assert.Equal(SensorSample.ToSixteenths(level) / 16f, v.Celsius);
    }
}


/// <summary>The ambient lockouts as the controller keeps them: engaged below the limit, lifted 1 K above it.</summary>
public class LockoutHysteresisTests
{
    internal static Board Boot(UserMode mode, float outdoorC, float indoorC = 20f)
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = indoorC, OutdoorC = outdoorC, CoilC = outdoorC };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)mode, out _));
        b.Run(3000);
        return b;
    }

    private static bool At(Board b, float outdoorC, Func<Controller, bool> lockedOut)
    {
        b.OutdoorC = outdoorC;
        b.Run(3000);
        return lockedOut(b.Core.Controller);
    }

    [Fact]
    public void Heating_locks_out_below_the_limit_and_lifts_only_a_kelvin_above_it()
    {
        Board b = Boot(UserMode.Heat, -24.5f);
        Func<Controller, bool> locked = c => c.HeatLockedOut;
        Assert.False(At(b, -25f, locked), "at the limit: not locked");
        Assert.True(At(b, -25.125f, locked), "below: locked");
        Assert.True(At(b, -24.5f, locked), "back above the limit: still locked");
        Assert.True(At(b, -24.0625f, locked), "just under limit + 1 K: still locked");
        Assert.False(At(b, -24f, locked), "at limit + 1 K: lifted");
    }

    [Fact]
    public void Cooling_locks_out_below_the_limit_and_lifts_only_a_kelvin_above_it()
    {
        Board b = Boot(UserMode.Cool, 12.5f);
        Func<Controller, bool> locked = c => c.CoolLockedOut;
        Assert.False(At(b, 12f, locked), "at the limit: not locked");
        Assert.True(At(b, 11.9375f, locked), "below: locked");
        Assert.True(At(b, 12.5f, locked), "back above the limit: still locked");
        Assert.True(At(b, 12.9375f, locked), "just under limit + 1 K: still locked");
        Assert.False(At(b, 13f, locked), "at limit + 1 K: lifted");
    }

    [Fact]
    public void Losing_the_outdoor_reading_keeps_cooling_locked_out_and_lifts_the_heating_lockout()
    {
        // docs/safety.md: without an outdoor reading the lockouts fail safe — cooling stays locked
        // out, heating may run.
        Board b = Boot(UserMode.Cool, 10f, indoorC: 27f);
        Assert.True(b.Core.Controller.CoolLockedOut);

        b.OutdoorSilent = true;
        Assert.True(b.RunUntil(x => !x.Core.Outdoor.IsValid, 60_000));
        b.Tick();
        Assert.True(b.Core.Controller.CoolLockedOut);
        Assert.False(b.RunUntil(x => x.Core.Outputs.Compressor, 20 * 60_000));
        Assert.Equal(HoldReason.CoolLockout, b.Core.Controller.Hold);

        Board h = Boot(UserMode.Heat, -30f, indoorC: 17f);
        Assert.True(h.Core.Controller.HeatLockedOut);
        h.OutdoorSilent = true;
        Assert.True(h.RunUntil(x => !x.Core.Outdoor.IsValid, 60_000));
        h.Tick();
        Assert.False(h.Core.Controller.HeatLockedOut);
        Assert.True(h.RunUntil(x => x.Core.Outputs.Compressor, 20 * 60_000));
        Assert.True(b.Referee.Total + h.Referee.Total == 0, b.Referee.FirstMessage + h.Referee.FirstMessage);
    }

    [Fact]
    public void Aux_heat_covers_a_lockout_but_not_an_ordinary_wait()
    {
        // Cold room, heat wanted, the power-up delay running: the compressor waits, and aux does not start.
        var b = new Board(new TearableStore(), 5) { IndoorC = 16f, OutdoorC = 0f, CoilC = 0f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        b.Run(60_000);
        Assert.Equal(HoldReason.PowerUpDelay, b.Core.Controller.Hold);
        Assert.False(b.Core.Outputs.AuxHeat);
    }

    [Fact]
    public void After_a_defrost_into_a_warm_room_heat_resumes_idle_not_running()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 17f, OutdoorC = 1f, CoilC = 1f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Running, 20 * 60_000));
        b.Run(60_000);
        b.DefrostRequest = true;
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Drip, 15 * 60_000));

        // The room warmed meanwhile: no heat wanted after the defrost.
        b.IndoorC = 23f;
        Assert.True(b.RunUntil(x => x.Core.Controller.State == TopState.Heat, 10 * 60_000));
        Assert.Equal(SubState.Idle, b.Core.Controller.Sub);
        Assert.False(b.Core.Outputs.Compressor);
        Assert.Equal(0, b.Core.Controller.UnlistedTransitions);
    }
}

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

/// <summary>Each sensor position has its own plausible rate of change.</summary>
public class SensorRateTests
{
    [Theory]
    [InlineData(SensorRole.Outdoor, 5f)]
    [InlineData(SensorRole.Indoor, 2.5f)]
    [InlineData(SensorRole.Coil, 25f)]
    public void A_change_within_the_positions_rate_is_followed_sample_by_sample(SensorRole role, float kPerMinute)
    {
        var v = new SensorValidator(role, 0);
        float c = 0f;
        for (int i = 1; i <= 120; i++)
        {
            c += kPerMinute / 60f;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(c)), i * 1000L, 0f);
            Assert.Equal(SampleRejection.None, v.LastRejection);
        }

        Assert.Equal(SensorSample.ToSixteenths(c) / 16f, v.Celsius);
    }
}

/// <summary>The noise allowance and the rate limit at their edges, upward and downward.</summary>
public class SensorAllowanceTests
{
    private static SensorValidator Steady(float c, int seconds, out long t)
    {
        var v = new SensorValidator(SensorRole.Indoor, 0);
        t = 0;
        for (int i = 0; i < seconds; i++)
        {
            t += 1000;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(c)), t, 0f);
        }

        return v;
    }

    [Fact]
    public void A_one_kelvin_step_in_a_second_is_within_the_noise_allowance()
    {
        var v = Steady(20f, 1, out long t);
        v.Update(SensorSample.Good(SensorSample.ToSixteenths(21f)), t + 1000, 0f);
        Assert.Equal(21f, v.Celsius);
    }

    [Fact]
    public void Two_kelvin_in_a_second_is_rejected_even_though_the_older_anchor_would_allow_it()
    {
        var v = Steady(20f, 60, out long t);
        v.Update(SensorSample.Good(SensorSample.ToSixteenths(22f)), t + 1000, 0f);
        Assert.Equal(SampleRejection.RateOfChange, v.LastRejection);
        Assert.Equal(20f, v.Celsius);
    }

    [Fact]
    public void A_sudden_drop_is_rejected_like_a_sudden_rise()
    {
        var v = Steady(20f, 60, out long t);
        v.Update(SensorSample.Good(SensorSample.ToSixteenths(10f)), t + 1000, 0f);
        Assert.Equal(SampleRejection.RateOfChange, v.LastRejection);
        Assert.Equal(20f, v.Celsius);
    }
}

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

/// <summary>Auto changes over only past the other setpoint's deadband, from idle.</summary>
public class AutoChangeoverTests
{
    private static Board Idle(float indoorC)
    {
        // Heat 20 °C (deadband 0.5 K), cool 24 °C (deadband 0.5 K).
        var b = new Board(new TearableStore(), 5) { IndoorC = indoorC, OutdoorC = 15f, CoilC = 15f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Auto, out _));
        b.Run(5000);
        return b;
    }

    private static TopState After(Board b, float indoorC)
    {
        b.IndoorC = indoorC;
        b.Run(8000);
        return b.Core.Controller.State;
    }

    [Fact]
    public void From_cool_idle_heat_takes_over_only_below_the_heating_setpoint_minus_its_deadband()
    {
        Board b = Idle(23f);
        Assert.Equal(TopState.Cool, b.Core.Controller.State);
        Assert.Equal(TopState.Cool, After(b, 21f));
        Assert.Equal(TopState.Cool, After(b, 19.5f));
        Assert.Equal(TopState.Heat, After(b, 19.4375f));
    }

    [Fact]
    public void From_heat_idle_cool_takes_over_only_above_the_cooling_setpoint_plus_its_deadband()
    {
        Board b = Idle(21f);
        Assert.Equal(TopState.Heat, b.Core.Controller.State);
        Assert.Equal(TopState.Heat, After(b, 23f));
        Assert.Equal(TopState.Heat, After(b, 24.5f));
        Assert.Equal(TopState.Cool, After(b, 24.5625f));
    }
}

/// <summary>The defrost's own edges: the end temperature, the drip time, and what follows it.</summary>
public class DefrostSequenceEdgeTests
{
    /// <summary>Heating a 17 °C room at +1 °C outdoor, running for a minute; <paramref name="setting"/>/<paramref name="value"/> set first if given.</summary>
    private static Board HeatRunning(SettingId? setting = null, int value = 0)
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 17f, OutdoorC = 1f, CoilC = 1f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        if (setting.HasValue) Assert.True(b.Settings.TrySet(setting.Value, value, out _));
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Running, 20 * 60_000));
        b.Run(60_000);
        return b;
    }

    private static Board Melting(float indoorC, SettingId? setting = null, int value = 0)
    {
        Board b = HeatRunning(setting, value);
        b.DefrostRequest = true;
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Melting, 5 * 60_000));
        b.IndoorC = indoorC;
        return b;
    }

    [Fact]
    public void Melting_ends_when_the_coil_reaches_the_end_temperature_exactly_and_drips_for_the_drip_time()
    {
        Board b = Melting(17f);
        b.CoilC = 14.9375f;
        b.Run(3000);
        Assert.Equal(SubState.Melting, b.Core.Controller.Sub);

        // The Board's coil model moves the coil; hold it at the end temperature for the reading.
        b.CoilC = 15f;
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Drip, 5000));
        long dripFrom = b.Core.Guard.Feedback(b.NowMs).CompressorSinceMs;
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub != SubState.Drip, 5 * 60_000));
        Assert.Equal(dripFrom + 60_000, b.NowMs);
    }

    [Fact]
    public void Melting_ends_on_the_tick_the_coil_reads_the_end_temperature_not_one_later()
    {
        Board b = Melting(17f);

        // Drive the coil reading directly (plausible steps of 0.25 K a second), not through the Board's model.
        for (float c = MathF.Floor(b.CoilC); c < 15f; c += 0.25f)
        {
            b.CoilC = MathF.Min(c, 14.9375f);
            b.Tick();
            Assert.Equal(SubState.Melting, b.Core.Controller.Sub);
        }

        b.CoilC = 15f;
        b.Tick();
        Assert.Equal(SubState.Drip, b.Core.Controller.Sub);
    }

    [Fact]
    public void The_defrost_output_stays_on_through_the_drip()
    {
        Board b = Melting(17f);
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Drip, 15 * 60_000));
        int dripTicks = 0;
        while (b.Core.Controller.Sub == SubState.Drip)
        {
            Assert.True(b.Core.Outputs.Defrost, $"defrost output off {dripTicks} s into the drip");
            Assert.False(b.Core.Outputs.Compressor);
            b.Tick();
            dripTicks++;
        }

        Assert.Equal(60, dripTicks);
    }

    [Fact]
    public void With_aux_during_defrost_melting_runs_aux_heat_and_the_indoor_fan_at_minimum()
    {
        Board b = Melting(17f, SettingId.AuxDuringDefrost, 1);
        b.Tick();
        Assert.True(b.Core.Outputs.AuxHeat);
        Assert.Equal(0.7f, b.Core.Outputs.IndoorFanDuty, 3);
        Assert.Equal(0f, b.Core.Outputs.OutdoorFanDuty);
        Assert.True(b.Referee.Total == 0, b.Referee.FirstMessage);
    }

    [Fact]
    public void A_defrost_cancels_the_indoor_fan_run_on_so_no_air_crosses_the_coil_as_it_turns_cold()
    {
        Board b = HeatRunning();
        Assert.True(b.Core.Outputs.IndoorFanDuty > 0f);

        b.DefrostRequest = true;
        b.Tick();
        Assert.Equal(TopState.Defrost, b.Core.Controller.State);
        while (b.Core.Controller.Sub != SubState.Drip)
        {
            Assert.Equal(0f, b.Core.Outputs.IndoorFanDuty);
            b.Tick();
        }
    }

    [Fact]
    public void Heat_resumes_after_a_defrost_while_the_room_is_at_most_setpoint_plus_overrun()
    {
        // Heat setpoint 20 °C, overrun 0.5 K: at 20.5 °C the heat the defrost took is put back.
        Board b = Melting(20.5f);
        Assert.True(b.RunUntil(x => x.Core.Controller.State == TopState.Heat, 20 * 60_000));
        Assert.Equal(SubState.Running, b.Core.Controller.Sub);
        Assert.True(b.Core.Outputs.Compressor);
    }

    [Fact]
    public void A_switch_to_cool_during_a_defrost_finishes_the_defrost_and_goes_through_heat()
    {
        Board b = Melting(17f);
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Cool, out _));
        Assert.True(b.RunUntil(x => x.Core.Controller.State != TopState.Defrost, 20 * 60_000));
        Assert.True(b.RunUntil(x => x.Core.Controller.State == TopState.Cool, 20 * 60_000));

        // There is no Defrost → Cool in the table: the hand-over goes Defrost → Heat → Cool.
        Assert.Equal(0, b.Core.Controller.UnlistedTransitions);
        Assert.Equal(1, b.Core.Controller.TransitionVisits(HeatPump.Control.States.Row.DefrostToHeat));
        Assert.Equal(1, b.Core.Controller.TransitionVisits(HeatPump.Control.States.Row.HeatToCool));
        Assert.True(b.Referee.Total == 0, b.Referee.FirstMessage);
    }
}

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

