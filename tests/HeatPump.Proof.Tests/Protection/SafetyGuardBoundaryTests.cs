using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Proof.Tests.Protection;

/// <summary>
/// The guard at the edges of its limits: a start, a shift or a stop happens at the millisecond the
/// design allows and not one before; the countdown it reports is the one it enforces.
/// Defaults: min-off 300 s, quiet shift 30 s, 6 starts an hour, defrost 600 s, O polarity.
/// </summary>
public class SafetyGuardBoundaryTests
{
    private readonly ControllerSettings _s = new();

    private static OutputState Heat(bool on = true) => new() { Compressor = on, IndoorFanDuty = 0.5f, OutdoorFanDuty = 1f };

    [Fact]
    public void After_a_stop_the_next_start_waits_exactly_min_off_and_the_feedback_says_so()
    {
        var g = new SafetyGuard(_s, 0, 0);
        Assert.True(g.Apply(Heat(), 300_000, true, true, 5f).Compressor);
        Assert.False(g.Apply(Heat(false), 400_000, true, true, 5f).Compressor);

        GuardFeedback f = g.Feedback(500_000);
        Assert.False(f.CompressorOn);
        Assert.Equal(400_000, f.CompressorSinceMs);
        Assert.Equal(700_000, f.StartAllowedAtMs);
        Assert.Equal(HoldReason.AntiShortCycle, f.StartHold);
        Assert.Equal(430_000, f.ValveChangeAllowedAtMs);

        Assert.False(g.Apply(Heat(), 699_999, true, true, 5f).Compressor);
        Assert.True(g.Apply(Heat(), 700_000, true, true, 5f).Compressor);
        Assert.Equal(long.MaxValue, g.Feedback(700_000).ValveChangeAllowedAtMs);
    }

    [Fact]
    public void The_valve_moves_exactly_at_the_quiet_shift_time_and_never_in_the_tick_of_a_start()
    {
        var g = new SafetyGuard(_s, 0, 0);
        g.Apply(Heat(), 300_000, true, true, 5f);
        g.Apply(Heat(false), 400_000, true, true, 20f);

        var cool = new OutputState { Compressor = true, ValveEnergised = true, OutdoorFanDuty = 1f };
        OutputState o = g.Apply(cool, 429_999, true, true, 20f);
        Assert.False(o.ValveEnergised);
        Assert.False(o.Compressor, "no start with the valve in the wrong position");

        o = g.Apply(cool, 430_000, true, true, 20f);
        Assert.True(o.ValveEnergised);
        Assert.False(o.Compressor, "the start comes on a later tick than the shift");
        Assert.True(g.Feedback(430_000).ShiftedSinceStop);
        Assert.True(g.Vetoes >= 2);
    }

    [Fact]
    public void The_valve_never_moves_under_a_running_compressor()
    {
        var g = new SafetyGuard(_s, 0, 0);
        g.Apply(Heat(), 300_000, true, true, 5f);
        OutputState o = g.Apply(new OutputState { Compressor = true, ValveEnergised = true, OutdoorFanDuty = 1f }, 900_000, true, true, 20f);
        Assert.True(o.Compressor);
        Assert.False(o.ValveEnergised);
    }

    [Fact]
    public void A_quiet_shift_restart_is_allowed_30_s_after_the_stop_not_min_off()
    {
        var g = new SafetyGuard(_s, 0, 0);
        g.Apply(Heat(), 300_000, true, true, 0f);
        g.Apply(new OutputState { Defrost = true }, 400_000, true, true, 0f);
        g.Apply(new OutputState { Defrost = true, ValveEnergised = true }, 430_000, true, true, 0f);
        Assert.Equal(430_000, g.Feedback(430_000).ShiftRestartAllowedAtMs);

        var restart = new OutputState { OutdoorFanDuty = 1f, Compressor = true, ValveEnergised = true, Defrost = true, QuietShiftRestart = true };
        Assert.True(g.Apply(restart, 431_000, true, true, 0f).Compressor);

        // Without the claim, the same start would have waited for min-off.
        var g2 = new SafetyGuard(_s, 0, 0);
        g2.Apply(Heat(), 300_000, true, true, 0f);
        g2.Apply(new OutputState { Defrost = true }, 400_000, true, true, 0f);
        g2.Apply(new OutputState { Defrost = true, ValveEnergised = true }, 430_000, true, true, 0f);
        Assert.False(g2.Apply(restart with { QuietShiftRestart = false }, 431_000, true, true, 0f).Compressor);
    }

