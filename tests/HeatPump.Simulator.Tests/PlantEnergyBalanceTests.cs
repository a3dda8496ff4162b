using HeatPump.Control;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Weather;
using Xunit;

namespace HeatPump.Simulator.Tests;

public class PlantEnergyBalanceTests
{
    /// <summary>
    /// Three days of humid cold near freezing, the house starting cold at 16 °C and driven by a
    /// hand-written thermostat with aux heat and reverse-cycle defrosts, so that every heat flow
    /// (heat pump, indoor fan, aux, defrost cooling, gains, sun, envelope) takes part.
    /// </summary>
    private static (HeatPumpPlant Plant, double IndependentResidualJ, double ThroughputJ, int Defrosts) RunThreeCyclingDays()
    {
        var weather = WeatherLibrary.Create(WeatherLibrary.HumidCold, 3, seed: 5);
        var plant = new HeatPumpPlant(null, initialIndoorC: 16.0);
        var p = plant.Parameters;
        double initialIndoor = plant.IndoorC;
        double sumFlowsJ = 0.0;
        double throughputJ = 0.0;
        bool heating = false;
        double runSinceDefrost = 0.0;
        int defrostPhase = 0; // 0 none, 1 shift in, 2 defrosting, 3 shift out
        double phaseStart = 0.0;
        int defrosts = 0;

        for (int s = 0; s < 3 * 86400; s++)
        {
            double t = s;
            var w = weather.At(t);
            var o = new OutputState();
            if (defrostPhase == 0)
            {
                if (plant.IndoorC < 20.5) heating = true;
                else if (plant.IndoorC > 21.5) heating = false;
                o.Compressor = heating;
                o.OutdoorFanDuty = heating ? 1f : 0f;
                o.IndoorFanDuty = heating ? 0.8f : 0f;
                o.AuxHeat = plant.IndoorC < 18.0;
                if (heating) runSinceDefrost += 1.0;
                if (runSinceDefrost >= 45 * 60)
                {
                    defrostPhase = 1;
                    phaseStart = t;
                }
            }
            else if (defrostPhase == 1)
            {
                o.ValveEnergised = true; // O polarity: energised is the cooling position
                if (t - phaseStart >= 30)
                {
                    defrostPhase = 2;
                    phaseStart = t;
                    defrosts++;
                }
            }
            else if (defrostPhase == 2)
            {
                o.Compressor = true;
                o.ValveEnergised = true;
                if (plant.CoilC >= 15.0 || t - phaseStart >= 600)
                {
                    defrostPhase = 3;
                    phaseStart = t;
                }
            }
            else if (t - phaseStart >= 30)
            {
                defrostPhase = 0;
                runSinceDefrost = 0.0;
            }

            double before = plant.IndoorC;
            plant.Step(1.0, o, w);

            // The balance rebuilt from what the plant reports, with the envelope flow integrated
            // here by the trapezoid rule rather than taken from the plant.
            double envelope = p.UaWPerK * (w.OutdoorC - 0.5 * (before + plant.IndoorC));
            double flows = plant.HeatToHouseW + plant.InternalGainsW + plant.SolarGainsW + envelope;
            sumFlowsJ += flows;
            throughputJ += Math.Abs(plant.HeatToHouseW) + plant.InternalGainsW + plant.SolarGainsW + Math.Abs(envelope);
        }

        double stored = p.CapacitanceJPerK * (plant.IndoorC - initialIndoor);
        return (plant, stored - sumFlowsJ, throughputJ, defrosts);
    }

    [Fact]
    public void Stored_heat_equals_the_sum_of_heat_flows_within_a_tenth_of_a_percent()
    {
        var (plant, independentResidual, throughput, defrosts) = RunThreeCyclingDays();

        // The run really exercised the plant: cycles, defrosts that drew heat from the house, aux.
        Assert.True(plant.CompressorStarts > 10, $"only {plant.CompressorStarts} starts");
        Assert.True(defrosts >= 2, $"only {defrosts} defrosts");
        Assert.True(plant.HeatDrawnFromHouseJ > 0.0);
        Assert.True(plant.AuxEnergyJ > 0.0);
        Assert.True(Math.Abs(plant.StoredEnergyJ) > 50e6, "the house should have warmed from 16 °C");

        Assert.True(Math.Abs(plant.EnergyBalanceResidualJ) <= 0.001 * throughput,
            $"plant's own balance off by {plant.EnergyBalanceResidualJ:E3} J of {throughput:E3} J");
        Assert.True(Math.Abs(independentResidual) <= 0.001 * throughput,
            $"rebuilt balance off by {independentResidual:E3} J of {throughput:E3} J");
    }

    [Fact]
    public void Electricity_is_the_sum_of_compressor_fans_and_aux()
    {
        var (plant, _, _, _) = RunThreeCyclingDays();
        double parts = plant.CompressorEnergyJ + plant.FanEnergyJ + plant.AuxEnergyJ + plant.Parameters.StandbyW * plant.ElapsedSeconds;
        Assert.Equal(parts, plant.ElectricEnergyJ, 1e-6 * plant.ElectricEnergyJ);
        Assert.Equal(3 * 86400.0, plant.ElapsedSeconds, 1e-6);
    }
}
