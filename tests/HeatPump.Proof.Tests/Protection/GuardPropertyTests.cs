using CsCheck;
using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using HeatPump.Proof.Tests.Properties;
using HeatPump.Referee;
using Xunit;
using Xunit.Abstractions;

namespace HeatPump.Proof.Tests;

/// <summary>
/// The guard alone against a hostile controller: arbitrary outputs with arbitrary intent flags,
/// including flags that lie (a "defrost" while heating, a quiet-shift restart after a shift to
/// cooling, a fault flag that comes and goes), mixed with the moves a real defrost is made of so
/// that the rules' exceptions are reached too. The <see cref="SafetyReferee"/>, written from
/// docs/safety.md apart from the guard, judges what the guard drives — also while the limits it
/// enforces are changed under it and across power cuts (some in the middle of a valve shift).
/// </summary>
public class GuardPropertyTests
{
    private readonly ITestOutputHelper _output;

    public GuardPropertyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>What the hostile controller asks for in one step, before its flags are overlaid.</summary>
    private enum Move
    {
        /// <summary>Every output and flag at random.</summary>
        Anything,

        /// <summary>Compressor on, valve in the heating position.</summary>
        Heat,

        /// <summary>Compressor on, valve in the reverse position.</summary>
        Reverse,

        /// <summary>Compressor off, the valve where it was asked last.</summary>
        Stop,

        /// <summary>Compressor off, the valve moved to the other position.</summary>
        Shift,

        /// <summary>Compressor on in the heating position with the outdoor fan stopped (A1).</summary>
        HeatWithoutOutdoorFan,

        /// <summary>Aux heat on with the blower stopped or just below its aux minimum duty (A2).</summary>
        AuxWithoutBlower,

        /// <summary>Aux heat off with the blower stopped at once, as if no purge were needed (A3).</summary>
        AuxStopWithoutPurge,
    }

    private sealed record Step(long DtMs, Move Move, int Flags, bool IndoorValid, bool OutdoorValid, float OutdoorC,
        float IndoorFan, float OutdoorFan, SettingTry Change, long PowerUpStaggerMs, int NewMode);

    /// <summary>The settings the guard reads: the ones worth changing under it.</summary>
    private static readonly Gen<SettingTry> GuardSetting =
        from id in Gen.OneOf(SettingId.MinOffTime, SettingId.MaxStartsPerHour, SettingId.QuietShiftTime, SettingId.ValvePolarity,
            SettingId.HeatLockoutOutdoor, SettingId.CoolLockoutOutdoor, SettingId.DefrostMaxTime, SettingId.IndoorFanRunOn, SettingId.IndoorFanMinDuty,
            SettingId.AuxMinDuty, SettingId.AuxPurge)
        from any in CoreGen.Setting
        select any with { Id = id };

    private static readonly Gen<Step> GenStep =
        from dt in Gen.OneOf(Gen.Long[100, 2000], Gen.Long[25_000, 40_000], Gen.Long[1000, 120_000], Gen.Long[100_000, 900_000])
        from move in Gen.Frequency((2, Gen.Const(Move.Anything)), (3, Gen.Const(Move.Heat)), (2, Gen.Const(Move.Reverse)),
            (2, Gen.Const(Move.Stop)), (2, Gen.Const(Move.Shift)), (1, Gen.Const(Move.HeatWithoutOutdoorFan)), (1, Gen.Const(Move.AuxWithoutBlower)),
            (1, Gen.Const(Move.AuxStopWithoutPurge)))
        from flags in Gen.Int[0, 255]
        from indoor in Gen.Int[0, 9]
        from outdoorValid in Gen.Int[0, 9]
        from outdoor in Gen.Float[-35f, 40f]
        from fans in Gen.Select(Gen.OneOf(0f, 0.4f, 0.7f, 1f), Gen.OneOf(0f, 1f), (i, o) => (i, o))
        from change in Gen.Frequency((30, Gen.Const((SettingTry)null)), (1, GuardSetting))
        from powerUp in Gen.Frequency((200, Gen.Const(-1L)), (1, Gen.Long[0, 300_000]))
        from mode in Gen.Frequency((20, Gen.Const(-1)), (1, Gen.Int[0, 4]))
        select new Step(dt, move, flags, indoor > 0, outdoorValid > 0, outdoor, fans.i, fans.o, change, powerUp, mode);

    private static readonly Gen<(int MinOff, int MaxStarts, int Polarity, Step[] Steps)> GenRun =
        from minOff in Gen.Int[6, 30]
        from maxStarts in Gen.Int[3, 10]
        from polarity in Gen.Int[0, 1]
        from steps in GenStep.Array[50, 400]
        select (minOff * 30, maxStarts, polarity, steps);

