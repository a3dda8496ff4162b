using HeatPump.Control;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Proof.Tests.PowerLoss;
using Xunit;

namespace HeatPump.Proof.Tests.States;

/// <summary>Auto changes over only past the other setpoint's deadband, from idle.</summary>
public class AutoChangeoverTests
{
    private static Board Idle(float indoorC)
    {
        // Heat 20 °C (deadband 0.5 K), cool 24 °C (deadband 0.5 K).
        var b = new Board(new TearableStore(), 5) { IndoorC = indoorC, OutdoorC = 15f, CoilC = 15f };
        Assert.True(b.Settings.TrySet(SettingId.Mode, (int)UserMode.Auto, out _));
        b.Run(5000);
        return b;
    }

    private static TopState After(Board b, float indoorC)
    {
        b.IndoorC = indoorC;
        b.Run(8000);
        return b.Core.Controller.State;
    }

    [Fact]
    public void From_cool_idle_heat_takes_over_only_below_the_heating_setpoint_minus_its_deadband()
    {
        Board b = Idle(23f);
        Assert.Equal(TopState.Cool, b.Core.Controller.State);
        Assert.Equal(TopState.Cool, After(b, 21f));
        Assert.Equal(TopState.Cool, After(b, 19.5f));
        Assert.Equal(TopState.Heat, After(b, 19.4375f));
    }

    [Fact]
    public void From_heat_idle_cool_takes_over_only_above_the_cooling_setpoint_plus_its_deadband()
    {
        Board b = Idle(21f);
        Assert.Equal(TopState.Heat, b.Core.Controller.State);
        Assert.Equal(TopState.Heat, After(b, 23f));
        Assert.Equal(TopState.Heat, After(b, 24.5f));
        Assert.Equal(TopState.Cool, After(b, 24.5625f));
    }
}
