using CsCheck;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Control.Tests;

/// <summary>
/// The guard alone against arbitrary commands: whatever a buggy controller asks for, the outputs
/// it drives never breach I1–I7 as the independent <see cref="InvariantMonitor"/> sees them.
/// </summary>
public class GuardPropertyTests
{
    private sealed record Step(long DtMs, bool Compressor, bool Valve, bool Aux, bool Defrost, bool ShiftRestart, bool Fault,
        bool IndoorValid, bool OutdoorValid, float OutdoorC);

    private static readonly Gen<Step> GenStep =
        from dt in Gen.OneOf(Gen.Long[100, 2000], Gen.Long[1000, 120_000], Gen.Long[100_000, 900_000])
        from flags in Gen.Int[0, 127]
        from bias in Gen.Int[0, 3]
        from indoor in Gen.Int[0, 9]
        from outdoorValid in Gen.Int[0, 9]
        from outdoor in Gen.Float[-35f, 40f]
        select new Step(dt, (flags & 1) != 0 || bias > 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0,
            (flags & 16) != 0 || bias > 1, (flags & 32) != 0 && (flags & 64) != 0, indoor > 0, outdoorValid > 0, outdoor);

    private static readonly Gen<(int MinOff, int MaxStarts, int Polarity, Step[] Steps)> GenRun =
        from minOff in Gen.Int[6, 30]
        from maxStarts in Gen.Int[3, 10]
        from polarity in Gen.Int[0, 1]
        from steps in GenStep.Array[50, 400]
        select (minOff * 30, maxStarts, polarity, steps);

    [Fact]
    public void Arbitrary_commands_never_breach_an_invariant()
    {
        GenRun.Sample(run =>
        {
            var settings = new ControllerSettings();
            Assert.True(settings.TrySet(SettingId.MinOffTime, run.MinOff, out _));
            Assert.True(settings.TrySet(SettingId.MaxStartsPerHour, run.MaxStarts, out _));
            Assert.True(settings.TrySet(SettingId.ValvePolarity, run.Polarity, out _));
            var guard = new SafetyGuard(settings, 0, 17_000);
            var monitor = new InvariantMonitor(settings, 0, 17_000);
            long now = 0;
            foreach (var s in run.Steps)
            {
                now += s.DtMs;
                var wanted = new OutputState
                {
                    Compressor = s.Compressor, ValveEnergised = s.Valve, AuxHeat = s.Aux, Defrost = s.Defrost,
                    QuietShiftRestart = s.ShiftRestart, Fault = s.Fault, IndoorFanDuty = 0.5f, OutdoorFanDuty = 1f,
                };
                var driven = guard.Apply(wanted, now, s.IndoorValid, s.OutdoorValid, s.OutdoorC);
                monitor.Observe(now, driven, s.IndoorValid, s.OutdoorValid, s.OutdoorC);
                if (monitor.Total != 0)
                {
                    throw new Exception($"I{(int)monitor.First + 1} breached at {now} ms");
                }
            }
        }, iter: 3000);
    }

    [Fact]
    public void A_controller_that_always_wants_the_compressor_gets_min_off_between_runs()
    {
        var settings = new ControllerSettings();
        var guard = new SafetyGuard(settings, 0, 0);
        var starts = new List<long>();
        bool on = false;
        for (long t = 1000; t < 3 * 3600_000L; t += 1000)
        {
            // Wants the compressor for 60 s out of every 90 s: a short-cycling bug.
            bool want = t % 90_000 < 60_000;
            var driven = guard.Apply(new OutputState { Compressor = want }, t, true, true, 5f);
            if (driven.Compressor && !on)
            {
                starts.Add(t);
            }

            on = driven.Compressor;
        }

        Assert.NotEmpty(starts);
        Assert.True(starts.Count <= 3 * 6, "at most 6 starts per hour over 3 h");
        Assert.True(guard.Vetoes > 0, "the guard had to step in");
    }
}
