using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Simulator.Commissioning;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Run;
using HeatPump.Simulator.Weather;
using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>The one plant loop: what it reads off the plant for a controller, and how it steps the plant.</summary>
public class PlantLoopTests
{
    private static PlantLoop Loop(PlantParameters plant, double outdoorC, bool supplyFitted = false) =>
        new(new SteadyWeather(outdoorC, 80), new HeatPumpPlant(plant, 20.0, 0.0, outdoorC), new TestSensors(), supplyFitted);

    private static float C(in SensorSample s) => s.Sixteenths / 16f;

    [Fact]
    public void The_reading_carries_each_probe_where_it_is_fitted_and_the_supply_probe_only_when_fitted()
    {
        PlantLoop loop = Loop(PlantParameters.Default, -5.0);
        RawInputs r = loop.Read(0);
        Assert.Equal(20f, C(r.Indoor));
        Assert.Equal(-5f, C(r.Outdoor));
        Assert.Equal(SampleStatus.None, r.Supply.Status);

        // Probes swapped at the install: the outdoor input reads the coil, and the coil input the air.
        OutputState heat = default;
        heat.Compressor = true;
        heat.OutdoorFanDuty = 1f;
        heat.IndoorFanDuty = 1f;
        PlantLoop swapped = Loop(InstallFaults.Apply(PlantParameters.Default, "swapped-probes"), -5.0, supplyFitted: true);
        for (long ms = 0; ms < 600_000; ms += 1000)
        {
            swapped.Read(ms);
            swapped.Advance(1.0, heat);
        }

        RawInputs s = swapped.Read(600_000);
        var plant = (HeatPumpPlant)swapped.Plant;
        Assert.Equal(-5f, C(s.Coil));
        Assert.Equal((float)plant.CoilC, C(s.Outdoor), 0.07f);
        Assert.True(plant.CoilC < -10.0, "the coil runs well below the air in heating");
        Assert.Equal(SampleStatus.Ok, s.Supply.Status);
        Assert.True(C(s.Supply) > 25f, "heated supply air");
    }

    [Fact]
    public void The_reading_carries_the_pressure_switches_and_the_condensate_switch()
    {
        // A dead outdoor fan in a cooling run: the condenser overheats and the high-pressure switch opens.
        PlantLoop loop = Loop(InstallFaults.Apply(PlantParameters.Default, "dead-outdoor-fan"), 35.0);
        OutputState cool = default;
        cool.Compressor = true;
        cool.ValveEnergised = true;
        cool.IndoorFanDuty = 1f;
        cool.OutdoorFanDuty = 1f;
        long ms = 0;
        while (!loop.Read(ms).HighPressureTripped && ms < 3_600_000)
        {
            Assert.False(loop.Reading.LowPressureTripped);
            loop.Advance(1.0, cool);
            ms += 1000;
        }

        Assert.True(loop.Reading.HighPressureTripped, "no high-pressure trip within the hour");
        Assert.True(((HeatPumpPlant)loop.Plant).HighPressureTripped);

        Assert.False(loop.Reading.DrainOpen);
        loop.DrainOpen = true;
        Assert.True(loop.Read(ms + 1000).DrainOpen);
    }

    [Fact]
    public void Advance_steps_the_plant_in_the_weather_read_and_adds_its_flows_to_the_ledger()
    {
        var weather = new SteadyWeather(0.0, 80);
        var plant = new HeatPumpPlant(PlantParameters.Default, 20.0, 0.0, 0.0);
        var loop = new PlantLoop(weather, plant, new TestSensors());
        OutputState strips = default;
        strips.AuxHeat = true;
        strips.IndoorFanDuty = 1f;

        loop.Read(0);
        weather.Sample = new WeatherSample(-20.0, 80, 0); // changed after the read: the step still sees 0 °C
        loop.Advance(10.0, strips);
        Assert.Equal(0.0, plant.OutdoorC);
        Assert.Equal(plant.ElectricPowerW * 10.0, loop.Ledger.ElectricEnergyJ, 6);
        Assert.Equal(plant.AuxPowerW * 10.0, loop.Ledger.AuxEnergyJ, 6);
        Assert.True(loop.Ledger.AuxEnergyJ > 0);
        Assert.Equal(plant.HeatToHouseW * 10.0, loop.Ledger.HeatToHouseJ, 6);
        Assert.Equal(10.0, loop.Ledger.ElapsedSeconds);

        loop.Read(10_000);
        loop.Advance(10.0, strips);
        Assert.Equal(-20.0, plant.OutdoorC);
    }
}
