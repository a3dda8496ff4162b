using HeatPump.Control.FrontPanel;
using HeatPump.Control;
using HeatPump.Control.Commissioning;
using HeatPump.Control.Logging;
using HeatPump.Proof.Tests;
using HeatPump.Simulator.Commissioning;
using HeatPump.Simulator.Plant;
using Xunit;

namespace HeatPump.Proof.Tests.Commissioning;

/// <summary>
/// The commissioning run under the conditions that are not install faults: a power cut in the
/// middle, weather that rules a mode out, the drain switch, a pressure trip; and its report kept in
/// flash through power cuts, torn writes included.
/// </summary>
public class CommissioningRunTests
{
    private static CommissioningHarness Unit(PlantParameters? p = null, double outdoorC = 20.0, double indoorC = 22.0, bool supply = true, int seed = 7) =>
        new(p ?? PlantParameters.Default, new CommissioningWeather(outdoorC, 60.0, 200.0, 0.0), indoorC, supply, seed);

    [Fact]
    public void A_power_cut_mid_run_leaves_the_unit_off_with_min_off_running()
    {
        CommissioningHarness h = Unit();
        h.Advance(60_000);
        Assert.True(h.Core.StartCommissioning(h.NowMs));
        while (h.Run.Step != CommissioningStep.Cooling) h.Tick();
        h.Advance(120_000);
        Assert.True(h.Core.Outputs.Compressor, "cooling under way");

        h.PowerCut();
        long cutMs = h.NowMs;
        long stagger = h.Core.StaggerMs;
        Assert.Equal(TopState.Off, h.Core.Controller.State);
        Assert.False(h.Run.Active);

        // The run does not resume by itself; an installer who sets a mode gets a start only after min-off + stagger.
        h.Settings.TrySet(Control.Settings.SettingId.Mode, (int)UserMode.Cool, out _);
        h.Settings.TrySet(Control.Settings.SettingId.CoolSetpoint, 180, out _);
        long firstStart = -1;
        for (int i = 0; i < 900 && firstStart < 0; i++)
        {
            h.Tick();
            if (h.Core.Outputs.Compressor) firstStart = h.NowMs;
        }

        Assert.True(firstStart > 0, "the unit cools again once min-off is over");
        Assert.True(firstStart - cutMs >= 300_000 + stagger, $"first start {firstStart - cutMs} ms after the cut; min-off + stagger is {300_000 + stagger} ms");
        Assert.Equal(0, h.Referee.Total);
    }

    [Theory]
    [InlineData(5.0, 20.0, CommissioningFinding.CoolingNotTested)]
    [InlineData(30.0, 24.0, CommissioningFinding.HeatingNotTested)]
    [InlineData(20.0, 16.0, CommissioningFinding.CoolingNotTested)]
    public void A_mode_the_weather_rules_out_is_reported_untested_and_the_other_still_judged(double outdoorC, double indoorC, CommissioningFinding untested)
    {
        CommissioningHarness h = Unit(outdoorC: outdoorC, indoorC: indoorC);
        Assert.True(h.Commission());
        Assert.Equal(CommissioningRun.Bit(untested), h.Run.Findings);
        ModeCheck skipped = untested == CommissioningFinding.CoolingNotTested ? h.Run.CoolingCheck : h.Run.HeatingCheck;
        ModeCheck ran = untested == CommissioningFinding.CoolingNotTested ? h.Run.HeatingCheck : h.Run.CoolingCheck;
        Assert.Equal(UntestedReason.Weather, skipped.Untested);
        Assert.True(ran.Tested);
        Assert.Equal(0, h.Referee.Total);
    }

    [Fact]
    public void An_open_drain_switch_is_a_finding_and_keeps_cooling_untested()
    {
        CommissioningHarness h = Unit();
        h.DrainOpen = true;
        Assert.True(h.Commission());
        Assert.Equal(CommissioningRun.Bit(CommissioningFinding.DrainSwitchOpen) | CommissioningRun.Bit(CommissioningFinding.CoolingNotTested), h.Run.Findings);
        Assert.Equal(UntestedReason.Drain, h.Run.CoolingCheck.Untested);
        Assert.True(h.Run.HeatingCheck.Tested, "heating is tested with the drain switch open");
        Assert.Equal(0, h.Referee.Total);
    }

    [Fact]
    public void A_locked_out_unit_tests_nothing_and_says_why()
    {
        CommissioningHarness h = Unit();
        for (int i = 0; i < 3; i++) h.Core.Controller.RecordTestRunTrip(FaultKind.HighPressure, 1000 + i);
        Assert.True(h.Core.Controller.LockedOut);
        Assert.True(h.Commission());
        Assert.Equal(CommissioningRun.Bit(CommissioningFinding.CoolingNotTested) | CommissioningRun.Bit(CommissioningFinding.HeatingNotTested), h.Run.Findings);
        Assert.Equal(UntestedReason.Lockout, h.Run.CoolingCheck.Untested);
        Assert.Equal(0, h.Starts);
    }

