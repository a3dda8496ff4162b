using HeatPump.Control;
using HeatPump.Control.Settings;
using HeatPump.Referee;
using Xunit;

namespace HeatPump.Proof.Tests.Protection;

/// <summary>
/// The referee judges every property, scenario and simulation: each rule of docs/safety.md must be
/// seen broken at the boundary the text draws, and not a tick before; its message names the rule,
/// the time and the amount. Defaults: min-off 300 s, quiet shift 30 s, 6 starts an hour, defrost
/// 600 s at most, heat lockout −25 °C, cooling lockout 12 °C, run-on 60 s, O polarity (valve
/// energised in cooling).
/// </summary>
public class SafetyRefereeTests
{
    private readonly ControllerSettings _s = new();
    private readonly SafetyReferee _r;

    public SafetyRefereeTests()
    {
        _r = new SafetyReferee(_s, 0, 0);
    }

    private static OutputState Heat(bool on = true) => new() { Compressor = on, OutdoorFanDuty = 1f };

    private static OutputState Reverse(bool on = true) => new() { Compressor = on, ValveEnergised = true, OutdoorFanDuty = 1f };

    private void See(long t, OutputState o, bool indoorValid = true, bool outdoorValid = true, float outdoorC = 5f) =>
        _r.Observe(t, o, indoorValid, outdoorValid, outdoorC);

    /// <summary>Heating 300–400 s, then the valve to the defrost position at 430 s, with the defrost flag from the stop.</summary>
    private void HeatThenShiftIn(float outdoorC = 5f)
    {
        See(300_000, Heat(), outdoorC: outdoorC);
        See(400_000, new OutputState { Defrost = true }, outdoorC: outdoorC);
        See(430_000, new OutputState { Defrost = true, ValveEnergised = true }, outdoorC: outdoorC);
    }

    [Fact]
    public void A_start_before_min_off_plus_stagger_is_an_I1_breach_with_the_shortfall()
    {
        var r = new SafetyReferee(_s, 1000, 20_000);
        r.Observe(320_999, Heat(), true, true, 5f);

        Assert.Equal(1, r.Count(Invariant.I1MinOff));
        Assert.Equal(Invariant.I1MinOff, r.First);
        Assert.Equal(320_999, r.FirstAtMs);
        Assert.Equal("I1 at 320999 ms: compressor started 319.9 s after power-up; needs 320.0 s (0.0 s short)", r.FirstMessage);

        var onTime = new SafetyReferee(_s, 1000, 20_000);
        onTime.Observe(321_000, Heat(), true, true, 5f);
        Assert.Equal(0, onTime.Total);
    }

    [Fact]
    public void Min_off_counts_from_the_stop_and_each_early_start_counts()
    {
        See(300_000, Heat());
        See(400_000, Heat(false));
        See(699_999, Heat());
        See(700_000, Heat(false));
        See(1_000_000, Heat());
        See(1_001_000, Heat(false));
        See(1_200_000, Heat());

        Assert.Equal(2, _r.Count(Invariant.I1MinOff));
        Assert.Equal("I1 at 699999 ms: compressor started 299.9 s after the stop; needs 300.0 s (0.0 s short)", _r.Message(0));
        Assert.Equal(2, _r.MessageCount);
    }

    [Fact]
    public void The_restarts_into_and_out_of_a_defrost_it_saw_need_only_the_quiet_shift_time()
    {
        HeatThenShiftIn();
        See(430_000 + 1000, Reverse() with { Defrost = true });
        See(600_000, new OutputState { Defrost = true, ValveEnergised = true });
        See(630_000, Heat(false));
        See(631_000, Heat());

        Assert.Equal(0, _r.Total);
    }

    [Fact]
    public void A_restart_into_a_defrost_before_the_quiet_shift_time_is_an_I1_breach()
    {
        // Moving the valve 20 s after the stop is itself an I2 breach; the restart 25 s after it, I1.
        See(300_000, Heat());
        See(400_000, new OutputState { Defrost = true });
        See(420_000, new OutputState { Defrost = true, ValveEnergised = true });
        See(425_000, Reverse() with { Defrost = true });

        Assert.Equal(1, _r.Count(Invariant.I2QuietShift));
        Assert.Equal(1, _r.Count(Invariant.I1MinOff));
        Assert.Equal("I1 at 425000 ms: restart into a defrost 25.0 s after the stop; needs 30.0 s (5.0 s short)", _r.Message(1));
    }

