using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Proof.Tests.Protection;

/// <summary>
/// The monitor is the judge of every property and scenario: it must see each breach, at the
/// boundary the design draws, and nothing else. Defaults: min-off 300 s, quiet shift 30 s, 6 starts
/// an hour, defrost 600 s at most, heat lockout −20 °C, cool lockout +12 °C, O polarity (valve
/// energised in cool).
/// </summary>
public class InvariantMonitorTests
{
    private readonly ControllerSettings _s = new();
    private readonly InvariantMonitor _m;

    public InvariantMonitorTests()
    {
        _m = new InvariantMonitor(_s, 0, 0);
    }

    private static OutputState Heat(bool on = true) => new() { Compressor = on };

    private static OutputState Cool(bool on = true) => new() { Compressor = on, ValveEnergised = true };

    private void See(long t, OutputState o, bool indoorValid = true, bool outdoorValid = true, float outdoorC = 5f) =>
        _m.Observe(t, o, indoorValid, outdoorValid, outdoorC);

    [Fact]
    public void A_start_before_min_off_after_power_up_is_an_I1_breach_and_the_first_is_remembered()
    {
        See(299_999, Heat());
        Assert.Equal(1, _m.Count(Invariant.MinOffTime));
        Assert.Equal(1, _m.Total);
        Assert.Equal(Invariant.MinOffTime, _m.First);
        Assert.Equal(299_999, _m.FirstAtMs);
    }

    [Fact]
    public void A_start_exactly_at_min_off_plus_stagger_is_allowed_and_one_before_is_not()
    {
        var m = new InvariantMonitor(_s, 1000, 20_000);
        m.Observe(321_000, Heat(), true, true, 5f);
        Assert.Equal(0, m.Total);

        var early = new InvariantMonitor(_s, 1000, 20_000);
        early.Observe(320_999, Heat(), true, true, 5f);
        Assert.Equal(1, early.Count(Invariant.MinOffTime));
    }

    [Fact]
    public void Min_off_counts_from_the_stop()
    {
        See(300_000, Heat());
        See(400_000, Heat(false));
        See(699_999, Heat());
        Assert.Equal(1, _m.Count(Invariant.MinOffTime));
        See(700_000, Heat(false));
        See(1_000_000, Heat());
        Assert.Equal(1, _m.Total);
    }

    [Fact]
    public void A_quiet_shift_restart_needs_the_valve_moved_while_off_and_30_s()
    {
        See(300_000, Heat());
        See(400_000, Heat(false));
        See(430_000, new OutputState { ValveEnergised = true });
        See(431_000, new OutputState { Compressor = true, ValveEnergised = true, QuietShiftRestart = true, Defrost = true });
        Assert.Equal(0, _m.Total);

        // The claim without a valve move is an ordinary start: min-off applies.
        See(500_000, new OutputState { ValveEnergised = true });
        See(531_000, new OutputState { Compressor = true, ValveEnergised = true, QuietShiftRestart = true });
        Assert.Equal(1, _m.Count(Invariant.MinOffTime));
    }

    [Fact]
    public void The_quiet_shift_exception_does_not_apply_after_power_up()
    {
        See(30_000, new OutputState { ValveEnergised = true });
        See(61_000, new OutputState { Compressor = true, ValveEnergised = true, QuietShiftRestart = true });
        Assert.Equal(1, _m.Count(Invariant.MinOffTime));
    }

    [Fact]
    public void Only_four_quiet_shift_restarts_an_hour_use_the_exception()
    {
        long t = 300_000;
        See(t, Heat(), outdoorC: 20f);
        bool valve = false;
        for (int i = 0; i < SafetyGuard.MaxShiftRestartsPerHour + 1; i++)
        {
            t += 60_000;
            See(t, new OutputState { ValveEnergised = valve }, outdoorC: 20f);
            valve = !valve;
            t += 30_000;
            See(t, new OutputState { ValveEnergised = valve }, outdoorC: 20f);
            t += 1000;
            See(t, new OutputState { Compressor = true, ValveEnergised = valve, QuietShiftRestart = true }, outdoorC: 20f);
        }

        // The fifth restart within the hour is an ordinary start 31 s after a stop.
        Assert.Equal(1, _m.Total);
        Assert.Equal(1, _m.Count(Invariant.MinOffTime));
    }

