using HeatPump.Control;
using HeatPump.Control.Defrost;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Proof.Tests.Defrost;

/// <summary>A scheduler on default settings, stepped in 1 s ticks of heating run.</summary>
public abstract class SchedulerFixture
{
    protected const long Second = 1000;
    protected const long Minute = 60_000;

    protected readonly ControllerSettings _s = new();
    protected readonly DefrostScheduler _d;
    private long _run;

    protected SchedulerFixture()
    {
        _d = new DefrostScheduler(_s);
    }

    /// <summary>Runs in heat for <paramref name="ms"/> in 1 s ticks with the given readings.</summary>
    protected void Heat(long ms, float outdoorC, float coilC, bool outdoorValid = true, bool coilValid = true)
    {
        for (long t = 0; t < ms; t += Second)
        {
            _run += Second;
            _d.Observe(Second, _run, outdoorValid, outdoorC, coilValid, coilC);
        }
    }

    /// <summary>A defrost, then a settled run at the given readings: a clean-coil ΔT learned, not provisional.</summary>
    protected void CalibrateAfterDefrost(float outdoorC, float coilC)
    {
        Heat(Minute, outdoorC, coilC);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, outdoorC, coilC);
        Assert.True(_d.Calibrated && !_d.Provisional);
    }

    /// <summary>From a coil 6 K below 0 °C air, frost builds ΔT by <paramref name="kPerMinute"/> until a demand defrost is called (within an hour).</summary>
    protected void FrostUntilDemand(float kPerMinute)
    {
        long t = 0;
        while (_d.Due == DefrostCause.None && t < 60 * Minute)
        {
            Heat(Second, 0f, -6f - kPerMinute * t / Minute);
            t += Second;
        }

        Assert.Equal(DefrostCause.Demand, _d.Due);
    }

    /// <summary>The compressor stops for one tick.</summary>
    protected void Stop()
    {
        _run = 0;
        _d.Observe(Second, 0, true, 0f, true, 0f);
    }
}

/// <summary>
/// The defrost scheduler on its own, tick by tick: what counts as frosting run time, when each
/// strategy calls a defrost (to the second), how the clean-coil ΔT is learned and carried along
/// the outdoor temperature. Defaults: interval 60 min, frosting at coil ≤ −1 °C, demand margin 1.5 K, coil below +2 °C, 30 min between demand defrosts,
/// backstop 6 h.
/// </summary>
public class DefrostSchedulerTests : SchedulerFixture
{
    [Fact]
    public void Frosting_run_time_counts_with_a_coil_at_or_below_minus_one_whatever_the_outdoor_air()
    {
        Heat(10 * Minute, 5f, -1f);
        Assert.Equal(10 * Minute, _d.FrostingRunMs);
        Assert.Equal(10 * Minute, _d.RunSinceDefrostMs);

        Heat(5 * Minute, 5f, -0.9f);
        Assert.Equal(10 * Minute, _d.FrostingRunMs);
        Assert.Equal(15 * Minute, _d.RunSinceDefrostMs);

        // A coil at −5 °C in +7.5 °C air frosts in near-saturated air: its run counts too.
        Heat(5 * Minute, 7.5f, -5f);
        Assert.Equal(15 * Minute, _d.FrostingRunMs);

        Heat(5 * Minute, 12f, 3f);
        Assert.Equal(15 * Minute, _d.FrostingRunMs);

        // Stopped: nothing counts.
        _d.Observe(Minute, 0, true, 0f, true, -5f);
        Assert.Equal(15 * Minute, _d.FrostingRunMs);
        Assert.Equal(25 * Minute, _d.RunSinceDefrostMs);
    }

    [Fact]
    public void Time_temperature_calls_the_defrost_at_the_interval_to_the_second()
    {
        Assert.True(_s.TrySet(SettingId.DefrostStrategy, 1, out _));
        Heat(60 * Minute - Second, 0f, -5f);
        Assert.Equal(DefrostCause.None, _d.Due);
        Heat(Second, 0f, -5f);
        Assert.Equal(DefrostCause.Interval, _d.Due);
    }

    [Fact]
    public void Without_a_coil_reading_time_alone_decides_and_the_scheduler_says_so()
    {
        Heat(60 * Minute - Second, 0f, 20f, coilValid: false);
        Assert.True(_d.TimeOnly);
        Assert.Equal(DefrostCause.None, _d.Due);
        Heat(Second, 0f, 20f, coilValid: false);
        Assert.Equal(DefrostCause.TimeOnly, _d.Due);

        // Without a coil nothing says the coil is clear: the clock runs whatever the outdoor air.
        var d = new DefrostScheduler(_s);
        for (int i = 0; i < 60; i++)
        {
            d.Observe(Minute, (i + 1) * Minute, true, 8f, false, 0f);
        }

        Assert.Equal(DefrostCause.TimeOnly, d.Due);
    }

    [Fact]
    public void Without_an_outdoor_reading_the_demand_strategy_falls_back_to_the_interval()
    {
        Heat(60 * Minute - Second, 0f, -5f, outdoorValid: false);
        Assert.Equal(DefrostCause.None, _d.Due);
        Heat(Second, 0f, -5f, outdoorValid: false);
        Assert.Equal(DefrostCause.Interval, _d.Due);
        Assert.False(_d.TimeOnly);
    }

