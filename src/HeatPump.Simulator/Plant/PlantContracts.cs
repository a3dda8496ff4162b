using HeatPump.Control;
using HeatPump.Control.Sensors;

namespace HeatPump.Simulator.Plant;

/// <summary>Outdoor conditions at one instant.</summary>
/// <param name="OutdoorC">Dry-bulb temperature, °C.</param>
/// <param name="RelativeHumidity">Relative humidity over water, percent (0..100).</param>
/// <param name="SolarWm2">Global horizontal irradiance, W/m².</param>
public readonly record struct WeatherSample(double OutdoorC, double RelativeHumidity, double SolarWm2);

/// <summary>A deterministic weather source: the same name, seed and time give the same sample.</summary>
public interface IWeather
{
    /// <summary>Climate name ("humid-cold", or the EPW file's location).</summary>
    string Name { get; }

    /// <summary>How many days of weather the source holds (an EPW year wraps around).</summary>
    double Days { get; }

    /// <summary>Conditions at <paramref name="seconds"/> since the start of the run.</summary>
    WeatherSample At(double seconds);
}

/// <summary>What the plant's physics look like after a step: the truth the controller never sees directly.</summary>
public interface IPlant
{
    /// <summary>Indoor air temperature, °C.</summary>
    double IndoorC { get; }

    /// <summary>Outdoor air temperature, °C (as the weather gave it).</summary>
    double OutdoorC { get; }

    /// <summary>Outdoor coil temperature, °C.</summary>
    double CoilC { get; }

    /// <summary>Ice on the outdoor coil as a fraction of the maximum it can hold, 0..1.</summary>
    double FrostFraction { get; }

    /// <summary>Electric power drawn in the last step (compressor, fans, aux), W.</summary>
    double ElectricPowerW { get; }

    /// <summary>Heat delivered to the house air by the heat pump, its indoor fan and aux in the last step, W (negative when cooling, defrosting or blowing cold).</summary>
    double HeatToHouseW { get; }

    /// <summary>Electric power of the aux (resistance) heater in the last step, W; part of <see cref="ElectricPowerW"/>.</summary>
    double AuxPowerW => 0.0;

    /// <summary>Compressor electric power in the last step, W; part of <see cref="ElectricPowerW"/>.</summary>
    double CompressorPowerW => 0.0;

    /// <summary>Indoor fan electric power in the last step, W (all of it ends up as heat in the house).</summary>
    double IndoorFanPowerW => 0.0;

    /// <summary>Outdoor fan electric power in the last step, W.</summary>
    double OutdoorFanPowerW => 0.0;

    /// <summary>Sensible heat the refrigerant gave to the house side (its air and the indoor coil) in the last step, W (negative: drew).</summary>
    double IndoorRefrigerantHeatW => 0.0;

    /// <summary>Sensible heat the refrigerant drew from the house side with the valve in the cooling position in the last step, W, positive.</summary>
    double HeatDrawnFromHouseW => 0.0;

    /// <summary>Heat in through the envelope in the last step, W (negative when the house loses heat).</summary>
    double EnvelopeHeatW => 0.0;

    /// <summary>Internal gains in the last step, W.</summary>
    double InternalGainsW => 0.0;

    /// <summary>Solar gains in the last step, W.</summary>
    double SolarGainsW => 0.0;

    /// <summary>Advances the physics by <paramref name="dtSeconds"/> with the outputs as driven and the weather now.</summary>
    void Step(double dtSeconds, in OutputState outputs, in WeatherSample weather);

    /// <summary>True while the high-pressure switch is open; the board reads it on its input.</summary>
    bool HighPressureTripped => false;

    /// <summary>True while the low-pressure switch is open; the board reads it on its input.</summary>
    bool LowPressureTripped => false;

    /// <summary>
    /// The true temperature where the probe for <paramref name="role"/> is fitted, °C: indoor air,
    /// outdoor air (<paramref name="outdoorAirC"/>) or the coil — unless the install put a probe in
    /// the wrong place.
    /// </summary>
    double ProbeC(SensorRole role, double outdoorAirC) =>
        role == SensorRole.Indoor ? IndoorC : role == SensorRole.Outdoor ? outdoorAirC : CoilC;
}

/// <summary>The three DS18B20s as the board would read them from the plant, with quantisation, noise, lag and scheduled faults.</summary>
public interface ISensorModel
{
    /// <summary>The sample the bus returns for <paramref name="role"/> at <paramref name="seconds"/>, given the true temperature.</summary>
    SensorSample Read(SensorRole role, double trueC, double seconds);
}