    [Fact]
    public void A_flag_is_not_a_defrost_the_shift_restart_claims_min_off_otherwise()
    {
        // Heating, then a shift to cooling and a restart without the defrost flag (even with the claim).
        See(300_000, Heat());
        See(400_000, Heat(false));
        See(430_000, new OutputState { ValveEnergised = true });
        See(431_000, Reverse() with { QuietShiftRestart = true }, outdoorC: 20f);
        Assert.Equal(1, _r.Count(Invariant.I1MinOff));

        // Straight after power-up there was no heating run, so a "defrost" there is an ordinary start.
        var r = new SafetyReferee(_s, 0, 0);
        r.Observe(30_000, new OutputState { Defrost = true, ValveEnergised = true }, true, true, 20f);
        r.Observe(61_000, Reverse() with { Defrost = true, QuietShiftRestart = true }, true, true, 20f);
        Assert.Equal(1, r.Count(Invariant.I1MinOff));

        // Out of a run that was cooling, not a defrost: min-off too.
        var c = new SafetyReferee(_s, 0, 0);
        c.Observe(30_000, new OutputState { ValveEnergised = true }, true, true, 20f);
        c.Observe(300_000, Reverse(), true, true, 20f);
        c.Observe(400_000, Reverse(false), true, true, 20f);
        c.Observe(430_000, Heat(false), true, true, 20f);
        c.Observe(431_000, Heat() with { QuietShiftRestart = true }, true, true, 20f);
        Assert.Equal(1, c.Count(Invariant.I1MinOff));
    }

    [Fact]
    public void The_valve_moves_only_with_the_compressor_off_for_the_quiet_shift_time()
    {
        See(300_000, Heat());
        See(900_000, Reverse());
        Assert.Equal("I2 at 900000 ms: valve moved with the compressor running", _r.FirstMessage);

        var r = new SafetyReferee(_s, 0, 0);
        r.Observe(300_000, Heat(), true, true, 20f);
        r.Observe(400_000, Heat(false), true, true, 20f);
        r.Observe(429_999, new OutputState { ValveEnergised = true }, true, true, 20f);
        Assert.Equal("I2 at 429999 ms: valve moved 29.9 s after the compressor stopped; needs 30.0 s (0.0 s short)", r.FirstMessage);

        var onTime = new SafetyReferee(_s, 0, 0);
        onTime.Observe(30_000, new OutputState { ValveEnergised = true }, true, true, 20f);
        Assert.Equal(0, onTime.Total);
    }

    [Fact]
    public void A_defrost_running_at_its_maximum_is_one_I3_breach()
    {
        HeatThenShiftIn();
        var melt = Reverse() with { Defrost = true };
        See(431_000, melt);
        See(1_030_999, melt);
        Assert.Equal(0, _r.Total);

        See(1_031_000, melt);
        See(1_032_000, melt);
        Assert.Equal(1, _r.Count(Invariant.I3DefrostMax));
        Assert.Equal("I3 at 1031000 ms: defrost still running 600.0 s after it began; the maximum is 600.0 s (0.0 s over)", _r.FirstMessage);
    }

    [Fact]
    public void Only_a_defrost_under_way_may_run_without_an_indoor_reading()
    {
        HeatThenShiftIn();
        var melt = Reverse() with { Defrost = true };
        See(431_000, melt);
        See(432_000, melt, indoorValid: false);
        Assert.Equal(0, _r.Total);

        // Heating with the defrost flag is not a defrost.
        var r = new SafetyReferee(_s, 0, 0);
        r.Observe(300_000, Heat() with { Defrost = true }, true, true, 5f);
        r.Observe(301_000, Heat() with { Defrost = true }, false, true, 5f);
        r.Observe(302_000, Heat() with { Defrost = true }, false, true, 5f);
        Assert.Equal(1, r.Count(Invariant.I4IndoorReading));
        Assert.Equal("I4 at 301000 ms: compressor running without a valid indoor reading", r.FirstMessage);
    }

