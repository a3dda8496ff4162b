using Xunit;
using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Kpi;

namespace HeatPump.Simulator.Tests;

/// <summary>
/// The independent invariant checker: each kind of violation, made on purpose in a synthetic trace
/// of 1 s ticks, is flagged once; the same trace done right passes. Default settings: min-off 300 s,
/// quiet shift 30 s, defrost max 600 s, 6 starts an hour, heating lockout −20 °C.
/// </summary>
public class KpiInvariantTests
{
    private static readonly SensorSample Mild = SensorSample.Good(SensorSample.ToSixteenths(5f));

    /// <summary>Checks a trace given as (from second, character) segments: each character holds until the next segment; the run ends at <paramref name="endS"/>.</summary>
    private static InvariantChecker Check(int endS, params (int FromS, char C)[] segments)
    {
        return CheckWith(new ControllerSettings(), endS, _ => Mild, segments);
    }

    private static InvariantChecker CheckWith(ControllerSettings settings, int endS, Func<int, SensorSample> outdoor, params (int FromS, char C)[] segments)
    {
        var checker = new InvariantChecker(settings);
        int seg = 0;
        for (int t = 0; t < endS; t++)
        {
            while (seg + 1 < segments.Length && segments[seg + 1].FromS <= t)
            {
                seg++;
            }

            OutputState o = t < segments[0].FromS ? default : KpiTrace.At(segments[seg].C);
            checker.Check(t * 1000L, o, outdoor(t));
        }

        return checker;
    }

    [Fact]
    public void A_clean_trace_with_a_defrost_passes()
    {
        // Start at 300 s (power-up counts as a stop), run, stop into a defrost at 2000 s, shift the
        // valve at 2030 s, melt from 2031 s for 599 s, stop at 2630 s, shift back at 2660 s, restart
        // at 2661 s, stop at 4000 s, start again at 4300 s.
        InvariantChecker c = Check(6000, (0, '.'), (300, 'h'), (2000, 'd'), (2030, 'D'), (2031, 'M'), (2630, 'D'),
            (2660, 'd'), (2661, 'r'), (2662, 'h'), (4000, '.'), (4300, 'h'));
        Assert.Equal(0, c.Violations);
    }

    [Fact]
    public void I1_a_start_before_the_minimum_off_time_is_flagged()
    {
        // Power-up counts as a stop: a start at 299 s is one second early.
        Assert.Equal(1, Check(400, (0, '.'), (299, 'h')).Count(Invariant.I1MinOff));
        Assert.Equal(0, Check(400, (0, '.'), (300, 'h')).Count(Invariant.I1MinOff));
        // And after a run: stop at 1000 s, start again at 1200 s.
        InvariantChecker c = Check(1300, (0, '.'), (300, 'h'), (1000, '.'), (1200, 'h'));
        Assert.Equal(1, c.Count(Invariant.I1MinOff));
        Assert.Equal(1, c.Violations);
    }

    [Fact]
    public void I1_the_quiet_shift_restart_of_a_defrost_needs_only_the_shift_time_but_an_ordinary_start_does_not_get_that_exception()
    {
        // Into a defrost: stop 1000 s, valve at 1030 s, restart at 1031 s: allowed.
        Assert.Equal(0, Check(1100, (0, '.'), (300, 'h'), (1000, 'd'), (1030, 'D'), (1031, 'M')).Violations);
        // The same 31 s restart with no defrost around it is an ordinary start, 269 s too early.
        InvariantChecker c = Check(1100, (0, '.'), (300, 'h'), (1000, '.'), (1031, 'h'));
        Assert.Equal(1, c.Count(Invariant.I1MinOff));
    }

    [Fact]
    public void I2_the_valve_moving_under_a_running_compressor_or_too_soon_after_it_stopped_is_flagged()
    {
        // Heating, then cooling without stopping: the valve slams under pressure.
        InvariantChecker running = Check(1000, (0, '.'), (300, 'h'), (600, 'c'));
        Assert.Equal(1, running.Count(Invariant.I2QuietShift));
        // Stopped at 600 s into a defrost, valve moved 10 s later.
        InvariantChecker soon = Check(1000, (0, '.'), (300, 'h'), (600, 'd'), (610, 'D'));
        Assert.Equal(1, soon.Count(Invariant.I2QuietShift));
        // 30 s later is fine.
        Assert.Equal(0, Check(1000, (0, '.'), (300, 'h'), (600, 'd'), (630, 'D')).Violations);
    }