    [Fact]
    public void The_clean_coil_delta_t_is_learned_after_settling_and_is_provisional_until_a_defrost()
    {
        // 0 °C outdoor, coil −6 °C: ΔT 6 K.
        Heat(DefrostScheduler.SettleMs - Second, 0f, -6f);
        Assert.False(_d.Calibrated);
        Heat(DefrostScheduler.LearnMs + Second, 0f, -6f);
        Assert.True(_d.Calibrated);
        Assert.True(_d.Provisional, "learned without a defrost before it: the coil may already carry frost");
        Assert.Equal(6f, _d.CleanDeltaT, 3);
        Assert.Equal(0f, _d.CleanAtOutdoorC, 3);
        float margin = _s.Tenths(SettingId.DemandMargin);
        Assert.Equal(6f + margin, _d.TriggerDeltaT(0f), 3);
        Assert.Equal(6f + margin + DefrostScheduler.PriorSlope * -5f, _d.TriggerDeltaT(-5f), 3);

        // While provisional the interval still bounds the wait.
        Heat(60 * Minute, 0f, -6f);
        Assert.Equal(DefrostCause.Interval, _d.Due);

        _d.DefrostStarted();
        Assert.Equal(0, _d.RunSinceDefrostMs);
        _d.CountDefrostRun(5 * Minute);
        _d.DefrostEnded();
        Assert.Equal(0, _d.FrostingRunMs);
        Assert.Equal(5 * Minute, _d.RunSinceDefrostMs);
        Assert.Equal(DefrostCause.None, _d.Due);
        Assert.False(_d.Provisional);
    }

