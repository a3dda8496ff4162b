using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Sweep;
using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>The plant-family sweep: its draws, its command line, and the small sweep CI runs on every change.</summary>
public class SweepTests
{
    [Theory]
    [InlineData("--plants needs a whole number from 1 to 4096, got '0'", "sweep", "--plants", "0")]
    [InlineData("--plants needs a whole number from 1 to 4096, got 'lots'", "sweep", "--plants", "lots")]
    [InlineData("--cores needs a whole number from 1 to 1024, got '-2'", "sweep", "--cores", "-2")]
    [InlineData("--climates: 'hot-summer' is not a heating climate", "sweep", "--climates", "humid-cold,hot-summer")]
    [InlineData("--climates needs at least one climate", "sweep", "--climates", ",")]
    [InlineData("--days needs a number of days from 0.042 (one hour) to 365, got '0'", "sweep", "--days", "0")]
    [InlineData("cannot write --json file", "sweep", "--json", "/nonexistent/dir/s.json")]
    [InlineData("--only needs a whole number from 0 to 3, got '4'", "sweep", "--plants", "4", "--only", "1,4")]
    [InlineData("--only needs at least one plant index", "sweep", "--only", ",")]
    [InlineData("--baseline '/nonexistent/b.json' is not a sweep's JSON", "sweep", "--baseline", "/nonexistent/b.json")]
    public void Bad_sweep_options_give_one_clear_line_and_exit_code_two(string expected, params string[] args)
    {
        var (exit, stdout, stderr) = CliTests.Cli(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains(expected, stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Plants_are_drawn_within_the_documented_ranges_and_the_same_seed_draws_the_same_plants()
    {
        double minSlope = 1, maxSlope = -1, minGrowth = 10, maxGrowth = 0;
        for (int i = 0; i < 200; i++)
        {
            PlantParameters p = PlantFamily.Draw(7, i);
            Assert.Equal(p, PlantFamily.Draw(7, i));
            Assert.InRange(p.CleanDeltaTAtZeroK, 4.0, 12.0);
            Assert.InRange(p.CoilSensorLagS, 10.0, 120.0);
            Assert.InRange(p.CoilSensorOffsetK, -0.5, 0.5);
            double growth = p.FrostGrowthKgPerSPerHPa / PlantParameters.Default.FrostGrowthKgPerSPerHPa;
            Assert.InRange(growth, 0.3, 3.0);
            minSlope = Math.Min(minSlope, p.CleanDeltaTSlope);
            maxSlope = Math.Max(maxSlope, p.CleanDeltaTSlope);
            minGrowth = Math.Min(minGrowth, growth);
            maxGrowth = Math.Max(maxGrowth, growth);
        }

        // The draws span the ranges, not one corner of them.
        Assert.True(minSlope < -0.05 && maxSlope > 0.25, $"slopes {minSlope:0.00}..{maxSlope:0.00}");
        Assert.True(minGrowth < 0.4 && maxGrowth > 2.5, $"growth ×{minGrowth:0.00}..×{maxGrowth:0.00}");
        Assert.NotEqual(PlantFamily.Draw(7, 0), PlantFamily.Draw(8, 0));
    }

    [Fact]
    public void A_sweep_on_a_baseline_runs_only_the_firmware_and_judges_the_same_cases()
    {
        string dir = Directory.CreateTempSubdirectory("sweep-baseline").FullName;
        try
        {
            string full = Path.Combine(dir, "full.json");
            string again = Path.Combine(dir, "again.json");
            var common = new[] { "sweep", "--plants", "3", "--climates", "mild", "--days", "0.5", "--seed", "5", "--no-oracle" };
            var (exit1, out1, _) = CliTests.Cli(common.Concat(new[] { "--json", full }).ToArray());
            var (exit2, out2, _) = CliTests.Cli(common.Concat(new[] { "--only", "2,0", "--baseline", full, "--json", again }).ToArray());
            Assert.Equal(exit1 == 0 ? 0 : 1, exit1);
            Assert.Contains("12 runs", out1);
            Assert.Contains("2 runs", out2);
            Assert.Contains("2 of 3 plants", out2);

            using var a = System.Text.Json.JsonDocument.Parse(File.ReadAllText(full));
            using var b = System.Text.Json.JsonDocument.Parse(File.ReadAllText(again));
            var byPlant = a.RootElement.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("plant").GetInt32(), c => c.GetRawText());
            var rerun = b.RootElement.GetProperty("cases").EnumerateArray().ToArray();
            Assert.Equal(new[] { 0, 2 }, rerun.Select(c => c.GetProperty("plant").GetInt32()));
            foreach (var c in rerun) Assert.Equal(byPlant[c.GetProperty("plant").GetInt32()], c.GetRawText());

            var (exit3, _, err3) = CliTests.Cli(new[] { "sweep", "--plants", "3", "--seed", "6", "--baseline", full });
            Assert.Equal(2, exit3);
            Assert.Contains("--baseline was drawn with seed 5, not 6", err3);

            // A baseline whose plants are not the ones drawn today (the family's ranges changed since).
            string stale = Path.Combine(dir, "stale.json");
            File.WriteAllText(stale, File.ReadAllText(full).Replace("\"uaWPerK\": ", "\"uaWPerK\": 1"));
            var (exit4, out4, err4) = CliTests.Cli(common.Concat(new[] { "--baseline", stale }).ToArray());
            Assert.Equal(2, exit4);
            Assert.Equal("", out4);
            Assert.Contains("--baseline: the baseline's plant #0 is not the plant this sweep draws", err4);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void The_same_sweep_gives_the_same_results_on_one_core_and_on_all()
    {
        var plan = new SweepPlan(2, new[] { "humid-cold" }, 0.5, 3);
        SweepCase[] one = new PlantSweep(plan).Run(1);
        SweepCase[] all = new PlantSweep(plan).Run(Environment.ProcessorCount);
        Assert.Equal(one.Length, all.Length);
        for (int i = 0; i < one.Length; i++)
        {
            Assert.Equal(one[i].Firmware, all[i].Firmware);
            Assert.Equal(one[i].Oracle, all[i].Oracle);
        }
    }

    /// <summary>
    /// The CI sweep: 16 plants × humid-cold, dry-cold, mild × 7 days, firmware and the three timed
    /// boards, and the oracle on dry-cold only (60 % of the work; there it tells what a coil that
    /// frosts in dry air needs). It guards what the firmware holds on every drawn plant today: no
    /// invariant violation, comfort as good as the best timed board's, the dry-cold win. The energy and peak-ice bounds are looser than
    /// issue 12's acceptance limits (1.002 × the best timed board, peak ice 0.5), which some plants
    /// of this draw do not meet (docs/simulator.md, "Plant families": 1.005 × on one humid-cold
    /// plant, 1.05 × with the aux bought to keep warm the house whose cheapest timed board left it
    /// 650 K·h cold, 0.61 ice on the plant that frosts faster than it can be kept warm); they catch
    /// a regression.
    /// </summary>
    [Fact]
    public void Small_sweep_holds_the_criteria_on_every_plant()
    {
        var plan = new SweepPlan(16, new[] { "humid-cold", "mild" }, 7, 1, WithOracle: false);
        var dry = new SweepPlan(16, new[] { "dry-cold" }, 7, 1, WithOracle: true);
        SweepCase[] cases = new PlantSweep(plan).Run(Environment.ProcessorCount).Concat(new PlantSweep(dry).Run(Environment.ProcessorCount)).ToArray();
        Assert.Equal(48, cases.Length);
        foreach (SweepCase c in cases)
        {
            string at = $"plant #{c.Plant} on {c.Climate}";
            Assert.True(c.Firmware.InvariantViolations == 0, at + ": invariant violations");
            Assert.True(c.Firmware.DiscomfortKh <= c.DiscomfortAllowedKh, $"{at}: discomfort {c.Firmware.DiscomfortKh:0.0} K·h");
            // The timed boards have no second stage: where the cheapest one left the house out of comfort
            // and the firmware bought aux heat to hold it, the guard judges the heat pump's share alone.
            bool auxForComfort = c.Firmware.AuxKWh > 0 && c.Firmware.DiscomfortKh < c.BestTimed.DiscomfortKh;
            double firmwareKWh = auxForComfort ? c.Firmware.EnergyKWh - c.Firmware.AuxKWh : c.Firmware.EnergyKWh;
            double vsBestTimed = firmwareKWh / c.BestTimed.EnergyKWh;
            Assert.True(vsBestTimed <= 1.04, $"{at}: energy {vsBestTimed:0.0000} × best timed"
                + (auxForComfort ? $" without {c.Firmware.AuxKWh:0.0} kWh of aux bought for comfort" : ""));
            Assert.True(c.Firmware.PeakFrostFraction <= 0.7, $"{at}: peak ice {c.Firmware.PeakFrostFraction:0.00}");
            if (c.Climate == "dry-cold")
            {
                // A quarter of timed-60's defrosts, or, on a coil that frosts even in dry air, no more
                // than a quarter over what the oracle (defrosting at the best ice fraction) needs.
                Assert.True(c.DefrostsVsTimed60 <= SweepCriteria.DryColdDefrostsVsTimed60 || c.Firmware.Defrosts <= 1.25 * c.Oracle!.Defrosts,
                    $"{at}: {c.DefrostsVsTimed60:0.00} × timed-60's defrosts, {c.Firmware.Defrosts} against the oracle's {c.Oracle!.Defrosts}");
            }
        }
    }
}
