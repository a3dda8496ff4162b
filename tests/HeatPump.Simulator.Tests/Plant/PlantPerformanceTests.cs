using HeatPump.Control;
using HeatPump.Simulator.Plant;
using Xunit;

namespace HeatPump.Simulator.Tests;

public class PlantPerformanceTests
{
    private static readonly OutputState HeatFullFans = new() { Compressor = true, IndoorFanDuty = 1f, OutdoorFanDuty = 1f };
    private static readonly OutputState CoolFullFans = new() { Compressor = true, ValveEnergised = true, IndoorFanDuty = 1f, OutdoorFanDuty = 1f };

    /// <summary>Runs the plant in steady conditions long enough for the start-up transient and the coil to settle.</summary>
    private static HeatPumpPlant Settle(OutputState outputs, double outdoorC, double rh = 20.0, PlantParameters? p = null, int seconds = 1800)
    {
        var plant = new HeatPumpPlant(p, 21.0);
        var w = new WeatherSample(outdoorC, rh, 0.0);
        for (int s = 0; s < seconds; s++) plant.Step(1.0, outputs, w);
        return plant;
    }

    // docs/simulator.md: heating capacity and COP ratios against outdoor temperature, rated at 8.3 °C.
    [Theory]
    [InlineData(10.0, 1.04, 1.03)]
    [InlineData(8.3, 1.00, 1.00)]
    [InlineData(0.0, 0.80, 0.88)]
    [InlineData(-8.3, 0.63, 0.74)]
    [InlineData(-15.0, 0.51, 0.64)]
    [InlineData(-20.0, 0.43, 0.57)]
    public void Heating_capacity_and_COP_follow_the_design_table(double outdoorC, double capacityRatio, double copRatio)
    {
        // Dry air keeps the coil clean, so the table is seen without frost.
        var plant = Settle(HeatFullFans, outdoorC);
        var p = plant.Parameters;
        Assert.Equal(0.0, plant.IceKg);
        Assert.Equal(capacityRatio, plant.HeatPumpHeatW / p.RatedHeatingCapacityW, 0.001);
        Assert.Equal(copRatio, plant.HeatPumpHeatW / plant.CompressorPowerW / p.RatedHeatingCop, 0.001);
    }

    [Fact]
    public void Heating_capacity_between_table_points_is_interpolated()
    {
        var plant = Settle(HeatFullFans, -4.15);
        double expected = 0.5 * (0.80 + 0.63) * plant.Parameters.RatedHeatingCapacityW;
        Assert.Equal(expected, plant.HeatPumpHeatW, 0.002 * expected);
    }

    [Fact]
    public void Cooling_is_rated_at_35C_and_weakens_in_hotter_air()
    {
        var rated = Settle(CoolFullFans, 35.0, rh: 40.0);
        var hot = Settle(CoolFullFans, 45.0, rh: 40.0);
        var p = rated.Parameters;

        double ratedTotal = -rated.HeatPumpHeatW / p.SensibleHeatRatio;
        Assert.Equal(p.RatedCoolingCapacityW, ratedTotal, 0.001 * p.RatedCoolingCapacityW);
        Assert.Equal(p.RatedCoolingCop, ratedTotal / rated.CompressorPowerW, 0.001);
        Assert.Equal(PlantMode.Cooling, rated.Mode);

        // Cutler's curves at 45 °C: capacity × 0.898, EIR × 1.374.
        double hotTotal = -hot.HeatPumpHeatW / p.SensibleHeatRatio;
        Assert.Equal(0.898 * p.RatedCoolingCapacityW, hotTotal, 0.002 * p.RatedCoolingCapacityW);
        Assert.Equal(p.RatedCoolingCop / 1.374, hotTotal / hot.CompressorPowerW, 0.005);
    }

    [Fact]
    public void Start_up_transient_gives_the_AHRI_cyclic_degradation_of_about_a_quarter()
    {
        // AHRI 210/240 cyclic test: 6 minutes on, 24 off. Compare delivered heat and compressor
        // energy over cycles with the steady-state figures.
        var steady = Settle(HeatFullFans, 8.3);
        double steadyHeat = steady.HeatPumpHeatW;
        double steadyPower = steady.CompressorPowerW;

        var plant = new HeatPumpPlant(null, 21.0);
        var w = new WeatherSample(8.3, 20.0, 0.0);
        double heatJ = 0.0, energyJ = 0.0;
        const int cycles = 4;
        for (int c = 0; c < cycles; c++)
        {
            for (int s = 0; s < 1800; s++)
            {
                var o = s < 360 ? HeatFullFans : new OutputState();
                plant.Step(1.0, o, w);
                heatJ += plant.HeatPumpHeatW;
                energyJ += plant.CompressorPowerW;
            }
        }

        double plr = heatJ / (steadyHeat * 1800.0 * cycles);
        double plf = (heatJ / energyJ) / (steadyHeat / steadyPower);
        double cd = (1.0 - plf) / (1.0 - plr);
        Assert.InRange(cd, 0.22, 0.28);
        Assert.Equal(cycles, plant.CompressorStarts);
    }