    [Fact]
    public void I3_a_reverse_cycle_running_past_the_maximum_defrost_time_is_flagged_once()
    {
        // Melting from 631 s: running at 631 + 600 = 1231 s is past the 600 s maximum.
        InvariantChecker over = Check(1400, (0, '.'), (300, 'h'), (600, 'd'), (630, 'D'), (631, 'M'), (1232, 'D'));
        Assert.Equal(1, over.Count(Invariant.I3DefrostMax));
        Assert.Equal(1, over.Violations);
        InvariantChecker exact = Check(1400, (0, '.'), (300, 'h'), (600, 'd'), (630, 'D'), (631, 'M'), (1231, 'D'));
        Assert.Equal(0, exact.Violations);
    }

    [Fact]
    public void I5_a_compressor_or_a_fan_started_in_fault_is_flagged()
    {
        var c = new InvariantChecker(new ControllerSettings());
        OutputState fault = default;
        fault.Fault = true;
        for (int t = 0; t < 100; t++)
        {
            c.Check(t * 1000L, fault, Mild);
        }

        Assert.Equal(0, c.Violations);
        OutputState fan = fault;
        fan.IndoorFanDuty = 0.5f;
        c.Check(100_000, fan, Mild);
        Assert.Equal(1, c.Count(Invariant.I5Fault));

        var d = new InvariantChecker(new ControllerSettings());
        OutputState compressor = fault;
        compressor.Compressor = true;
        for (int t = 400; t < 410; t++)
        {
            d.Check(t * 1000L, compressor, Mild);
        }

        // Ten ticks of the same breach are one violation.
        Assert.Equal(1, d.Count(Invariant.I5Fault));
    }

    [Fact]
    public void I6_heating_below_the_low_ambient_lockout_for_a_minute_is_flagged_but_a_one_tick_reading_is_not()
    {
        SensorSample cold = SensorSample.Good(SensorSample.ToSixteenths(-21f));
        var settings = new ControllerSettings();
        // Outdoor reads −21 °C from 600 s on, and the compressor keeps heating.
        InvariantChecker c = CheckWith(settings, 800, t => t >= 600 ? cold : Mild, (0, '.'), (300, 'h'));
        Assert.Equal(1, c.Count(Invariant.I6Lockout));
        // A single cold reading (a spike the board's validator would reject) is not blamed on the controller.
        InvariantChecker spike = CheckWith(settings, 800, t => t == 600 ? cold : Mild, (0, '.'), (300, 'h'));
        Assert.Equal(0, spike.Violations);
        // A defrost's reverse cycle is not heating nor cooling.
        InvariantChecker defrost = CheckWith(settings, 1400, t => t >= 600 ? cold : Mild, (0, '.'), (300, 'h'), (590, 'd'), (620, 'D'), (621, 'M'), (900, 'D'));
        Assert.Equal(0, defrost.Violations);
    }

    [Fact]
    public void I6_cooling_below_the_cooling_lockout_is_flagged()
    {
        // 5 °C outdoor is under the 12 °C cooling lockout.
        InvariantChecker c = Check(1000, (0, '.'), (31, 'D'), (300, 'c'));
        Assert.Equal(1, c.Count(Invariant.I6Lockout));
    }

    [Fact]
    public void I7_a_seventh_start_within_an_hour_is_flagged()
    {
        // Runs of 200 s with 300 s off: a start every 500 s, from 300 s. Starts 1..7 fall at
        // 300, 800, ..., 3300 s: seven within an hour, so the seventh breaks the cap of six.
        var segments = new List<(int, char)> { (0, '.') };
        for (int i = 0; i < 7; i++)
        {
            segments.Add((300 + 500 * i, 'h'));
            segments.Add((500 + 500 * i, '.'));
        }

        InvariantChecker c = Check(4000, segments.ToArray());
        Assert.Equal(1, c.Count(Invariant.I7StartsPerHour));
        Assert.Equal(0, c.Count(Invariant.I1MinOff));

        // Six starts, and a seventh one hour after the first: no violation.
        var spaced = new List<(int, char)> { (0, '.') };
        for (int i = 0; i < 6; i++)
        {
            spaced.Add((300 + 500 * i, 'h'));
            spaced.Add((500 + 500 * i, '.'));
        }

        spaced.Add((3900, 'h'));
        Assert.Equal(0, Check(4000, spaced.ToArray()).Violations);
    }

    [Fact]
    public void Each_violation_is_reported_with_its_time()
    {
        InvariantChecker c = Check(400, (0, '.'), (299, 'h'));
        Assert.Single(c.Messages);
        Assert.StartsWith("I1 at day 0 00:04:59", c.Messages[0]);
    }
}