    [Fact]
    public void A_low_pressure_switch_that_opens_in_heating_is_a_finding()
    {
        // A switch that opens at −5 °C on the coil: heating at 20 °C outdoors runs the coil near +8 °C, so only a bad switch trips.
        CommissioningHarness h = Unit(PlantParameters.Default with { LowPressureTripCoilC = 15.0, LowPressureResetCoilC = 16.0 });
        Assert.True(h.Commission());
        Assert.True(h.Run.Has(CommissioningFinding.PressureSwitchOpen), DisplayCodes.DescribeFindings(h.Run.Findings));
        Assert.Equal(FaultKind.LowPressure, h.Run.HeatingCheck.Trip);
        Assert.Equal(1, h.Core.Controller.FaultCount(FaultKind.LowPressure));
        Assert.Equal(0, h.Referee.Total);
    }

    [Fact]
    public void The_report_names_the_run_and_its_figures_in_the_log()
    {
        CommissioningHarness h = Unit(PlantParameters.Default with { ValveEnergisedInHeat = true }, supply: false);
        Assert.True(h.Commission());
        string line = LogFormat.CommissioningBody(h.Core.CommissioningReport);
        Assert.StartsWith("result=fail findings=ReversedValve,SplitNotChecked power_up=0 uptime_s=", line);
        Assert.Contains(" cool=tested out=", line);
        Assert.Contains(" heat=tested out=", line);
        Assert.Contains("supply=--", line);
    }

    private static string Snapshot(CommissioningReport r) =>
        $"{r.Present} {r.Findings} {r.PowerUp} {r.UptimeSeconds} " + string.Join(" ", Enumerable.Range(0, 2).Select(m =>
            $"{r.Tested[m]}/{r.Untested[m]}/{r.Trip[m]}/{r.SupplyFitted[m]}/{r.OutdoorStart[m]}/{r.OutdoorEnd[m]}/{r.CoilStart[m]}/{r.CoilEnd[m]}/{r.IndoorEnd[m]}/{r.SupplyEnd[m]}"));

    [Fact]
    public void The_report_survives_a_power_cycle_with_every_figure()
    {
        var store = new TearableStore();
        CommissioningHarness h = Unit(PlantParameters.Default with { ValveEnergisedInHeat = true });
        var persister = new CommissioningPersister(h.Core.CommissioningReport, store);
        Assert.False(persister.LoadAtPowerUp(0), "nothing in flash yet");
        Assert.True(h.Commission());
        persister.Tick(h.NowMs);
        Assert.Equal(1, persister.WriteCount);

        // The breaker: only the store remains.
        var loaded = new CommissioningReport();
        Assert.True(new CommissioningPersister(loaded, store).LoadAtPowerUp(0));
        Assert.Equal(Snapshot(h.Core.CommissioningReport), Snapshot(loaded));
        Assert.Equal(CommissioningRun.Bit(CommissioningFinding.ReversedValve), loaded.Findings);
        Assert.Equal((uint)(h.Run.FinishedMs / 1000), loaded.UptimeSeconds);
        Assert.True(loaded.Tested[CommissioningReport.CoolingMode] && loaded.Tested[CommissioningReport.HeatingMode], Snapshot(loaded));
    }

    [Theory]
    [InlineData(TearKind.Truncated)]
    [InlineData(TearKind.Erased)]
    [InlineData(TearKind.OldTail)]
    [InlineData(TearKind.Garbage)]
    public void A_power_cut_at_any_byte_of_a_report_write_keeps_the_report_before_it_or_the_new_one_whole(TearKind tear)
    {
        CommissioningHarness first = Unit(PlantParameters.Default with { ValveEnergisedInHeat = true });
        Assert.True(first.Commission());
        CommissioningHarness second = Unit();
        Assert.True(second.Commission());

        var store = new TearableStore();
        var r0 = new CommissioningReport();
        var p = new CommissioningPersister(r0, store);
        p.LoadAtPowerUp(0);
        r0.Capture(first.Run, 0);
        p.Tick(0);
        Assert.Equal(1, p.WriteCount);
        string old = Snapshot(r0);
        string next = Snapshot(second.Core.CommissioningReport);

        for (int cut = 0; cut <= CommissioningRecord.Size; cut++)
        {
            TearableStore copy = store.Clone();
            copy.PowerLost = false;
            var r = new CommissioningReport();
            var pc = new CommissioningPersister(r, copy);
            Assert.True(pc.LoadAtPowerUp(0));
            r.Capture(second.Run, 0);
            copy.Tear = tear;
            copy.GarbageSeed = cut;
            copy.CutAt = cut;
            pc.Tick(1000);
            Assert.True(copy.PowerLost);

            copy.PowerLost = false;
            copy.CutAt = -1;
            var after = new CommissioningReport();
            Assert.True(new CommissioningPersister(after, copy).LoadAtPowerUp(0), "cut at " + cut + ": no report at all");
            string kept = Snapshot(after);
            Assert.True(kept == old || kept == next, "cut at " + cut + ": " + kept);
        }
    }
}