    [Fact]
    public void The_quiet_shift_exception_is_not_available_straight_after_power_up()
    {
        var g = new SafetyGuard(_s, 0, 0);
        g.Apply(new OutputState { ValveEnergised = true }, 30_000, true, true, 20f);
        var restart = new OutputState { Compressor = true, ValveEnergised = true, QuietShiftRestart = true, OutdoorFanDuty = 1f };
        Assert.False(g.Apply(restart, 61_000, true, true, 20f).Compressor);
        Assert.Equal(HoldReason.PowerUpDelay, g.Feedback(61_000).StartHold);
        Assert.True(g.Apply(restart, 300_000, true, true, 20f).Compressor);
    }

    [Fact]
    public void The_seventh_start_in_an_hour_waits_until_the_first_falls_out()
    {
        Assert.True(_s.TrySet(SettingId.MinOffTime, 180, out _));
        var g = new SafetyGuard(_s, 0, 0);
        long t = 180_000;
        long first = t;
        for (int i = 0; i < 6; i++)
        {
            Assert.True(g.Apply(Heat(), t, true, true, 5f).Compressor, $"start {i + 1}");
            g.Apply(Heat(false), t + 60_000, true, true, 5f);
            t += 240_000;
        }

        GuardFeedback f = g.Feedback(t);
        Assert.Equal(HoldReason.StartsPerHour, f.StartHold);
        Assert.Equal(first + 3_600_000, f.StartAllowedAtMs);
        Assert.False(g.Apply(Heat(), first + 3_599_999, true, true, 5f).Compressor);
        Assert.Equal(HoldReason.None, g.Feedback(first + 3_600_000).StartHold);
        Assert.True(g.Apply(Heat(), first + 3_600_000, true, true, 5f).Compressor);
    }

    [Fact]
    public void A_reverse_cycle_stops_exactly_at_the_defrost_maximum()
    {
        // Any run that claims to be a defrost is bounded, even one the guard does not take for a defrost.
        var g = new SafetyGuard(_s, 0, 0);
        g.Apply(new OutputState { ValveEnergised = true }, 100_000, true, true, 20f);
        var melt = new OutputState { OutdoorFanDuty = 1f, Compressor = true, ValveEnergised = true, Defrost = true };
        Assert.True(g.Apply(melt, 300_000, true, true, 20f).Compressor);
        Assert.True(g.Apply(melt, 899_999, true, true, 20f).Compressor);
        Assert.False(g.Apply(melt, 900_000, true, true, 20f).Compressor);
    }

    [Fact]
    public void A_defrost_under_way_finishes_without_an_indoor_reading_but_none_starts_without_one()
    {
        var g = new SafetyGuard(_s, 0, 0);
        ShiftIntoDefrost(g, 0f);
        var melt = new OutputState { OutdoorFanDuty = 1f, Compressor = true, ValveEnergised = true, Defrost = true, QuietShiftRestart = true };
        Assert.False(g.Apply(melt, 431_000, false, true, 0f).Compressor, "no reverse cycle starts blind");
        Assert.True(g.Apply(melt, 432_000, true, true, 0f).Compressor);
        Assert.True(g.Apply(melt, 433_000, false, true, 0f).Compressor, "the one under way finishes");
        Assert.False(g.Apply(Heat(), 433_000, false, true, 0f).Compressor, "heating without an indoor reading stops");
    }

    [Fact]
    public void A_running_compressor_stops_when_the_indoor_reading_is_lost()
    {
        var g = new SafetyGuard(_s, 0, 0);
        Assert.True(g.Apply(Heat(), 300_000, true, true, 5f).Compressor);
        Assert.True(g.Apply(Heat(), 301_000, true, true, 5f).Compressor);
        Assert.False(g.Apply(Heat(), 302_000, false, true, 5f).Compressor);
    }

