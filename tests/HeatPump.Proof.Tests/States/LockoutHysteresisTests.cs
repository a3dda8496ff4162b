using HeatPump.Control;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Proof.Tests.PowerLoss;
using Xunit;

namespace HeatPump.Proof.Tests.States;

/// <summary>The ambient lockouts as the controller keeps them: engaged below the limit, lifted 1 K above it.</summary>
public class LockoutHysteresisTests
{
    internal static Board Boot(UserMode mode, float outdoorC, float indoorC = 20f)
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = indoorC, OutdoorC = outdoorC, CoilC = outdoorC };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)mode, out _));
        b.Run(3000);
        return b;
    }

    private static bool At(Board b, float outdoorC, Func<Controller, bool> lockedOut)
    {
        b.OutdoorC = outdoorC;
        b.Run(3000);
        return lockedOut(b.Core.Controller);
    }

    [Fact]
    public void Heating_locks_out_below_the_limit_and_lifts_only_a_kelvin_above_it()
    {
        Board b = Boot(UserMode.Heat, -24.5f);
        Func<Controller, bool> locked = c => c.HeatLockedOut;
        Assert.False(At(b, -25f, locked), "at the limit: not locked");
        Assert.True(At(b, -25.125f, locked), "below: locked");
        Assert.True(At(b, -24.5f, locked), "back above the limit: still locked");
        Assert.True(At(b, -24.0625f, locked), "just under limit + 1 K: still locked");
        Assert.False(At(b, -24f, locked), "at limit + 1 K: lifted");
    }

    [Fact]
    public void Cooling_locks_out_below_the_limit_and_lifts_only_a_kelvin_above_it()
    {
        Board b = Boot(UserMode.Cool, 12.5f);
        Func<Controller, bool> locked = c => c.CoolLockedOut;
        Assert.False(At(b, 12f, locked), "at the limit: not locked");
        Assert.True(At(b, 11.9375f, locked), "below: locked");
        Assert.True(At(b, 12.5f, locked), "back above the limit: still locked");
        Assert.True(At(b, 12.9375f, locked), "just under limit + 1 K: still locked");
        Assert.False(At(b, 13f, locked), "at limit + 1 K: lifted");
    }

    [Fact]
    public void Losing_the_outdoor_reading_keeps_cooling_locked_out_and_lifts_the_heating_lockout()
    {
        // docs/safety.md: without an outdoor reading the lockouts fail safe — cooling stays locked
        // out, heating may run.
        Board b = Boot(UserMode.Cool, 10f, indoorC: 27f);
        Assert.True(b.Core.Controller.CoolLockedOut);

        b.OutdoorSilent = true;
        Assert.True(b.RunUntil(x => !x.Core.Outdoor.IsValid, 60_000));
        b.Tick();
        Assert.True(b.Core.Controller.CoolLockedOut);
        Assert.False(b.RunUntil(x => x.Core.Outputs.Compressor, 20 * 60_000));
        Assert.Equal(HoldReason.CoolLockout, b.Core.Controller.Hold);

        Board h = Boot(UserMode.Heat, -30f, indoorC: 17f);
        Assert.True(h.Core.Controller.HeatLockedOut);
        h.OutdoorSilent = true;
        Assert.True(h.RunUntil(x => !x.Core.Outdoor.IsValid, 60_000));
        h.Tick();
        Assert.False(h.Core.Controller.HeatLockedOut);
        Assert.True(h.RunUntil(x => x.Core.Outputs.Compressor, 20 * 60_000));
        Assert.True(b.Referee.Total + h.Referee.Total == 0, b.Referee.FirstMessage + h.Referee.FirstMessage);
    }

    [Fact]
    public void Aux_heat_covers_a_lockout_but_not_an_ordinary_wait()
    {
        // Cold room, heat wanted, the power-up delay running: the compressor waits, and aux does not start.
        var b = new Board(new TearableStore(), 5) { IndoorC = 16f, OutdoorC = 0f, CoilC = 0f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        b.Run(60_000);
        Assert.Equal(HoldReason.PowerUpDelay, b.Core.Controller.Hold);
        Assert.False(b.Core.Outputs.AuxHeat);
    }

    [Fact]
    public void After_a_defrost_into_a_warm_room_heat_resumes_idle_not_running()
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 17f, OutdoorC = 1f, CoilC = 1f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Running, 20 * 60_000));
        b.Run(60_000);
        b.DefrostRequest = true;
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Drip, 15 * 60_000));

        // The room warmed meanwhile: no heat wanted after the defrost.
        b.IndoorC = 23f;
        Assert.True(b.RunUntil(x => x.Core.Controller.State == TopState.Heat, 10 * 60_000));
        Assert.Equal(SubState.Idle, b.Core.Controller.Sub);
        Assert.False(b.Core.Outputs.Compressor);
        Assert.Equal(0, b.Core.Controller.UnlistedTransitions);
    }
}