    /// <summary>How often each region of the rules was reached: a property that never gets there proves nothing there.</summary>
    private sealed class Regions
    {
        public long Ticks;
        public long ShiftRestartsGranted;
        public long ShiftClaimsRefused;
        public long DefrostsBelowCoolingLockout;
        public long DefrostFlagsRefusedByLockout;
        public long LockoutVetoes;
        public long FaultTicks;
        public long PowerCutsMidShift;
        public long OutdoorFanVetoes;
        public long DefrostsWithoutOutdoorFan;
        public long AuxBlowerVetoes;
        public long AuxPurgesHeld;
        public long EmergencyVetoes;
        public long AuxInFault;

        public void Add(Regions r)
        {
            Interlocked.Add(ref Ticks, r.Ticks);
            Interlocked.Add(ref ShiftRestartsGranted, r.ShiftRestartsGranted);
            Interlocked.Add(ref ShiftClaimsRefused, r.ShiftClaimsRefused);
            Interlocked.Add(ref DefrostsBelowCoolingLockout, r.DefrostsBelowCoolingLockout);
            Interlocked.Add(ref DefrostFlagsRefusedByLockout, r.DefrostFlagsRefusedByLockout);
            Interlocked.Add(ref LockoutVetoes, r.LockoutVetoes);
            Interlocked.Add(ref FaultTicks, r.FaultTicks);
            Interlocked.Add(ref PowerCutsMidShift, r.PowerCutsMidShift);
            Interlocked.Add(ref OutdoorFanVetoes, r.OutdoorFanVetoes);
            Interlocked.Add(ref DefrostsWithoutOutdoorFan, r.DefrostsWithoutOutdoorFan);
            Interlocked.Add(ref AuxBlowerVetoes, r.AuxBlowerVetoes);
            Interlocked.Add(ref AuxPurgesHeld, r.AuxPurgesHeld);
            Interlocked.Add(ref EmergencyVetoes, r.EmergencyVetoes);
            Interlocked.Add(ref AuxInFault, r.AuxInFault);
        }

        public override string ToString() =>
            $"{Ticks:N0} ticks; quiet-shift restarts granted {ShiftRestartsGranted:N0}, refused {ShiftClaimsRefused:N0}; "
            + $"defrost ticks below the cooling lockout {DefrostsBelowCoolingLockout:N0}; defrost flags refused by a lockout {DefrostFlagsRefusedByLockout:N0}; "
            + $"lockout vetoes {LockoutVetoes:N0}; fault ticks {FaultTicks:N0}; power cuts mid-shift {PowerCutsMidShift:N0}; "
            + $"runs stopped for want of the outdoor fan {OutdoorFanVetoes:N0}; defrost ticks without the outdoor fan {DefrostsWithoutOutdoorFan:N0}; "
            + $"aux refused for want of the blower {AuxBlowerVetoes:N0}; blower held for an aux purge {AuxPurgesHeld:N0}; "
            + $"compressor or outdoor fan refused in emergency heat {EmergencyVetoes:N0}; aux heating in a fault {AuxInFault:N0}";
    }

    [Fact]
    public void A_hostile_controller_never_gets_a_rule_broken()
    {
        long budget = ProofBudget.GuardTicks;
        var total = new Regions();
        while (Interlocked.Read(ref total.Ticks) < budget)
        {
            GenRun.Sample(run => total.Add(Play(run)), iter: 500);
        }

        _output.WriteLine("guard alone: " + total);
        Console.WriteLine("[proof] guard alone: " + total);
        if (!ProofBudget.Reduced)
        {
            Assert.True(total.ShiftRestartsGranted > 0, "a quiet-shift restart was granted");
            Assert.True(total.ShiftClaimsRefused > 0, "a lying quiet-shift claim was refused");
            Assert.True(total.DefrostsBelowCoolingLockout > 0, "a defrost ran below the cooling lockout");
            Assert.True(total.DefrostFlagsRefusedByLockout > 0, "a lying defrost flag was refused by a lockout");
            Assert.True(total.LockoutVetoes > 0, "a lockout vetoed the compressor");
            Assert.True(total.FaultTicks > 0, "faults happened");
            Assert.True(total.PowerCutsMidShift > 0, "the power was cut in the middle of a valve shift");
            Assert.True(total.OutdoorFanVetoes > 0, "A1 stopped a run asked without the outdoor fan");
            Assert.True(total.DefrostsWithoutOutdoorFan > 0, "a seen defrost ran with the outdoor fan stopped");
            Assert.True(total.AuxBlowerVetoes > 0, "A2 refused aux asked without the blower");
            Assert.True(total.AuxPurgesHeld > 0, "A3 held the blower for a purge the controller did not ask for");
            Assert.True(total.EmergencyVetoes > 0, "A4 refused the compressor or outdoor fan in emergency heat");
            Assert.True(total.AuxInFault > 0, "aux heated on through a fault");
        }
    }

