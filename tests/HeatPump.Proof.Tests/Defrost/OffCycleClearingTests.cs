using HeatPump.Control;
using HeatPump.Control.Defrost;
using Xunit;

namespace HeatPump.Proof.Tests.Defrost;

/// <summary>
/// In air above freezing a stopped coil sheds its ice by itself: the scheduler counts such a stop as
/// a clean coil, and near the end of a run it leaves the frost to the coming stop rather than spend
/// a defrost on it, unless the coil would ice past the limit first.
/// </summary>
public class OffCycleClearingTests : SchedulerFixture
{
    /// <summary>Compressor stopped for <paramref name="ms"/> with the coil probe at <paramref name="coilC"/>.</summary>
    private void Stopped(long ms, float outdoorC, float coilC)
    {
        for (long t = 0; t < ms; t += Second)
        {
            _d.Observe(Second, 0, true, outdoorC, true, coilC);
        }
    }

    [Fact]
    public void A_stop_that_warms_the_coil_above_freezing_for_two_minutes_clears_the_frost_count_and_relearns_the_clean_coil()
    {
        CalibrateAfterDefrost(3f, -5f);
        Heat(20 * Minute, 3f, -7f);
        long frosting = _d.FrostingRunMs;
        Assert.True(frosting >= 20 * Minute);

        // A coil held near 0 °C is still melting; at +1 °C the probe's own error could hide ice.
        Stop();
        Stopped(10 * Minute, 3f, 1f);
        Assert.Equal(frosting, _d.FrostingRunMs);

        // Ninety seconds above +1.5 °C is not yet enough, two minutes are.
        Stopped(90 * Second, 3f, 2.5f);
        Assert.Equal(frosting, _d.FrostingRunMs);
        Stopped(30 * Second, 3f, 2.5f);
        Assert.Equal(0, _d.FrostingRunMs);

        // The coil the air cleared teaches the clean-coil ΔT again, as after a defrost.
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, 3f, -6f);
        Assert.Equal(9f, _d.CleanAt(3f), 1);
        Assert.False(_d.Provisional);
    }

    [Fact]
    public void A_cold_stop_clears_nothing_and_the_frost_count_goes_on()
    {
        CalibrateAfterDefrost(-2f, -10f);
        Heat(20 * Minute, -2f, -12f);
        long frosting = _d.FrostingRunMs;
        Stop();
        Stopped(30 * Minute, -2f, -2.5f);
        Heat(10 * Minute, -2f, -12f);
        Assert.Equal(frosting + 10 * Minute, _d.FrostingRunMs);
    }

    /// <summary>
    /// Clean 8 K at +3 °C, then a stop the air cleared the coil in; then a run whose ΔT climbs
    /// <paramref name="deltaTRisePerMin"/> a minute from minute 6 while the room rises at <paramref name="roomRisePerMin"/> toward
    /// the thermostat's stop at 21.2 °C. Returns the minute of the run the defrost is due (or the
    /// run's length, if none).
    /// </summary>
    private long RunInAirThatClearsStops(float roomRisePerMin, float deltaTRisePerMin, long minutes)
    {
        CalibrateAfterDefrost(3f, -5f);
        Stop();
        Stopped(3 * Minute, 3f, 2.5f);
        long t = 0;
        for (; t < minutes * Minute && _d.Due == DefrostCause.None; t += Second)
        {
            float frostFor = t > 6 * Minute ? (t - 6 * Minute) / (float)Minute : 0f;
            _d.ObserveRoom(true, 20f + roomRisePerMin * t / Minute, 21.2f);
            Heat(Second, 3f, -5f - deltaTRisePerMin * frostFor);
        }

        return t / Minute;
    }

    [Fact]
    public void Near_the_end_of_a_run_in_air_that_clears_the_coil_the_defrost_is_left_to_the_stop()
    {
        // ΔT, climbing 0.15 K a minute, reaches the iced test (1.3 × 8 + 0.5 K, 4 min ahead) near
        // minute 22 of the run; the room, rising 0.05 K a minute, reaches the stop at 21.2 °C at
        // minute 24: the minutes of frost left cost less than a defrost, and ΔT stays under
        // 1.4 × 8 + 0.5 K until then.
        long due = RunInAirThatClearsStops(0.05f, 0.15f, 24);
        Assert.Equal(24, due);
        Assert.Equal(DefrostCause.None, _d.Due);
        Assert.True(_d.DeltaT > _d.TriggerDeltaT(3f));
    }

    [Fact]
    public void A_run_the_room_does_not_end_gets_its_defrost_as_before()
    {
        // Same frost, room not rising: the run does not end, so the defrost comes on the iced test.
        long due = RunInAirThatClearsStops(0f, 0.15f, 40);
        Assert.Equal(DefrostCause.Demand, _d.Due);
        Assert.InRange(due, 20, 23);
    }

    [Fact]
    public void A_coil_icing_fast_is_defrosted_even_when_the_stop_is_near()
    {
        // ΔT climbs 0.4 K a minute: by the stop the coil would be past 1.4 × clean, so the
        // defrost does not wait for it.
        long due = RunInAirThatClearsStops(0.05f, 0.4f, 30);
        Assert.Equal(DefrostCause.Demand, _d.Due);
        Assert.InRange(due, 8, 12);
    }
}
