using HeatPump.Control.States;
using HeatPump.Control;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Controllers;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Run;
using HeatPump.Simulator.Weather;
using Xunit;
using Xunit.Abstractions;

namespace HeatPump.Simulator.Tests;

/// <summary>
/// Cold-climate operation on the real plant: aux heat keeps the house when the compressor cannot
/// (a high-pressure lockout, emergency heat), a flaky indoor sensor does not leave it unheated, and
/// in a cold snap the second stage buys less resistance heat than a two-stage thermostat for the
/// same comfort.
/// </summary>
public class ColdClimateRunTests
{
    private readonly ITestOutputHelper _output;

    public ColdClimateRunTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>The real plant and sensors in constant weather, optionally with a high-pressure switch that opens a minute into every run.</summary>
    private sealed class SteadyWorld : IWorld
    {
        private readonly double _outdoorC;
        private readonly bool _highPressureFault;
        private readonly FaultSchedule _faults;

        public SteadyWorld(double outdoorC, bool highPressureFault = false, FaultSchedule? faults = null)
        {
            _outdoorC = outdoorC;
            _highPressureFault = highPressureFault;
            _faults = faults ?? FaultSchedule.Empty;
        }

        public IWeather CreateWeather() => new SteadyWeather(_outdoorC, 70);

        public IPlant CreatePlant(double initialIndoorC)
        {
            var plant = new HeatPumpPlant(PlantParameters.Default, initialIndoorC, 0.0, _outdoorC);
            return _highPressureFault ? new HighPressureFaultPlant(plant) : plant;
        }

        public ISensorModel CreateSensors() => new SensorModel(PlantParameters.Default, _faults, 5);
    }

    /// <summary>A heat pump whose high-pressure switch opens 60 s into every run (a failing switch or a blocked indoor coil): the refrigerant circuit is unusable, the strips are not.</summary>
    private sealed class HighPressureFaultPlant : IPlant
    {
        private readonly HeatPumpPlant _inner;
        private double _runSeconds;
        private double _offSeconds;

        public HighPressureFaultPlant(HeatPumpPlant inner)
        {
            _inner = inner;
        }

        public double IndoorC => _inner.IndoorC;

        public double OutdoorC => _inner.OutdoorC;

        public double CoilC => _inner.CoilC;

        public double FrostFraction => _inner.FrostFraction;

        public double ElectricPowerW => _inner.ElectricPowerW;

        public double HeatToHouseW => _inner.HeatToHouseW;

        public double AuxPowerW => _inner.AuxPowerW;

        public bool HighPressureTripped { get; private set; }

        public int Trips { get; private set; }

        public void Step(double dtSeconds, in OutputState outputs, in WeatherSample weather)
        {
            _runSeconds = outputs.Compressor ? _runSeconds + dtSeconds : 0;
            _offSeconds = outputs.Compressor ? 0 : _offSeconds + dtSeconds;
            if (!HighPressureTripped && _runSeconds >= 60)
            {
                HighPressureTripped = true;
                Trips++;
            }
            else if (HighPressureTripped && _offSeconds >= 30)
            {
                HighPressureTripped = false;
            }

            // The switch opens the contactor too: the compressor delivers nothing while it is open.
            OutputState o = outputs;
            o.Compressor &= !HighPressureTripped;
            _inner.Step(dtSeconds, o, weather);
        }
    }

    private static ControllerSettings Heat(UserMode mode = UserMode.Heat)
    {
        var s = new ControllerSettings();
        Assert.True(s.TrySet(SettingId.Mode, (int)mode, out string reason), reason);
        return s;
    }

    [Fact]
    public void A_high_pressure_lockout_at_minus_8_C_keeps_the_room_within_1_K_on_aux()
    {
        var s = Heat();
        var world = new SteadyWorld(-8.0, highPressureFault: true);
        var firmware = new FirmwareController(s, 3);

        RunResult r = SimulationRunner.Run(firmware, world, s, 8.0 / 24.0, 19.5);
        Controller c = firmware.Core.Controller;
        _output.WriteLine($"HP lockout at -8 °C, 8 h: locked out {c.LockedOut}, HP faults {c.FaultCount(FaultKind.HighPressure)}, "
            + $"discomfort {r.Kpi.DiscomfortKh:0.00} K·h, aux {r.Kpi.AuxKWh:0.0} kWh, violations {r.Kpi.InvariantViolations}");
        Assert.True(c.LockedOut, "three trips lock the compressor out");
        Assert.Equal(0.0, r.Kpi.DiscomfortKh, 2);
        Assert.True(r.Kpi.AuxKWh > 10, "aux carried the house: " + r.Kpi.AuxKWh + " kWh");
        Assert.Equal(0, r.Kpi.InvariantViolations);
    }

