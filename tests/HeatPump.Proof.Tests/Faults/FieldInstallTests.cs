using HeatPump.Control;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Weather;
using Xunit;
using Xunit.Abstractions;

namespace HeatPump.Proof.Tests.Faults;

/// <summary>
/// What an installation gets wrong, on the simulator's physics: a reversed O/B valve, outdoor and
/// coil probes fitted in each other's place, and a lost outdoor or coil probe. Each must end in a
/// code and a safe stop (or a safe fallback) within minutes, not hours of wrong running.
/// </summary>
public class FieldInstallTests
{
    private const long Minute = 60_000;

    private readonly ITestOutputHelper _output;

    public FieldInstallTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static ControllerSettings Mode(UserMode mode, int heatSetpointTenths = 210, int coolSetpointTenths = 230)
    {
        var s = new ControllerSettings();
        Assert.True(s.TrySet(SettingId.Mode, (int)mode, out string reason), reason);
        Assert.True(s.TrySet(SettingId.HeatSetpoint, heatSetpointTenths, out reason), reason);
        Assert.True(s.TrySet(SettingId.CoolSetpoint, coolSetpointTenths, out reason), reason);
        return s;
    }

    private static FaultRig Rig(ControllerSettings s, double outdoorC, double indoorC, PlantParameters plant, string faults = "")
    {
        return new FaultRig(s, new SteadyWeather(outdoorC, 85), FaultSchedule.Parse(faults), indoorC, 7, plant);
    }

    /// <summary>Runs until the compressor has started, and returns when it did (ms).</summary>
    private static long FirstStart(FaultRig rig)
    {
        Assert.True(rig.RunUntil(r => r.Core.Outputs.Compressor, 30 * Minute), "the compressor never started");
        return rig.NowMs;
    }

    /// <summary>
    /// A B valve (energised in heat) on a board set for O, the default; and the outdoor and coil probes
    /// fitted in each other's place. Each is named with its own code at the first settled check of
    /// the first run, in heating and in cooling, and the unit stays stopped.
    /// </summary>
    [Theory]
    [InlineData(FaultKind.ReversedValve, UserMode.Heat, 5.0, 18.0)]
    [InlineData(FaultKind.ReversedValve, UserMode.Cool, 32.0, 27.0)]
    [InlineData(FaultKind.ProbesSwapped, UserMode.Heat, 2.0, 18.0)]
    [InlineData(FaultKind.ProbesSwapped, UserMode.Cool, 32.0, 27.0)]
    public void A_miswired_install_is_named_and_stopped_within_minutes_of_the_first_start(FaultKind expected, UserMode mode, double outdoorC, double indoorC)
    {
        PlantParameters plant = expected == FaultKind.ReversedValve
            ? PlantParameters.Default with { ValveEnergisedInHeat = true }
            : PlantParameters.Default with { ProbesSwapped = true };
        var rig = Rig(Mode(mode), outdoorC, indoorC, plant);
        long start = FirstStart(rig);

        Assert.True(rig.RunUntil(r => r.Core.Controller.Fault != FaultKind.None, 10 * Minute),
            "no code 10 min after the start; state " + rig.Core.Controller.State + "/" + rig.Core.Controller.Sub);
        _output.WriteLine($"{expected}, {mode} at {outdoorC} °C: code {(rig.NowMs - start) / 1000} s after the first start; room {rig.Plant.IndoorC:F1} °C");
        Assert.Equal(expected, rig.Core.Controller.Fault);
        Assert.InRange(rig.NowMs - start, 3 * Minute, 8 * Minute);
        Assert.True(rig.Core.Controller.LockedOut, "a wiring fault waits for a person");

        // The safe stop holds: no further start while the lockout stands.
        Assert.False(rig.RunUntil(r => r.Core.Outputs.Compressor, 60 * Minute));
        Assert.True(rig.Referee.Total == 0, rig.Referee.FirstMessage);
    }

    [Theory]
    [InlineData(UserMode.Heat, 5.0, 18.0)]
    [InlineData(UserMode.Heat, -12.0, 18.0)]
    [InlineData(UserMode.Cool, 32.0, 27.0)]
    [InlineData(UserMode.Cool, 15.0, 26.0)]
    public void A_correct_install_passes_the_self_checks_for_hours(UserMode mode, double outdoorC, double indoorC)
    {
        var rig = Rig(Mode(mode), outdoorC, indoorC, PlantParameters.Default);
        rig.Run(6 * 60 * Minute);
        Assert.Equal(FaultKind.None, rig.Core.Controller.Fault);
        Assert.False(rig.Core.Controller.LockedOut);
        Assert.True(rig.Plant.CompressorStarts > 0);
    }

    [Fact]
    public void A_unit_whose_coil_runs_close_to_its_air_in_deep_cold_is_not_locked_out()
    {
        // Plant #3 of the sweep's draw: a small clean-coil ΔT (4 K at 0 °C, falling 0.18 K/K), so at
        // −16 °C the coil runs about 2 K below the air and its lagging probe reads it within 1.5 K now and then. One such run is
        // not a misplaced probe; the house must not be left to the strips for a 4 h lockout.
        var plant = HeatPump.Simulator.Sweep.PlantFamily.Draw(1, 3);
        Assert.InRange(plant.CleanDeltaTAtZeroK, 3.9, 4.1);
        var rig = Rig(Mode(UserMode.Heat), -16.0, 19.0, plant);
        rig.Run(12 * 60 * Minute);
        Assert.Equal(FaultKind.None, rig.Core.Controller.Fault);
        Assert.False(rig.Core.Controller.LockedOut);
        Assert.True(rig.Plant.CompressorStarts > 3, $"{rig.Plant.CompressorStarts} starts");
    }