    [Fact]
    public void Reset_forgets_everything_learned_as_at_power_up()
    {
        Heat(Minute, 0f, -6f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs + 40 * Minute, 0f, -12f);
        Assert.True(_d.Calibrated);
        Assert.NotEqual(0, _d.FrostingRunMs);

        _d.Reset();
        Assert.False(_d.Calibrated);
        Assert.False(_d.Provisional);
        Assert.Equal(0, _d.FrostingRunMs);
        Assert.Equal(0, _d.RunSinceDefrostMs);
        Assert.Equal(0f, _d.CleanDeltaT);
        Assert.Equal(0f, _d.DeltaT);
        Assert.Equal(DefrostCause.None, _d.Due);

        // Learned again after a reset, it is provisional: no defrost has been seen since.
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, 0f, -6f);
        Assert.True(_d.Provisional);
    }

    [Fact]
    public void A_stop_with_under_a_minute_of_the_learning_window_starts_it_again_and_one_with_more_teaches()
    {
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnShortestMs / 2, 0f, -6f);
        Stop();
        Assert.False(_d.Calibrated);
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnShortestMs / 2, 0f, -6f);
        Assert.False(_d.Calibrated);
        Heat(DefrostScheduler.LearnShortestMs, 0f, -6f);
        Assert.False(_d.Calibrated);
        Stop();
        Assert.True(_d.Calibrated);
        Assert.Equal(6f, _d.CleanAt(0f), 2);
    }

    [Fact]
    public void Demand_defrost_comes_when_the_growing_frost_has_cost_as_much_as_a_defrost()
    {
        // A defrost first, so the learned ΔT (6 K) is not provisional.
        Heat(Minute, 0f, -6f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, 0f, -6f);
        Assert.True(_d.Calibrated);
        Assert.False(_d.Provisional);

        // Frost builds: ΔT rises 0.05 K a minute, a relative rise r(t) = t/120. The frost has cost as
        // much as a defrost when t·r(t) − ∫r = t²/240 reaches 6, near minute 38 (the filter lags a
        // minute): past the 7.5 K trigger (minute 30) and short of iced (1.3 × 6 + 0.5 = 8.3 K).
        long t = 0;
        for (; t < 36 * Minute && _d.Due == DefrostCause.None; t += Second)
        {
            Heat(Second, 0f, -6f - 0.05f * t / Minute);
        }

        Assert.Equal(DefrostCause.None, _d.Due);
        Assert.True(_d.DeltaT > _d.TriggerDeltaT(0f));
        for (; t < 45 * Minute && _d.Due == DefrostCause.None; t += Second)
        {
            Heat(Second, 0f, -6f - 0.05f * t / Minute);
        }

        Assert.Equal(DefrostCause.Demand, _d.Due);
        Assert.True(_d.FrostPenalty >= DefrostScheduler.DefrostCostRiseMin);
        Assert.InRange(t, 37 * Minute, 40 * Minute);
    }

    [Fact]
    public void A_fast_rising_delta_t_is_cleared_as_iced_before_it_reaches_the_iced_level()
    {
        // Clean 6 K; ΔT then climbs 0.3 K a minute (a coil icing fast behind a lagging probe). The
        // iced level is 1.3 × 6 + 0.5 = 8.3 K; looking 4 min ahead along the rise the defrost comes
        // about a minute after the 7.5 K trigger, well short of 8.3 K.
        Heat(Minute, 0f, -6f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, 0f, -6f);
        long t = 0;
        for (; t < 20 * Minute && _d.Due == DefrostCause.None; t += Second)
        {
            Heat(Second, 0f, -6f - 0.3f * t / Minute);
        }

        Assert.Equal(DefrostCause.Demand, _d.Due);
        Assert.True(_d.RunSinceDefrostMs < 30 * Minute);
        Assert.InRange(_d.DeltaT, _d.TriggerDeltaT(0f), _d.IcedTriggerDeltaT(0f) - 0.3f);
    }

    [Fact]
    public void Runs_cut_short_after_a_defrost_do_not_teach_a_frosted_coil_as_clean()
    {
        // Clean 6 K learned after a defrost; then a defrost, and the thermostat stops the next runs
        // after 4 min each, before a learning window is full, while the coil frosts.
        CalibrateAfterDefrost(0f, -6f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        for (int i = 0; i < 3; i++)
        {
            Stop();
            Heat(4 * Minute, 0f, -6f - i);
        }

        // A long run on a coil now 3 K colder: the old clean value stands.
        Stop();
        Heat(20 * Minute, 0f, -9f);
        Assert.Equal(6f, _d.CleanAt(0f), 2);
    }

    [Fact]
    public void A_delta_t_that_stands_above_the_trigger_without_growing_is_not_frost_building()
    {
        // The learned clean-coil ΔT was 6 K, the coil now runs steadily 1.7 K colder (a dirtier coil,
        // a weaker fan): past the trigger, but nothing grows, so a defrost would buy nothing.
        Heat(Minute, 0f, -6f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, 0f, -6f);
        Stop();
        Heat(2 * 60 * Minute, 0f, -7.7f);
        Assert.True(_d.DeltaT > _d.TriggerDeltaT(0f));
        Assert.Equal(DefrostCause.None, _d.Due);
    }

    [Fact]
    public void An_iced_coil_is_defrosted_inside_the_minimum_interval_whatever_the_outdoor_air()
    {
        Heat(Minute, 7f, -2f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();

        // Clean: 9 K below +7 °C air. Frost doubles it: the coil reads −11 °C, far past the trigger.
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, 7f, -2f);
        Assert.True(_d.Calibrated && !_d.Provisional);
        Assert.Equal(DefrostCause.None, _d.Due);
        Heat(2 * Minute, 7f, -11f);
        Assert.True(_d.RunSinceDefrostMs < 30 * Minute);
        Assert.Equal(DefrostCause.Demand, _d.Due);
    }

    [Fact]
    public void A_coil_far_colder_than_any_clean_coil_is_defrosted_even_on_a_provisional_calibration()
    {
        // After power-up the first calibration is made on a coil already iced: ΔT 16 K learned as clean.
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, 4f, -12f);
        Assert.True(_d.Provisional);
        Assert.Equal(DefrostCause.None, _d.Due);

        // More than 20 K below the air: iced whatever was learned, long before the interval.
        Heat(3 * Minute, 4f, -16.5f);
        Assert.True(_d.FrostingRunMs < 60 * Minute);
        Assert.Equal(DefrostCause.Demand, _d.Due);
    }

    [Fact]
    public void A_probe_reading_the_coil_at_the_outdoor_air_cannot_stop_the_defrost_clock()
    {
        // A probe that has slipped off the coil reads the air: +0.5 °C while heating in +1 °C air.
        Heat(3 * Minute, 1f, 0.5f);
        Assert.True(_d.CoilImplausible);
        Assert.NotEqual(0, _d.FrostingRunMs);
        long toInterval = 60 * Minute - _d.FrostingRunMs;
        Heat(toInterval - Second, 1f, 0.5f);
        Assert.Equal(DefrostCause.None, _d.Due);
        Heat(Second, 1f, 0.5f);
        Assert.Equal(DefrostCause.Interval, _d.Due);
        Assert.False(_d.Calibrated, "no calibration is learned from a probe that is not on the coil");
    }

    [Fact]
    public void The_slope_is_learned_from_clean_coil_readings_after_defrosts_and_starts_at_the_prior()
    {
        Assert.Equal(DefrostScheduler.PriorSlope, _d.CleanSlope);

        // A unit whose clean ΔT grows in the cold, −0.1 K/K: 8 K at 0 °C, 9 K at −10 °C, 7 K at +10 °C.
        float[] outdoor = { 0f, -10f, 10f };
        for (int round = 0; round < 4; round++)
        {
            foreach (float o in outdoor)
            {
                Heat(Minute, o, o - 8f + 0.1f * o);
                _d.DefrostStarted();
                _d.DefrostEnded();
                Stop();
                Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, o, o - (8f - 0.1f * o));
                Stop();
            }
        }

        Assert.Equal(12, _d.CleanReadings);
        Assert.InRange(_d.CleanSlope, -0.1f, 0f);
        Assert.True(_d.CleanSlope < DefrostScheduler.PriorSlope - 0.2f, $"slope {_d.CleanSlope}: the data outweigh the prior");
        Assert.Equal(_d.CleanDeltaT + _d.CleanSlope * -5f, _d.CleanAt(_d.CleanAtOutdoorC - 5f), 3);

        // A power cut forgets it: the prior again until defrosts teach it anew.
        _d.Reset();
        Assert.Equal(DefrostScheduler.PriorSlope, _d.CleanSlope);
        Assert.Equal(0, _d.CleanReadings);
    }

    [Fact]
    public void Demand_waits_while_delta_t_stays_within_the_margin_and_the_backstop_ends_the_wait()
    {
        Heat(Minute, 0f, -6f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, 0f, -6f);

        // 0.1 K short of the margin above clean, for hours.
        float coil = -6f - _s.Tenths(SettingId.DemandMargin) + 0.1f;
        Heat(120 * Minute, 0f, coil);
        Assert.Equal(DefrostCause.None, _d.Due);
        long toBackstop = 360 * Minute - _d.FrostingRunMs;
        Heat(toBackstop - Second, 0f, coil);
        Assert.Equal(DefrostCause.None, _d.Due);
        Heat(Second, 0f, coil);
        Assert.Equal(DefrostCause.Backstop, _d.Due);
    }

    /// <summary>Heats at the readings until the backstop is due; the frosting run since the last defrost then, minutes.</summary>
    private long RunToBackstop(float coilC)
    {
        while (_d.Due == DefrostCause.None && _d.FrostingRunMs < 48 * 60 * Minute)
        {
            Heat(Second, 0f, coilC);
        }

        Assert.Equal(DefrostCause.Backstop, _d.Due);
        return _d.FrostingRunMs / Minute;
    }

    /// <summary>The defrost that is due, and the settled run after it learning a clean coil at 6 K.</summary>
    private void DefrostAndRelearnClean()
    {
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, 0f, -6f);
    }

    /// <summary>Calibrated at 0 °C, one backstop on a clean coil: the next backstop waits 12 h.</summary>
    private void StretchOnce()
    {
        CalibrateAfterDefrost(0f, -6f);
        RunToBackstop(-6f);
        DefrostAndRelearnClean();
        Assert.Equal(2, _d.BackstopStretch);
    }

    [Fact]
    public void Backstop_defrosts_that_find_a_clean_coil_stretch_the_next_backstop_to_at_most_four_times_its_setting()
    {
        // Dry cold: the coil never frosts, the demand test rightly waits, and each backstop defrost
        // is followed by a clean ΔT equal to the one it was called at.
        CalibrateAfterDefrost(0f, -6f);
        var waits = new long[5];
        for (int i = 0; i < waits.Length; i++)
        {
            waits[i] = RunToBackstop(-6f);
            DefrostAndRelearnClean();
        }

        Assert.Equal(new long[] { 360, 720, 1440, 1440, 1440 }, waits);
        Assert.Equal(DefrostScheduler.MaxBackstopStretch, _d.BackstopStretch);
    }

    [Fact]
    public void A_backstop_defrost_that_finds_frost_puts_the_backstop_back_at_its_setting()
    {
        StretchOnce();
        RunToBackstop(-6f);
        DefrostAndRelearnClean();
        Assert.Equal(4, _d.BackstopStretch);

        // Frost the ΔT shows at 1.4 K over clean, within the demand margin and not growing: the demand
        // test holds off, the backstop calls at 24 h, and the clean ΔT learned after it is 1.4 K lower.
        Assert.Equal(1440, RunToBackstop(-7.4f));
        DefrostAndRelearnClean();
        Assert.Equal(1, _d.BackstopStretch);
        Assert.Equal(360, RunToBackstop(-6f));
    }

    [Fact]
    public void A_slow_rise_the_demand_margin_alone_held_off_keeps_the_backstop_at_its_setting()
    {
        StretchOnce();

        // Frost building 0.8 K over 12 h: under the 1.5 K margin, and at the call under the ΔT the
        // defrost is judged clean by (1.15 × 6 K); but the frost account has long passed a defrost's cost.
        long start = _d.FrostingRunMs;
        while (_d.Due == DefrostCause.None)
        {
            Heat(Second, 0f, -6f - 0.8f * (_d.FrostingRunMs - start) / (720f * Minute - start));
        }

        Assert.Equal(DefrostCause.Backstop, _d.Due);
        Assert.True(_d.FrostPenalty >= DefrostScheduler.DefrostCostRiseMin, $"frost account {_d.FrostPenalty}");
        DefrostAndRelearnClean();
        Assert.Equal(1, _d.BackstopStretch);
    }

    [Fact]
    public void A_backstop_called_as_a_run_starts_stretches_nothing_nor_does_a_defrost_asked_for_with_none_due()
    {
        CalibrateAfterDefrost(0f, -6f);
        Heat(360 * Minute - _d.FrostingRunMs - 10 * Second, 0f, -6f);
        Stop();

        // Ten seconds into the next run the coil is still cooling down: its ΔT says nothing of frost.
        Heat(10 * Second, 0f, -6f);
        Assert.Equal(DefrostCause.Backstop, _d.Due);
        DefrostAndRelearnClean();
        Assert.Equal(1, _d.BackstopStretch);

        // A defrost asked for with nothing due, on the same clean coil.
        DefrostAndRelearnClean();
        Assert.Equal(1, _d.BackstopStretch);
    }

    [Fact]
    public void Air_more_than_two_kelvin_warmer_than_the_clean_finding_puts_the_backstop_back_at_its_setting()
    {
        StretchOnce();

        // Up to 2 K warmer than the 6 h the backstop found clean, the stretch holds; warmer air can
        // carry the moisture the coil was spared in the cold, and the backstop is back at 6 h.
        Heat(60 * Minute, 2f, -4f);
        Assert.Equal(2, _d.BackstopStretch);
        Heat(Second, 2.1f, -3.9f);
        Assert.Equal(1, _d.BackstopStretch);
        while (_d.Due == DefrostCause.None && _d.FrostingRunMs < 720 * Minute)
        {
            Heat(Second, 2.1f, -3.9f);
        }

        Assert.Equal(DefrostCause.Backstop, _d.Due);
        Assert.Equal(360, _d.FrostingRunMs / Minute);
    }

    [Fact]
    public void After_a_power_cut_the_backstop_is_back_at_its_setting()
    {
        StretchOnce();

        _d.Reset();
        Assert.Equal(1, _d.BackstopStretch);
    }

    [Fact]
    public void Demand_needs_a_coil_below_two_degrees()
    {
        Heat(Minute, 5f, -1f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs, 5f, -1f);
        Heat(40 * Minute, 5f, 2f);
        Assert.Equal(DefrostCause.None, _d.Due);
    }

    [Fact]
    public void The_delta_t_filter_follows_a_step_with_a_one_minute_time_constant()
    {
        Heat(DefrostScheduler.SettleMs, 0f, -6f);
        Assert.Equal(6f, _d.DeltaT, 3);
        Heat(Minute, 0f, -12f);

        // After one time constant a first-order filter has covered 1 − 1/e of the step (in 1 s steps, about 63 %).
        float covered = (_d.DeltaT - 6f) / 6f;
        Assert.InRange(covered, 0.60f, 0.66f);
    }

    /// <summary>
    /// A run on a coil that frosts from the moment it freezes: the coil and its probe cool down to
    /// the clean-coil ΔT with a <paramref name="coolDownMinutes"/> time constant while frost adds
    /// <paramref name="frostKPerMinute"/> from a minute in; the reading the scheduler gets at run time <paramref name="t"/>.
    /// </summary>
    private static float FrostingCoil(float outdoorC, float cleanK, float frostKPerMinute, float coolDownMinutes, long t)
    {
        float minutes = t / (float)Minute;
        float frost = minutes > 1f ? frostKPerMinute * (minutes - 1f) : 0f;
        return outdoorC - cleanK * (1f - MathF.Exp(-minutes / coolDownMinutes)) - frost;
    }

    [Fact]
    public void A_coil_that_frosts_too_fast_to_settle_clean_learns_its_clean_delta_t_with_the_frost_backed_out()
    {
        // Clean 10 K at +3 °C; frost adds 0.5 K a minute from the first minute, behind a cool-down
        // of 1.5 min. The run settles on frost with the coil already 3 K colder than clean: learned
        // as it reads, less at most 12 %, the clean value stood 10-20 % high and the iced test
        // fired only with half the coil iced.
        CalibrateAfterDefrost(3f, -7f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();
        int before = _d.CleanReadings;
        long t = 0;
        for (; t < 30 * Minute && _d.Due == DefrostCause.None; t += Second)
        {
            Heat(Second, 3f, FrostingCoil(3f, 10f, 0.5f, 1.5f, t));
        }

        _d.DefrostStarted();
        Assert.Equal(before + 1, _d.CleanReadings);
        Assert.InRange(_d.CleanAt(3f), 9.3f, 10.7f);

        // The defrost came by the iced level of the clean coil: 13.5 K, 7 minutes of frost.
        Assert.InRange(t, 6 * Minute, 10 * Minute);
    }

    [Theory]
    [InlineData(0.5f)]   // frost still rising at ten minutes
    [InlineData(0f)]     // a clean coil whose cool-down from the defrost still shows at ten minutes
    public void A_run_settled_by_its_ten_minutes_learns_the_clean_coil_whether_it_frosts_or_still_cools(float frostKPerMinute)
    {
        // Clean 9 K at −1 °C. The run after a defrost starts from a coil at +18 °C, 28 K above where
        // it runs; behind a slow probe its rise dies away by 0.67 a minute. Once below freezing the
        // coil frosts at a steady rise. Learned as it read, less up to 12 %, the clean coil came out
        // 17 % low (the tail taken for frost) and the frosting one 22 % high; now both within 7 %.
        CalibrateAfterDefrost(-1f, -10f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();
        int before = _d.CleanReadings;
        float frozeAt = -1f;
        for (long t = 0; t < 13 * Minute; t += Second)
        {
            float minutes = t / (float)Minute;
            float coil = -10f + 28f * MathF.Exp(-minutes / 2.5f);
            if (frozeAt < 0f && coil < 0f)
            {
                frozeAt = minutes;
            }

            Heat(Second, -1f, coil - (frozeAt >= 0f ? frostKPerMinute * (minutes - frozeAt) : 0f));
        }

        Stop();
        Assert.Equal(before + 1, _d.CleanReadings);
        Assert.InRange(_d.CleanAt(-1f), 8.4f, 9.7f);
    }

    [Fact]
    public void A_unit_whose_clean_coil_runs_colder_than_the_uncalibrated_bound_gets_one_defrost_not_one_every_run()
    {
        // Power-up at −18 °C on a unit whose clean coil runs 17 K below its air (13 K at 0 °C, rising
        // 0.25 K/K into the cold): nothing learned, 17 K is past the 16 K any documented clean coil
        // stays under, and the first run is defrosted before it settles.
        long t = 0;
        for (; t < 10 * Minute && _d.Due == DefrostCause.None; t += Second)
        {
            Heat(Second, -18f, -18f - 17f * (1f - MathF.Exp(-t / (float)Minute)));
        }

        Assert.Equal(DefrostCause.Demand, _d.Due);
        _d.DefrostStarted();
        _d.DefrostEnded();

        // The coil that defrost cleared is learned before anything judges it: five hours of
        // 40-minute runs call no defrost (each run was defrosted as it began, the house cold).
        for (int run = 0; run < 8; run++)
        {
            Stop();
            for (t = 0; t < 40 * Minute; t += Second)
            {
                Heat(Second, -18f, -18f - 17f * (1f - MathF.Exp(-t / (float)Minute)));
                Assert.True(DefrostCause.None == _d.Due, $"run {run} at {t / 1000} s: {_d.Due}, ΔT {_d.DeltaT:F1}, calibrated {_d.Calibrated}");
            }
        }

        Assert.InRange(_d.CleanAt(-18f), 16.5f, 17.5f);
    }

    [Fact]
    public void At_power_up_a_coil_frosting_fast_is_calibrated_as_it_settles_and_defrosted_before_half_iced()
    {
        // Nothing learned yet, +5 °C near-saturated air: clean 10 K, frost 0.6 K a minute. Before a
        // calibration only a coil 16 K below its air counts as iced (here at 11 min, ΔT 16 K: over
        // half the coil iced on a unit whose ΔT grows 1.3 × the iced share).
        long t = 0;
        for (; t < 30 * Minute && _d.Due == DefrostCause.None; t += Second)
        {
            Heat(Second, 5f, FrostingCoil(5f, 10f, 0.6f, 1.5f, t));
        }

        Assert.Equal(DefrostCause.Demand, _d.Due);
        Assert.True(_d.Calibrated && _d.Provisional);
        Assert.True(_d.DeltaT < 15f, $"called at ΔT {_d.DeltaT:F1} K after {t / Minute} min");
    }

    [Fact]
    public void Before_its_band_is_learned_a_coil_iced_past_the_carried_clean_delta_t_and_its_slope_spread_is_defrosted()
    {
        // Clean 6 K learned at 0 °C; after a defrost the next run is at +5 °C, a band without a
        // reading. Carried along the prior slope, clean is 6.9 K there, and the slopes of the units
        // documented may put it 1.5 K higher: iced at 1.3 × 8.4 + 0.5 = 11.4 K.
        CalibrateAfterDefrost(0f, -6f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();

        // A coil that reaches 11 K and rises no more is a clean coil of another slope: left alone.
        Heat(Minute, 5f, -6f);
        Assert.Equal(DefrostCause.None, _d.Due);
        Stop();
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();

        // One whose ΔT climbs 8 K a minute from the start never settles (its rise never slows):
        // it is defrosted once the filtered ΔT passes 11.4 K, 2.4 min into its run.
        long t = 0;
        for (; t < 3 * Minute && _d.Due == DefrostCause.None; t += Second)
        {
            Heat(Second, 5f, 5f - 8f * t / Minute);
        }

        Assert.Equal(DefrostCause.Demand, _d.Due);
        Assert.InRange(_d.DeltaT, 11.4f, 11.6f);
    }
}

/// <summary>The scheduler's boundaries, to the tick.</summary>
public class DefrostSchedulerBoundaryTests : SchedulerFixture
{
    /// <summary>A defrost, then a full clean-coil learning run at <paramref name="outdoorC"/>: calibrated, not provisional.</summary>
    [Fact]
    public void Learning_takes_exactly_the_settle_time_plus_the_learning_window_and_averages_both_temperatures()
    {
        // A steady ΔT settles at the first minute's check at or after the settle time (the run's
        // first reading at 1 s starts the minutes), then the window fills.
        Heat(DefrostScheduler.SettleMs + DefrostScheduler.LearnMs - Second, -4f, -11f);
        Assert.False(_d.Calibrated);
        Heat(Second, -4f, -11f);
        Assert.True(_d.Calibrated);
        Assert.Equal(-4f, _d.CleanAtOutdoorC, 3);
        Assert.Equal(7f, _d.CleanDeltaT, 3);
    }

    [Fact]
    public void The_filter_takes_a_step_by_dt_over_time_constant_plus_dt()
    {
        Heat(DefrostScheduler.SettleMs, 0f, -6f);
        Heat(Second, 0f, -12f);
        float a = (float)Second / (DefrostScheduler.FilterMs + Second);
        Assert.Equal(6f + a * 6f, _d.DeltaT, 4);
    }

    [Fact]
    public void Uncalibrated_demand_falls_back_to_the_interval_to_the_second()
    {
        // A coil reading too noisy to learn from is not needed: a provisional calibration waits for the interval.
        Heat(60 * Minute - Second, 0f, -6f);
        Assert.Equal(DefrostCause.None, _d.Due);
        Heat(Second, 0f, -6f);
        Assert.Equal(DefrostCause.Interval, _d.Due);
    }

    [Fact]
    public void Demand_comes_exactly_when_the_minimum_run_since_the_last_defrost_is_over()
    {
        // With a 60 min minimum: frost grows to 2 K over clean in 40 min (it has cost a defrost
        // by then), then holds short of iced; the demand waits for the minimum, to the second.
        Assert.True(_s.TrySet(SettingId.DemandMinInterval, 60, out _));
        CalibrateAfterDefrost(0f, -6f);
        for (long t = 0; t < 40 * Minute; t += Second)
        {
            Heat(Second, 0f, -6f - 0.05f * t / Minute);
        }

        Assert.True(_d.FrostPenalty >= DefrostScheduler.DefrostCostRiseMin);
        long toMinimum = 60 * Minute - _d.RunSinceDefrostMs;
        Heat(toMinimum - Second, 0f, -8f);
        Assert.Equal(DefrostCause.None, _d.Due);
        Heat(Second, 0f, -8f);
        Assert.Equal(DefrostCause.Demand, _d.Due);
    }

    [Fact]
    public void After_a_restart_demand_reads_the_new_run_not_the_stale_filtered_delta_t()
    {
        CalibrateAfterDefrost(0f, -6f);
        Heat(10 * Minute, 0f, -12f);
        Stop();

        // Past the 30 min since the defrost, with a frosted ΔT filtered before the stop...
        Heat(16 * Minute, 0f, -12f);
        Assert.True(_d.RunSinceDefrostMs >= 30 * Minute);
        Stop();

        // ...a restart reads ΔT afresh from its first reading, not the stale filtered one (a
        // cooling-down coil reads low); but the coil went into the stop at twice its clean ΔT and
        // nothing cleared it, so it is defrosted as the run starts, not after minutes of run on it.
        Heat(Second, 0f, -1f);
        Assert.Equal(1f, _d.DeltaT, 3);
        Assert.Equal(DefrostCause.Demand, _d.Due);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(20)]
    public void A_clean_coil_in_a_cold_snap_with_short_runs_costs_at_most_two_defrosts(int runMinutes)
    {
        // As above, but the thermostat ends every run after runMinutes: with 4 min runs the 3 min
        // window after a 2 min settling never fills, and the clean ΔT is learned from what it holds.
        CalibrateAfterDefrost(0f, -8f);
        int defrosts = 0;
        for (int run = 0; run < 12 * 60 / (runMinutes + 10); run++)
        {
            for (long t = 0; t < runMinutes * Minute; t += Second)
            {
                Heat(Second, -15f, -23f);
                if (_d.Due != DefrostCause.None)
                {
                    defrosts++;
                    _d.DefrostStarted();
                    _d.DefrostEnded();
                    Stop();
                }
            }

            Stop();
            for (int i = 0; i < 10 * 60; i++)
            {
                _d.Observe(Second, 0, true, -15f, true, -15f);
            }
        }

        Assert.True(defrosts <= 2, $"{defrosts} defrosts in 12 h on a clean coil with {runMinutes} min runs");
    }

    [Fact]
    public void Before_a_clean_coil_dt_is_learned_after_a_defrost_a_coil_16_K_below_its_air_is_iced()
    {
        // Power-up in near-saturated +5 °C air: nothing learned yet, the coil 16.5 K below the air.
        Heat(Second, 5f, -11.5f);
        Assert.Equal(DefrostCause.Demand, _d.Due);

        // A unit whose clean coil runs 15 K below +5 °C air, learned after a defrost: 16.4 K is
        // its own clean coil plus noise, not ice.
        _d.Reset();
        CalibrateAfterDefrost(5f, -10f);
        Heat(5 * Minute, 5f, -11.4f);
        Assert.Equal(DefrostCause.None, _d.Due);
    }

    [Theory]
    [InlineData(90, true)]
    [InlineData(30, false)]
    public void A_defrost_called_before_the_learning_window_is_full_learns_from_a_minute_of_it(int windowSeconds, bool learns)
    {
        CalibrateAfterDefrost(0f, -6f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();
        int before = _d.CleanReadings;

        // The run after the defrost settles at 2 min; the next defrost comes windowSeconds later.
        Heat(DefrostScheduler.SettleMs + windowSeconds * Second, -3f, -10f);
        _d.DefrostStarted();
        Assert.Equal(learns ? before + 1 : before, _d.CleanReadings);
        Assert.Equal(learns ? 7f : 6f + DefrostScheduler.PriorSlope * -3f, _d.CleanAt(-3f), 1);
    }

    [Fact]
    public void A_clean_coil_in_a_cold_snap_costs_one_defrost_not_one_every_quarter_hour()
    {
        // A unit whose clean-coil ΔT does not fall with the outdoor temperature (8 K at 0 °C and at
        // −15 °C), learned at 0 °C: carried to −15 °C along the prior slope, 8 K reads as iced.
        CalibrateAfterDefrost(0f, -8f);
        Heat(10 * Minute, -15f, -23f);
        Assert.Equal(DefrostCause.Demand, _d.Due);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();

        // The coil that defrost cleared is learned at −15 °C before it is judged: hours of runs
        // on it call no more defrosts, and the −15 °C band now reads 8 K.
        for (int run = 0; run < 6; run++)
        {
            for (long t = 0; t < 40 * Minute; t += Second)
            {
                Heat(Second, -15f, -23f);
                Assert.True(DefrostCause.None == _d.Due, $"run {run} at {t / 1000} s: {_d.Due}, clean {_d.CleanAt(-15f)}, calibrated {_d.Calibrated}, readings {_d.CleanReadings}, frosting {_d.FrostingRunMs / 1000} s");
            }

            Stop();
        }

        Assert.Equal(8f, _d.CleanAt(-15f), 1);
        Assert.Equal(2, _d.CleanReadings);
    }

    [Fact]
    public void When_the_air_dries_a_fast_frosting_coil_gets_one_defrost_at_a_start_not_one_at_every_start()
    {
        // Frost at 0.3 K a minute: the iced test calls a defrost after a few minutes of frosting run.
        CalibrateAfterDefrost(0f, -6f);
        FrostUntilDemand(0.3f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Stop();

        // Then the air dries: the coil stays clean, the thermostat runs it 3 minutes at a time.
        int atStart = 0;
        for (int run = 0; run < 10; run++)
        {
            Heat(Second, 0f, -1f);
            if (_d.Due == DefrostCause.Demand)
            {
                atStart++;
                _d.DefrostStarted();
                _d.DefrostEnded();
                Stop();
                Heat(Second, 0f, -1f);
            }

            Heat(3 * Minute, 0f, -6f);
            Assert.Equal(DefrostCause.None, _d.Due);
            Stop();
        }

        Assert.True(atStart <= 1, $"{atStart} defrosts at a start");
    }

    [Fact]
    public void A_coil_stopped_iced_is_not_defrosted_on_restart_once_the_stop_has_cleared_it()
    {
        CalibrateAfterDefrost(3f, -3f);
        Heat(10 * Minute, 3f, -9f);
        Stop();

        // +3 °C air melts the ice while the unit is stopped: the probe reads above +1.5 °C for two minutes.
        for (long t = 0; t < DefrostScheduler.ClearHoldMs + Minute; t += Second)
        {
            _d.Observe(Second, 0, true, 3f, true, 2.5f);
        }

        Heat(Second, 3f, -1f);
        Assert.Equal(DefrostCause.None, _d.Due);
    }

    [Fact]
    public void A_coil_stopped_near_the_frost_its_last_defrost_was_called_at_is_defrosted_as_the_next_run_starts()
    {
        // Frost building at 0.15 K a minute: the iced test calls a defrost after some minutes of
        // frosting run. The next run stops within CarryLeadMs of that much frosting run: the run
        // after it would pass, in its cool-down, where the last defrost was called, and is defrosted
        // as it starts. One that stopped with little frosting run is not.
        foreach (long short_ in new[] { Minute, 0L })
        {
            CalibrateAfterDefrost(0f, -6f);
            FrostUntilDemand(0.15f);
            long needed = _d.FrostingRunMs;
            Assert.True(needed > DefrostScheduler.CarryLeadMs + 2 * Minute, $"called after {needed / Minute} min");
            _d.DefrostStarted();
            _d.DefrostEnded();
            Stop();
            long stopAt = short_ > 0 ? needed - DefrostScheduler.CarryLeadMs + short_ : 2 * Minute;
            Heat(stopAt, 0f, -6f);
            Assert.Equal(DefrostCause.None, _d.Due);
            Stop();
            Heat(Second, 0f, -1f);
            Assert.Equal(short_ > 0 ? DefrostCause.Demand : DefrostCause.None, _d.Due);
            _d.Reset();
        }
    }

    [Fact]
    public void While_the_clean_coil_is_relearned_demand_does_not_trigger()
    {
        CalibrateAfterDefrost(0f, -6f);
        _d.DefrostStarted();
        _d.DefrostEnded();

        // Runs of 7 min never complete the 8 min a relearn needs; ΔT is far above the trigger.
        for (int cycle = 0; cycle < 6; cycle++)
        {
            Stop();
            Heat(7 * Minute, 0f, -14f);
            Assert.True(_d.Due == DefrostCause.None || _d.FrostingRunMs >= 60 * Minute, $"cycle {cycle}: {_d.Due}");
        }

        Assert.True(_d.RunSinceDefrostMs >= 30 * Minute);
    }
    [Fact]
    public void The_trigger_follows_the_outdoor_temperature_from_where_the_clean_coil_was_learned()
    {
        CalibrateAfterDefrost(-5f, -15f);
        Assert.Equal(11.5f, _d.TriggerDeltaT(-5f), 4);                 // 10 K clean + 1.5 K margin
        Assert.Equal(10f - 0.9f + 1.5f, _d.TriggerDeltaT(-10f), 4);     // 5 K colder: 0.18 K/K less
    }

    [Fact]
    public void Delta_t_exactly_at_the_trigger_does_not_start_a_defrost_and_a_little_more_does()
    {
        // 45 min at the clean ΔT, then 1.5 K more: the frost has cost 0.15 × 45 min ≥ 6.
        CalibrateAfterDefrost(-5f, -15f);
        Heat(45 * Minute, -5f, -15f);
        Stop();

        // The filter starts from the first settled reading: ΔT is exactly 11.5 K, the trigger.
        Heat(DefrostScheduler.SettleMs + Minute, -5f, -16.5f);
        Assert.Equal(_d.TriggerDeltaT(-5f), _d.DeltaT);
        Assert.Equal(DefrostCause.None, _d.Due);

        Heat(Second, -5f, -16.5625f);
        Assert.Equal(DefrostCause.Demand, _d.Due);
    }

    [Fact]
    public void Demand_needs_the_coil_below_two_degrees_not_at_two()
    {
        // Near the frost limit the clean-coil ΔT is small: 2 K learned at +5.5 °C outdoor.
        CalibrateAfterDefrost(5.5f, 3.5f);
        Heat(30 * Minute, 5.5f, 3.5f);
        Stop();

        // ΔT 3.9 K is past the 3.57 K trigger, but the coil reads exactly +2 °C.
        Heat(DefrostScheduler.SettleMs + Minute, 5.9f, 2f);
        Assert.True(_d.DeltaT > _d.TriggerDeltaT(5.9f));
        Assert.Equal(DefrostCause.None, _d.Due);

        Heat(Second, 5.8375f, 1.9375f);
        Assert.Equal(DefrostCause.Demand, _d.Due);
    }

    [Fact]
    public void A_defrost_due_stays_due_when_the_outdoor_air_warms_while_the_coil_is_below_freezing()
    {
        Heat(60 * Minute, 0f, -6f);
        Assert.Equal(DefrostCause.Interval, _d.Due);

        // Sun on the unit: +7 °C air, but the coil still runs at −6 °C and carries what it gathered.
        Heat(Second, 7f, -6f);
        Assert.Equal(DefrostCause.Interval, _d.Due);
    }

    [Fact]
    public void The_time_temperature_strategy_ignores_delta_t_however_high_it_climbs()
    {
        Assert.True(_s.TrySet(SettingId.DefrostStrategy, 1, out _));
        CalibrateAfterDefrost(0f, -6f);
        long toInterval = 60 * Minute - _d.FrostingRunMs;
        Heat(toInterval - Second, 0f, -14f);   // ΔT 14 K against a 7.5 K trigger, well past the demand minimum
        Assert.Equal(DefrostCause.None, _d.Due);
        Heat(Second, 0f, -14f);
        Assert.Equal(DefrostCause.Interval, _d.Due);
    }

    [Fact]
    public void A_coil_reading_lost_for_a_while_in_a_settled_run_continues_the_filtered_delta_t()
    {
        Heat(DefrostScheduler.SettleMs + 2 * Minute, 0f, -6f);
        Assert.Equal(6f, _d.DeltaT, 4);
        Heat(30 * Second, 0f, -20f, coilValid: false);
        Heat(Second, 0f, -12f);
        float a = (float)Second / (DefrostScheduler.FilterMs + Second);
        Assert.Equal(6f + a * 6f, _d.DeltaT, 4);
    }

    [Fact]
    public void After_a_stop_the_filter_starts_from_the_first_settled_reading_even_on_a_ten_minute_tick()
    {
        Heat(DefrostScheduler.SettleMs + Minute, 0f, -6f);
        Stop();
        _d.Observe(10 * Minute, 10 * Minute, true, 0f, true, -12f);
        Assert.Equal(12f, _d.DeltaT, 4);
    }

    [Fact]
    public void Reset_forgets_a_half_learned_window_and_the_filter()
    {
        Heat(DefrostScheduler.SettleMs + Minute, 0f, -4f);
        _d.Reset();

        // The run goes on: a minute to see ΔT settled again, then the window.
        Heat(Minute + DefrostScheduler.LearnMs, 0f, -10f);
        Assert.True(_d.Calibrated);
        Assert.Equal(10f, _d.CleanDeltaT, 3);
    }

    [Fact]
    public void A_defrost_end_forgets_a_half_learned_window_and_the_filter()
    {
        Heat(DefrostScheduler.SettleMs + Minute, 0f, -4f);
        _d.DefrostStarted();
        _d.DefrostEnded();
        Heat(Minute + DefrostScheduler.LearnMs, 0f, -10f);
        Assert.True(_d.Calibrated);
        Assert.False(_d.Provisional);
        Assert.Equal(10f, _d.CleanDeltaT, 3);
    }
}
