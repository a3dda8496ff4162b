using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Run;
using HeatPump.Simulator.Weather;

namespace HeatPump.Simulator.Tests;

/// <summary>
/// A deliberately crude plant for testing the harness without the real physics: a 1R1C house, a
/// heat pump of fixed capacity, a coil 6 K under outdoor air while heating, ice that grows at a
/// fixed rate on a cold coil and melts in a defrost. It counts what it was driven to do so tests
/// can compare the harness's KPIs against it.
/// </summary>
internal sealed class TestPlant : IPlant
{
    public const double UaWPerK = 200;
    public const double CapacityJPerK = 25e6;
    public const double HeatW = 6000;
    public const double CompressorW = 2000;
    public const double FanW = 100;
    public const double DefrostDrawW = 3000;
    public const double FrostPerSecond = 1.0 / 7200;
    public const double MeltPerSecond = 1.0 / 240;

    private bool _wasMelting;

    public TestPlant(double initialIndoorC, double outdoorC)
    {
        IndoorC = initialIndoorC;
        OutdoorC = outdoorC;
        CoilC = outdoorC;
    }

    public double IndoorC { get; private set; }

    public double OutdoorC { get; private set; }

    public double CoilC { get; private set; }

    public double FrostFraction { get; private set; }

    public double ElectricPowerW { get; private set; }

    public double HeatToHouseW { get; private set; }

    public double TotalElectricJ { get; private set; }

    public double TotalHeatJ { get; private set; }

    public int MeltingStarts { get; private set; }

    public long Steps { get; private set; }

    public void Step(double dtSeconds, in OutputState o, in WeatherSample weather)
    {
        Steps++;
        OutdoorC = weather.OutdoorC;
        // O polarity (the default): the valve is energised in the cooling position.
        bool heating = o.Compressor && !o.ValveEnergised;
        bool melting = o.Compressor && o.ValveEnergised && o.Defrost;
        if (melting && !_wasMelting)
        {
            MeltingStarts++;
        }

        _wasMelting = melting;
        double q = heating ? HeatW * (1 - 0.5 * FrostFraction) : melting ? -DefrostDrawW : 0;
        double fans = (o.IndoorFanDuty + o.OutdoorFanDuty) * FanW;
        ElectricPowerW = (o.Compressor ? CompressorW : 0) + fans;
        HeatToHouseW = q;
        IndoorC += (UaWPerK * (OutdoorC - IndoorC) + q) * dtSeconds / CapacityJPerK;

        if (heating)
        {
            CoilC = OutdoorC - 6 - 4 * FrostFraction;
            if (CoilC < 0)
            {
                FrostFraction = Math.Min(1, FrostFraction + FrostPerSecond * dtSeconds);
            }
        }
        else if (melting)
        {
            FrostFraction = Math.Max(0, FrostFraction - MeltPerSecond * dtSeconds);
            CoilC = FrostFraction > 0 ? 0 : CoilC + 0.1 * dtSeconds;
        }
        else
        {
            CoilC += (OutdoorC - CoilC) * Math.Min(1, dtSeconds / 300);
        }

        TotalElectricJ += ElectricPowerW * dtSeconds;
        TotalHeatJ += HeatToHouseW * dtSeconds;
    }
}

/// <summary>Perfect DS18B20s: the true temperature quantised to 1/16 °C, read every tick.</summary>
internal sealed class TestSensors : ISensorModel
{
    public SensorSample Read(SensorRole role, double trueC, double seconds) => SensorSample.Good(SensorSample.ToSixteenths((float)trueC));
}

/// <summary>A world of <see cref="TestPlant"/>, <see cref="TestWeather"/> and <see cref="TestSensors"/>; remembers the last plant it built.</summary>
internal sealed class TestWorld : IWorld
{
    private readonly double _outdoorC;

    public TestWorld(double outdoorC = 0)
    {
        _outdoorC = outdoorC;
    }

    public TestPlant? LastPlant { get; private set; }

    public IWeather CreateWeather() => new SteadyWeather(_outdoorC, 0.9);

    public IPlant CreatePlant(double initialIndoorC)
    {
        var plant = new TestPlant(initialIndoorC, _outdoorC);
        LastPlant = plant;
        return plant;
    }

    public ISensorModel CreateSensors() => new TestSensors();
}
