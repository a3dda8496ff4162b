using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Kpi;

/// <summary>
/// What a plant drew and delivered, added up step by step. The plant works out the flows of one
/// step (W, means over the step); the ledger integrates them into energies (J) and is the one place
/// a run's kWh, aux kWh and heat delivered come from. Adding allocates nothing.
/// </summary>
public sealed class EnergyLedger
{
    private const double JoulesPerKWh = 3.6e6;

    /// <summary>Time the ledger has covered, s.</summary>
    public double ElapsedSeconds { get; private set; }

    /// <summary>Electricity used (compressor, fans, aux, standby), J.</summary>
    public double ElectricEnergyJ { get; private set; }

    /// <summary>Compressor electricity, J.</summary>
    public double CompressorEnergyJ { get; private set; }

    /// <summary>Indoor and outdoor fan electricity, J.</summary>
    public double FanEnergyJ { get; private set; }

    /// <summary>Auxiliary heat electricity, J (part of <see cref="ElectricEnergyJ"/>).</summary>
    public double AuxEnergyJ { get; private set; }

    /// <summary>Net heat delivered to the house air by the heat pump, its indoor fan and aux, J (cooling and defrost count negative).</summary>
    public double HeatToHouseJ { get; private set; }

    /// <summary>
    /// Net heat the heat pump, its indoor fan and aux gave to the house side — the air and the
    /// indoor coil together — J: <see cref="HeatToHouseJ"/> plus what the coil has taken and not
    /// yet released.
    /// </summary>
    public double HeatToHouseSideJ { get; private set; }

    /// <summary>Sensible heat the refrigerant drew from the house side with the valve in the cooling position (cooling and defrosts), J, positive.</summary>
    public double HeatDrawnFromHouseJ { get; private set; }

    /// <summary>Heat in through the envelope, J (negative: lost).</summary>
    public double EnvelopeHeatJ { get; private set; }

    /// <summary>Internal gains, J.</summary>
    public double InternalGainsJ { get; private set; }

    /// <summary>Solar gains, J.</summary>
    public double SolarGainsJ { get; private set; }

    /// <summary>Electricity used, kWh.</summary>
    public double ElectricKWh => ElectricEnergyJ / JoulesPerKWh;

    /// <summary>Aux heat electricity, kWh.</summary>
    public double AuxKWh => AuxEnergyJ / JoulesPerKWh;

    /// <summary>Net heat delivered to the house air, kWh.</summary>
    public double HeatToHouseKWh => HeatToHouseJ / JoulesPerKWh;

    /// <summary>Adds the flows of the step <paramref name="plant"/> has just taken, which lasted <paramref name="dtSeconds"/>.</summary>
    public void Add(IPlant plant, double dtSeconds)
    {
        // The simulator's own plant is read through its sealed class, whose getters the JIT inlines:
        // this runs every simulated second, 31.5 million times a year. Any other plant through IPlant.
        if (plant is HeatPumpPlant p)
        {
            Add(dtSeconds, p.ElectricPowerW, p.CompressorPowerW, p.IndoorFanPowerW, p.OutdoorFanPowerW, p.AuxPowerW, p.HeatToHouseW,
                p.IndoorRefrigerantHeatW, p.HeatDrawnFromHouseW, p.EnvelopeHeatW, p.InternalGainsW, p.SolarGainsW);
            return;
        }

        Add(dtSeconds, plant.ElectricPowerW, plant.CompressorPowerW, plant.IndoorFanPowerW, plant.OutdoorFanPowerW, plant.AuxPowerW, plant.HeatToHouseW,
            plant.IndoorRefrigerantHeatW, plant.HeatDrawnFromHouseW, plant.EnvelopeHeatW, plant.InternalGainsW, plant.SolarGainsW);
    }

    private void Add(double dt, double electric, double compressor, double indoorFan, double outdoorFan, double aux, double heatToHouse,
        double refrigerant, double drawn, double envelope, double internalGains, double solar)
    {
        ElapsedSeconds += dt;
        ElectricEnergyJ += electric * dt;
        CompressorEnergyJ += compressor * dt;
        FanEnergyJ += (indoorFan + outdoorFan) * dt;
        AuxEnergyJ += aux * dt;
        HeatToHouseJ += heatToHouse * dt;
        HeatToHouseSideJ += (refrigerant + indoorFan + aux) * dt;
        HeatDrawnFromHouseJ += drawn * dt;
        EnvelopeHeatJ += envelope * dt;
        InternalGainsJ += internalGains * dt;
        SolarGainsJ += solar * dt;
    }

    /// <summary>
    /// <paramref name="storedEnergyJ"/> — the change of the heat stored in the house since the
    /// ledger started — minus the sum of every heat flow into the house side, J: zero when the
    /// house's energy balance closes.
    /// </summary>
    public double BalanceResidualJ(double storedEnergyJ) => storedEnergyJ - (HeatToHouseSideJ + EnvelopeHeatJ + InternalGainsJ + SolarGainsJ);
}