    /// <summary>Plays one run; throws at the first breach the referee sees. Returns the regions it reached.</summary>
    private static Regions Play((int MinOff, int MaxStarts, int Polarity, Step[] Steps) run)
    {
        var settings = new ControllerSettings();
        Assert.True(settings.TrySet(SettingId.MinOffTime, run.MinOff, out _));
        Assert.True(settings.TrySet(SettingId.MaxStartsPerHour, run.MaxStarts, out _));
        Assert.True(settings.TrySet(SettingId.ValvePolarity, run.Polarity, out _));
        var guard = new SafetyGuard(settings, 0, 17_000);
        var referee = new SafetyReferee(settings, 0, 17_000);
        var regions = new Regions();
        long now = 0;
        long stoppedAt = 0;
        bool sincePowerUp = true;
        bool shiftedSinceStop = false;
        bool askedValve = false;
        foreach (var s in run.Steps)
        {
            now += s.DtMs;
            if (s.Change != null)
            {
                settings.TrySet(s.Change.Id, s.Change.Raw, out _);
            }

            if (s.NewMode >= 0)
            {
                // The user switches modes at random, emergency heat among them.
                Assert.True(settings.TrySet(SettingId.Mode, s.NewMode, out _));
            }

            if (s.PowerUpStaggerMs >= 0)
            {
                if (shiftedSinceStop && !guard.Outputs.Compressor)
                {
                    regions.PowerCutsMidShift++;
                }

                guard.PowerUp(now, s.PowerUpStaggerMs);
                referee.PowerUp(now, s.PowerUpStaggerMs);
                Assert.False(guard.Outputs.Compressor || guard.Outputs.ValveEnergised || guard.Outputs.AuxHeat, "power-up leaves every output off");
                stoppedAt = now;
                sincePowerUp = true;
                shiftedSinceStop = false;
            }

            bool heatingLevel = settings.Get(SettingId.ValvePolarity) == 1;
            OutputState wanted = Wanted(s, heatingLevel, AuxMinimum(settings), ref askedValve);
            var before = guard.Outputs;
            var driven = guard.Apply(wanted, now, s.IndoorValid, s.OutdoorValid, s.OutdoorC);
            referee.Observe(now, driven, s.IndoorValid, s.OutdoorValid, s.OutdoorC);
            if (referee.Total != 0)
            {
                throw new Exception(referee.FirstMessage);
            }

            // The guard only vetoes: what it drives was asked for, or is what it drove before, or (I5) the valve's rest in a fault.
            Assert.True(!driven.Compressor || wanted.Compressor, "compressor on though not asked for");
            Assert.True(!driven.AuxHeat || wanted.AuxHeat, "aux on though not asked for");
            Assert.True(driven.ValveEnergised == wanted.ValveEnergised || driven.ValveEnergised == before.ValveEnergised
                || (wanted.Fault && !driven.ValveEnergised), "valve moved where nobody asked");

            Count(regions, settings, s, wanted, before, driven, now - stoppedAt, sincePowerUp);
            if (driven.ValveEnergised != before.ValveEnergised)
            {
                shiftedSinceStop = true;
            }

            if (driven.Compressor != before.Compressor)
            {
                stoppedAt = now;
                sincePowerUp &= !driven.Compressor;
                shiftedSinceStop = false;
            }

            regions.Ticks++;
        }

        return regions;
    }

    /// <summary>The hostile controller's command: the move, then its flags overlaid at random (they may well lie).</summary>
    private static OutputState Wanted(Step s, bool heatingLevel, float minIndoorDuty, ref bool askedValve)
    {
        var o = new OutputState { IndoorFanDuty = s.IndoorFan, OutdoorFanDuty = s.OutdoorFan };
        switch (s.Move)
        {
            case Move.Anything:
                o.Compressor = (s.Flags & 1) != 0;
                askedValve = (s.Flags & 2) != 0;
                break;
            case Move.Heat:
                o.Compressor = true;
                askedValve = heatingLevel;
                break;
            case Move.Reverse:
                o.Compressor = true;
                askedValve = !heatingLevel;
                break;
            case Move.Shift:
                askedValve = !askedValve;
                break;
            case Move.HeatWithoutOutdoorFan:
                o.Compressor = true;
                o.OutdoorFanDuty = 0f;
                askedValve = heatingLevel;
                break;
            case Move.AuxWithoutBlower:
                o.IndoorFanDuty = (s.Flags & 1) != 0 ? 0f : minIndoorDuty - 0.01f;
                break;
            case Move.AuxStopWithoutPurge:
                o.IndoorFanDuty = 0f;
                break;
        }

        o.ValveEnergised = askedValve;
        o.AuxHeat = ((s.Flags & 4) != 0 || s.Move == Move.AuxWithoutBlower) && s.Move != Move.AuxStopWithoutPurge;
        o.Defrost = (s.Flags & 8) != 0 || ((s.Flags & 64) != 0 && s.Move == Move.Reverse);
        o.QuietShiftRestart = (s.Flags & 16) != 0 || (s.Flags & 64) != 0;
        o.Fault = (s.Flags & 32) != 0 && (s.Flags & 128) != 0;
        return o;
    }

