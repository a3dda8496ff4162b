using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using Xunit;

namespace HeatPump.Proof.Tests.Sensors;

/// <summary>A sensor that gives wildly inconsistent readings never gets a new level accepted.</summary>
public class SensorStepTests
{
    [Fact]
    public void Readings_jumping_between_two_far_levels_are_never_accepted()
    {
        var v = new SensorValidator(SensorRole.Indoor, 0);
        long t = 0;
        for (int i = 0; i < 10; i++)
        {
            t += 1000;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(20f)), t, 0f);
        }

        for (int i = 0; i < 20; i++)
        {
            t += 1000;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(i % 2 == 0 ? 40f : 60f)), t, 0f);
            Assert.Equal(20f, v.Celsius);
        }

        // Five in a row that agree with each other are a genuine step and are taken.
        for (int i = 0; i < SensorValidator.StepConfirmSamples; i++)
        {
            t += 1000;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(40f)), t, 0f);
        }

        Assert.Equal(40f, v.Celsius);
    }

    [Fact]
    public void A_step_confirmed_slowly_is_judged_by_the_time_between_its_samples()
    {
        // Candidate samples a minute apart may differ by the indoor rate (3 K/min) and still agree.
        var v = new SensorValidator(SensorRole.Indoor, 0);
        v.Update(SensorSample.Good(SensorSample.ToSixteenths(20f)), 1000, 0f);
        long t = 1000;
        float level = 40f;
        for (int i = 0; i < SensorValidator.StepConfirmSamples; i++)
        {
            t += 20_000;
            level += 0.9f;
            v.Update(SensorSample.Good(SensorSample.ToSixteenths(level)), t, 0f);
        }

        Assert.Equal(SensorSample.ToSixteenths(level) / 16f, v.Celsius);
    }
}
