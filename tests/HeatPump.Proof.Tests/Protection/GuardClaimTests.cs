using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using HeatPump.Referee;
using Xunit;

namespace HeatPump.Proof.Tests.Protection;

/// <summary>
/// A hostile controller sets the intent flags the guard relaxes a rule for (the quiet-shift restart,
/// the defrost) where no defrost is happening. The guard must check each claim against what it saw
/// itself, so the referee finds nothing. Defaults: min-off 300 s, quiet shift 30 s, heat lockout
/// −20 °C, cooling lockout 12 °C, defrost maximum 600 s, indoor run-on 60 s, O polarity (valve
/// energised in cooling).
/// </summary>
public class GuardClaimTests
{
    private readonly ControllerSettings _s = new();
    private readonly SafetyGuard _guard;
    private readonly SafetyReferee _referee;

    public GuardClaimTests()
    {
        _guard = new SafetyGuard(_s, 0, 0);
        _referee = new SafetyReferee(_s, 0, 0);
    }

    private static OutputState Heat(bool on = true) => new() { Compressor = on, IndoorFanDuty = 0.5f, OutdoorFanDuty = 1f };

    /// <summary>A run in the reverse position with the outdoor fan, as cooling runs: a hostile claim on it must be caught by the rule it targets, not by A1.</summary>
    private static OutputState Reverse(bool on = true) => new() { Compressor = on, ValveEnergised = true, OutdoorFanDuty = 1f };

    /// <summary>Drives the guard with <paramref name="wanted"/> at <paramref name="t"/> ms and lets the referee judge what it drove.</summary>
    private OutputState Drive(OutputState wanted, long t, float outdoorC, bool indoorValid = true)
    {
        OutputState o = _guard.Apply(wanted, t, indoorValid, true, outdoorC);
        _referee.Observe(t, o, indoorValid, true, outdoorC);
        return o;
    }

