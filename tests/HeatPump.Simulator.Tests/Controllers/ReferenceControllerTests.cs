using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Controllers;
using HeatPump.Simulator.Kpi;
using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>
/// The reference controllers' thermostat and timed defrost board, driven by hand-made sensor
/// readings at 1 s ticks (default settings: O valve, heating setpoint 20 °C, min-off 300 s, quiet
/// shift 30 s, defrost ends at 15 °C or 600 s). Every trace is also judged by the safety referee.
/// </summary>
public class ReferenceControllerTests
{
    private sealed class Bench
    {
        private readonly SampledReferee _referee;

        public Bench(ReferenceController controller, ControllerSettings settings)
        {
            Controller = controller;
            _referee = new SampledReferee(settings);
        }

        public ReferenceController Controller { get; }

        public float IndoorC { get; set; } = 19.0f;

        public float OutdoorC { get; set; } = 0f;

        public float CoilC { get; set; } = -5f;

        public long NowS { get; private set; } = -1;

        private readonly RawInputs _reading = new();

        public OutputState Last { get; private set; }

        public int Violations => _referee.Violations;

        public OutputState Tick()
        {
            NowS++;
            _reading.NowMs = NowS * 1000;
            _reading.Indoor = SensorSample.Good(SensorSample.ToSixteenths(IndoorC));
            _reading.Outdoor = SensorSample.Good(SensorSample.ToSixteenths(OutdoorC));
            _reading.Coil = SensorSample.Good(SensorSample.ToSixteenths(CoilC));
            Last = Controller.Step(_reading, 0);
            _referee.Check(NowS * 1000, Last, _reading.Indoor, _reading.Outdoor);
            return Last;
        }

        /// <summary>Ticks until <paramref name="until"/> holds; returns the second it first held.</summary>
        public long RunUntil(Func<OutputState, bool> until, long limitS = 100_000)
        {
            while (NowS < limitS)
            {
                if (until(Tick()))
                {
                    return NowS;
                }
            }

            throw new Xunit.Sdk.XunitException("condition not reached by " + limitS + " s");
        }
    }

    private static ControllerSettings Heat()
    {
        var s = new ControllerSettings();
        s.TrySet(SettingId.Mode, (int)UserMode.Heat, out _);
        return s;
    }

