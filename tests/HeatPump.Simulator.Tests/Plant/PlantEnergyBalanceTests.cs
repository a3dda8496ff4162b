using HeatPump.Control;
using HeatPump.Simulator.Kpi;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Weather;
using Xunit;

namespace HeatPump.Simulator.Tests;

public class PlantEnergyBalanceTests
{
    /// <summary>
    /// Three days of humid cold near freezing, the house starting cold at 16 °C and driven by a
    /// hand-written thermostat with aux heat and reverse-cycle defrosts, so that every heat flow
    /// (heat pump, indoor fan, aux, defrost cooling, gains, sun, envelope) takes part. The indoor
    /// fan starts 30 s after the compressor and stays off through defrosts, so the indoor coil's
    /// store is charged with heat at each start and with chill in each defrost.
    /// </summary>
    private static (HeatPumpPlant Plant, EnergyLedger Ledger, Balances Residuals, int Defrosts) RunThreeCyclingDays()
    {
        var weather = WeatherLibrary.Create(WeatherLibrary.HumidCold, 3, seed: 5);
        var plant = new HeatPumpPlant(null, initialIndoorC: 16.0);
        var ledger = new EnergyLedger();
        var p = plant.Parameters;
        double initialIndoor = plant.IndoorC;
        double sumAirFlowsJ = 0.0;
        double sumHouseSideFlowsJ = 0.0;
        double throughputJ = 0.0;
        double mostStoredJ = 0.0, mostChilledJ = 0.0;
        double heatingSince = 0.0;
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
                if (!heating && plant.IndoorC < 20.5)
                {
                    heating = true;
                    heatingSince = t;
                }
                else if (plant.IndoorC > 21.5) heating = false;
                o.Compressor = heating;
                o.OutdoorFanDuty = heating ? 1f : 0f;
                o.IndoorFanDuty = heating && t - heatingSince >= 30 ? 0.8f : 0f;
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
                heatingSince = t;
            }

            double before = plant.IndoorC;
            plant.Step(1.0, o, w);
            ledger.Add(plant, 1.0);

            // The balance rebuilt from what the plant reports, with the envelope flow integrated
            // here by the trapezoid rule rather than taken from the plant.
            double envelope = p.UaWPerK * (w.OutdoorC - 0.5 * (before + plant.IndoorC));
            double others = plant.InternalGainsW + plant.SolarGainsW + envelope;

            // The room air gets what reaches it (the coil's release included); the house side —
            // air and indoor coil together — gets what the refrigerant gave at the indoor coil.
            sumAirFlowsJ += plant.HeatToHouseW + others;
            sumHouseSideFlowsJ += plant.IndoorRefrigerantHeatW + plant.IndoorFanPowerW + plant.AuxPowerW + others;
            throughputJ += Math.Abs(plant.HeatToHouseW) + plant.InternalGainsW + plant.SolarGainsW + Math.Abs(envelope);
            mostStoredJ = Math.Max(mostStoredJ, plant.IndoorCoilStoredJ);
            mostChilledJ = Math.Min(mostChilledJ, plant.IndoorCoilStoredJ);
        }

        double airStored = p.CapacitanceJPerK * (plant.IndoorC - initialIndoor);
        var residuals = new Balances(
            airStored - sumAirFlowsJ,
            airStored + plant.IndoorCoilStoredJ - sumHouseSideFlowsJ,
            throughputJ, mostStoredJ, mostChilledJ);
        return (plant, ledger, residuals, defrosts);
    }

    private readonly record struct Balances(double AirResidualJ, double HouseSideResidualJ, double ThroughputJ, double MostStoredJ, double MostChilledJ);

    [Fact]
    public void Stored_heat_equals_the_sum_of_heat_flows_within_a_tenth_of_a_percent()
    {
        var (plant, ledger, b, defrosts) = RunThreeCyclingDays();
        double throughput = b.ThroughputJ;

        // The run really exercised the plant: cycles, defrosts that drew heat from the house, aux.
        Assert.True(plant.CompressorStarts > 10, $"only {plant.CompressorStarts} starts");
        Assert.True(defrosts >= 2, $"only {defrosts} defrosts");
        Assert.True(ledger.HeatDrawnFromHouseJ > 0.0);
        Assert.True(ledger.AuxEnergyJ > 0.0);
        Assert.True(Math.Abs(plant.StoredEnergyJ) > 50e6, "the house should have warmed from 16 °C");
        Assert.True(b.MostStoredJ > 20e3, $"indoor coil held at most {b.MostStoredJ:F0} J of heat");
        Assert.True(b.MostChilledJ < -100e3, $"indoor coil held at most {-b.MostChilledJ:F0} J of chill");

        double ledgerResidual = ledger.BalanceResidualJ(plant.StoredEnergyJ);
        Assert.True(Math.Abs(ledgerResidual) <= 0.001 * throughput,
            $"the ledger's balance off by {ledgerResidual:E3} J of {throughput:E3} J");
        Assert.True(Math.Abs(b.AirResidualJ) <= 0.001 * throughput,
            $"rebuilt balance of the house air off by {b.AirResidualJ:E3} J of {throughput:E3} J");
        Assert.True(Math.Abs(b.HouseSideResidualJ) <= 0.001 * throughput,
            $"rebuilt balance of air and indoor coil off by {b.HouseSideResidualJ:E3} J of {throughput:E3} J");

        // The coil's own share is far smaller than the house's throughput, so check it on its own
        // scale: what the refrigerant put in minus what the air took out is what the coil holds.
        // The ledger adds up the plant's exact flows, so it must close on that scale too.
        double coilScale = 0.001 * (b.MostStoredJ - b.MostChilledJ);
        double coilResidual = b.HouseSideResidualJ - b.AirResidualJ;
        Assert.True(Math.Abs(coilResidual) <= coilScale, $"indoor coil's balance off by {coilResidual:E3} J");
        Assert.True(Math.Abs(ledgerResidual) <= coilScale,
            $"the ledger's balance off by {ledgerResidual:E3} J, more than a thousandth of the coil's swing");
    }

    [Fact]
    public void Electricity_is_the_sum_of_compressor_fans_and_aux()
    {
        var (plant, ledger, _, _) = RunThreeCyclingDays();
        double parts = ledger.CompressorEnergyJ + ledger.FanEnergyJ + ledger.AuxEnergyJ + plant.Parameters.StandbyW * ledger.ElapsedSeconds;
        Assert.Equal(parts, ledger.ElectricEnergyJ, 1e-6 * ledger.ElectricEnergyJ);
        Assert.Equal(3 * 86400.0, ledger.ElapsedSeconds, 1e-6);
    }
}
