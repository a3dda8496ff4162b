using HeatPump.Control;
using HeatPump.Simulator.Plant;
using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>
/// The indoor coil's thermal store: heat (or chill) the refrigerant gives the coil while the
/// indoor fan is slow or stopped is blown into the room when the fan runs, not destroyed.
/// </summary>
public class PlantIndoorCoilTests
{
    private static readonly OutputState Heat = new() { Compressor = true, IndoorFanDuty = 1f, OutdoorFanDuty = 1f };
    private static readonly OutputState HeatFanHeld = Heat with { IndoorFanDuty = 0f };
    private static readonly OutputState Defrost = new() { Compressor = true, ValveEnergised = true, Defrost = true };
    private static readonly OutputState ShiftedToCool = new() { ValveEnergised = true };

    // Dry air at 0 °C: no frost, so runs compare the indoor side alone.
    private static readonly WeatherSample DryFreezing = new(0.0, 30.0, 0.0);
    private static readonly WeatherSample HumidFreezing = new(0.0, 90.0, 0.0);

    // A coil with (next to) no heat capacity and no natural convection: the air takes what it
    // takes and the rest is lost, as the plant behaved before it had a store.
    private static readonly PlantParameters StorelessCoil = PlantParameters.Default with
    {
        IndoorCoilHeatCapacityJPerK = 1e-3,
        IndoorCoilNaturalUaWPerK = 1e-9,
    };

    private static HeatPumpPlant NewPlant(PlantParameters? p = null) => new(p, 20.0, initialOutdoorC: 0.0);

    private static void Run(HeatPumpPlant plant, OutputState o, WeatherSample w, int seconds)
    {
        for (int s = 0; s < seconds; s++) plant.Step(1.0, o, w);
    }

    /// <summary>Heat the heat pump puts into the house air over the first five minutes after a start with the indoor fan delayed by <paramref name="fanDelayS"/>.</summary>
    private static double FirstFiveMinutesJ(HeatPumpPlant plant, int fanDelayS, out double storedAtFanStartJ)
    {
        double heatJ = 0.0;
        storedAtFanStartJ = 0.0;
        for (int s = 0; s < 300; s++)
        {
            if (s == fanDelayS) storedAtFanStartJ = plant.IndoorCoilStoredJ;
            plant.Step(1.0, s < fanDelayS ? HeatFanHeld : Heat, DryFreezing);
            heatJ += plant.HeatPumpHeatW;
        }

        return heatJ;
    }

    [Fact]
    public void A_30_s_fan_delay_at_a_start_loses_almost_none_of_the_heat()
    {
        double noDelay = FirstFiveMinutesJ(NewPlant(), 0, out _);
        var delayedPlant = NewPlant();
        double delayed = FirstFiveMinutesJ(delayedPlant, 30, out double storedAtFanStart);

        // The coil took the heat the still air could not: tens of kJ, blown out once the fan runs.
        Assert.True(storedAtFanStart > 20e3, $"coil held {storedAtFanStart / 1e3:F1} kJ when the fan started");
        Assert.True(delayedPlant.IndoorCoilStoredJ < 0.01 * storedAtFanStart, "the fan empties the coil within minutes");
        Assert.True(delayed > 0.99 * noDelay, $"delayed {delayed / 3.6e6:F3} kWh vs {noDelay / 3.6e6:F3} kWh");

        // Without the store the same delay would throw the heat away.
        double storelessNoDelay = FirstFiveMinutesJ(NewPlant(StorelessCoil), 0, out _);
        double storelessDelayed = FirstFiveMinutesJ(NewPlant(StorelessCoil), 30, out _);
        double lossWithStore = noDelay - delayed;
        double lossWithout = storelessNoDelay - storelessDelayed;
        Assert.True(lossWithStore < 0.5 * lossWithout, $"lost {lossWithStore / 1e3:F0} kJ with the store, {lossWithout / 1e3:F0} kJ without");
    }

    [Fact]
    public void A_fan_held_off_for_minutes_fills_the_coil_and_the_heat_pump_loses_capacity()
    {
        var held = NewPlant();
        var blowing = NewPlant();
        Run(held, HeatFanHeld, DryFreezing, 600);
        Run(blowing, Heat, DryFreezing, 600);
        var p = held.Parameters;

        // The coil stands at its limit above the room: head pressure caps the compressor.
        Assert.Equal(p.IndoorCoilMaxRiseK, held.IndoorCoilExcessK, 0.01);
        Assert.True(held.HeatPumpHeatW < 0.5 * blowing.HeatPumpHeatW,
            $"{held.HeatPumpHeatW:F0} W with the fan held off vs {blowing.HeatPumpHeatW:F0} W");
        Assert.True(held.HeatPumpHeatW / held.CompressorPowerW < 0.5 * blowing.HeatPumpHeatW / blowing.CompressorPowerW);

        // When the fan finally starts, the stored heat comes out first: warmer air than steady running gives.
        held.Step(1.0, Heat, DryFreezing);
        blowing.Step(1.0, Heat, DryFreezing);
        Assert.True(held.HeatPumpHeatW > blowing.HeatPumpHeatW, $"{held.HeatPumpHeatW:F0} W at fan start vs {blowing.HeatPumpHeatW:F0} W steady");
    }