    [Fact]
    public void Ambient_lockouts_hold_at_the_limit_and_bite_below_it()
    {
        var g = new SafetyGuard(_s, 0, 0);
        Assert.True(g.Apply(Heat(), 300_000, true, true, -25f).Compressor);
        Assert.False(g.Apply(Heat(), 301_000, true, true, -25.1f).Compressor);
        Assert.False(g.Apply(Heat(), 900_000, true, true, -30f).Compressor);
        Assert.True(g.Apply(Heat(), 901_000, true, false, -30f).Compressor, "without an outdoor reading the lockout is off");

        var c = new SafetyGuard(_s, 0, 0);
        c.Apply(new OutputState { ValveEnergised = true }, 100_000, true, true, 12f);
        var cool = new OutputState { Compressor = true, ValveEnergised = true, OutdoorFanDuty = 1f };
        Assert.True(c.Apply(cool, 300_000, true, true, 12f).Compressor);
        Assert.False(c.Apply(cool, 301_000, true, true, 11.9f).Compressor);
        Assert.False(c.Apply(cool, 900_000, true, false, 30f).Compressor, "without an outdoor reading cooling stays locked out");
        Assert.True(c.Apply(cool, 901_000, true, true, 30f).Compressor);
        Assert.False(c.Apply(cool, 902_000, true, false, 30f).Compressor, "losing the reading stops a running cooler");

        // A defrost the guard saw begin is a short reverse cycle, not cooling: the cooling lockout does not stop it.
        var d = new SafetyGuard(_s, 0, 0);
        ShiftIntoDefrost(d, -5f);
        Assert.True(d.Apply(cool with { Defrost = true, QuietShiftRestart = true }, 431_000, true, true, -5f).Compressor);
    }

    /// <summary>A heating run from 300 s to 400 s, then the valve shifted to the defrost position at 430 s.</summary>
    private static void ShiftIntoDefrost(SafetyGuard g, float outdoorC)
    {
        Assert.True(g.Apply(Heat(), 300_000, true, true, outdoorC).Compressor);
        g.Apply(new OutputState { Defrost = true }, 400_000, true, true, outdoorC);
        Assert.True(g.Apply(new OutputState { Defrost = true, ValveEnergised = true }, 430_000, true, true, outdoorC).ValveEnergised);
    }

    [Fact]
    public void In_a_fault_nothing_that_moves_heat_runs_and_a_stopped_fan_stays_stopped()
    {
        var g = new SafetyGuard(_s, 0, 0);
        g.Apply(new OutputState { ValveEnergised = true }, 100_000, true, true, 20f);
        g.Apply(new OutputState { Compressor = true, ValveEnergised = true, IndoorFanDuty = 0.6f, OutdoorFanDuty = 1f }, 300_000, true, true, 20f);

        var fault = new OutputState { Fault = true, Compressor = true, AuxHeat = true, ValveEnergised = true, IndoorFanDuty = 0.6f, OutdoorFanDuty = 1f };
        OutputState o = g.Apply(fault, 301_000, true, true, 20f);
        Assert.False(o.Compressor || o.AuxHeat);
        Assert.True(o.ValveEnergised, "the valve rests only after the quiet-shift time");
        Assert.Equal(0.6f, o.IndoorFanDuty);
        Assert.Equal(1f, o.OutdoorFanDuty);

        o = g.Apply(fault with { IndoorFanDuty = 0f, OutdoorFanDuty = 0f }, 302_000, true, true, 20f);
        o = g.Apply(fault, 331_000, true, true, 20f);
        Assert.False(o.ValveEnergised, "de-energised once I2 lets it");
        Assert.Equal(0f, o.IndoorFanDuty);
        Assert.Equal(0f, o.OutdoorFanDuty);
    }

