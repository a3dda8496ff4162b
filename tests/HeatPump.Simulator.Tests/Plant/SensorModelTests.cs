using HeatPump.Control.Sensors;
using HeatPump.Simulator.Plant;
using Xunit;

namespace HeatPump.Simulator.Tests;

public class SensorModelTests
{
    private static readonly PlantParameters Quiet = PlantParameters.Default with
    {
        IndoorSensorNoiseK = 0.0,
        OutdoorSensorNoiseK = 0.0,
        CoilSensorNoiseK = 0.0,
    };

    private static SensorModel Model(string faults = "", PlantParameters? p = null, int seed = 1) =>
        new(p ?? Quiet, FaultSchedule.Parse(faults), seed);

    private static double Celsius(SensorSample s) => s.Sixteenths / 16.0;

    [Theory]
    [InlineData(21.3, 341)]      // 340.8 sixteenths rounds up
    [InlineData(21.28, 340)]     // 340.48 rounds down
    [InlineData(-0.03, 0)]
    [InlineData(-10.5, -168)]
    public void Readings_are_quantised_to_a_sixteenth_of_a_degree(double trueC, short sixteenths)
    {
        var s = Model().Read(SensorRole.Indoor, trueC, 0.0);
        Assert.Equal(SampleStatus.Ok, s.Status);
        Assert.Equal(sixteenths, s.Sixteenths);
    }

    [Theory]
    [InlineData(SensorRole.Indoor, 60.0)]
    [InlineData(SensorRole.Outdoor, 120.0)]
    [InlineData(SensorRole.Coil, 20.0)]
    public void Each_sensor_lags_a_step_change_by_its_time_constant(SensorRole role, double tau)
    {
        var m = Model();
        m.Read(role, 20.0, 0.0);
        SensorSample last = default;
        for (int s = 1; s <= (int)tau; s++) last = m.Read(role, 30.0, s);

        // One time constant after a 10 K step, 63 % of it shows.
        Assert.Equal(20.0 + 10.0 * (1.0 - Math.Exp(-1.0)), Celsius(last), 0.07);
    }

    [Fact]
    public void Reads_closer_than_a_conversion_return_no_sample()
    {
        var m = Model();
        Assert.Equal(SampleStatus.Ok, m.Read(SensorRole.Coil, 1.0, 10.0).Status);
        Assert.Equal(SampleStatus.None, m.Read(SensorRole.Coil, 1.0, 10.5).Status);
        Assert.Equal(SampleStatus.Ok, m.Read(SensorRole.Coil, 1.0, 11.0).Status);
    }

    [Fact]
    public void Noise_is_reproducible_from_the_seed_and_of_the_configured_size()
    {
        var p = PlantParameters.Default;
        var a = new SensorModel(p, null, seed: 42);
        var b = new SensorModel(p, null, seed: 42);
        var c = new SensorModel(p, null, seed: 43);
        int differ = 0;
        double sum = 0.0, sumSq = 0.0;
        const int n = 20000;
        for (int s = 0; s < n; s++)
        {
            var sa = a.Read(SensorRole.Coil, 5.0, s);
            Assert.Equal(sa.Sixteenths, b.Read(SensorRole.Coil, 5.0, s).Sixteenths);
            if (sa.Sixteenths != c.Read(SensorRole.Coil, 5.0, s).Sixteenths) differ++;
            double e = Celsius(sa) - 5.0;
            sum += e;
            sumSq += e * e;
        }

        Assert.True(differ > n / 4, "another seed gives other noise");
        double mean = sum / n;
        double sd = Math.Sqrt(sumSq / n - mean * mean);
        Assert.InRange(mean, -0.01, 0.01);

        // Noise and the 1/16 °C step together: √(0.05² + 0.0625²/12) ≈ 0.053 K.
        Assert.InRange(sd, 0.045, 0.062);
    }

    [Fact]
    public void A_fault_on_one_sensor_leaves_the_others_untouched()
    {
        var p = PlantParameters.Default;
        var clean = new SensorModel(p, null, seed: 9);
        var faulty = new SensorModel(p, FaultSchedule.Parse("coil:crc=0.5@0s,coil:spike=20@0s"), seed: 9);
        for (int s = 0; s < 500; s++)
        {
            faulty.Read(SensorRole.Coil, 0.0, s);
            clean.Read(SensorRole.Coil, 0.0, s);
            Assert.Equal(clean.Read(SensorRole.Indoor, 21.0, s).Sixteenths, faulty.Read(SensorRole.Indoor, 21.0, s).Sixteenths);
        }
    }

