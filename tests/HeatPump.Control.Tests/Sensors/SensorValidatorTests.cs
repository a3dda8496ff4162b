using HeatPump.Control.Sensors;
using Xunit;

namespace HeatPump.Control.Tests;

public class SensorValidatorTests
{
    private const short PowerOn85 = 1360;

    private static SensorSample C(float celsius) => SensorSample.Good(SensorSample.ToSixteenths(celsius));

    private static readonly SensorSample Crc = SensorSample.Failed(SampleStatus.CrcError);
    private static readonly SensorSample Silent = SensorSample.Failed(SampleStatus.NoResponse);
    private static readonly SensorSample NoRead = SensorSample.Failed(SampleStatus.None);

    /// <summary>Feeds <paramref name="sample"/> once a second from <paramref name="fromMs"/> to <paramref name="toMs"/> inclusive.</summary>
    private static void Feed(SensorValidator v, SensorSample sample, long fromMs, long toMs, float offset = 0f)
    {
        for (long t = fromMs; t <= toMs; t += 1000)
        {
            v.Update(sample, t, offset);
        }
    }

    /// <summary>An indoor sensor that has been reading 20 °C for ten seconds.</summary>
    private static SensorValidator SteadyIndoor()
    {
        var v = new SensorValidator(SensorRole.Indoor, 0);
        Feed(v, C(20f), 0, 10_000);
        Assert.Equal(SensorHealth.Ok, v.Health);
        return v;
    }

    [Fact]
    public void The_first_good_reading_makes_the_sensor_usable_at_once_with_its_offset()
    {
        var v = new SensorValidator(SensorRole.Indoor, 0);
        Assert.Equal(SensorHealth.Starting, v.Health);
        Assert.False(v.IsValid);

        v.Update(C(21.5f), 800, -0.7f);

        Assert.Equal(SensorHealth.Ok, v.Health);
        Assert.True(v.IsValid);
        Assert.Equal(20.8f, v.Celsius, 3);
    }

    [Fact]
    public void A_changed_calibration_offset_shows_on_the_next_tick()
    {
        var v = SteadyIndoor();
        v.Update(NoRead, 10_500, 1.5f);
        Assert.Equal(21.5f, v.Celsius, 3);
    }

    [Fact]
    public void Eighty_five_degrees_as_the_first_reading_is_the_power_on_value_and_rejected()
    {
        var v = new SensorValidator(SensorRole.Coil, 0);
        v.Update(SensorSample.Good(PowerOn85), 800, 0f);

        Assert.Equal(SampleRejection.PowerOnReset, v.LastRejection);
        Assert.Equal(SensorHealth.Starting, v.Health);
        Assert.False(v.IsValid);

        v.Update(C(-3f), 1800, 0f);
        Assert.True(v.IsValid);
        Assert.Equal(-3f, v.Celsius, 3);
    }

    [Fact]
    public void Eighty_five_degrees_after_a_reset_is_rejected_again()
    {
        var v = SteadyIndoor();
        v.Reset(11_000);
        v.Update(SensorSample.Good(PowerOn85), 12_000, 0f);
        Assert.Equal(SampleRejection.PowerOnReset, v.LastRejection);
        Assert.False(v.IsValid);
    }

    [Fact]
    public void Eighty_five_degrees_out_of_nowhere_is_never_accepted_however_often_it_repeats()
    {
        // A sensor that resets or cannot finish its conversion (weak parasite power) reads 85 °C every time.
        var v = SteadyIndoor();
        for (long t = 11_000; t < 40_000; t += 1000)
        {
            v.Update(SensorSample.Good(PowerOn85), t, 0f);
            Assert.Equal(SampleRejection.PowerOnReset, v.LastRejection);
            Assert.Equal(20f, v.Celsius, 3);
        }

        // 30 s after the last real reading the sensor is failed, not "85 °C".
        v.Update(SensorSample.Good(PowerOn85), 40_000, 0f);
        Assert.Equal(SensorHealth.Failed, v.Health);
        Assert.Equal(20f, v.Celsius, 3);
    }

