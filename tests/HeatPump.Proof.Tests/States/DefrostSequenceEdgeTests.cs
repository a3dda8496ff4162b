using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Proof.Tests.PowerLoss;
using Xunit;

namespace HeatPump.Proof.Tests.States;

/// <summary>The defrost's own edges: the end temperature, the drip time, and what follows it.</summary>
public class DefrostSequenceEdgeTests
{
    /// <summary>Heating a 17 °C room at +1 °C outdoor, running for a minute; <paramref name="setting"/>/<paramref name="value"/> set first if given.</summary>
    private static Board HeatRunning(SettingId? setting = null, int value = 0)
    {
        var b = new Board(new TearableStore(), 5) { IndoorC = 17f, OutdoorC = 1f, CoilC = 1f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        if (setting.HasValue) Assert.True(b.Settings.TrySet(setting.Value, value, out _));
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Running, 20 * 60_000));
        b.Run(60_000);
        return b;
    }

    private static Board Melting(float indoorC, SettingId? setting = null, int value = 0)
    {
        Board b = HeatRunning(setting, value);
        b.DefrostRequest = true;
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Melting, 5 * 60_000));
        b.IndoorC = indoorC;
        return b;
    }

    [Fact]
    public void Melting_ends_when_the_coil_reaches_the_end_temperature_exactly_and_drips_for_the_drip_time()
    {
        Board b = Melting(17f);
        b.CoilC = 14.9375f;
        b.Run(3000);
        Assert.Equal(SubState.Melting, b.Core.Controller.Sub);

        // The Board's coil model moves the coil; hold it at the end temperature for the reading.
        b.CoilC = 15f;
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Drip, 5000));
        long dripFrom = b.Core.Guard.Feedback(b.NowMs).CompressorSinceMs;
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub != SubState.Drip, 5 * 60_000));
        Assert.Equal(dripFrom + 60_000, b.NowMs);
    }

    [Fact]
    public void Melting_ends_on_the_tick_the_coil_reads_the_end_temperature_not_one_later()
    {
        Board b = Melting(17f);

        // Drive the coil reading directly (plausible steps of 0.25 K a second), not through the Board's model.
        for (float c = MathF.Floor(b.CoilC); c < 15f; c += 0.25f)
        {
            b.CoilC = MathF.Min(c, 14.9375f);
            b.Tick();
            Assert.Equal(SubState.Melting, b.Core.Controller.Sub);
        }

        b.CoilC = 15f;
        b.Tick();
        Assert.Equal(SubState.Drip, b.Core.Controller.Sub);
    }

    [Fact]
    public void The_defrost_output_stays_on_through_the_drip()
    {
        Board b = Melting(17f);
        Assert.True(b.RunUntil(x => x.Core.Controller.Sub == SubState.Drip, 15 * 60_000));
        int dripTicks = 0;
        while (b.Core.Controller.Sub == SubState.Drip)
        {
            Assert.True(b.Core.Outputs.Defrost, $"defrost output off {dripTicks} s into the drip");
            Assert.False(b.Core.Outputs.Compressor);
            b.Tick();
            dripTicks++;
        }

        Assert.Equal(60, dripTicks);
    }

    [Fact]
    public void With_aux_during_defrost_melting_runs_aux_heat_and_the_indoor_fan_at_minimum()
    {
        Board b = Melting(17f, SettingId.AuxDuringDefrost, 1);
        b.Tick();
        Assert.True(b.Core.Outputs.AuxHeat);
        Assert.Equal(0.7f, b.Core.Outputs.IndoorFanDuty, 3);
        Assert.Equal(0f, b.Core.Outputs.OutdoorFanDuty);
        Assert.True(b.Referee.Total == 0, b.Referee.FirstMessage);
    }

    [Fact]
    public void A_defrost_cancels_the_indoor_fan_run_on_so_no_air_crosses_the_coil_as_it_turns_cold()
    {
        Board b = HeatRunning();
        Assert.True(b.Core.Outputs.IndoorFanDuty > 0f);

        b.DefrostRequest = true;
        b.Tick();
        Assert.Equal(TopState.Defrost, b.Core.Controller.State);
        while (b.Core.Controller.Sub != SubState.Drip)
        {
            Assert.Equal(0f, b.Core.Outputs.IndoorFanDuty);
            b.Tick();
        }
    }

    [Fact]
    public void Heat_resumes_after_a_defrost_while_the_room_is_at_most_setpoint_plus_overrun()
    {
        // Heat setpoint 20 °C, overrun 0.5 K: at 20.5 °C the heat the defrost took is put back.
        Board b = Melting(20.5f);
        Assert.True(b.RunUntil(x => x.Core.Controller.State == TopState.Heat, 20 * 60_000));
        Assert.Equal(SubState.Running, b.Core.Controller.Sub);
        Assert.True(b.Core.Outputs.Compressor);
    }

    [Fact]
    public void A_switch_to_cool_during_a_defrost_finishes_the_defrost_and_goes_through_heat()
    {
        Board b = Melting(17f);
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Cool, out _));
        Assert.True(b.RunUntil(x => x.Core.Controller.State != TopState.Defrost, 20 * 60_000));
        Assert.True(b.RunUntil(x => x.Core.Controller.State == TopState.Cool, 20 * 60_000));

        // There is no Defrost → Cool in the table: the hand-over goes Defrost → Heat → Cool.
        Assert.Equal(0, b.Core.Controller.UnlistedTransitions);
        Assert.Equal(1, b.Core.Controller.TransitionVisits(HeatPump.Control.States.Row.DefrostToHeat));
        Assert.Equal(1, b.Core.Controller.TransitionVisits(HeatPump.Control.States.Row.HeatToCool));
        Assert.True(b.Referee.Total == 0, b.Referee.FirstMessage);
    }
}
