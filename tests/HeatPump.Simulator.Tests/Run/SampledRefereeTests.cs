using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Referee;
using HeatPump.Simulator.Kpi;
using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>
/// The simulation's safety referee, fed raw sensor samples: a trace done right passes, a trace that
/// breaks a rule is flagged with the rule and the time, and what the raw samples cannot tell (a
/// spike, the power-on value, a dead sensor) is read as the board would. The rules themselves are
/// tested against the referee directly (tests/HeatPump.Proof.Tests/Protection/SafetyRefereeTests).
/// Default settings: min-off 300 s, quiet shift 30 s, defrost max 600 s, heating lockout −25 °C.
/// </summary>
public class SampledRefereeTests
{
    private static readonly SensorSample Mild = SensorSample.Good(SensorSample.ToSixteenths(5f));
    private static readonly SensorSample Room = SensorSample.Good(SensorSample.ToSixteenths(20f));
    private static readonly SensorSample Cold = SensorSample.Good(SensorSample.ToSixteenths(-26f));

    /// <summary>Judges a trace given as (from second, character) segments (<see cref="KpiTrace"/>): each character holds until the next; the run ends at <paramref name="endS"/>.</summary>
    private static SampledReferee Judge(int endS, Func<int, SensorSample> indoor, Func<int, SensorSample> outdoor, params (int FromS, char C)[] segments)
    {
        var referee = new SampledReferee(new ControllerSettings());
        int seg = 0;
        for (int t = 0; t < endS; t++)
        {
            while (seg + 1 < segments.Length && segments[seg + 1].FromS <= t)
            {
                seg++;
            }

            OutputState o = t < segments[0].FromS ? default : KpiTrace.At(segments[seg].C);
            referee.Check(t * 1000L, o, indoor(t), outdoor(t));
        }

        return referee;
    }

    private static SampledReferee Judge(int endS, params (int FromS, char C)[] segments) => Judge(endS, _ => Room, _ => Mild, segments);

    [Fact]
    public void A_clean_trace_with_a_defrost_passes()
    {
        // Start at 300 s (power-up counts as a stop), run, stop into a defrost at 2000 s, shift the
        // valve at 2030 s, melt from 2031 s for 599 s, stop at 2630 s, shift back at 2660 s, restart
        // at 2661 s, stop at 4000 s, start again at 4300 s.
        SampledReferee r = Judge(6000, (0, '.'), (300, 'h'), (2000, 'd'), (2030, 'D'), (2031, 'M'), (2630, 'D'),
            (2660, 'd'), (2661, 'r'), (2662, 'h'), (4000, '.'), (4300, 'h'));
        Assert.Equal(0, r.Violations);
    }

    [Fact]
    public void A_breach_is_reported_with_its_rule_and_time()
    {
        // The same 31 s restart with no defrost around it is an ordinary start, 269 s too early.
        SampledReferee r = Judge(1100, (0, '.'), (300, 'h'), (1000, '.'), (1031, 'h'));
        Assert.Equal(1, r.Referee.Count(Invariant.I1MinOff));
        Assert.Equal(new[] { "I1 at 1031000 ms: compressor started 31.0 s after the stop; needs 300.0 s (269.0 s short)" }, r.Messages);
    }

    [Fact]
    public void Heating_below_the_lockout_for_a_minute_is_flagged_but_a_spike_is_not()
    {
        SampledReferee held = Judge(800, _ => Room, t => t >= 600 ? Cold : Mild, (0, '.'), (300, 'h'));
        Assert.Equal(1, held.Referee.Count(Invariant.I6Lockout));
        Assert.StartsWith("I6 at 660000 ms: heating at -26.0 °C outdoors", held.Messages[0]);

        SampledReferee spike = Judge(800, _ => Room, t => t == 600 ? Cold : Mild, (0, '.'), (300, 'h'));
        Assert.Equal(0, spike.Violations);
    }

    [Fact]
    public void The_power_on_value_and_a_sensor_silent_for_30_s_are_not_readings()
    {
        // 85.0 °C is what a DS18B20 says before its first conversion: not an outdoor temperature.
        SensorSample powerOn = SensorSample.Good(85 * 16);
        SampledReferee hot = Judge(800, _ => Room, t => t >= 600 ? powerOn : Cold, (0, '.'), (300, 'h'));
        Assert.Equal(1, hot.Referee.Count(Invariant.I6Lockout));

        // The outdoor sensor stops answering: after 30 s its last reading no longer counts.
        SensorSample dead = SensorSample.Failed(SampleStatus.NoResponse);
        SampledReferee silent = Judge(800, _ => Room, t => t < 400 ? Mild : t < 410 ? Cold : dead, (0, '.'), (300, 'h'));
        Assert.Equal(0, silent.Violations);

        // The indoor sensor stops answering: from 30 s on, the compressor runs without a valid reading (I4).
        SampledReferee blind = Judge(800, t => t < 500 ? Room : dead, _ => Mild, (0, '.'), (300, 'h'));
        Assert.Equal(1, blind.Referee.Count(Invariant.I4IndoorReading));
        Assert.StartsWith("I4 at 529000 ms", blind.Messages[0]);
    }
}