    [Fact]
    public void A_quiet_shift_restart_an_hour_after_the_first_of_four_uses_the_exception_again()
    {
        long t = 300_000;
        See(t, Heat(), outdoorC: 20f);
        bool valve = false;
        long first = 0;
        for (int i = 0; i < SafetyGuard.MaxShiftRestartsPerHour + 1; i++)
        {
            if (i == SafetyGuard.MaxShiftRestartsPerHour)
            {
                // The fifth comes exactly an hour after the first: that one has left the window.
                t = first + 3_600_000 - 31_000 - 60_000;
            }

            t += 60_000;
            See(t, new OutputState { ValveEnergised = valve }, outdoorC: 20f);
            valve = !valve;
            t += 30_000;
            See(t, new OutputState { ValveEnergised = valve }, outdoorC: 20f);
            t += 1000;
            See(t, new OutputState { Compressor = true, ValveEnergised = valve, QuietShiftRestart = true }, outdoorC: 20f);
            if (i == 0)
            {
                first = t;
            }
        }

        Assert.Equal(first + 3_600_000, t);
        Assert.Equal(0, _m.Total);
    }

    [Fact]
    public void The_valve_moves_only_with_the_compressor_off_for_the_quiet_shift_time()
    {
        See(300_000, Heat());
        See(301_000, Cool());
        Assert.Equal(1, _m.Count(Invariant.QuietShift));

        var m = new InvariantMonitor(_s, 0, 0);
        m.Observe(300_000, Heat(), true, true, 5f);
        m.Observe(400_000, Heat(false), true, true, 5f);
        m.Observe(429_999, Cool(false), true, true, 5f);
        Assert.Equal(1, m.Count(Invariant.QuietShift));

        var ok = new InvariantMonitor(_s, 0, 0);
        ok.Observe(300_000, Heat(), true, true, 5f);
        ok.Observe(400_000, Heat(false), true, true, 5f);
        ok.Observe(430_000, Cool(false), true, true, 5f);
        Assert.Equal(0, ok.Total);
    }

    [Fact]
    public void A_valve_moved_in_the_tick_the_compressor_starts_is_a_breach()
    {
        See(400_000, Cool());
        Assert.Equal(1, _m.Count(Invariant.QuietShift));
    }

    [Fact]
    public void A_reverse_cycle_longer_than_the_maximum_is_an_I3_breach()
    {
        var d = new OutputState { Compressor = true, ValveEnergised = true, Defrost = true };
        See(300_000, d);
        See(900_000, d);
        Assert.Equal(0, _m.Count(Invariant.DefrostDuration));
        See(900_001, d);
        Assert.Equal(1, _m.Count(Invariant.DefrostDuration));

        // A new reverse cycle starts its own clock.
        See(901_000, new OutputState { ValveEnergised = true, Defrost = true });
        See(1_300_000, new OutputState { ValveEnergised = true });
        See(1_600_000, d);
        See(2_200_000, d);
        Assert.Equal(1, _m.Count(Invariant.DefrostDuration));
    }

    [Fact]
    public void Running_without_a_trusted_indoor_reading_is_an_I4_breach_except_in_a_reverse_cycle()
    {
        See(100_000, new OutputState { ValveEnergised = true });
        See(300_000, new OutputState { Compressor = true, ValveEnergised = true, Defrost = true }, indoorValid: false);
        Assert.Equal(0, _m.Total);
        See(301_000, new OutputState { Compressor = true, ValveEnergised = true }, indoorValid: false, outdoorC: 20f);
        Assert.Equal(1, _m.Count(Invariant.IndoorReading));
    }

    [Fact]
    public void Compressor_or_aux_in_a_fault_is_an_I5_breach()
    {
        See(100_000, new OutputState { Fault = true, AuxHeat = true });
        Assert.Equal(1, _m.Count(Invariant.FaultOutputs));
        See(400_000, new OutputState { Fault = true, Compressor = true });
        Assert.Equal(2, _m.Count(Invariant.FaultOutputs));
        See(401_000, new OutputState { Fault = true, IndoorFanDuty = 0.4f });
        Assert.Equal(2, _m.Count(Invariant.FaultOutputs));
    }

