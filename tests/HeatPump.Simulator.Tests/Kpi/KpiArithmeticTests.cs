using Xunit;
using HeatPump.Control;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Kpi;

namespace HeatPump.Simulator.Tests;

/// <summary>The KPIs on short traces whose answers are worked out by hand in each test.</summary>
public class KpiArithmeticTests
{
    private static ControllerSettings HeatAt20()
    {
        var s = new ControllerSettings();
        Assert.True(s.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        return s; // heat.setpoint 20.0 °C, compressor.min-run 180 s
    }

    /// <summary>Feeds a trace at <paramref name="stepS"/> seconds a tick, with the indoor, frost and defrost end given per tick.</summary>
    private static KpiResult Feed(KpiAccumulator k, string trace, double stepS, Func<int, double>? indoor = null,
        Func<int, double>? frost = null, Func<int, DefrostEnd>? end = null)
    {
        for (int i = 0; i < trace.Length; i++)
        {
            OutputState o = KpiTrace.At(trace[i]);
            k.Observe((long)(i * stepS * 1000), o, indoor?.Invoke(i) ?? 20.0, frost?.Invoke(i) ?? 0.0, end?.Invoke(i) ?? DefrostEnd.None, stepS);
        }

        return k.Result("test", 0, new EnergyLedger());
    }

    [Fact]
    public void Discomfort_counts_kelvin_hours_outside_setpoint_plus_minus_one()
    {
        var k = new KpiAccumulator(HeatAt20());
        double[] indoor = { 20.0, 18.5, 22.0, 19.0 };
        // 15-minute ticks: 20.0 and 19.0 are inside 19..21; 18.5 is 0.5 K under for 900 s,
        // 22.0 is 1.0 K over for 900 s: (0.5 + 1.0) × 900 K·s = 1350 K·s = 0.375 K·h.
        KpiResult r = Feed(k, "....", 900, i => indoor[i]);
        Assert.Equal(0.375, r.DiscomfortKh, 9);
    }

    [Fact]
    public void Discomfort_in_cool_mode_uses_the_cooling_setpoint()
    {
        var s = new ControllerSettings();
        s.TrySet(SettingId.Mode, (int)UserMode.Cool, out _); // cool.setpoint 24.0: band 23..25
        var k = new KpiAccumulator(s);
        // One hour at 26 °C (1 K over) and one at 20 °C (3 K under): 4 K·h.
        KpiResult r = Feed(k, "..", 3600, i => i == 0 ? 26.0 : 20.0);
        Assert.Equal(4.0, r.DiscomfortKh, 9);
    }

    [Fact]
    public void Energy_heat_and_seasonal_cop_come_from_the_plant_powers()
    {
        var k = new KpiAccumulator(HeatAt20());
        var ledger = new EnergyLedger();
        ledger.Add(new Flows(2000, 6000, 0), 3600); // 2 kWh in, 6 kWh out
        ledger.Add(new Flows(1000, -500, 0), 1800); // a defrost: 0.5 kWh in, 0.25 kWh taken from the house
        ledger.Add(new Flows(5000, 5000, 5000), 720); // strips alone: 1 kWh in and out, all of it aux
        KpiResult r = k.Result("test", 0, ledger);
        Assert.Equal(3.5, r.EnergyKWh, 9);
        Assert.Equal(6.75, r.HeatDeliveredKWh, 9);
        Assert.Equal(6.75 / 3.5, r.Scop, 9);
        Assert.Equal(1.0, r.AuxKWh, 9);
    }

    /// <summary>A plant that only reports the powers of its last step.</summary>
    private sealed class Flows : HeatPump.Simulator.Plant.IPlant
    {
        public Flows(double electricW, double heatW, double auxW)
        {
            ElectricPowerW = electricW;
            HeatToHouseW = heatW;
            AuxPowerW = auxW;
        }

        public double IndoorC => 20;

        public double OutdoorC => 0;

        public double CoilC => 0;

        public double FrostFraction => 0;

        public double ElectricPowerW { get; }

        public double HeatToHouseW { get; }

        public double AuxPowerW { get; }

        public void Step(double dtSeconds, in OutputState outputs, in HeatPump.Simulator.Plant.WeatherSample weather)
        {
        }
    }

    [Fact]
    public void Starts_and_short_cycles_follow_the_minimum_run()
    {
        var k = new KpiAccumulator(HeatAt20());
        // One-minute ticks: a 3-minute run (= min run, not short), a 2-minute run (short), a 4-minute run.
        string trace = "....." + "hhh" + "....." + "hh" + "......" + "hhhh" + ".";
        KpiResult r = Feed(k, trace, 60);
        Assert.Equal(3, r.CompressorStarts);
        Assert.Equal(1, r.ShortCycles);
        // 26 ticks of a minute: 3 starts in 26/60 h.
        Assert.Equal(26, trace.Length);
        Assert.Equal(3 / (26 / 60.0), r.StartsPerHour, 9);
    }

    [Fact]
    public void A_defrost_is_one_defrost_and_its_shift_restarts_are_neither_starts_nor_short_cycles()
    {
        var k = new KpiAccumulator(HeatAt20());
        // Heat for 5 min, stop into the defrost, shift, melt 4 min, stop, shift back, restart in heat
        // for 3 min (a shift restart: not a start, and its short run is not a short cycle), stop.
        string trace = "....." + "hhhhh" + "dD" + "MMMM" + "Dd" + "rhh" + ".";
        KpiResult r = Feed(k, trace, 60, end: i => DefrostEnd.MaxTime);
        Assert.Equal(1, r.CompressorStarts);
        Assert.Equal(0, r.ShortCycles);
        Assert.Equal(1, r.Defrosts);
        Assert.Equal(8.0, r.DefrostMinutes, 9); // d D M M M M D d
        Assert.Equal(1, r.DefrostsEndedByTime);
    }

    [Fact]
    public void Defrost_end_cause_and_clean_coil_are_judged_per_defrost()
    {
        var k = new KpiAccumulator(HeatAt20());
        string one = "hhhhh" + "dD" + "MM" + "Dd" + "r";
        string trace = "....." + one + "hhhh" + one + "hh";
        int firstStart = 10;               // the first 'd'
        int secondStart = 10 + 7 + 4 + 5; // the second 'd'
        double[] frost = new double[trace.Length];
        for (int i = 0; i < frost.Length; i++)
        {
            frost[i] = i == firstStart ? 0.05 : i == secondStart ? 0.25 : 0.02;
        }

        frost[secondStart - 1] = 0.31; // the peak, just before the second defrost
        // The first defrost ends on coil temperature, the second on time.
        KpiResult r = Feed(k, trace, 60, i => 20.0, i => frost[i], i => i < secondStart ? DefrostEnd.CoilTemperature : DefrostEnd.MaxTime);
        Assert.Equal('d', trace[firstStart]);
        Assert.Equal('d', trace[secondStart]);
        Assert.Equal(2, r.Defrosts);
        Assert.Equal(1, r.DefrostsOnCleanCoil); // 0.05 < 10 %, 0.25 is not
        Assert.Equal(1, r.DefrostsEndedByTime);
        Assert.Equal(0.31, r.PeakFrostFraction, 9);
        Assert.Equal(1, r.CompressorStarts);
        Assert.Equal(12.0, r.DefrostMinutes, 9);
    }

    [Fact]
    public void A_run_cut_short_by_a_defrost_is_not_a_short_cycle_but_one_stopped_by_the_thermostat_is()
    {
        var k = new KpiAccumulator(HeatAt20());
        string trace = "....." + "h" + "dD" + "MM" + "Dd" + "......" + "h" + ".";
        KpiResult r = Feed(k, trace, 60);
        Assert.Equal(2, r.CompressorStarts);
        Assert.Equal(1, r.ShortCycles);
    }
}
