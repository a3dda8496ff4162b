using HeatPump.Control;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Weather;
using Xunit;

namespace HeatPump.Simulator.Tests;

public class PlantFrostTests
{
    private static readonly OutputState Heat = new() { Compressor = true, IndoorFanDuty = 1f, OutdoorFanDuty = 1f };
    private static readonly OutputState AllOff = new();

    // A reverse-cycle defrost as a defrost board drives it: compressor on, valve in the cooling
    // position (energised, O polarity), outdoor fan off, indoor fan held off against cold blow.
    private static readonly OutputState Defrost = new() { Compressor = true, ValveEnergised = true, Defrost = true };

    private static void Run(HeatPumpPlant plant, OutputState o, WeatherSample w, int seconds)
    {
        for (int s = 0; s < seconds; s++) plant.Step(1.0, o, w);
    }

    [Theory]
    [InlineData(6.0)]
    [InlineData(8.0)]
    public void A_coil_running_below_freezing_frosts_in_saturated_air_above_six_degrees(double outdoorC)
    {
        // By the EPRI relation the coil runs near −3 °C in +7 °C air: below 0 °C and below the
        // air's frost point, so frost forms whatever the outdoor temperature.
        var plant = new HeatPumpPlant();
        Run(plant, Heat, new WeatherSample(outdoorC, 100.0, 0.0), 3600);
        Assert.True(plant.CoilC < 0.0);
        Assert.True(plant.FrostFraction > 0.2, $"frost fraction after an hour: {plant.FrostFraction:0.00}");
    }

    [Fact]
    public void A_coil_running_above_freezing_never_frosts_even_in_saturated_air()
    {
        // +12 °C air: the clean coil runs at +1.2 °C.
        var plant = new HeatPumpPlant();
        Run(plant, Heat, new WeatherSample(12.0, 100.0, 0.0), 24 * 3600);
        Assert.True(plant.CoilC > 0.0);
        Assert.Equal(0.0, plant.IceFormedKg);
    }