    [Fact]
    public void Heating_below_the_low_ambient_lockout_is_an_I6_breach_at_the_limit_not()
    {
        See(300_000, Heat(), outdoorC: -20f);
        Assert.Equal(0, _m.Total);
        See(301_000, Heat(), outdoorC: -20.1f);
        Assert.Equal(1, _m.Count(Invariant.AmbientLockout));

        // Without an outdoor reading the lockouts cannot be judged; a defrost is not heating.
        See(302_000, Heat(), outdoorValid: false, outdoorC: -30f);
        See(303_000, new OutputState { Compressor = true, Defrost = true }, outdoorC: -30f);
        Assert.Equal(1, _m.Total);
    }

    [Fact]
    public void Cooling_below_the_cooling_lockout_is_an_I6_breach_and_polarity_decides_which_is_which()
    {
        See(100_000, Cool(false));
        See(300_000, Cool(), outdoorC: 12f);
        Assert.Equal(0, _m.Total);
        See(301_000, Cool(), outdoorC: 11.9f);
        Assert.Equal(1, _m.Count(Invariant.AmbientLockout));

        // B polarity: the energised valve is heating, allowed at 5 °C; de-energised is cooling, not.
        var b = new ControllerSettings();
        Assert.True(b.TrySet(SettingId.ValvePolarity, 1, out _));
        var m = new InvariantMonitor(b, 0, 0);
        m.Observe(100_000, new OutputState { ValveEnergised = true }, true, true, 5f);
        m.Observe(300_000, new OutputState { Compressor = true, ValveEnergised = true }, true, true, 5f);
        Assert.Equal(0, m.Total);
        m.Observe(400_000, new OutputState { ValveEnergised = true }, true, true, 5f);
        m.Observe(430_000, new OutputState(), true, true, 5f);
        m.Observe(700_000, new OutputState { Compressor = true }, true, true, 5f);
        Assert.Equal(1, m.Count(Invariant.AmbientLockout));
        Assert.Equal(1, m.Total);
    }

    /// <summary>Six one-minute runs 3 min apart from t = 180 s (min-off 180 s): the most an hour allows by default. Returns the time after them.</summary>
    private static long SixOneMinuteRuns(InvariantMonitor m)
    {
        long t = 180_000;
        for (int i = 0; i < 6; i++)
        {
            m.Observe(t, Heat(), true, true, 5f);
            m.Observe(t + 60_000, Heat(false), true, true, 5f);
            t += 240_000;
        }

        return t;
    }

    [Fact]
    public void More_starts_in_an_hour_than_the_maximum_is_an_I7_breach()
    {
        Assert.True(_s.TrySet(SettingId.MinOffTime, 180, out _));
        long t = SixOneMinuteRuns(_m);

        Assert.Equal(0, _m.Total);
        See(t, Heat());
        Assert.Equal(1, _m.Count(Invariant.StartsPerHour));
        Assert.Equal(Invariant.StartsPerHour, _m.First);

        // An hour after the first start it falls out of the window.
        var m = new InvariantMonitor(_s, 0, 0);
        SixOneMinuteRuns(m);

        m.Observe(180_000 + 3_600_000, Heat(), true, true, 5f);
        Assert.Equal(0, m.Total);
    }

    [Fact]
    public void Power_up_forgets_the_starts_of_the_last_hour()
    {
        Assert.True(_s.TrySet(SettingId.MinOffTime, 180, out _));
        long t = SixOneMinuteRuns(_m);

        _m.PowerUp(t, 0);
        See(t + 180_000, Heat());
        Assert.Equal(0, _m.Total);
    }

    [Fact]
    public void Power_up_forgets_the_outputs_and_restarts_min_off()
    {
        See(100_000, Cool(false));
        See(300_000, Cool(), outdoorC: 25f);
        _m.PowerUp(400_000, 5000);

        // The valve dropped with the power: not a shift under a running compressor.
        See(401_000, new OutputState());
        Assert.True(_m.Total == 0, _m.First.ToString());
        See(704_999, Heat());
        Assert.Equal(1, _m.Count(Invariant.MinOffTime));
    }
}