    [Fact]
    public void In_a_fault_heat_movers_are_off_the_valve_rests_and_fans_only_finish_a_purge()
    {
        See(30_000, new OutputState { ValveEnergised = true }, outdoorC: 20f);
        See(300_000, Reverse() with { IndoorFanDuty = 0.5f }, outdoorC: 20f);
        See(301_000, new OutputState { Fault = true, ValveEnergised = true, IndoorFanDuty = 0.5f }, outdoorC: 20f);
        See(330_999, new OutputState { Fault = true, ValveEnergised = true, IndoorFanDuty = 0.5f }, outdoorC: 20f);
        Assert.Equal(0, _r.Total);

        See(331_000, new OutputState { Fault = true, ValveEnergised = true, IndoorFanDuty = 0.5f }, outdoorC: 20f);
        Assert.Equal("I5 at 331000 ms: valve still energised in Fault 30.0 s after the stop; it rests from 30.0 s (0.0 s late)", _r.FirstMessage);
        See(332_000, new OutputState { Fault = true, IndoorFanDuty = 0.5f }, outdoorC: 20f);
        See(361_000, new OutputState { Fault = true, IndoorFanDuty = 0.5f }, outdoorC: 20f);
        Assert.Equal("I5 at 361000 ms: fan still running 60.0 s into the Fault; a purge ends by 60.0 s (0.0 s over)", _r.Message(1));
        See(362_000, new OutputState { Fault = true }, outdoorC: 20f);
        See(363_000, new OutputState { Fault = true, OutdoorFanDuty = 1f }, outdoorC: 20f);

        // Aux heats on in a fault (the strips need no refrigerant circuit), with the blower it needs.
        See(364_000, new OutputState { Fault = true, AuxHeat = true, IndoorFanDuty = 0.7f }, outdoorC: 20f);
        See(366_000, new OutputState { Fault = true, Compressor = true, OutdoorFanDuty = 1f }, outdoorC: 20f);
        See(367_000, new OutputState { Fault = true, Compressor = true, OutdoorFanDuty = 1f }, outdoorC: 20f);

        // A breach that lasts, or turns into another breach of the same rule, counts once until it clears.
        Assert.Equal(4, _r.Count(Invariant.I5Fault));
        Assert.Equal("I5 at 363000 ms: fan started in Fault", _r.Message(2));
        Assert.Equal("I5 at 366000 ms: compressor running in Fault", _r.Message(4));
    }

    [Fact]
    public void Heating_below_the_low_ambient_lockout_is_an_I6_breach_at_the_limit_not_before()
    {
        See(300_000, Heat(), outdoorC: -25f);
        Assert.Equal(0, _r.Total);
        See(301_000, Heat(), outdoorC: -27.04f);
        See(302_000, Heat(), outdoorC: -28f);
        See(303_000, Heat(), outdoorValid: false, outdoorC: -30f);

        Assert.Equal(1, _r.Count(Invariant.I6Lockout));
        Assert.Equal("I6 at 301000 ms: heating at -27.0 °C outdoors; locked out below -25.0 °C (2.0 K under)", _r.FirstMessage);
    }

    [Fact]
    public void Cooling_below_its_lockout_is_an_I6_breach_but_a_defrost_it_saw_is_not_cooling()
    {
        HeatThenShiftIn(outdoorC: -5f);
        See(431_000, Reverse() with { Defrost = true }, outdoorC: -5f);
        Assert.Equal(0, _r.Total);

        // The flag drops under the running reverse cycle: it is cooling from then on.
        See(432_000, Reverse(), outdoorC: -5f);
        Assert.Equal("I6 at 432000 ms: cooling at -5.0 °C outdoors; locked out below 12.0 °C (17.0 K under)", _r.FirstMessage);

        // Without an outdoor reading cooling fails safe (locked out); heating without one is the other test's.
        var r = new SafetyReferee(_s, 0, 0);
        r.Observe(30_000, new OutputState { ValveEnergised = true }, true, false, -5f);
        r.Observe(300_000, Reverse(), true, false, -5f);
        Assert.Equal("I6 at 300000 ms: cooling without a valid outdoor reading", r.FirstMessage);

        // A defrost it saw stays no cooling without the reading.
        var d = new SafetyReferee(_s, 0, 0);
        d.Observe(300_000, Heat(), true, true, -5f);
        d.Observe(400_000, new OutputState { Defrost = true }, true, true, -5f);
        d.Observe(430_000, new OutputState { Defrost = true, ValveEnergised = true }, true, true, -5f);
        d.Observe(431_000, Reverse() with { Defrost = true }, true, false, -5f);
        Assert.True(d.Total == 0, d.FirstMessage);
    }

    [Fact]
    public void A_lockout_grace_forgives_a_breach_shorter_than_it()
    {
        var r = new SafetyReferee(_s, 0, 0) { LockoutGraceMs = 60_000 };
        r.Observe(300_000, Heat(), true, true, -30f);
        r.Observe(359_000, Heat(), true, true, -30f);
        r.Observe(360_000, Heat(), true, true, 5f);
        r.Observe(361_000, Heat(), true, true, -30f);
        Assert.Equal(0, r.Total);

        r.Observe(421_000, Heat(), true, true, -30f);
        Assert.Equal(1, r.Count(Invariant.I6Lockout));
    }