    [Fact]
    public void A_real_eighty_five_degrees_reached_by_a_smooth_rise_is_accepted()
    {
        // Decision: 85.0 °C is believed when the previous accepted reading was within 2 K and the
        // rise was plausible for the position. A coil (condenser in cooling) warming 0.25 K/s.
        var v = new SensorValidator(SensorRole.Coil, 0);
        long t = 0;
        for (float c = 80f; c < 85f; c += 0.25f, t += 1000)
        {
            v.Update(C(c), t, 0f);
            Assert.Equal(SampleRejection.None, v.LastRejection);
        }

        v.Update(SensorSample.Good(PowerOn85), t, 0f);

        Assert.Equal(SampleRejection.None, v.LastRejection);
        Assert.Equal(85f, v.Celsius, 3);
        Assert.True(v.IsValid);
    }

    [Fact]
    public void Crc_errors_and_silence_are_rejected_and_keep_the_last_good_value()
    {
        var v = SteadyIndoor();
        v.Update(Crc, 11_000, 0f);
        Assert.Equal(SampleRejection.CrcError, v.LastRejection);
        Assert.Equal(20f, v.Celsius, 3);
        Assert.True(v.IsValid);

        v.Update(Silent, 12_000, 0f);
        Assert.Equal(SampleRejection.NoResponse, v.LastRejection);
        Assert.True(v.IsValid);

        v.Update(C(20.1f), 13_000, 0f);
        Assert.Equal(SampleRejection.None, v.LastRejection);
    }

    [Theory]
    [InlineData(-56f)]
    [InlineData(125.0625f)]
    [InlineData(-127f)]   // what many drivers report for a disconnected sensor
    public void Readings_outside_the_sensor_range_are_rejected(float celsius)
    {
        var v = new SensorValidator(SensorRole.Outdoor, 0);
        v.Update(C(celsius), 1000, 0f);
        Assert.Equal(SampleRejection.OutOfRange, v.LastRejection);
        Assert.False(v.IsValid);
    }

    [Fact]
    public void The_ends_of_the_sensor_range_are_valid_readings()
    {
        var cold = new SensorValidator(SensorRole.Outdoor, 0);
        cold.Update(C(-55f), 1000, 0f);
        Assert.True(cold.IsValid);
        var hot = new SensorValidator(SensorRole.Coil, 0);
        hot.Update(C(125f), 1000, 0f);
        Assert.True(hot.IsValid);
    }

    [Fact]
    public void A_spike_is_rejected_and_the_reading_carries_on()
    {
        var v = SteadyIndoor();
        v.Update(C(26f), 11_000, 0f);
        Assert.Equal(SampleRejection.RateOfChange, v.LastRejection);
        Assert.Equal(20f, v.Celsius, 3);

        v.Update(C(20.0625f), 12_000, 0f);
        Assert.Equal(SampleRejection.None, v.LastRejection);
        Assert.Equal(20.0625f, v.Celsius, 4);
        Assert.True(v.IsValid);
    }

    [Fact]
    public void A_coil_warming_twenty_kelvin_in_three_minutes_in_defrost_is_followed_sample_by_sample()
    {
        var v = new SensorValidator(SensorRole.Coil, 0);
        Feed(v, C(-8f), 0, 5000);
        long t = 6000;
        for (int s = 1; s <= 180; s++, t += 1000)
        {
            v.Update(C(-8f + 20f * s / 180f), t, 0f);
            Assert.Equal(SampleRejection.None, v.LastRejection);
        }

        Assert.Equal(12f, v.Celsius, 1);
    }

    [Fact]
    public void The_same_rise_on_indoor_air_is_held_back_but_the_sensor_does_not_fail()
    {
        // 20 K in 3 min, 0.11 K/s: no room does that; a hand or a hair dryer on the sensor does.
        var v = SteadyIndoor();
        int rejected = 0;
        long t = 11_000;
        for (int s = 1; s <= 180; s++, t += 1000)
        {
            v.Update(C(20f + 20f * s / 180f), t, 0f);
            if (v.LastRejection == SampleRejection.RateOfChange)
            {
                rejected++;
            }

            Assert.True(v.IsValid);
        }

        Assert.True(rejected >= 30, $"only {rejected} of 180 samples rejected");
        Assert.Equal(40f, v.Celsius, 0);
    }