    /// <summary>Asks for <paramref name="wanted"/> every second from <paramref name="fromMs"/> to <paramref name="toMs"/>; returns when the compressor first ran, or -1.</summary>
    private long Insist(OutputState wanted, long fromMs, long toMs, float outdoorC, bool indoorValid = true)
    {
        for (long t = fromMs; t <= toMs; t += 1000)
        {
            if (Drive(wanted, t, outdoorC, indoorValid).Compressor)
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>A heating run from 300 s to 400 s, stopped with the defrost flag, then the valve to the defrost position at 430 s.</summary>
    private void HeatThenShiftIn(float outdoorC)
    {
        Assert.True(Drive(Heat(), 300_000, outdoorC).Compressor);
        Drive(new OutputState { Defrost = true }, 400_000, outdoorC);
        Assert.True(Drive(new OutputState { Defrost = true, ValveEnergised = true }, 430_000, outdoorC).ValveEnergised);
    }

    private void AssertNoBreach()
    {
        Assert.True(_referee.Total == 0, _referee.FirstMessage);
    }

    [Fact]
    public void Stop_heating_shift_to_cooling_and_claim_a_quiet_shift_restart_waits_min_off()
    {
        Drive(Heat(), 300_000, 20f);
        Drive(Heat(false), 400_000, 20f);
        Drive(Reverse(false), 430_000, 20f);

        long started = Insist(Reverse() with { QuietShiftRestart = true }, 431_000, 800_000, 20f);

        Assert.Equal(700_000, started);
        AssertNoBreach();
    }

    [Fact]
    public void A_claimed_restart_out_of_a_defrost_that_never_happened_waits_min_off()
    {
        // Cooling (not a defrost) then a shift back to heating with the claim.
        Drive(Reverse(false), 30_000, 20f);
        Drive(Reverse(), 300_000, 20f);
        Drive(Reverse(false), 400_000, 20f);
        Drive(Heat(false), 430_000, 20f);

        long started = Insist(Heat() with { QuietShiftRestart = true }, 431_000, 800_000, 20f);

        Assert.Equal(700_000, started);
        AssertNoBreach();
    }

    [Fact]
    public void A_defrost_flag_does_not_lift_the_heating_lockout()
    {
        long started = Insist(Heat() with { Defrost = true }, 300_000, 400_000, -25f);

        Assert.Equal(-1, started);
        AssertNoBreach();
    }

    [Fact]
    public void A_defrost_flag_does_not_lift_the_cooling_lockout_without_a_heating_run_before()
    {
        Drive(Reverse(false), 30_000, 5f);

        long started = Insist(Reverse() with { Defrost = true, QuietShiftRestart = true }, 300_000, 400_000, 5f);

        Assert.Equal(-1, started);
        AssertNoBreach();
    }

    [Fact]
    public void A_defrost_flag_on_a_heating_run_does_not_let_it_run_without_an_indoor_reading()
    {
        Drive(Heat() with { Defrost = true }, 300_000, 5f);
        OutputState o = Drive(Heat() with { Defrost = true }, 301_000, 5f, indoorValid: false);

        Assert.False(o.Compressor);
        AssertNoBreach();
    }

    [Fact]
    public void Fans_running_into_a_fault_stop_when_the_purge_is_over()
    {
        Drive(Heat(), 300_000, 5f);
        var fault = new OutputState { Fault = true, IndoorFanDuty = 0.5f, OutdoorFanDuty = 1f };
        OutputState o = Drive(fault, 301_000, 5f);
        Assert.Equal(0.5f, o.IndoorFanDuty);

        o = Drive(fault, 360_999, 5f);
        Assert.Equal(0.5f, o.IndoorFanDuty);
        o = Drive(fault, 361_000, 5f);
        Assert.Equal(0f, o.IndoorFanDuty);
        Assert.Equal(0f, o.OutdoorFanDuty);
        AssertNoBreach();
    }

    [Fact]
    public void A_real_defrost_gets_both_quiet_shift_restarts_and_runs_below_the_cooling_lockout()
    {
        HeatThenShiftIn(-5f);

        // The melt runs with the outdoor fan stopped: A1 exempts a defrost the guard saw begin.
        var melt = Reverse() with { Defrost = true, QuietShiftRestart = true, OutdoorFanDuty = 0f };
        Assert.Equal(431_000, Insist(melt, 431_000, 500_000, -5f));
        Assert.True(Drive(melt with { QuietShiftRestart = false }, 500_000, -5f, indoorValid: false).Compressor, "a defrost under way finishes blind");

        Drive(new OutputState { Defrost = true, ValveEnergised = true }, 600_000, -5f);
        Drive(Heat(false), 630_000, -5f);
        Assert.Equal(631_000, Insist(Heat() with { QuietShiftRestart = true }, 631_000, 700_000, -5f));
        AssertNoBreach();
    }

    [Fact]
    public void A_defrost_that_drops_its_flag_is_cooling_from_then_on()
    {
        HeatThenShiftIn(5f);
        Assert.True(Drive(Reverse() with { Defrost = true, QuietShiftRestart = true }, 460_000, 5f).Compressor);

        Assert.False(Drive(Reverse(), 461_000, 5f).Compressor, "below the cooling lockout");
        AssertNoBreach();
    }

    [Fact]
    public void A_defrost_flag_raised_again_after_it_dropped_does_not_make_cooling_a_defrost()
    {
        HeatThenShiftIn(20f);
        Assert.True(Drive(Reverse() with { Defrost = true, QuietShiftRestart = true }, 431_000, 20f).Compressor);
        Assert.True(Drive(Reverse(), 432_000, 20f).Compressor, "cooling above its lockout");

        Assert.False(Drive(Reverse() with { Defrost = true }, 433_000, 5f).Compressor, "below the cooling lockout the flag lifts nothing");
        Drive(Heat(false), 463_000, 5f);
        Assert.Equal(733_000, Insist(Heat() with { QuietShiftRestart = true }, 464_000, 800_000, 5f));
        AssertNoBreach();
    }

    [Fact]
    public void A_polarity_change_is_not_a_valve_shift()
    {
        // Heating with O polarity (valve de-energised); stopped, the polarity becomes B: the resting
        // valve is now in the reverse position, but it never moved.
        Drive(Heat(), 300_000, 20f);
        Drive(new OutputState { Defrost = true }, 400_000, 20f);
        Assert.True(_s.TrySet(SettingId.ValvePolarity, 1, out _));
        Assert.Equal(700_000, Insist(new OutputState { Compressor = true, OutdoorFanDuty = 1f, Defrost = true, QuietShiftRestart = true }, 431_000, 800_000, 20f));

        // And out of a real defrost: the valve stays energised, which now means heating.
        var g = new SafetyGuard(_s, 0, 0);
        Assert.True(_s.TrySet(SettingId.ValvePolarity, 0, out _));
        g.Apply(Heat(), 300_000, true, true, 20f);
        g.Apply(new OutputState { Defrost = true }, 400_000, true, true, 20f);
        g.Apply(new OutputState { Defrost = true, ValveEnergised = true }, 430_000, true, true, 20f);
        Assert.True(g.Apply(Reverse() with { Defrost = true, QuietShiftRestart = true }, 431_000, true, true, 20f).Compressor);
        g.Apply(new OutputState { Defrost = true, ValveEnergised = true }, 500_000, true, true, 20f);
        Assert.True(_s.TrySet(SettingId.ValvePolarity, 1, out _));
        Assert.False(g.Apply(Reverse() with { QuietShiftRestart = true }, 531_000, true, true, 20f).Compressor);
        Assert.True(g.Apply(Reverse() with { QuietShiftRestart = true }, 800_000, true, true, 20f).Compressor);
    }

    [Fact]
    public void A_restart_in_the_defrost_position_after_a_defrost_stopped_is_no_defrost_under_way()
    {
        HeatThenShiftIn(20f);
        Assert.True(Drive(Reverse() with { Defrost = true, QuietShiftRestart = true }, 431_000, 20f).Compressor);
        Drive(new OutputState { Defrost = true, ValveEnergised = true }, 500_000, 20f);

        Assert.Equal(-1, Insist(Reverse() with { Defrost = true }, 800_000, 900_000, 20f, indoorValid: false));
        AssertNoBreach();
    }

    [Fact]
    public void Only_four_quiet_shift_restarts_an_hour_are_granted()
    {
        Drive(Heat(), 300_000, 5f);
        long t = 400_000;
        for (int defrost = 0; defrost < 2; defrost++)
        {
            Drive(new OutputState { Defrost = true }, t, 5f);
            Drive(new OutputState { Defrost = true, ValveEnergised = true }, t + 30_000, 5f);
            Assert.True(Drive(Reverse() with { Defrost = true, QuietShiftRestart = true }, t + 31_000, 5f).Compressor);
            Drive(new OutputState { Defrost = true, ValveEnergised = true }, t + 90_000, 5f);
            Drive(Heat(false), t + 120_000, 5f);
            Assert.True(Drive(Heat() with { QuietShiftRestart = true }, t + 121_000, 5f).Compressor);
            t += 200_000;
        }

        Drive(new OutputState { Defrost = true }, t, 5f);
        Drive(new OutputState { Defrost = true, ValveEnergised = true }, t + 30_000, 5f);
        Assert.Equal(t + _s.SecondsAsMs(SettingId.MinOffTime), Insist(Reverse() with { Defrost = true, QuietShiftRestart = true }, t + 31_000, t + 400_000, 5f));
        AssertNoBreach();
    }
}