    [Fact]
    public void The_seventh_ordinary_start_in_an_hour_is_an_I7_breach_and_defrost_restarts_do_not_count()
    {
        Assert.True(_s.TrySet(SettingId.MinOffTime, 180, out _));
        long t = 180_000;
        for (int i = 0; i < 6; i++)
        {
            See(t, Heat());
            See(t + 60_000, Heat(false));
            t += 240_000;
        }

        Assert.Equal(0, _r.Total);
        See(179_999 + 3_600_000, Heat());
        Assert.Equal("I7 at 3779999 ms: 7 starts within an hour; the maximum is 6 (1 over)", _r.FirstMessage);
        See(179_999 + 3_600_000 + 60_000, Heat(false));

        // A defrost's two restarts within the same hour are not ordinary starts.
        var r = new SafetyReferee(_s, 0, 0);
        long u = 180_000;
        for (int i = 0; i < 6; i++)
        {
            r.Observe(u, Heat(), true, true, 5f);
            r.Observe(u + 60_000, new OutputState { Defrost = true }, true, true, 5f);
            r.Observe(u + 90_000, new OutputState { Defrost = true, ValveEnergised = true }, true, true, 5f);
            r.Observe(u + 120_000, Reverse() with { Defrost = true }, true, true, 5f);
            r.Observe(u + 180_000, new OutputState { Defrost = true, ValveEnergised = true }, true, true, 5f);
            r.Observe(u + 210_000, Heat(false), true, true, 5f);
            r.Observe(u + 240_000, Heat(), true, true, 5f);
            r.Observe(u + 300_000, Heat(false), true, true, 5f);
            u += 720_000;
        }

        Assert.Equal(0, r.Total);
    }

    [Fact]
    public void Power_up_forgets_the_runs_before_it()
    {
        See(300_000, Heat());
        See(400_000, new OutputState { Defrost = true });
        _r.PowerUp(410_000, 5000);
        See(440_000, new OutputState { Defrost = true, ValveEnergised = true });
        See(471_000, Reverse() with { Defrost = true, QuietShiftRestart = true }, outdoorC: 20f);

        Assert.Equal(1, _r.Count(Invariant.I1MinOff));
        Assert.Equal("I1 at 471000 ms: compressor started 61.0 s after power-up; needs 305.0 s (244.0 s short)", _r.FirstMessage);
    }

    [Fact]
    public void Only_the_first_messages_are_kept_but_every_breach_is_counted()
    {
        long t = 300_000;
        for (int i = 0; i < SafetyReferee.MaxMessages + 5; i++)
        {
            See(t, Heat());
            See(t + 1000, Heat(false));
            t += 2000;
        }

        Assert.Equal(SafetyReferee.MaxMessages + 4, _r.Count(Invariant.I1MinOff));
        Assert.Equal(SafetyReferee.MaxMessages, _r.MessageCount);
    }

    [Fact]
    public void A_compressor_without_the_outdoor_fan_is_an_A1_breach_unless_in_a_defrost_it_saw()
    {
        See(300_000, Heat() with { OutdoorFanDuty = 0f }, outdoorC: 5f);
        See(301_000, Heat() with { OutdoorFanDuty = 0f }, outdoorC: 5f);
        Assert.Equal(1, _r.Count(Invariant.A1OutdoorFan));
        Assert.Equal("A1 at 300000 ms: compressor running with the outdoor fan at 0.0 % outside a defrost", _r.FirstMessage);

        // The melt of a defrost that followed a heating run runs without the fan; the flag alone does not.
        var d = new SafetyReferee(_s, 0, 0);
        d.Observe(300_000, Heat(), true, true, 5f);
        d.Observe(400_000, new OutputState { Defrost = true }, true, true, 5f);
        d.Observe(430_000, new OutputState { Defrost = true, ValveEnergised = true }, true, true, 5f);
        d.Observe(431_000, Reverse() with { Defrost = true, OutdoorFanDuty = 0f }, true, true, 5f);
        Assert.True(d.Total == 0, d.FirstMessage);

        var f = new SafetyReferee(_s, 0, 0);
        f.Observe(30_000, new OutputState { ValveEnergised = true }, true, true, 20f);
        f.Observe(300_000, Reverse() with { Defrost = true, OutdoorFanDuty = 0f }, true, true, 20f);
        Assert.Equal("A1 at 300000 ms: compressor running with the outdoor fan at 0.0 % outside a defrost (the defrost flag is on, but no defrost followed a heating run)", f.FirstMessage);
    }