    [Fact]
    public void Supply_air_rising_fifteen_kelvin_in_a_minute_after_a_start_in_heat_is_followed_sample_by_sample()
    {
        var v = new SensorValidator(SensorRole.Supply, 0);
        Feed(v, C(20f), 0, 10_000);
        long t = 11_000;
        for (int s = 1; s <= 60; s++, t += 1000)
        {
            v.Update(C(20f + 15f * s / 60f), t, 0f);
            Assert.Equal(SampleRejection.None, v.LastRejection);
        }

        Assert.Equal(35f, v.Celsius, 1);

        // The same rise on the room sensor is held back: supply air is not room air.
        var room = SteadyIndoor();
        int rejected = 0;
        t = 11_000;
        for (int s = 1; s <= 60; s++, t += 1000)
        {
            room.Update(C(20f + 15f * s / 60f), t, 0f);
            if (room.LastRejection == SampleRejection.RateOfChange)
            {
                rejected++;
            }
        }

        Assert.True(rejected > 0, "the indoor limit let a 15 K/min rise through");
    }

    [Fact]
    public void A_glitch_on_the_supply_sensor_is_still_rejected()
    {
        var v = new SensorValidator(SensorRole.Supply, 0);
        Feed(v, C(30f), 0, 10_000);
        v.Update(C(55f), 11_000, 0f);
        Assert.Equal(SampleRejection.RateOfChange, v.LastRejection);
        Assert.Equal(30f, v.Celsius, 1);
    }

    [Fact]
    public void Indoor_air_drifting_three_kelvin_a_minute_is_followed_sample_by_sample()
    {
        var v = SteadyIndoor();
        long t = 11_000;
        for (int s = 1; s <= 300; s++, t += 1000)
        {
            v.Update(C(20f - 3f * s / 60f), t, 0f);
            Assert.Equal(SampleRejection.None, v.LastRejection);
        }
    }

    [Fact]
    public void A_genuine_step_is_accepted_as_the_new_level_after_consistent_samples()
    {
        // E.g. the sensor was re-seated against the return-air duct and now reads 4 K higher.
        var v = SteadyIndoor();
        long t = 11_000;
        for (int n = 1; n < SensorValidator.StepConfirmSamples; n++, t += 1000)
        {
            v.Update(C(24f + 0.0625f * (n % 2)), t, 0f);
            Assert.Equal(SampleRejection.RateOfChange, v.LastRejection);
            Assert.Equal(20f, v.Celsius, 3);
            Assert.True(v.IsValid);
        }

        v.Update(C(24f), t, 0f);
        Assert.Equal(SampleRejection.None, v.LastRejection);
        Assert.Equal(24f, v.Celsius, 3);
        Assert.True(v.IsValid);

        v.Update(C(24.0625f), t + 1000, 0f);
        Assert.Equal(SampleRejection.None, v.LastRejection);
    }

    [Theory]
    [InlineData(10_000)]      // seconds after power-up
    [InlineData(7_200_000)]   // hours: candidates are still compared over the time between their samples
    public void Samples_that_disagree_with_each_other_never_become_a_new_level(long steadyMs)
    {
        var v = new SensorValidator(SensorRole.Indoor, 0);
        Feed(v, C(20f), 0, steadyMs);
        long t = steadyMs + 1000;
        for (int n = 0; n < 15; n++, t += 1000)
        {
            v.Update(C(n % 2 == 0 ? 30f : 40f), t, 0f);
            Assert.Equal(SampleRejection.RateOfChange, v.LastRejection);
        }

        Assert.Equal(20f, v.Celsius, 3);
    }

    [Fact]
    public void A_sensor_without_a_good_sample_for_thirty_seconds_fails_exactly_then()
    {
        var v = SteadyIndoor();   // last good sample at 10 000 ms
        Feed(v, Crc, 11_000, 39_000);
        v.Update(Crc, 39_999, 0f);
        Assert.Equal(SensorHealth.Ok, v.Health);

        v.Update(Crc, 40_000, 0f);
        Assert.Equal(SensorHealth.Failed, v.Health);
        Assert.False(v.IsValid);
        Assert.Equal(40_000, v.HealthSinceMs);
    }