    [Fact]
    public void A_coil_below_freezing_but_above_the_air_frost_point_stays_clear()
    {
        // +7 °C at 40 %: frost point near −5.6 °C; the coil at about −3 °C is above it.
        var plant = new HeatPumpPlant();
        Run(plant, Heat, new WeatherSample(7.0, 40.0, 0.0), 6 * 3600);
        Assert.True(plant.CoilC < 0.0);
        Assert.Equal(0.0, plant.IceFormedKg);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void No_frost_in_dry_cold_over_fourteen_days_of_steady_heating(int seed)
    {
        var weather = WeatherLibrary.Create(WeatherLibrary.DryCold, 14, seed);
        var plant = new HeatPumpPlant();
        for (int s = 0; s < 14 * 86400; s++) plant.Step(1.0, Heat, weather.At(s));
        Assert.Equal(0.0, plant.IceFormedKg);
    }

    [Fact]
    public void Humid_air_at_freezing_blocks_a_clean_coil_in_about_an_hour_and_a_quarter()
    {
        var plant = new HeatPumpPlant();
        var w = new WeatherSample(0.0, 90.0, 0.0);
        int minutes = 0;
        while (plant.FrostFraction < 0.999 && minutes < 300)
        {
            Run(plant, Heat, w, 60);
            minutes++;
        }

        Assert.InRange(minutes, 60, 90);
    }

    [Fact]
    public void Frost_grows_in_the_humid_cold_climate()
    {
        var weather = WeatherLibrary.Create(WeatherLibrary.HumidCold, 1, seed: 3);
        var plant = new HeatPumpPlant();
        for (int s = 0; s < 3600; s++) plant.Step(1.0, Heat, weather.At(s));
        Assert.True(plant.FrostFraction > 0.3, $"frost fraction {plant.FrostFraction:F2} after an hour of humid cold");
        Assert.True(plant.Frosting);
    }

    [Fact]
    public void Humid_air_near_freezing_frosts_faster_than_drier_colder_air()
    {
        var humid = new HeatPumpPlant();
        var colder = new HeatPumpPlant();
        Run(humid, Heat, new WeatherSample(0.0, 90.0, 0.0), 3600);
        Run(colder, Heat, new WeatherSample(-8.0, 70.0, 0.0), 3600);
        Assert.True(colder.FrostFraction > 0.0);
        Assert.True(colder.FrostFraction < 0.5 * humid.FrostFraction,
            $"{colder.FrostFraction:F2} at -8 °C/70 % vs {humid.FrostFraction:F2} at 0 °C/90 %");
    }

    [Fact]
    public void Clean_running_coil_follows_the_EPRI_relation()
    {
        var plant = new HeatPumpPlant();
        Run(plant, Heat, new WeatherSample(-5.0, 30.0, 0.0), 1200);
        Assert.Equal(0.0, plant.IceKg);
        Assert.Equal(0.82 * -5.0 - 8.6, plant.CoilC, 0.05);
    }

    [Fact]
    public void Frost_makes_the_coil_run_colder_and_cuts_capacity()
    {
        // Dry air at −5 °C: the coil keeps whatever ice it starts with, neither growing nor melting it.
        var w = new WeatherSample(-5.0, 30.0, 0.0);
        var clean = new HeatPumpPlant();
        var iced = new HeatPumpPlant(initialIceKg: 0.5 * PlantParameters.Default.IceMaxKg);
        Run(clean, Heat, w, 1200);
        Run(iced, Heat, w, 1200);

        double cleanDeltaT = w.OutdoorC - clean.CoilC;
        double icedDeltaT = w.OutdoorC - iced.CoilC;
        Assert.Equal(0.5, iced.FrostFraction, 0.01);
        Assert.Equal(cleanDeltaT * (1.0 + PlantParameters.Default.FrostDeltaTGain * 0.5), icedDeltaT, 0.05);
        Assert.Equal(0.5 * clean.HeatPumpHeatW, iced.HeatPumpHeatW, 0.01 * clean.HeatPumpHeatW);
        Assert.True(iced.CompressorPowerW < clean.CompressorPowerW);
        Assert.True(iced.HeatPumpHeatW / iced.CompressorPowerW < clean.HeatPumpHeatW / clean.CompressorPowerW);
    }

    [Fact]
    public void Stopped_outdoor_fan_makes_the_heating_coil_colder()
    {
        var w = new WeatherSample(-5.0, 30.0, 0.0);
        var fan = new HeatPumpPlant();
        var noFan = new HeatPumpPlant();
        Run(fan, Heat, w, 600);
        Run(noFan, Heat with { OutdoorFanDuty = 0f }, w, 600);
        Assert.True(noFan.CoilC < fan.CoilC - 5.0, $"{noFan.CoilC:F1} vs {fan.CoilC:F1}");
        Assert.True(noFan.HeatPumpHeatW < fan.HeatPumpHeatW);
    }

    [Fact]
    public void Coil_reaches_its_running_temperature_in_two_minutes_and_relaxes_in_minutes_when_stopped()
    {
        var w = new WeatherSample(-5.0, 30.0, 0.0);
        double running = 0.82 * -5.0 - 8.6;
        var plant = new HeatPumpPlant();

        Run(plant, Heat, w, 20);
        Assert.True(plant.CoilC > running + 3.0, "not there after 20 s");
        Run(plant, Heat, w, 100);
        Assert.Equal(running, plant.CoilC, 1.0);

        Run(plant, AllOff, w, 60);
        Assert.True(plant.CoilC < w.OutdoorC - 2.0, "a stopped coil warms over minutes, not at once");
        Run(plant, AllOff, w, 15 * 60);
        Assert.Equal(w.OutdoorC, plant.CoilC, 0.2);
    }

    [Fact]
    public void Defrost_holds_the_coil_near_0C_until_the_ice_is_gone_then_warms_past_15C()
    {
        var w = new WeatherSample(0.0, 90.0, 0.0);
        var plant = new HeatPumpPlant();
        Run(plant, Heat, w, 40 * 60);
        double iceBefore = plant.IceKg;
        Assert.True(plant.FrostFraction > 0.3, $"frost fraction {plant.FrostFraction:F2} before defrost");

        Run(plant, AllOff with { ValveEnergised = true }, w, 30); // quiet shift

        bool reachedZero = false;
        double melted0 = plant.IceMeltedKg;
        int seconds = 0, secondsAtZero = 0, clearAt = -1, above15At = -1;
        double minHouseHeat = 0.0;
        while (seconds < 600 && above15At < 0)
        {
            plant.Step(1.0, Defrost, w);
            seconds++;
            minHouseHeat = Math.Min(minHouseHeat, plant.HeatToHouseW);
            if (plant.CoilC > -0.5) reachedZero = true;
            if (reachedZero && plant.IceKg > 0.0)
            {
                Assert.InRange(plant.CoilC, -0.5, 0.5);
                secondsAtZero++;
            }

            if (clearAt < 0 && plant.IceKg == 0.0) clearAt = seconds;
            if (plant.CoilC >= 15.0) above15At = seconds;
        }

        Assert.Equal(PlantMode.ReverseCycle, plant.Mode);
        Assert.True(clearAt > 0 && above15At > clearAt, "coil passes 15 °C only after the ice is gone");
        Assert.True(secondsAtZero > 30, $"melting plateau only {secondsAtZero} s");
        Assert.InRange(above15At, 120, 600);
        Assert.True(above15At - clearAt < 120, "a bare coil warms quickly");
        Assert.Equal(iceBefore, plant.IceMeltedKg - melted0, 0.01);

        // The heat came partly out of the house.
        Assert.True(minHouseHeat < -500.0, $"house heat during defrost {minHouseHeat:F0} W");
    }

    [Fact]
    public void An_iced_coil_thaws_on_its_own_in_air_above_freezing()
    {
        var plant = new HeatPumpPlant(initialIceKg: 1.0);
        var w = new WeatherSample(4.0, 80.0, 0.0);
        Run(plant, AllOff, w, 600);
        Assert.True(plant.Melting);
        Assert.Equal(0.0, plant.CoilC, 0.01);
        Assert.InRange(plant.IceKg, 0.01, 0.99);
    }

    [Fact]
    public void A_defrost_that_never_ends_trips_the_high_pressure_switch()
    {
        var w = new WeatherSample(0.0, 90.0, 0.0);
        var plant = new HeatPumpPlant();
        var p = plant.Parameters;
        bool tripped = false;
        double hottest = double.MinValue;
        for (int s = 0; s < 40 * 60; s++)
        {
            plant.Step(1.0, Defrost, w);
            hottest = Math.Max(hottest, plant.CoilC);
            if (plant.HighPressureTripped)
            {
                tripped = true;
                plant.Step(1.0, Defrost, w);
                Assert.Equal(0.0, plant.CompressorPowerW);
                Assert.Equal(PlantMode.Off, plant.Mode);
            }
        }

        Assert.True(tripped);
        Assert.True(hottest < p.HighPressureTripCoilC + 2.0, $"coil reached {hottest:F1} °C");
    }

    [Fact]
    public void Dew_point_matches_the_Magnus_formula()
    {
        // A textbook figure: air at 20 °C and 50 % RH has its dew point at 9.3 °C.
        Assert.Equal(9.3, Psychrometrics.DewPointC(20.0, 50.0), 0.05);
        Assert.Equal(0.0, Psychrometrics.DewPointC(0.0, 100.0), 1e-9);
        Assert.Equal(Psychrometrics.SaturationVapourPressureHPa(-7.3), Psychrometrics.SaturationVapourPressureFast(-7.3), 1e-4);
    }
}