    [Fact]
    public void Open_wire_gives_no_response_during_its_window_only()
    {
        var m = Model("coil:open@10m+5m");
        Assert.Equal(SampleStatus.Ok, m.Read(SensorRole.Coil, -3.0, 599).Status);
        Assert.Equal(SampleStatus.NoResponse, m.Read(SensorRole.Coil, -3.0, 600).Status);
        Assert.Equal(SampleStatus.NoResponse, m.Read(SensorRole.Coil, -3.0, 899).Status);
        Assert.Equal(SampleStatus.Ok, m.Read(SensorRole.Coil, -3.0, 900).Status);
        Assert.True(m.HasActiveFault(SensorRole.Coil, 700));
        Assert.False(m.HasActiveFault(SensorRole.Indoor, 700));
    }

    [Fact]
    public void Crc_errors_come_at_the_given_rate()
    {
        var m = Model("indoor:crc=0.3@0s+1h");
        int crc = 0;
        for (int s = 0; s < 3600; s++)
        {
            var sample = m.Read(SensorRole.Indoor, 21.0, s);
            if (sample.Status == SampleStatus.CrcError) crc++;
            else Assert.Equal(SampleStatus.Ok, sample.Status);
        }

        Assert.InRange(crc / 3600.0, 0.26, 0.34);
        Assert.Equal(SampleStatus.Ok, m.Read(SensorRole.Indoor, 21.0, 3600).Status);
    }

    [Fact]
    public void Reset_fault_reports_the_85C_power_on_value()
    {
        var m = Model("outdoor:reset85@1m+1m");
        Assert.Equal(SensorSample.ToSixteenths(2.0f), m.Read(SensorRole.Outdoor, 2.0, 30).Sixteenths);
        var s = m.Read(SensorRole.Outdoor, 2.0, 90);
        Assert.Equal(SampleStatus.Ok, s.Status);
        Assert.Equal(85.0, Celsius(s));
    }

    [Fact]
    public void Stuck_sensor_freezes_at_the_value_it_had_when_the_fault_began()
    {
        var m = Model("indoor:stuck@100s+10m");
        m.Read(SensorRole.Indoor, 20.0, 0);
        for (int s = 1; s < 100; s++) m.Read(SensorRole.Indoor, 20.0, s);
        var atStart = m.Read(SensorRole.Indoor, 20.0, 100);
        for (int s = 101; s < 700; s++)
        {
            // The room warms by a degree a minute; the reading does not move.
            Assert.Equal(atStart.Sixteenths, m.Read(SensorRole.Indoor, 20.0 + (s - 100) / 60.0, s).Sixteenths);
        }

        Assert.NotEqual(atStart.Sixteenths, m.Read(SensorRole.Indoor, 30.0, 700).Sixteenths);
    }

    [Fact]
    public void Spikes_are_occasional_large_jumps()
    {
        var m = Model("coil:spike=25@0s");
        int spikes = 0;
        for (int s = 0; s < 5000; s++)
        {
            double c = Celsius(m.Read(SensorRole.Coil, 0.0, s));
            if (Math.Abs(c) > 20.0) spikes++;
            else Assert.Equal(0.0, c, 0.01);
        }

        Assert.InRange(spikes, 50, 160); // 2 % of 5000 samples
    }

    [Fact]
    public void Drift_grows_at_the_given_rate()
    {
        var m = Model("outdoor:drift=0.5@1h");
        Assert.Equal(4.0, Celsius(m.Read(SensorRole.Outdoor, 4.0, 3599)), 0.04);
        Assert.Equal(4.0, Celsius(m.Read(SensorRole.Outdoor, 4.0, 3600)), 0.04);
        Assert.Equal(5.0, Celsius(m.Read(SensorRole.Outdoor, 4.0, 3 * 3600)), 0.04);
    }

    [Fact]
    public void Readings_stay_within_what_a_DS18B20_can_report()
    {
        var m = Model();
        Assert.Equal(125.0, Celsius(m.Read(SensorRole.Coil, 300.0, 0)));
        Assert.Equal(-55.0, Celsius(m.Read(SensorRole.Outdoor, -80.0, 0)));
    }

    [Fact]
    public void A_plant_told_the_first_weather_can_be_read_before_its_first_step()
    {
        var m = Model();
        var plant = new HeatPumpPlant(initialIndoorC: 19.0, initialOutdoorC: -4.0);
        Assert.Equal(-4.0, Celsius(m.Read(SensorRole.Outdoor, plant.OutdoorC, 0)));
        Assert.Equal(-4.0, Celsius(m.Read(SensorRole.Coil, plant.CoilC, 0)));
        Assert.Equal(19.0, Celsius(m.Read(SensorRole.Indoor, plant.IndoorC, 0)));

        // Without it there is nothing to measure yet, and the bus says so rather than invent a value.
        var unknown = new HeatPumpPlant();
        Assert.Equal(SampleStatus.NoResponse, Model().Read(SensorRole.Coil, unknown.CoilC, 0).Status);
    }
}