    [Fact]
    public void Three_indoor_sensor_dropouts_in_an_hour_do_not_leave_the_house_unheated()
    {
        var s = Heat();
        FaultSchedule dropouts = FaultSchedule.Parse("indoor:open@1h+40s,indoor:open@1h20m+40s,indoor:open@1h40m+40s");
        var world = new SteadyWorld(-8.0, faults: dropouts);
        var firmware = new FirmwareController(s, 3);

        RunResult r = SimulationRunner.Run(firmware, world, s, 6.0 / 24.0, 20.0);
        Controller c = firmware.Core.Controller;
        _output.WriteLine($"3 indoor dropouts at -8 °C, 6 h: E 01 faults {c.FaultCount(FaultKind.IndoorSensor)}, locked out {c.LockedOut}, "
            + $"state {c.State}, discomfort {r.Kpi.DiscomfortKh:0.00} K·h, violations {r.Kpi.InvariantViolations}");
        Assert.Equal(3, c.FaultCount(FaultKind.IndoorSensor));
        Assert.False(c.LockedOut, "a flaky sensor retries on its own");
        Assert.Equal(TopState.Heat, c.State);
        Assert.True(r.Kpi.DiscomfortKh < 0.1, "the room stayed within 1 K of setpoint: " + r.Kpi.DiscomfortKh + " K·h outside");
        Assert.Equal(0, r.Kpi.InvariantViolations);
    }

    [Fact]
    public void Emergency_heat_holds_the_room_on_aux_and_never_runs_the_outdoor_unit()
    {
        var s = Heat(UserMode.EmergencyHeat);
        var world = new SteadyWorld(-8.0);
        var firmware = new FirmwareController(s, 3);

        RunResult r = SimulationRunner.Run(firmware, world, s, 0.5, 19.5);
        _output.WriteLine($"emergency heat at -8 °C, 12 h: starts {r.Kpi.CompressorStarts}, discomfort {r.Kpi.DiscomfortKh:0.00} K·h, aux {r.Kpi.AuxKWh:0.0} kWh");
        Assert.Equal(0, r.Kpi.CompressorStarts);
        Assert.Equal(0.0, r.Kpi.DiscomfortKh, 2);
        Assert.True(r.Kpi.AuxKWh > 0.8 * r.Kpi.EnergyKWh, "nearly all electricity is the strips' (the rest is the blower)");
        Assert.Equal(0, r.Kpi.InvariantViolations);
    }

    [Fact]
    public void In_a_cold_snap_the_second_stage_matches_a_two_stage_thermostat_for_less_aux()
    {
        var s = Heat();
        Assert.True(s.TrySet(SettingId.HeatLockoutOutdoor, -300, out string reason), reason);
        var results = new Dictionary<string, RunResult>();
        foreach (string name in new[] { ControllerCatalog.Firmware, ControllerCatalog.TwoStage, ControllerCatalog.AuxLockoutOnly })
        {
            IWorld world = PhysicsWorld.Create(new WorldRequest(Climates.ColdSnap, null, 4, 1, null));
            results[name] = SimulationRunner.Run(ControllerCatalog.Create(name, s, 1), world, s, 4, 20.0);
            _output.WriteLine($"{name}: discomfort {results[name].Kpi.DiscomfortKh:0.00} K·h, aux {results[name].Kpi.AuxKWh:0.0} kWh, "
                + $"electricity {results[name].Kpi.EnergyKWh:0.0} kWh");
        }

        Kpi.KpiResult fw = results[ControllerCatalog.Firmware].Kpi;
        Kpi.KpiResult two = results[ControllerCatalog.TwoStage].Kpi;
        Assert.Equal(0, fw.InvariantViolations);
        Assert.Equal(0, two.InvariantViolations);
        Assert.True(fw.DiscomfortKh <= 1.05 * two.DiscomfortKh + 0.5, $"discomfort {fw.DiscomfortKh} vs {two.DiscomfortKh}");
        Assert.True(fw.AuxKWh <= 0.8 * two.AuxKWh, $"aux {fw.AuxKWh} kWh vs {two.AuxKWh} kWh");
        Assert.True(fw.AuxKWh > 0, "a cold snap the unit cannot carry alone needs the strips");
    }
}
