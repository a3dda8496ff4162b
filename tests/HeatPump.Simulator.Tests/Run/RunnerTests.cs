using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Controllers;
using HeatPump.Simulator.Kpi;
using HeatPump.Simulator.Output;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Run;
using HeatPump.Simulator.Weather;
using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>The runner and the comparison, against the crude test plant of <see cref="TestWorld"/>.</summary>
public class RunnerTests
{
    private static ControllerSettings Heat()
    {
        var s = new ControllerSettings();
        s.TrySet(SettingId.Mode, (int)UserMode.Heat, out _);
        return s;
    }

    private static SimulationPlan Plan(IWorld world, double days, params string[] controllers)
    {
        return new SimulationPlan("test-weather", days, 1, Heat(), world, controllers, 20.0);
    }

    [Fact]
    public void The_kpis_add_up_what_the_plant_drew_and_delivered_and_count_the_defrosts_it_saw()
    {
        var world = new TestWorld(outdoorC: 0);
        var s = Heat();
        RunResult r = SimulationRunner.Run(ReferenceController.Timed(60, s), world, s, 2, 20.0);
        TestPlant plant = world.LastPlant!;

        Assert.Equal(2 * 86400, plant.Steps);
        Assert.Equal(plant.TotalElectricJ / 3.6e6, r.Kpi.EnergyKWh, 9);
        Assert.Equal(plant.TotalHeatJ / 3.6e6, r.Kpi.HeatDeliveredKWh, 9);
        // Every defrost melts: the plant saw as many reverse cycles as the KPIs count defrosts.
        Assert.True(r.Kpi.Defrosts > 5);
        Assert.Equal(plant.MeltingStarts, r.Kpi.Defrosts);
        Assert.True(r.Kpi.PeakFrostFraction > 0.3);
        Assert.Equal(0, r.Kpi.InvariantViolations);
        Assert.Empty(r.ViolationMessages);
    }