    [Fact]
    public void In_a_fault_aux_heats_on_with_its_blower_but_only_on_a_valid_indoor_reading()
    {
        var g = new SafetyGuard(_s, 0, 0);
        var auxInFault = new OutputState { Fault = true, AuxHeat = true, IndoorFanDuty = 0.7f, OutdoorFanDuty = 1f };
        OutputState o = g.Apply(auxInFault, 1_000, true, true, -8f);
        Assert.True(o.AuxHeat, "the strips do not depend on the refrigerant circuit");
        Assert.Equal(0.7f, o.IndoorFanDuty);
        Assert.Equal(0f, o.OutdoorFanDuty);
        o = g.Apply(auxInFault, 600_000, true, true, -8f);
        Assert.True(o.AuxHeat && o.IndoorFanDuty == 0.7f, "the blower is not a purge here: it runs as long as aux does");

        o = g.Apply(auxInFault, 601_000, false, true, -8f);
        Assert.False(o.AuxHeat, "no indoor reading, nothing to control on");
        Assert.Equal(0.7f, o.IndoorFanDuty);
        o = g.Apply(auxInFault with { IndoorFanDuty = 0f }, 660_999, false, true, -8f);
        Assert.Equal(0.7f, o.IndoorFanDuty);
        o = g.Apply(auxInFault with { IndoorFanDuty = 0f }, 661_000, false, true, -8f);
        Assert.Equal(0f, o.IndoorFanDuty);
    }

    [Fact]
    public void After_every_aux_stop_the_blower_purges_at_the_aux_minimum()
    {
        var g = new SafetyGuard(_s, 0, 0);
        g.Apply(new OutputState { AuxHeat = true, IndoorFanDuty = 1f }, 1_000, true, true, -10f);
        OutputState o = g.Apply(new OutputState(), 2_000, true, true, -10f);
        Assert.False(o.AuxHeat);
        Assert.Equal(0.7f, o.IndoorFanDuty);
        Assert.Equal(0.7f, g.Apply(new OutputState(), 61_999, true, true, -10f).IndoorFanDuty);
        Assert.Equal(0f, g.Apply(new OutputState(), 62_000, true, true, -10f).IndoorFanDuty);
    }

    [Fact]
    public void Emergency_heat_never_starts_the_compressor_or_the_outdoor_fan()
    {
        var g = new SafetyGuard(_s, 0, 0);
        g.Apply(new OutputState { ValveEnergised = false }, 1_000, true, true, -8f);
        Assert.True(g.Apply(Heat(), 400_000, true, true, -8f).Compressor);
        Assert.True(_s.TrySet(SettingId.Mode, (int)UserMode.EmergencyHeat, out _));
        OutputState o = g.Apply(Heat() with { AuxHeat = true, IndoorFanDuty = 1f }, 401_000, true, true, -8f);
        Assert.False(o.Compressor || o.OutdoorFanDuty > 0f);
        Assert.True(o.AuxHeat);
        Assert.False(g.Apply(Heat(), 2_000_000, true, true, -8f).Compressor, "long past min-off, still no start");
    }

    [Fact]
    public void Power_up_drops_everything_and_restarts_the_wait_with_the_new_stagger()
    {
        var g = new SafetyGuard(_s, 0, 0);
        g.Apply(new OutputState { ValveEnergised = true }, 100_000, true, true, 20f);
        g.Apply(new OutputState { Compressor = true, ValveEnergised = true, OutdoorFanDuty = 1f }, 300_000, true, true, 20f);
        g.PowerUp(400_000, 12_000);
        Assert.False(g.Outputs.Compressor || g.Outputs.ValveEnergised);
        Assert.Equal(HoldReason.PowerUpDelay, g.Feedback(400_000).StartHold);
        Assert.Equal(712_000, g.Feedback(400_000).StartAllowedAtMs);
        Assert.False(g.Apply(Heat(), 711_999, true, true, 5f).Compressor);
        Assert.True(g.Apply(Heat(), 712_000, true, true, 5f).Compressor);
    }