    [Fact]
    public void A_coil_probe_off_the_coil_reads_the_air_and_is_named_in_the_first_run()
    {
        var plant = PlantParameters.Default with { CoilProbeOffCoil = true };
        var rig = Rig(Mode(UserMode.Heat), 2.0, 18.0, plant);
        long start = FirstStart(rig);
        Assert.True(rig.RunUntil(r => r.Core.Controller.Fault != FaultKind.None, 10 * Minute), "no code 10 min after the start");
        Assert.Equal(FaultKind.ProbesSwapped, rig.Core.Controller.Fault);
        Assert.True(rig.Core.Controller.LockedOut);
        Assert.Equal(1, rig.Plant.CompressorStarts);
        _output.WriteLine($"coil probe off the coil: code {(rig.NowMs - start) / 1000} s after the first start");
    }

    [Fact]
    public void A_lost_outdoor_probe_never_cools_below_the_cooling_lockout()
    {
        // −5 °C outside, a warm room in Auto: the cooling lockout (12 °C) would hold with a reading;
        // without one the board cannot tell, so cooling stays locked out and heating may go on.
        var s = Mode(UserMode.Cool, 200, 230);
        var rig = Rig(s, -5.0, 27.0, PlantParameters.Default, "outdoor:open@0s");
        bool valveHeats = s.ValveEnergisedInHeat;
        long cooledMs = 0;
        for (int i = 0; i < 3 * 3600; i++)
        {
            rig.Tick();
            OutputState o = rig.Core.Outputs;
            bool coolingPosition = o.ValveEnergised != valveHeats;
            if (o.Compressor && coolingPosition && !o.Defrost)
            {
                cooledMs += 1000;
            }
        }

        Assert.False(rig.Core.Outdoor.IsValid);
        Assert.Equal(0, cooledMs);
        Assert.True(rig.Core.Controller.CoolLockedOut);
        Assert.Equal(HoldReason.CoolLockout, rig.Core.Controller.Hold);
    }

    [Fact]
    public void A_lost_outdoor_probe_still_heats()
    {
        var rig = Rig(Mode(UserMode.Heat), -5.0, 17.0, PlantParameters.Default, "outdoor:open@0s");
        Assert.True(rig.RunUntil(r => r.Core.Outputs.Compressor && !r.Core.Outputs.Defrost, 30 * Minute));
        Assert.False(rig.Core.Controller.HeatLockedOut);
    }

    [Fact]
    public void A_lost_coil_probe_melts_briefly_and_keeps_the_coil_far_from_the_high_pressure_trip()
    {
        // Humid air near freezing frosts the coil fast: the time-only schedule defrosts on the interval.
        var rig = Rig(Mode(UserMode.Heat, 220), 0.5, 19.0, PlantParameters.Default, "coil:open@0s");
        double peakCoilInDefrost = double.MinValue;
        long meltMs = 0;
        long longestMeltMs = 0;
        int defrosts = 0;
        bool wasMelting = false;
        for (int i = 0; i < 6 * 3600; i++)
        {
            rig.Tick();
            OutputState o = rig.Core.Outputs;
            bool melting = o.Defrost && o.Compressor;
            if (melting)
            {
                meltMs += 1000;
                peakCoilInDefrost = Math.Max(peakCoilInDefrost, rig.Plant.CoilC);
            }
            else if (wasMelting)
            {
                defrosts++;
                longestMeltMs = Math.Max(longestMeltMs, meltMs);
                meltMs = 0;
            }

            wasMelting = melting;
        }

        _output.WriteLine($"coil probe lost, 0.5 °C: {defrosts} defrosts in 6 h, longest melt {longestMeltMs / 1000} s, true coil peak {peakCoilInDefrost:F1} °C");
        Assert.True(defrosts >= 2, defrosts + " defrosts");
        Assert.InRange(longestMeltMs, 1000, 5 * Minute);
        Assert.True(peakCoilInDefrost < rig.Plant.Parameters.HighPressureTripCoilC - 20, "coil reached " + peakCoilInDefrost + " °C");
        Assert.True(rig.Referee.Total == 0, rig.Referee.FirstMessage);
    }

    [Fact]
    public void With_no_coil_probe_a_high_pressure_trip_in_a_defrost_stops_it_with_the_code()
    {
        // A coil that heats fast (little metal, no ice) trips the switch before the short melt ends.
        var plant = PlantParameters.Default with { CoilHeatCapacityJPerK = 2000, HighPressureTripCoilC = 30, HighPressureResetCoilC = 20 };
        var rig = Rig(Mode(UserMode.Heat, 220), 0.5, 19.0, plant, "coil:open@0s");
        Assert.True(rig.RunUntil(r => r.Core.Controller.State == TopState.Heat && r.Core.Outputs.Compressor, 30 * Minute));
        rig.Run(5 * Minute);
        rig.DefrostRequest = true;
        Assert.True(rig.RunUntil(r => r.Plant.HighPressureTripped, 20 * Minute), "the plant never tripped");
        rig.Tick();
        Assert.Equal(FaultKind.HighPressure, rig.Core.Controller.Fault);
        Assert.False(rig.Core.Outputs.Compressor);
    }
}