    [Fact]
    public void Cooling_with_the_drain_switch_open_is_a_D1_breach_and_heating_is_not()
    {
        _r.Observe(30_000, new OutputState { ValveEnergised = true }, true, true, 30f, false);
        _r.Observe(300_000, Reverse(), true, true, 30f, false);
        Assert.Equal(0, _r.Total);
        _r.Observe(301_000, Reverse(), true, true, 30f, true);
        _r.Observe(302_000, Reverse(), true, true, 30f, true);
        Assert.Equal(1, _r.Count(Invariant.D1Drain));
        Assert.Equal("D1 at 301000 ms: cooling with the condensate overflow switch open", _r.FirstMessage);

        var h = new SafetyReferee(_s, 0, 0);
        h.Observe(300_000, Heat(), true, true, 5f, true);
        Assert.Equal(0, h.Total);
    }

    [Fact]
    public void Aux_below_the_blower_minimum_is_an_A2_breach_naming_the_shortfall()
    {
        // aux.min-duty is 70 % by default, above fan.indoor.min-duty's 40 %.
        See(1_000, new OutputState { AuxHeat = true, IndoorFanDuty = 0.7f });
        Assert.Equal(0, _r.Total);
        See(2_000, new OutputState { AuxHeat = true, IndoorFanDuty = 0.6f });
        See(3_000, new OutputState { AuxHeat = true });
        Assert.Equal(1, _r.Count(Invariant.A2AuxBlower));
        Assert.Equal("A2 at 2000 ms: aux heat on with the blower at 60.0 %; needs 70.0 % (10.0 % short)", _r.FirstMessage);

        See(3_500, new OutputState { IndoorFanDuty = 0.7f });
        Assert.True(_s.TrySet(SettingId.IndoorFanMinDuty, 80, out _));
        See(4_000, new OutputState { AuxHeat = true, IndoorFanDuty = 0.75f });
        Assert.Equal(2, _r.Count(Invariant.A2AuxBlower));
    }

    [Fact]
    public void Aux_in_a_fault_needs_a_valid_indoor_reading_and_may_bring_the_blower()
    {
        See(1_000, new OutputState { Fault = true, AuxHeat = true, IndoorFanDuty = 0.7f });
        Assert.Equal(0, _r.Total);
        See(2_000, new OutputState { Fault = true, AuxHeat = true, IndoorFanDuty = 0.7f }, indoorValid: false);
        Assert.Equal(1, _r.Count(Invariant.I5Fault));
        Assert.Equal("I5 at 2000 ms: aux heat on in Fault without a valid indoor reading", _r.FirstMessage);
    }

    [Fact]
    public void Every_aux_stop_needs_a_blower_purge_at_the_aux_minimum_an_A3_breach_otherwise()
    {
        See(1_000, new OutputState { AuxHeat = true, IndoorFanDuty = 1f });
        See(2_000, new OutputState { IndoorFanDuty = 0.7f });
        See(61_999, new OutputState { IndoorFanDuty = 0.7f });
        See(62_000, new OutputState());
        Assert.Equal(0, _r.Total);

        See(63_000, new OutputState { AuxHeat = true, IndoorFanDuty = 1f });
        See(64_000, new OutputState { IndoorFanDuty = 0.4f });
        Assert.Equal(1, _r.Count(Invariant.A3AuxPurge));
        Assert.Equal("A3 at 64000 ms: blower at 40.0 % 0.0 s after aux stopped; the purge needs 70.0 % for 60.0 s", _r.FirstMessage);
    }

    [Fact]
    public void In_emergency_heat_the_compressor_and_outdoor_fan_never_run_an_A4_breach_otherwise()
    {
        Assert.True(_s.TrySet(SettingId.Mode, (int)UserMode.EmergencyHeat, out _));
        See(400_000, new OutputState { AuxHeat = true, IndoorFanDuty = 1f });
        Assert.Equal(0, _r.Total);
        See(401_000, new OutputState { AuxHeat = true, IndoorFanDuty = 1f, OutdoorFanDuty = 1f });
        See(402_000, new OutputState { AuxHeat = true, IndoorFanDuty = 1f, OutdoorFanDuty = 1f, Compressor = true });
        Assert.Equal(1, _r.Count(Invariant.A4EmergencyHeat));
        Assert.Equal("A4 at 401000 ms: outdoor fan at 100.0 % in emergency heat", _r.FirstMessage);
    }
}