    [Fact]
    public void The_compressor_never_runs_without_the_outdoor_fan_outside_a_defrost()
    {
        var g = new SafetyGuard(_s, 0, 0);
        Assert.False(g.Apply(Heat() with { OutdoorFanDuty = 0f }, 300_000, true, true, 5f).Compressor, "no start without the fan");
        Assert.True(g.Apply(Heat(), 301_000, true, true, 5f).Compressor);
        Assert.False(g.Apply(Heat() with { OutdoorFanDuty = 0f }, 400_000, true, true, 5f).Compressor, "a fan that stops stops the compressor");

        // The melt of a defrost the guard saw begin (after a heating run and a quiet shift) runs with the
        // outdoor fan stopped, by design; the defrost flag alone lifts nothing.
        var d = new SafetyGuard(_s, 0, 0);
        Assert.True(d.Apply(Heat(), 300_000, true, true, 0f).Compressor);
        d.Apply(new OutputState { Defrost = true }, 400_000, true, true, 0f);
        d.Apply(new OutputState { Defrost = true, ValveEnergised = true }, 430_000, true, true, 0f);
        Assert.True(d.Apply(new OutputState { Compressor = true, ValveEnergised = true, Defrost = true, QuietShiftRestart = true }, 431_000, true, true, 0f).Compressor);

        var f = new SafetyGuard(_s, 0, 0);
        f.Apply(new OutputState { ValveEnergised = true }, 100_000, true, true, 20f);
        Assert.False(f.Apply(new OutputState { Compressor = true, ValveEnergised = true, Defrost = true }, 300_000, true, true, 20f).Compressor, "a defrost flag with no defrost seen");
        Assert.True(f.Apply(new OutputState { OutdoorFanDuty = 1f, Compressor = true, ValveEnergised = true, Defrost = true }, 301_000, true, true, 20f).Compressor, "the same run with the fan is plain cooling");
    }

    [Fact]
    public void Aux_heat_runs_only_with_the_blower_at_or_above_its_minimum_duty()
    {
        // aux.min-duty 70 % by default, above fan.indoor.min-duty's 40 %.
        var g = new SafetyGuard(_s, 0, 0);
        Assert.False(g.Apply(new OutputState { AuxHeat = true }, 1000, true, true, -25f).AuxHeat, "no blower");
        Assert.False(g.Apply(new OutputState { AuxHeat = true, IndoorFanDuty = 0.69f }, 2000, true, true, -25f).AuxHeat, "below the minimum");
        Assert.True(g.Apply(new OutputState { AuxHeat = true, IndoorFanDuty = 0.7f }, 3000, true, true, -25f).AuxHeat);
        Assert.True(g.Apply(new OutputState { AuxHeat = true, IndoorFanDuty = 1f, Defrost = true }, 4000, true, true, -25f).AuxHeat);
        Assert.False(g.Apply(new OutputState { AuxHeat = true, Defrost = true }, 5000, true, true, -25f).AuxHeat, "not in a defrost either");
    }

    [Fact]
    public void Cooling_stops_in_the_tick_the_drain_switch_opens_and_heating_does_not()
    {
        // O polarity: energised = cooling. Cooling at 30 °C outdoors from 300 s.
        var g = new SafetyGuard(_s, 0, 0);
        OutputState cool = new() { Compressor = true, ValveEnergised = true, OutdoorFanDuty = 1f };
        OutputState o = default;
        OutputState valve = new() { ValveEnergised = true };
        g.Apply(ref valve, 30_000, true, true, 30f, false, ref o);
        g.Apply(ref cool, 300_000, true, true, 30f, false, ref o);
        Assert.True(o.Compressor, "cools with the switch closed");
        g.Apply(ref cool, 301_000, true, true, 30f, true, ref o);
        Assert.False(o.Compressor, "stopped in the tick the switch opened");

        var h = new SafetyGuard(_s, 0, 0);
        OutputState heat = Heat();
        h.Apply(ref heat, 300_000, true, true, 5f, true, ref o);
        Assert.True(o.Compressor, "heating makes no indoor condensate: it runs with the switch open");
    }

    [Fact]
    public void Heating_position_follows_the_polarity_setting()
    {
        var g = new SafetyGuard(_s, 0, 0);
        Assert.False(g.HeatingPositionEnergised());
        Assert.True(_s.TrySet(SettingId.ValvePolarity, 1, out _));
        Assert.True(g.HeatingPositionEnergised());
    }