    private static void Count(Regions r, ControllerSettings settings, Step s, OutputState wanted, OutputState before, OutputState driven,
        long offMs, bool sincePowerUp)
    {
        int polarity = settings.Get(SettingId.ValvePolarity);
        bool wantedHeating = wanted.ValveEnergised == (polarity == 1);
        bool belowHeat = s.OutdoorValid && s.OutdoorC < settings.Tenths(SettingId.HeatLockoutOutdoor);
        bool belowCool = s.OutdoorValid && s.OutdoorC < settings.Tenths(SettingId.CoolLockoutOutdoor);
        bool lockedOut = wantedHeating ? belowHeat : belowCool;
        bool started = driven.Compressor && !before.Compressor;
        bool claimedStart = wanted.Compressor && !before.Compressor && wanted.QuietShiftRestart && !wanted.Fault && s.IndoorValid && !lockedOut;
        if (started && !sincePowerUp && offMs < settings.SecondsAsMs(SettingId.MinOffTime))
        {
            r.ShiftRestartsGranted++;
        }
        else if (claimedStart && !driven.Compressor && offMs >= settings.SecondsAsMs(SettingId.QuietShiftTime) + 1000
            && offMs < settings.SecondsAsMs(SettingId.MinOffTime) && wanted.ValveEnergised == before.ValveEnergised)
        {
            r.ShiftClaimsRefused++;
        }

        if (driven.Compressor && driven.Defrost && driven.ValveEnergised != (polarity == 1) && belowCool)
        {
            r.DefrostsBelowCoolingLockout++;
        }

        // A running compressor stopped where the outdoor reading is below the lockout for its position.
        if (before.Compressor && wanted.Compressor && !driven.Compressor && !wanted.Fault && s.IndoorValid && lockedOut)
        {
            r.LockoutVetoes++;
            if (wanted.Defrost)
            {
                r.DefrostFlagsRefusedByLockout++;
            }
        }

        if (driven.Fault)
        {
            r.FaultTicks++;
        }

        // A1: a heating run that nothing else stops (no fault, a reading, above its lockout, the valve
        // where it was) stopped because the outdoor fan was asked off.
        if (before.Compressor && wanted.Compressor && !driven.Compressor && wanted.OutdoorFanDuty <= 0f && wantedHeating
            && !wanted.Fault && s.IndoorValid && !belowHeat && wanted.ValveEnergised == before.ValveEnergised)
        {
            r.OutdoorFanVetoes++;
        }

        if (driven.Compressor && driven.Defrost && driven.OutdoorFanDuty <= 0f)
        {
            r.DefrostsWithoutOutdoorFan++;
        }

        // A2: aux asked outside a fault with the blower below its minimum, and refused.
        float auxMin = AuxMinimum(settings);
        if (wanted.AuxHeat && !wanted.Fault && wanted.IndoorFanDuty < auxMin && !driven.AuxHeat)
        {
            r.AuxBlowerVetoes++;
        }

        // A3: the strips just stopped or are purging, the controller asked the blower below the aux minimum, and it ran on.
        if (!driven.AuxHeat && wanted.IndoorFanDuty < auxMin && driven.IndoorFanDuty >= auxMin)
        {
            r.AuxPurgesHeld++;
        }

        // A4: emergency heat, the compressor or the outdoor fan asked for, and neither driven.
        if (settings.Mode == UserMode.EmergencyHeat && (wanted.Compressor || wanted.OutdoorFanDuty > 0f))
        {
            r.EmergencyVetoes++;
        }

        if (driven.AuxHeat && driven.Fault)
        {
            r.AuxInFault++;
        }
    }

    /// <summary>The blower duty aux needs as the tests see it: the larger of the two minimum settings.</summary>
    private static float AuxMinimum(ControllerSettings settings)
    {
        float aux = settings.Fraction(SettingId.AuxMinDuty);
        float fan = settings.Fraction(SettingId.IndoorFanMinDuty);
        return aux > fan ? aux : fan;
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