    [Fact]
    public void Fan_power_follows_the_cube_of_the_duty_and_indoor_fan_heat_reaches_the_house()
    {
        var p = PlantParameters.Default;
        var plant = new HeatPumpPlant(p, 20.0);
        var w = new WeatherSample(5.0, 50.0, 0.0);
        plant.Step(1.0, new OutputState { IndoorFanDuty = 0.5f, OutdoorFanDuty = 0.5f }, w);
        Assert.Equal(p.IndoorFanRatedW / 8.0, plant.IndoorFanPowerW, 6);
        Assert.Equal(p.OutdoorFanRatedW / 8.0, plant.OutdoorFanPowerW, 6);
        Assert.Equal(plant.IndoorFanPowerW + plant.OutdoorFanPowerW, plant.ElectricPowerW, 6);
        Assert.Equal(plant.IndoorFanPowerW, plant.HeatToHouseW, 6);
    }

    [Fact]
    public void Aux_heat_adds_its_power_to_the_house_and_the_meter()
    {
        var p = PlantParameters.Default;
        var plant = new HeatPumpPlant(p, 20.0);
        plant.Step(1.0, new OutputState { AuxHeat = true }, new WeatherSample(0.0, 80.0, 0.0));
        Assert.Equal(p.AuxHeatW, plant.HeatToHouseW, 6);
        Assert.Equal(p.AuxHeatW, plant.ElectricPowerW, 6);
    }

    [Fact]
    public void A_house_without_heat_cools_toward_outdoors_with_its_time_constant()
    {
        var p = PlantParameters.Default with { InternalGainsW = 0.0 };
        var plant = new HeatPumpPlant(p, 20.0);
        var w = new WeatherSample(0.0, 50.0, 0.0);
        double tau = p.CapacitanceJPerK / p.UaWPerK;
        for (int s = 0; s < (int)tau; s++) plant.Step(1.0, new OutputState(), w);

        // After one time constant (≈ 35 h) 1/e of the 20 K difference is left.
        Assert.Equal(20.0 * Math.Exp(-1.0), plant.IndoorC, 0.01);
    }

    [Fact]
    public void Valve_polarity_B_heats_with_the_valve_energised()
    {
        var o = new OutputState { Compressor = true, ValveEnergised = true, IndoorFanDuty = 1f, OutdoorFanDuty = 1f };
        var polarityO = Settle(o, 5.0, seconds: 600);
        var polarityB = Settle(o, 5.0, p: PlantParameters.Default with { ValveEnergisedInHeat = true }, seconds: 600);

        Assert.Equal(PlantMode.Cooling, polarityO.Mode);
        Assert.True(polarityO.HeatPumpHeatW < 0);
        Assert.Equal(PlantMode.Heating, polarityB.Mode);
        Assert.True(polarityB.HeatPumpHeatW > 0);
    }

    [Fact]
    public void Lower_indoor_airflow_costs_COP()
    {
        var full = Settle(HeatFullFans, 5.0);
        var half = Settle(HeatFullFans with { IndoorFanDuty = 0.5f }, 5.0);
        double copFull = full.HeatPumpHeatW / full.CompressorPowerW;
        double copHalf = half.HeatPumpHeatW / half.CompressorPowerW;
        Assert.True(copHalf < 0.8 * copFull, $"COP {copHalf:F2} at half airflow vs {copFull:F2}");
    }

    [Theory]
    [InlineData(-19.0, true)]
    [InlineData(-23.0, false)]
    public void Heat_pump_alone_holds_20C_down_to_its_balance_point_near_minus_20C(double outdoorC, bool holds)
    {
        // Ten days of running flat out settle the 35-hour house; where it ends up is what the
        // heat pump can hold at that outdoor temperature.
        var plant = new HeatPumpPlant(null, 20.0);
        var w = new WeatherSample(outdoorC, 40.0, 0.0);
        for (int s = 0; s < 10 * 86400; s++) plant.Step(1.0, HeatFullFans, w);
        Assert.Equal(0.0, plant.IceKg);
        if (holds) Assert.True(plant.IndoorC > 21.0, $"{plant.IndoorC:F1} °C at {outdoorC} °C outdoor");
        else Assert.True(plant.IndoorC < 19.0, $"{plant.IndoorC:F1} °C at {outdoorC} °C outdoor");
    }

    [Fact]
    public void Stepping_the_plant_and_reading_the_sensors_allocates_nothing()
    {
        var plant = new HeatPumpPlant();
        var sensors = new SensorModel(null, FaultSchedule.Parse("coil:crc@0s,indoor:drift@0s,outdoor:stuck@0s"), 3);
        var weather = HeatPump.Simulator.Weather.WeatherLibrary.Create("heating-season", 2, 1);
        var outputs = new[]
        {
            HeatFullFans,
            new OutputState(),
            new OutputState { Compressor = true, ValveEnergised = true },
            HeatFullFans with { IndoorFanDuty = 0.3f, AuxHeat = true },
        };

        // Once round every path first, so that one-off work (tables, JIT) is done.
        for (int s = 0; s < 400; s++) StepAll(s);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int s = 400; s < 40000; s++) StepAll(s);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void StepAll(int s)
        {
            plant.Step(1.0, outputs[(s / 100) % outputs.Length], weather.At(s));
            sensors.Read(HeatPump.Control.Sensors.SensorRole.Indoor, plant.IndoorC, s);
            sensors.Read(HeatPump.Control.Sensors.SensorRole.Outdoor, plant.OutdoorC, s);
            sensors.Read(HeatPump.Control.Sensors.SensorRole.Coil, plant.CoilC, s);
        }
    }
}