    [Theory]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(90)]
    public void Timed_board_defrosts_after_its_interval_of_compressor_run_with_a_cold_coil(int minutes)
    {
        var s = Heat();
        var b = new Bench(ReferenceController.Timed(minutes, s), s);
        // The heat call is there from the start; the anti-short-cycle holds the compressor to 300 s.
        long start = b.RunUntil(o => o.Compressor);
        Assert.Equal(300, start);
        Assert.False(b.Last.ValveEnergised); // heating position (O valve)

        long defrost = b.RunUntil(o => o.Defrost);
        Assert.Equal(start + minutes * 60, defrost);
        Assert.False(b.Last.Compressor); // stops first, so the valve can shift quietly
        Assert.Equal(0, b.Violations);
    }

    [Fact]
    public void Timed_defrost_shifts_quietly_melts_with_the_fans_off_and_ends_on_time_when_the_coil_stays_cold()
    {
        var s = Heat();
        var b = new Bench(ReferenceController.Timed(60, s), s);
        long defrost = b.RunUntil(o => o.Defrost);          // 300 + 3600
        long shift = b.RunUntil(o => o.ValveEnergised);      // 30 s after the stop
        Assert.Equal(defrost + 30, shift);
        Assert.False(b.Last.Compressor);
        long melt = b.RunUntil(o => o.Compressor);           // next tick
        Assert.Equal(shift + 1, melt);
        Assert.True(b.Last.Defrost && b.Last.QuietShiftRestart);
        Assert.Equal(0f, b.Last.IndoorFanDuty);
        Assert.Equal(0f, b.Last.OutdoorFanDuty);

        long end = b.RunUntil(o => !o.Compressor);           // 10 min of reverse cycle
        Assert.Equal(melt + 600, end);
        Assert.Equal(DefrostEnd.MaxTime, b.Controller.LastDefrostEnd);
        long back = b.RunUntil(o => !o.ValveEnergised);
        Assert.Equal(end + 30, back);
        long restart = b.RunUntil(o => o.Compressor);        // the heat call is still there
        Assert.Equal(back + 1, restart);
        Assert.False(b.Last.Defrost);
        Assert.True(b.Last.QuietShiftRestart);
        Assert.Equal(1f, b.Last.IndoorFanDuty);
        Assert.Equal(0, b.Violations);
    }

    [Fact]
    public void Timed_defrost_ends_when_the_coil_reaches_15_degrees()
    {
        var s = Heat();
        var b = new Bench(ReferenceController.Timed(30, s), s);
        long melt = b.RunUntil(o => o.Compressor && o.Defrost);
        b.RunUntil(_ => b.NowS >= melt + 120);
        b.CoilC = 14.9f;
        b.Tick();
        Assert.True(b.Last.Compressor);
        b.CoilC = 15.0f;
        b.Tick();
        Assert.False(b.Last.Compressor);
        Assert.True(b.Last.Defrost);
        Assert.Equal(DefrostEnd.CoilTemperature, b.Controller.LastDefrostEnd);
        Assert.Equal(0, b.Violations);
    }

    [Fact]
    public void Run_time_with_a_coil_warmer_than_minus_one_degree_does_not_count()
    {
        var s = Heat();
        var b = new Bench(ReferenceController.Timed(30, s), s) { CoilC = -0.5f };
        b.RunUntil(_ => b.NowS >= 3 * 3600);
        Assert.True(b.Last.Compressor);
        Assert.False(b.Last.Defrost);
        Assert.Equal(0, b.Controller.FrostingRunMs);
    }

    [Fact]
    public void Frosting_run_time_adds_up_across_thermostat_cycles()
    {
        var s = Heat();
        var b = new Bench(ReferenceController.Timed(60, s), s);
        long start = b.RunUntil(o => o.Compressor);
        b.RunUntil(_ => b.NowS >= start + 40 * 60);
        b.IndoorC = 20.5f; // satisfied: the ±0.5 K thermostat stops at SP + 0.5
        long stop = b.RunUntil(o => !o.Compressor);
        Assert.Equal(start + 40 * 60 + 1, stop);
        b.RunUntil(_ => b.NowS >= stop + 20 * 60);
        b.IndoorC = 19.5f; // calls again at SP − 0.5
        long restart = b.RunUntil(o => o.Compressor);
        Assert.Equal(stop + 20 * 60 + 1, restart);
        // 40 min were banked (run from start to stop), 20 more are needed.
        long defrost = b.RunUntil(o => o.Defrost);
        Assert.Equal(restart + (60 * 60 - (stop - start)), defrost);
        Assert.Equal(0, b.Violations);
    }

    [Fact]
    public void Anti_short_cycle_holds_a_restart_for_five_minutes()
    {
        var s = Heat();
        var b = new Bench(ReferenceController.Timed(90, s), s);
        long start = b.RunUntil(o => o.Compressor);
        b.IndoorC = 21f;
        long stop = b.RunUntil(o => !o.Compressor);
        Assert.Equal(start + 1, stop); // a timed board has no minimum run
        b.IndoorC = 19f;
        long restart = b.RunUntil(o => o.Compressor);
        Assert.Equal(stop + 300, restart);
        Assert.Equal(0, b.Violations);
    }

    [Fact]
    public void Hysteresis_thermostat_has_a_0_3_K_tolerance_and_a_five_minute_minimum_cycle()
    {
        var s = Heat();
        var b = new Bench(ReferenceController.Hysteresis(s), s) { IndoorC = 19.75f };
        b.RunUntil(_ => b.NowS >= 600);
        Assert.False(b.Last.Compressor); // 19.75 is within 0.3 K of 20
        b.IndoorC = 19.6875f;            // 1/16 °C steps: the first reading at or below 19.7
        long start = b.RunUntil(o => o.Compressor);
        Assert.Equal(601, start);
        b.IndoorC = 22f;                 // satisfied at once, but held on for the minimum cycle
        long stop = b.RunUntil(o => !o.Compressor);
        Assert.Equal(start + 300, stop);
        b.IndoorC = 19f;
        long restart = b.RunUntil(o => o.Compressor);
        Assert.Equal(stop + 300, restart);
        Assert.Equal(0, b.Violations);
    }

    [Fact]
    public void Hysteresis_defrosts_on_the_90_minute_timed_board()
    {
        var s = Heat();
        var b = new Bench(ReferenceController.Hysteresis(s), s);
        long start = b.RunUntil(o => o.Compressor);
        long defrost = b.RunUntil(o => o.Defrost);
        Assert.Equal(start + 90 * 60, defrost);
    }

    [Fact]
    public void Heating_stops_below_the_low_ambient_lockout()
    {
        var s = Heat();
        var b = new Bench(ReferenceController.Timed(60, s), s);
        b.RunUntil(o => o.Compressor);
        b.OutdoorC = -25.5f;
        b.Tick();
        Assert.False(b.Last.Compressor);
        b.RunUntil(_ => b.NowS >= 2000);
        Assert.False(b.Last.Compressor);
        Assert.Equal(0, b.Violations);
    }

    [Fact]
    public void In_cool_mode_the_valve_shifts_to_cooling_before_the_first_start_and_there_is_no_defrost()
    {
        var s = new ControllerSettings();
        s.TrySet(SettingId.Mode, (int)UserMode.Cool, out _); // cool setpoint 24 °C
        var b = new Bench(ReferenceController.Timed(30, s), s) { IndoorC = 26f, OutdoorC = 30f, CoilC = -5f };
        long shift = b.RunUntil(o => o.ValveEnergised);
        Assert.Equal(30, shift); // power-up counts as a stop
        long start = b.RunUntil(o => o.Compressor);
        Assert.Equal(300, start);
        b.RunUntil(_ => b.NowS >= 3 * 3600);
        Assert.True(b.Last.Compressor);
        Assert.False(b.Last.Defrost);
        Assert.Equal(0, b.Violations);
    }
}
