using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Proof.Tests.Sensors;

/// <summary>The noise allowance and the rate limit at their edges, upward and downward.</summary>
public class SensorAllowanceTests
{
    private static SensorValidator Steady(float c, int seconds, out long t)
    {
        var v = new SensorValidator(SensorRole.Indoor, 0);
        t = 0;
        for (int i = 0; i < seconds; i++)
        {
            t += 1000;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(c)), t, 0f);
        }

        return v;
    }

    [Fact]
    public void A_one_kelvin_step_in_a_second_is_within_the_noise_allowance()
    {
        var v = Steady(20f, 1, out long t);
        v.Update(SensorSample.Good(SensorSample.ToSixteenths(21f)), t + 1000, 0f);
        Assert.Equal(21f, v.Celsius);
    }

    [Fact]
    public void Two_kelvin_in_a_second_is_rejected_even_though_the_older_anchor_would_allow_it()
    {
        var v = Steady(20f, 60, out long t);
        v.Update(SensorSample.Good(SensorSample.ToSixteenths(22f)), t + 1000, 0f);
        Assert.Equal(SampleRejection.RateOfChange, v.LastRejection);
        Assert.Equal(20f, v.Celsius);
    }

    [Fact]
    public void A_sudden_drop_is_rejected_like_a_sudden_rise()
    {
        var v = Steady(20f, 60, out long t);
        v.Update(SensorSample.Good(SensorSample.ToSixteenths(10f)), t + 1000, 0f);
        Assert.Equal(SampleRejection.RateOfChange, v.LastRejection);
        Assert.Equal(20f, v.Celsius);
    }
}