    /// <summary>
    /// Runs a humid-cold hour to ice the coil, then a reverse-cycle defrost as a board drives it
    /// (quiet shift, melt with both fans off until the coil reaches 15 °C, drip 60 s, quiet shift
    /// back) and restarts heating with the indoor fan delayed by <paramref name="fanDelayS"/>.
    /// Returns the lowest heat to the house air and the lowest release from the coil in the first
    /// <paramref name="watchS"/> seconds after the fan starts.
    /// </summary>
    private static (double ExcessAfterDefrostK, double MinHeatToHouseW, double MaxReleaseW) RestartAfterDefrost(int fanDelayS, int watchS)
    {
        var plant = NewPlant();
        Run(plant, Heat, HumidFreezing, 40 * 60);
        Assert.True(plant.FrostFraction > 0.3, "the coil needs a defrost");
        Run(plant, ShiftedToCool, HumidFreezing, 30);
        for (int s = 0; s < 600 && plant.CoilC < 15.0; s++) plant.Step(1.0, Defrost, HumidFreezing);
        Assert.Equal(0.0, plant.IceKg);
        double excess = plant.IndoorCoilExcessK;
        Run(plant, ShiftedToCool, HumidFreezing, 60);
        Run(plant, new OutputState(), HumidFreezing, 30);

        Run(plant, HeatFanHeld, HumidFreezing, fanDelayS);
        double minHeat = double.MaxValue, maxRelease = double.MinValue;
        for (int s = 0; s < watchS; s++)
        {
            plant.Step(1.0, Heat, HumidFreezing);
            minHeat = Math.Min(minHeat, plant.HeatToHouseW);
            maxRelease = Math.Max(maxRelease, plant.IndoorCoilReleaseW);
        }

        return (excess, minHeat, maxRelease);
    }

    [Fact]
    public void After_a_defrost_with_the_indoor_fan_off_starting_the_fan_blows_cold_first()
    {
        var (excess, minHeat, maxRelease) = RestartAfterDefrost(fanDelayS: 0, watchS: 5);

        // The evaporator chilled the indoor coil well below the room while the fan was held off.
        Assert.True(excess < -10.0, $"indoor coil {excess:F1} K from the room at the end of the defrost");

        // For the first seconds the coil cools the room air, more than the restarting compressor heats it.
        Assert.True(maxRelease < -1000.0, $"coil released at most {maxRelease:F0} W");
        Assert.True(minHeat < -1000.0, $"heat to the house air {minHeat:F0} W");
    }

    [Fact]
    public void Delaying_the_indoor_fan_after_a_defrost_tempers_the_cold_blow()
    {
        // The delay lets the condensing refrigerant re-warm the chilled coil before air crosses it:
        // why boards hold the indoor fan after a defrost.
        var (_, coldestAtOnce, _) = RestartAfterDefrost(fanDelayS: 0, watchS: 60);
        var (_, coldestDelayed, _) = RestartAfterDefrost(fanDelayS: 30, watchS: 60);
        Assert.True(coldestAtOnce < -1000.0, $"no cold blow without a delay ({coldestAtOnce:F0} W)");
        Assert.True(coldestDelayed > 0.5 * coldestAtOnce, $"coldest {coldestDelayed:F0} W with a 30 s delay vs {coldestAtOnce:F0} W without");
    }

    [Fact]
    public void A_stopped_coil_relaxes_to_the_room_and_gives_its_chill_to_the_house_air()
    {
        var plant = NewPlant();
        Run(plant, ShiftedToCool, DryFreezing, 30);
        Run(plant, Defrost, DryFreezing, 120);
        double stored = plant.IndoorCoilStoredJ;
        Assert.True(stored < -100e3, $"coil holds {stored / 1e3:F0} kJ after two minutes of defrost");

        // Everything off, fans too: only natural convection, over minutes rather than seconds.
        double releasedJ = 0.0;
        plant.Step(1.0, new OutputState(), DryFreezing);
        releasedJ += plant.IndoorCoilReleaseW;
        double afterOneSecond = Math.Abs(plant.IndoorCoilStoredJ);
        Assert.True(afterOneSecond < Math.Abs(stored), "relaxes from the first second");
        Assert.True(afterOneSecond > 0.99 * Math.Abs(stored), "but slowly with the fan stopped");
        for (int s = 1; s < 30 * 60; s++)
        {
            plant.Step(1.0, new OutputState(), DryFreezing);
            releasedJ += plant.IndoorCoilReleaseW;
        }

        Assert.Equal(0.0, plant.IndoorCoilExcessK, 0.2);
        Assert.Equal(stored - plant.IndoorCoilStoredJ, releasedJ, 1e-6 * Math.Abs(stored));
    }

    [Fact]
    public void Full_airflow_leaves_the_coil_store_empty_and_the_rated_figures_untouched()
    {
        var plant = NewPlant();
        Run(plant, Heat, DryFreezing, 1800);
        Assert.Equal(0.0, plant.IndoorCoilStoredJ);
        Assert.Equal(plant.IndoorRefrigerantHeatW, plant.HeatPumpHeatW, 1e-9);
    }
}
