using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Simulator.Controllers;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Run;
using HeatPump.Simulator.Weather;
using Xunit;
using Xunit.Abstractions;

namespace HeatPump.Simulator.Tests;

/// <summary>
/// The simulator's main run hands the plant's pressure switches to the firmware, as the board's
/// inputs do: a unit whose outdoor fan motor has died on a hot day trips on high pressure, and the
/// board must count every trip and lock out, not restart into it all afternoon.
/// </summary>
public class PressureSwitchRunTests
{
    private readonly ITestOutputHelper _output;

    public PressureSwitchRunTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>The real plant and sensors in constant weather; remembers the plant it built.</summary>
    private sealed class SteadyPlantWorld : IWorld
    {
        private readonly double _outdoorC;
        private readonly PlantParameters _plant;

        public SteadyPlantWorld(double outdoorC, PlantParameters plant)
        {
            _outdoorC = outdoorC;
            _plant = plant;
        }

        public HeatPumpPlant? LastPlant { get; private set; }

        public IWeather CreateWeather() => new SteadyWeather(_outdoorC, 40);

        public IPlant CreatePlant(double initialIndoorC)
        {
            LastPlant = new HeatPumpPlant(_plant, initialIndoorC, 0.0, _outdoorC);
            return LastPlant;
        }

        public ISensorModel CreateSensors() => new SensorModel(_plant, FaultSchedule.Empty, 3);
    }

    [Fact]
    public void With_the_outdoor_fan_motor_dead_at_35_C_the_board_counts_every_trip_and_locks_out()
    {
        var s = new ControllerSettings();
        Assert.True(s.TrySet(SettingId.Mode, (int)UserMode.Cool, out string reason), reason);
        Assert.True(s.TrySet(SettingId.CoolSetpoint, 230, out reason), reason);
        var world = new SteadyPlantWorld(35.0, PlantParameters.Default with { OutdoorFanFailed = true });
        var firmware = new FirmwareController(s, 3);

        SimulationRunner.Run(firmware, world, s, 2.0 / 24.0, 27.0);
        HeatPumpPlant plant = world.LastPlant!;
        Controller controller = firmware.Core.Controller;

        _output.WriteLine($"dead outdoor fan, 35 °C, 2 h: {plant.HighPressureTrips} trips, board counted {controller.FaultCount(FaultKind.HighPressure)}, "
            + $"{plant.CompressorStarts} compressor starts, locked out: {controller.LockedOut}");
        Assert.True(plant.HighPressureTrips >= 3, plant.HighPressureTrips + " trips");
        Assert.Equal(plant.HighPressureTrips, controller.FaultCount(FaultKind.HighPressure));
        Assert.True(controller.LockedOut, "not locked out after " + plant.HighPressureTrips + " trips");
        Assert.Equal(FaultKind.HighPressure, controller.Fault);

        // Every start was the board's own, after its anti-short-cycle wait: no restart behind its back.
        Assert.Equal(FaultHistory.LockoutCount, plant.CompressorStarts);
    }
}
