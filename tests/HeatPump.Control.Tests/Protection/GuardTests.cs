using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Control.Tests;

public class GuardTests
{
    private static OutputState HeatOn() => new OutputState { Compressor = true, IndoorFanDuty = 0.5f, OutdoorFanDuty = 1f };

    [Fact]
    public void Compressor_waits_min_off_plus_stagger_after_power_up()
    {
        var s = new ControllerSettings();
        var g = new SafetyGuard(s, 0, 7000);
        Assert.False(g.Apply(HeatOn(), 306_999, true, true, 0f).Compressor);
        Assert.Equal(HoldReason.PowerUpDelay, g.Feedback(306_999).StartHold);
        Assert.True(g.Apply(HeatOn(), 307_000, true, true, 0f).Compressor);
    }
}