    [Fact]
    public void Vetoes_count_only_ticks_where_the_guard_changed_something()
    {
        var g = new SafetyGuard(_s, 0, 0);
        g.Apply(new OutputState { IndoorFanDuty = 0.5f }, 1000, true, true, 5f);
        Assert.Equal(0, g.Vetoes);
        g.Apply(Heat(), 2000, true, true, 5f);
        Assert.Equal(1, g.Vetoes);
        g.Apply(Heat(), 300_000, true, true, 5f);
        Assert.Equal(1, g.Vetoes);
    }
}

/// <summary>Leaving output-test mode: the power-up state without a power cut.</summary>
public class SafetyGuardRestartTests
{
    [Fact]
    public void Restart_stops_the_compressor_and_keeps_the_valve_until_the_quiet_shift_time()
    {
        var s = new ControllerSettings();
        var g = new SafetyGuard(s, 0, 0);
        g.Apply(new OutputState { ValveEnergised = true }, 100_000, true, true, 20f);
        Assert.True(g.Apply(new OutputState { Compressor = true, ValveEnergised = true, OutdoorFanDuty = 1f }, 300_000, true, true, 20f).Compressor);

        g.Restart(400_000, 8000);
        OutputState o = g.Apply(OutputState.AllOff(), 400_000, true, true, 20f);
        Assert.False(o.Compressor);
        Assert.True(o.ValveEnergised, "the valve may not drop in the tick the compressor stops (I2)");
        Assert.True(g.Apply(OutputState.AllOff(), 429_999, true, true, 20f).ValveEnergised);
        Assert.False(g.Apply(OutputState.AllOff(), 430_000, true, true, 20f).ValveEnergised);

        // And the wait is the power-up delay: min-off plus stagger from the restart.
        Assert.Equal(HoldReason.PowerUpDelay, g.Feedback(430_000).StartHold);
        Assert.False(g.Apply(new OutputState { Compressor = true, OutdoorFanDuty = 1f }, 707_999, true, true, 5f).Compressor);
        Assert.True(g.Apply(new OutputState { Compressor = true, OutdoorFanDuty = 1f }, 708_000, true, true, 5f).Compressor);
    }

    [Fact]
    public void Restart_with_the_compressor_long_stopped_lets_the_valve_rest_at_once()
    {
        // Found by the safety referee: after leaving output-test mode in a fault the valve stayed energised
        // 30 s although the compressor had been off for hours (I5: the valve rests once I2 allows).
        var g = new SafetyGuard(new ControllerSettings(), 0, 0);
        g.Apply(new OutputState { ValveEnergised = true }, 100_000, true, true, 20f);
        g.Restart(5_000_000, 8000);

        Assert.False(g.Apply(new OutputState { Fault = true, ValveEnergised = true }, 5_001_000, true, true, 20f).ValveEnergised);
        Assert.Equal(30_000, g.Feedback(5_001_000).ValveChangeAllowedAtMs);
        Assert.Equal(HoldReason.PowerUpDelay, g.Feedback(5_001_000).StartHold);
    }

    [Fact]
    public void Restart_keeps_the_starts_of_the_last_hour_and_power_up_forgets_them()
    {
        var s = new ControllerSettings();
        Assert.True(s.TrySet(SettingId.MinOffTime, 180, out _));
        var g = new SafetyGuard(s, 0, 0);
        long t = 180_000;
        for (int i = 0; i < 6; i++)
        {
            Assert.True(g.Apply(new OutputState { Compressor = true, OutdoorFanDuty = 1f }, t, true, true, 5f).Compressor);
            g.Apply(OutputState.AllOff(), t + 60_000, true, true, 5f);
            t += 240_000;
        }

        // Leaving output-test mode: the cap still holds the seventh start until the first is an hour old.
        g.Restart(t, 0);
        Assert.Equal(HoldReason.StartsPerHour, g.Feedback(t + 180_000).StartHold);
        Assert.False(g.Apply(new OutputState { Compressor = true, OutdoorFanDuty = 1f }, t + 180_000, true, true, 5f).Compressor);

        // A real power cut loses that memory: only min-off plus stagger is left.
        g.PowerUp(t + 200_000, 0);
        Assert.True(g.Apply(new OutputState { Compressor = true, OutdoorFanDuty = 1f }, t + 380_000, true, true, 5f).Compressor);
    }
}
