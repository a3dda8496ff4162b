using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Proof.Tests.Sensors;

/// <summary>Each sensor position has its own plausible rate of change.</summary>
public class SensorRateTests
{
    [Theory]
    [InlineData(SensorRole.Outdoor, 5f)]
    [InlineData(SensorRole.Indoor, 2.5f)]
    [InlineData(SensorRole.Coil, 25f)]
    public void A_change_within_the_positions_rate_is_followed_sample_by_sample(SensorRole role, float kPerMinute)
    {
        var v = new SensorValidator(role, 0);
        float c = 0f;
        for (int i = 1; i <= 120; i++)
        {
            c += kPerMinute / 60f;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(c)), i * 1000L, 0f);
            Assert.Equal(SampleRejection.None, v.LastRejection);
        }

        Assert.Equal(SensorSample.ToSixteenths(c) / 16f, v.Celsius);
    }
}