    [Fact]
    public void Ticks_without_a_read_still_count_toward_stale()
    {
        var v = SteadyIndoor();
        v.Update(NoRead, 39_999, 0f);
        Assert.True(v.IsValid);
        Assert.Equal(SampleRejection.None, v.LastRejection);
        v.Update(NoRead, 40_000, 0f);
        Assert.Equal(SensorHealth.Failed, v.Health);
    }

    [Fact]
    public void A_sensor_that_never_answers_fails_thirty_seconds_after_power_up()
    {
        var v = new SensorValidator(SensorRole.Outdoor, 5000);
        Feed(v, Silent, 5000, 34_000);
        Assert.Equal(SensorHealth.Starting, v.Health);
        v.Update(Silent, 35_000, 0f);
        Assert.Equal(SensorHealth.Failed, v.Health);
    }

    /// <summary>A sensor failed at 40 000 ms after readings at 20 °C.</summary>
    private static SensorValidator FailedIndoor()
    {
        var v = SteadyIndoor();
        Feed(v, Silent, 11_000, 40_000);
        Assert.Equal(SensorHealth.Failed, v.Health);
        return v;
    }

    [Fact]
    public void A_failed_sensor_is_trusted_again_after_sixty_seconds_of_good_samples()
    {
        var v = FailedIndoor();
        // Reconnected, in a room that cooled meanwhile: the new level is accepted, but not yet trusted.
        Feed(v, C(17f), 41_000, 100_000);
        Assert.Equal(SensorHealth.Recovering, v.Health);
        Assert.False(v.IsValid);
        Assert.Equal(17f, v.Celsius, 3);

        v.Update(C(17f), 101_000, 0f);
        Assert.Equal(SensorHealth.Ok, v.Health);
        Assert.True(v.IsValid);
    }

    [Fact]
    public void A_bad_sample_during_recovery_starts_the_sixty_seconds_again()
    {
        var v = FailedIndoor();
        Feed(v, C(20f), 41_000, 90_000);
        v.Update(Crc, 91_000, 0f);
        Feed(v, C(20f), 92_000, 151_000);
        Assert.Equal(SensorHealth.Recovering, v.Health);
        v.Update(C(20f), 152_000, 0f);
        Assert.Equal(SensorHealth.Ok, v.Health);
    }

    [Fact]
    public void A_reconnected_sensor_first_reading_85_is_rejected()
    {
        var v = FailedIndoor();
        v.Update(SensorSample.Good(PowerOn85), 41_000, 0f);
        Assert.Equal(SampleRejection.PowerOnReset, v.LastRejection);
        Assert.Equal(SensorHealth.Failed, v.Health);
    }

    [Fact]
    public void Each_kind_of_failed_read_is_reported_with_its_own_reason()
    {
        var v = SteadyIndoor();
        v.Update(SensorSample.Failed(SampleStatus.CrcError), 11_000, 0f);
        Assert.Equal(SampleRejection.CrcError, v.LastRejection);
        v.Update(SensorSample.Failed(SampleStatus.NoResponse), 12_000, 0f);
        Assert.Equal(SampleRejection.NoResponse, v.LastRejection);
        v.Update(SensorSample.Failed(SampleStatus.None), 13_000, 0f);
        Assert.Equal(SampleRejection.NoResponse, v.LastRejection);
        Assert.Equal(20f, v.Celsius, 3);
    }

    [Fact]
    public void The_raw_reading_is_kept_without_the_calibration_offset()
    {
        var v = new SensorValidator(SensorRole.Outdoor, 0);
        v.Update(C(-7.5f), 1000, 1.25f);
        Assert.Equal(-120, v.RawSixteenths);
        Assert.Equal(-6.25f, v.Celsius, 3);
    }

    /// <summary>A coil sensor that has read <paramref name="celsius"/> once a second up to 10 000 ms.</summary>
    private static SensorValidator SteadyCoil(float celsius)
    {
        var v = new SensorValidator(SensorRole.Coil, 0);
        Feed(v, C(celsius), 0, 10_000);
        Assert.Equal(SampleRejection.None, v.LastRejection);
        return v;
    }

