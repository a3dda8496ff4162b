using CsCheck;
using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using HeatPump.Proof.Tests.Properties;
using Xunit;
using Xunit.Abstractions;

namespace HeatPump.Proof.Tests;

/// <summary>
/// The guard alone against arbitrary commands: whatever a buggy controller asks for, the outputs
/// it drives never breach I1–I7 as the independent <see cref="InvariantMonitor"/> sees them — also
/// while the limits it enforces are changed under it and across power-ups (a reset, a watchdog
/// restart, leaving bench mode).
/// </summary>
public class GuardPropertyTests
{
    private readonly ITestOutputHelper _output;

    public GuardPropertyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private sealed record Step(long DtMs, bool Compressor, bool Valve, bool Aux, bool Defrost, bool ShiftRestart, bool Fault,
        bool IndoorValid, bool OutdoorValid, float OutdoorC, float IndoorFan, float OutdoorFan, SettingTry Change, long PowerUpStaggerMs);

    /// <summary>The settings the guard reads: the ones worth changing under it.</summary>
    private static readonly Gen<SettingTry> GuardSetting =
        from id in Gen.OneOf(SettingId.MinOffTime, SettingId.MaxStartsPerHour, SettingId.QuietShiftTime, SettingId.ValvePolarity,
            SettingId.HeatLockoutOutdoor, SettingId.CoolLockoutOutdoor, SettingId.DefrostMaxTime)
        from any in CoreGen.Setting
        select any with { Id = id };

    private static readonly Gen<Step> GenStep =
        from dt in Gen.OneOf(Gen.Long[100, 2000], Gen.Long[1000, 120_000], Gen.Long[100_000, 900_000])
        from flags in Gen.Int[0, 127]
        from bias in Gen.Int[0, 3]
        from indoor in Gen.Int[0, 9]
        from outdoorValid in Gen.Int[0, 9]
        from outdoor in Gen.Float[-35f, 40f]
        from fans in Gen.Select(Gen.OneOf(0f, 0.4f, 1f), Gen.OneOf(0f, 1f), (i, o) => (i, o))
        from change in Gen.Frequency((30, Gen.Const((SettingTry)null)), (1, GuardSetting))
        from powerUp in Gen.Frequency((200, Gen.Const(-1L)), (1, Gen.Long[0, 300_000]))
        select new Step(dt, (flags & 1) != 0 || bias > 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0,
            (flags & 16) != 0 || bias > 1, (flags & 32) != 0 && (flags & 64) != 0, indoor > 0, outdoorValid > 0, outdoor,
            fans.i, fans.o, change, powerUp);

    private static readonly Gen<(int MinOff, int MaxStarts, int Polarity, Step[] Steps)> GenRun =
        from minOff in Gen.Int[6, 30]
        from maxStarts in Gen.Int[3, 10]
        from polarity in Gen.Int[0, 1]
        from steps in GenStep.Array[50, 400]
        select (minOff * 30, maxStarts, polarity, steps);

    [Fact]
    public void Arbitrary_commands_never_breach_an_invariant()
    {
        long budget = ProofBudget.GuardTicks;
        long ticks = 0;
        while (Interlocked.Read(ref ticks) < budget)
        {
            GenRun.Sample(run =>
            {
                Interlocked.Add(ref ticks, Play(run));
            }, iter: 500);
        }

        _output.WriteLine($"guard alone: {ticks:N0} ticks");
        Console.WriteLine($"[proof] guard alone: {ticks:N0} ticks");
        Assert.True(ticks >= budget);
    }

    /// <summary>Plays one run; throws at the first breach. Returns the ticks played.</summary>
    private static long Play((int MinOff, int MaxStarts, int Polarity, Step[] Steps) run)
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
            if (s.Change != null)
            {
                settings.TrySet(s.Change.Id, s.Change.Raw, out _);
            }

            if (s.PowerUpStaggerMs >= 0)
            {
                guard.PowerUp(now, s.PowerUpStaggerMs);
                monitor.PowerUp(now, s.PowerUpStaggerMs);
                Assert.False(guard.Outputs.Compressor || guard.Outputs.ValveEnergised || guard.Outputs.AuxHeat, "power-up leaves every output off");
            }

            var wanted = new OutputState
            {
                Compressor = s.Compressor, ValveEnergised = s.Valve, AuxHeat = s.Aux, Defrost = s.Defrost,
                QuietShiftRestart = s.ShiftRestart, Fault = s.Fault, IndoorFanDuty = s.IndoorFan, OutdoorFanDuty = s.OutdoorFan,
            };
            var before = guard.Outputs;
            var driven = guard.Apply(wanted, now, s.IndoorValid, s.OutdoorValid, s.OutdoorC);
            monitor.Observe(now, driven, s.IndoorValid, s.OutdoorValid, s.OutdoorC);
            if (monitor.Total != 0)
            {
                throw new Exception($"I{(int)monitor.First + 1} breached at {now} ms");
            }

            // The guard only vetoes: what it drives was asked for, or is what it drove before, or (I5) the valve's rest in a fault.
            Assert.True(!driven.Compressor || wanted.Compressor, "compressor on though not asked for");
            Assert.True(!driven.AuxHeat || wanted.AuxHeat, "aux on though not asked for");
            Assert.True(driven.ValveEnergised == wanted.ValveEnergised || driven.ValveEnergised == before.ValveEnergised
                || (wanted.Fault && !driven.ValveEnergised), "valve moved where nobody asked");
        }

        return run.Steps.Length;
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
            var driven = guard.Apply(new OutputState { Compressor = want, OutdoorFanDuty = 1f }, t, true, true, 5f);
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
