using HeatPump.Control.FrontPanel;
using HeatPump.Control;
using HeatPump.Control.Commissioning;
using HeatPump.Simulator.Commissioning;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Sweep;
using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>
/// The commissioning run against installed units (issue 14): every install fault the simulator can
/// make is named, and a correct install passes, on plants drawn from the plant family in weather
/// drawn from the run's operating range.
/// </summary>
public class CommissioningTests
{
    /// <summary>Plants (and days) per case.</summary>
    private const int Plants = 24;

    private const int Seed = 1414;

    /// <summary>
    /// Plant <paramref name="i"/> of the family with <paramref name="fault"/> applied, and a day in the
    /// range where both modes can be tested: outdoor 15–23 °C drifting up to ±1 K/h, the room 19–26 °C.
    /// </summary>
    public static (PlantParameters Plant, CommissioningWeather Weather, double IndoorC) Case(int i, Func<PlantParameters, PlantParameters> fault)
    {
        PlantParameters p = PlantFamily.Draw(Seed, i);

        // The family varies the heating side; a unit's cooling capacity goes with its size.
        p = p with { RatedCoolingCapacityW = p.RatedHeatingCapacityW * PlantParameters.Default.RatedCoolingCapacityW / PlantParameters.Default.RatedHeatingCapacityW };
        var r = new DeterministicRandom(Seed, 0xC0DE0000UL + (ulong)i);
        var w = new CommissioningWeather(r.Uniform(15.0, 23.0), r.Uniform(30.0, 85.0), r.Uniform(0.0, 500.0), r.Uniform(-1.0, 1.0));
        return (fault(p), w, r.Uniform(19.0, 26.0));
    }

    private static CommissioningHarness Commissioned(int i, Func<PlantParameters, PlantParameters> fault, bool supply)
    {
        var (p, w, indoor) = Case(i, fault);
        var h = new CommissioningHarness(p, w, indoor, supply, Seed + i);
        Assert.True(h.Commission(), $"plant {i}: the run did not finish");
        return h;
    }

    private static string Figures(CommissioningHarness h)
    {
        ModeCheck c = h.Run.CoolingCheck, t = h.Run.HeatingCheck;
        return $"found {h.Describe()}; cooling side {c.CoilSideK:F1} K moves out {c.OutdoorMoveK:F1} coil {c.CoilMoveK:F1} split {c.SplitK:F1} trip {c.Trip}; "
            + $"heating side {t.CoilSideK:F1} K moves out {t.OutdoorMoveK:F1} coil {t.CoilMoveK:F1} split {t.SplitK:F1} trip {t.Trip}";
    }