    [Fact]
    public void Eighty_five_degrees_within_two_kelvin_but_too_fast_is_the_power_on_value_and_never_a_new_level()
    {
        // 83 °C to 85 °C is 2 K, more than indoor air moves in the nine seconds this runs; five such
        // readings in a row would make any other value a new level, the power-on value never.
        var v = new SensorValidator(SensorRole.Indoor, 0);
        Feed(v, C(83f), 0, 10_000);
        for (long t = 11_000; t <= 19_000; t += 1000)
        {
            v.Update(SensorSample.Good(PowerOn85), t, 0f);
            Assert.Equal(SampleRejection.PowerOnReset, v.LastRejection);
            Assert.Equal(83f, v.Celsius, 3);
        }
    }

    [Fact]
    public void Eighty_five_degrees_more_than_two_kelvin_away_is_rejected_even_when_the_coil_could_have_warmed_that_far()
    {
        // After 20 s of CRC errors a coil could have warmed 11 K, so 80 °C to 85 °C is a plausible
        // rise; but 85.0 °C more than 2 K from the last reading is still taken as the power-on value.
        var v = SteadyCoil(80f);
        Feed(v, Crc, 11_000, 29_000);
        v.Update(SensorSample.Good(PowerOn85), 30_000, 0f);
        Assert.Equal(SampleRejection.PowerOnReset, v.LastRejection);
        Assert.Equal(80f, v.Celsius, 3);

        // Any other reading as far away is believed.
        v.Update(C(84.9375f), 30_500, 0f);
        Assert.Equal(SampleRejection.None, v.LastRejection);
    }

    [Fact]
    public void Eighty_five_degrees_exactly_two_kelvin_from_the_last_reading_is_believed_when_the_rise_is_plausible()
    {
        // 2 K in 2 s: 1 K noise allowance plus 30 K/min for 2 s.
        var v = SteadyCoil(83f);
        v.Update(Crc, 11_000, 0f);
        v.Update(SensorSample.Good(PowerOn85), 12_000, 0f);
        Assert.Equal(SampleRejection.None, v.LastRejection);
        Assert.Equal(85f, v.Celsius, 3);
    }

    [Fact]
    public void After_ten_steady_minutes_a_ramp_at_twice_the_indoor_rate_is_still_held_back()
    {
        // The anchor moves with the readings: a long steady spell does not loosen the rate limit.
        var v = SteadyIndoor();
        Feed(v, C(20f), 11_000, 600_000);
        int rejected = 0;
        long t = 601_000;
        for (int s = 1; s <= 120; s++, t += 1000)
        {
            v.Update(C(20f + 6f * s / 60f), t, 0f);
            if (v.LastRejection == SampleRejection.RateOfChange)
            {
                rejected++;
            }
        }

        Assert.True(rejected >= 10, $"only {rejected} of 120 samples rejected");
    }

    [Fact]
    public void The_anchor_a_reading_is_measured_against_is_never_more_than_a_minute_old()
    {
        // Samples each second. The anchor taken at 0 s is replaced by the one taken at 30 s when the
        // sample at 60 s is accepted, so the sample at 61 s is measured against 21 °C (31 s earlier,
        // 1 K + 31 s of 3 K/min = 2.55 K allowed) and not against 20 °C (61 s earlier, 4.05 K allowed).
        var v = new SensorValidator(SensorRole.Indoor, 0);
        Feed(v, C(20f), 0, 29_000);
        v.Update(C(21f), 30_000, 0f);
        Assert.Equal(SampleRejection.None, v.LastRejection);
        for (int s = 31; s <= 60; s++)
        {
            // 21 °C to 23.125 °C in 30 s, within every allowance on the way.
            v.Update(SensorSample.Good((short)(336 + (34 * (s - 30)) / 30)), s * 1000L, 0f);
            Assert.Equal(SampleRejection.None, v.LastRejection);
        }

        v.Update(SensorSample.Good(380), 61_000, 0f);   // 23.75 °C: 2.75 K above the 30 s anchor
        Assert.Equal(SampleRejection.RateOfChange, v.LastRejection);
        Assert.Equal(370 / 16f, v.Celsius, 3);
    }

    [Fact]
    public void Updates_allocate_nothing()
    {
        var v = SteadyIndoor();
        long before = GC.GetAllocatedBytesForCurrentThread();
        long t = 11_000;
        for (int i = 0; i < 5000; i++, t += 1000)
        {
            v.Update(i % 7 == 0 ? Crc : C(20f + (i % 3) * 0.0625f), t, 0.5f);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