    [Fact]
    public void Each_tick_the_sensors_read_the_plant_as_it_stands_and_the_plant_gets_what_the_controller_drove()
    {
        var world = new SpyWorld();
        var s = Heat();
        SimulationRunner.Run(new SpyController(), world, s, 10 / 86400.0, 20.0);
        // The plant's indoor temperature is 100 + steps taken: the sensors must see 100, 101, ...
        Assert.Equal(new double[] { 100, 101, 102, 103, 104, 105, 106, 107, 108, 109 }, world.Sensors.IndoorReads);
        Assert.Equal(new double[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, world.Sensors.Times);
        // The controller compresses on odd seconds; the plant records what it was stepped with.
        Assert.Equal(new[] { false, true, false, true, false, true, false, true, false, true }, world.Plant.Driven);
    }

    [Fact]
    public void A_comparison_gives_the_same_numbers_in_parallel_as_one_by_one_and_run_after_run()
    {
        string[] names = { "timed-30", "timed-60", "timed-90", "hysteresis" };
        RunResult[] serial = new Comparison(Plan(new TestWorld(-2), 1, names), record: false).Run(1);
        RunResult[] parallel = new Comparison(Plan(new TestWorld(-2), 1, names), record: false).Run(4);
        RunResult[] again = new Comparison(Plan(new TestWorld(-2), 1, names), record: false).Run(4);
        for (int i = 0; i < names.Length; i++)
        {
            Assert.Equal(names[i], serial[i].Kpi.Name);
            Assert.Equal(serial[i].Kpi, parallel[i].Kpi);
            Assert.Equal(serial[i].Kpi, again[i].Kpi);
        }

        // The timed boards differ by their interval: the shorter, the more defrosts.
        Assert.True(serial[0].Kpi.Defrosts > serial[1].Kpi.Defrosts);
        Assert.True(serial[1].Kpi.Defrosts > serial[2].Kpi.Defrosts);
    }

    [Fact]
    public void The_oracle_is_run_at_every_ice_fraction_and_reported_by_its_lowest_energy_run()
    {
        var plan = Plan(new TestWorld(0), 0.05, ControllerCatalog.Oracle);
        var comparison = new Comparison(plan, record: false);
        RunResult[] results = comparison.Run(2);
        long ticks = SimulationRunner.TicksFor(0.05);
        Assert.Equal(ControllerCatalog.OracleFractions.Length * ticks, comparison.ProgressOf(0).Ticks);
        Assert.Equal("oracle", results[0].Kpi.Name);
        Assert.Contains(results[0].OracleFraction, ControllerCatalog.OracleFractions);

        RunResult Make(double kWh, double f) => new RunResult(
            new KpiResult("oracle", kWh, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), Array.Empty<string>(), null, f, 0, 0);
        var runs = new[] { Make(5.0, 0.1), Make(4.2, 0.2), Make(4.1, 0.3), Make(4.1, 0.4), Make(6.0, 0.5) };
        Assert.Equal(0.3, Comparison.LowestEnergy(runs).OracleFraction);
    }

    [Fact]
    public void The_oracle_requests_a_defrost_from_the_true_ice_and_switches_off_the_cores_own_defrosts()
    {
        var s = Heat();
        var oracle = (FirmwareController)ControllerCatalog.Create(ControllerCatalog.Oracle, s, 1, 0.3);
        var firmware = (FirmwareController)ControllerCatalog.Create(ControllerCatalog.Firmware, s, 1);
        Assert.False(oracle.Core.Controller.AutomaticDefrost);
        Assert.True(firmware.Core.Controller.AutomaticDefrost);

        SensorSample t = SensorSample.Good(SensorSample.ToSixteenths(19f));
        var reading = new RawInputs { Indoor = t, Outdoor = t, Coil = t };
        oracle.Step(reading, 0.29);
        Assert.False(oracle.LastInputs.DefrostRequested);
        reading.NowMs = 1000;
        oracle.Step(reading, 0.30);
        Assert.True(oracle.LastInputs.DefrostRequested);
        reading.NowMs = 0;
        firmware.Step(reading, 0.9);
        Assert.False(firmware.LastInputs.DefrostRequested);
    }

    [Fact]
    public void Settings_given_to_a_controller_are_its_own_copy()
    {
        var s = Heat();
        var a = (FirmwareController)ControllerCatalog.Create(ControllerCatalog.Firmware, s, 1);
        s.TrySet(SettingId.HeatSetpoint, 250, out _);
        Assert.Equal(20.0f, a.Core.Settings.HeatSetpointC);
    }

    [Fact]
    public void The_series_holds_one_row_of_averages_per_simulated_minute()
    {
        var world = new TestWorld(outdoorC: 3);
        var s = Heat();
        long ticks = SimulationRunner.TicksFor(0.5);
        var series = new SeriesRecorder(ticks);
        SimulationRunner.Run(ReferenceController.Timed(60, s), world, s, 0.5, 19.0, series);
        Assert.Equal(720, series.Count);
        Assert.Equal(3f, series.OutdoorC[0]);
        // The house starts cold enough to call; the compressor starts at 300 s: minute 4 is off, minute 5 on throughout.
        Assert.Equal(0f, series.CompressorOn[4]);
        Assert.Equal(1f, series.CompressorOn[5]);

        var partial = new SeriesRecorder(90);
        OutputState on = default;
        on.Compressor = true;
        for (int i = 0; i < 90; i++)
        {
            partial.Add(i, 0, 0, 0, i < 30 ? on : default, 0, 0);
        }

        partial.Complete();
        Assert.Equal(2, partial.Count);
        Assert.Equal(29.5f, partial.OutdoorC[0]);   // mean of 0..59
        Assert.Equal(74.5f, partial.OutdoorC[1]);   // mean of 60..89
        Assert.Equal(0.5f, partial.CompressorOn[0]);
    }

    [Fact]
    public void A_run_allocates_nothing_per_tick()
    {
        var world = new TestWorld(outdoorC: 0);
        var s = Heat();
        // Warm up the JIT on a short run, then measure a day.
        SimulationRunner.Run(ReferenceController.Timed(60, s), world, s, 0.01, 20.0);
        var controller = ReferenceController.Timed(60, s);
        long before = GC.GetAllocatedBytesForCurrentThread();
        SimulationRunner.Run(controller, world, s, 1, 20.0);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // A day is 86,400 ticks: even 1 byte a tick would be 86 kB. The run's own objects are a few kB.
        Assert.True(allocated < 32_000, allocated + " bytes allocated");
    }

    private sealed class SpyController : ISimController
    {
        public string Name => "spy";

        public DefrostEnd LastDefrostEnd => DefrostEnd.None;

        public OutputState Step(RawInputs reading, double trueFrostFraction)
        {
            OutputState o = default;
            o.Compressor = reading.NowMs / 1000 % 2 == 1;
            return o;
        }
    }

    private sealed class SpyPlant : IPlant
    {
        public List<bool> Driven { get; } = new List<bool>();

        public double IndoorC => 100 + Driven.Count;

        public double OutdoorC => 0;

        public double CoilC => 0;

        public double FrostFraction => 0;

        public double ElectricPowerW => 0;

        public double HeatToHouseW => 0;

        public void Step(double dtSeconds, in OutputState outputs, in WeatherSample weather) => Driven.Add(outputs.Compressor);
    }

    private sealed class SpySensors : ISensorModel
    {
        public List<double> IndoorReads { get; } = new List<double>();

        public List<double> Times { get; } = new List<double>();

        public SensorSample Read(SensorRole role, double trueC, double seconds)
        {
            if (role == SensorRole.Indoor)
            {
                IndoorReads.Add(trueC);
                Times.Add(seconds);
            }

            return SensorSample.Good(0);
        }
    }

    private sealed class SpyWorld : IWorld
    {
        public SpyPlant Plant { get; } = new SpyPlant();

        public SpySensors Sensors { get; } = new SpySensors();

        public IWeather CreateWeather() => new SteadyWeather(0, 0.9);

        public IPlant CreatePlant(double initialIndoorC) => Plant;

        public ISensorModel CreateSensors() => Sensors;
    }
}