    public static IEnumerable<object[]> Faults() => new[]
    {
        new object[] { "correct", CommissioningFinding.None },
        new object[] { "reversed-polarity", CommissioningFinding.ReversedValve },
        new object[] { "stuck-valve", CommissioningFinding.StuckValve },
        new object[] { "swapped-probes", CommissioningFinding.ProbesSwapped },
        new object[] { "coil-probe-off-coil", CommissioningFinding.CoilProbeOffCoil },
        new object[] { "dead-indoor-fan", CommissioningFinding.IndoorFanNoAir },
        new object[] { "dead-outdoor-fan", CommissioningFinding.OutdoorFanNotRunning },
        new object[] { "low-charge", CommissioningFinding.WeakCapacity },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_install_fault_is_named_and_nothing_else_on_two_dozen_plants(string fault, CommissioningFinding expected)
    {
        var failures = new List<string>();
        for (int i = 0; i < Plants; i++)
        {
            CommissioningHarness h = Commissioned(i, p => InstallFaults.Apply(p, fault), supply: true);
            int want = expected == CommissioningFinding.None ? 0 : CommissioningRun.Bit(expected);
            if (h.Run.Findings != want) failures.Add($"plant {i}: {Figures(h)}");
            Assert.True(h.Referee.Total == 0, $"plant {i}: {h.Referee.FirstMessage}");
        }

        Assert.True(failures.Count == 0, $"{fault}: {failures.Count} of {Plants} plants misdiagnosed (want {DisplayCodes.DescribeFindings(expected == CommissioningFinding.None ? 0 : CommissioningRun.Bit(expected))}):\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("correct", CommissioningFinding.None)]
    [InlineData("reversed-polarity", CommissioningFinding.ReversedValve)]
    [InlineData("stuck-valve", CommissioningFinding.StuckValve)]
    [InlineData("swapped-probes", CommissioningFinding.ProbesSwapped)]
    [InlineData("coil-probe-off-coil", CommissioningFinding.CoilProbeOffCoil)]
    [InlineData("dead-outdoor-fan", CommissioningFinding.OutdoorFanNotRunning)]
    public void Without_a_supply_probe_the_outdoor_checks_still_name_the_fault_and_the_split_is_reported_unchecked(string fault, CommissioningFinding expected)
    {
        var failures = new List<string>();
        for (int i = 0; i < Plants; i += 4)
        {
            CommissioningHarness h = Commissioned(i, p => InstallFaults.Apply(p, fault), supply: false);
            int want = (expected == CommissioningFinding.None ? 0 : CommissioningRun.Bit(expected));
            bool splitNoted = h.Run.Has(CommissioningFinding.SplitNotChecked);
            bool probesFinding = expected == CommissioningFinding.ProbesSwapped || expected == CommissioningFinding.CoilProbeOffCoil;
            int got = h.Run.Findings & ~CommissioningRun.Bit(CommissioningFinding.SplitNotChecked);
            if (got != want || (!splitNoted && !probesFinding)) failures.Add($"plant {i}: {Figures(h)}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

/// <summary>
/// The commissioning run on the virtual board (the firmware's loop over a byte-level 1-Wire bus): the
/// supply-air probe reaches the run only through the board's fourth learned role.
/// </summary>
public class BoardCommissioningTests
{
    private static CommissioningReport Commission(string fault, bool supplyProbe, bool unplugProbe = false)
    {
        using var bench = new HeatPump.Simulator.Bench.BenchSession(new HeatPump.Simulator.Bench.BenchOptions(
            OutdoorC: 20, RelativeHumidity: 50, IndoorC: 22, Board: true, InstallFault: fault, SupplyProbe: supplyProbe));
        if (unplugProbe) bench.Install(fault, supplyProbe: false);
        Assert.True(bench.Core.StartCommissioning(bench.NowMs));
        long giveUp = bench.NowMs + 60L * 60 * 1000;
        while (bench.Core.Commissioning.Active && bench.NowMs < giveUp) bench.Step();
        Assert.False(bench.Core.Commissioning.Active, "the run did not finish within an hour");
        Assert.Equal(0, bench.Referee.Total);
        Assert.True(bench.Core.CommissioningReport.UptimeSeconds >= 2 * 6 * 60, "both modes run for minutes");
        return bench.Core.CommissioningReport;
    }

    [Fact]
    public void With_the_supply_probe_learned_the_board_measures_the_split_and_a_correct_install_passes()
    {
        CommissioningReport r = Commission("correct", supplyProbe: true);
        Assert.True(r.Passed, DisplayCodes.DescribeFindings(r.Findings));
        Assert.Equal(0, r.Findings);
        Assert.True(r.SupplyFitted[0] && r.SupplyFitted[1]);
        Assert.True(r.SupplyEnd[0] < r.IndoorEnd[0] - 50, $"cooling supply {r.SupplyEnd[0]} indoor {r.IndoorEnd[0]} (tenths)");
        Assert.True(r.SupplyEnd[1] > r.IndoorEnd[1] + 100, $"heating supply {r.SupplyEnd[1]} indoor {r.IndoorEnd[1]} (tenths)");
    }

    [Fact]
    public void With_the_supply_probe_the_board_names_a_dead_indoor_fan_which_it_cannot_see_without()
    {
        CommissioningReport with = Commission("dead-indoor-fan", supplyProbe: true);
        Assert.Equal(CommissioningRun.Bit(CommissioningFinding.IndoorFanNoAir), with.Findings & CommissioningRun.Bit(CommissioningFinding.IndoorFanNoAir));
        Assert.Equal(0, with.Findings & CommissioningRun.Bit(CommissioningFinding.SplitNotChecked));

        CommissioningReport without = Commission("correct", supplyProbe: false);
        Assert.Equal(CommissioningRun.Bit(CommissioningFinding.SplitNotChecked), without.Findings);
        Assert.False(without.SupplyFitted[0] || without.SupplyFitted[1]);
    }

    [Fact]
    public void A_learned_supply_probe_that_drops_off_the_bus_only_leaves_the_split_unchecked()
    {
        CommissioningReport r = Commission("correct", supplyProbe: true, unplugProbe: true);
        Assert.True(r.Passed);
        Assert.Equal(CommissioningRun.Bit(CommissioningFinding.SplitNotChecked), r.Findings);
    }

    [Theory]
    [InlineData("swapped-probes", CommissioningFinding.ProbesSwapped)]
    [InlineData("coil-probe-off-coil", CommissioningFinding.CoilProbeOffCoil)]
    public void Probes_installed_wrongly_are_named_on_the_board_as_in_the_core(string fault, CommissioningFinding expected)
    {
        // The board's DS18B20 models read what the plant puts at each probe, mistakes included.
        CommissioningReport r = Commission(fault, supplyProbe: true);
        Assert.Equal(CommissioningRun.Bit(expected), r.Findings);
    }
}
