namespace HeatPump.Simulator.Kpi;

/// <summary>The scores of one controller over one run, in the units of the JSON report.</summary>
/// <param name="Name">Controller name.</param>
/// <param name="EnergyKWh">Electricity drawn (compressor, fans, aux), kWh.</param>
/// <param name="HeatDeliveredKWh">Net heat into the house (negative while cooling or defrosting), kWh.</param>
/// <param name="Scop">Seasonal COP: |heat delivered| / electricity (0 when no electricity was drawn).</param>
/// <param name="DiscomfortKh">True indoor temperature outside setpoint ± 1 K, integrated, K·h.</param>
/// <param name="CompressorStarts">Ordinary starts (the restarts completing a defrost's quiet shift are part of the defrost).</param>
/// <param name="StartsPerHour">Ordinary starts per simulated hour.</param>
/// <param name="ShortCycles">Runs that began with an ordinary start and ended, not into a defrost, before the minimum run time.</param>
/// <param name="Defrosts">Defrosts started.</param>
/// <param name="DefrostMinutes">Time with a defrost under way (shift in, melting, drip, shift out), min.</param>
/// <param name="DefrostsEndedByTime">Defrosts that ended on the maximum time rather than on coil temperature.</param>
/// <param name="DefrostsOnCleanCoil">Defrosts started with the true ice under 10 % of the maximum.</param>
/// <param name="PeakFrostFraction">Highest true ice fraction, 0..1.</param>
/// <param name="InvariantViolations">Breaches of the safety invariants seen by the independent checker.</param>
/// <param name="AuxKWh">Electricity of the aux (resistance) heater, kWh: part of <paramref name="EnergyKWh"/>, heat bought at COP 1.</param>
public sealed record KpiResult(
    string Name,
    double EnergyKWh,
    double HeatDeliveredKWh,
    double Scop,
    double DiscomfortKh,
    int CompressorStarts,
    double StartsPerHour,
    int ShortCycles,
    int Defrosts,
    double DefrostMinutes,
    int DefrostsEndedByTime,
    int DefrostsOnCleanCoil,
    double PeakFrostFraction,
    int InvariantViolations,
    double AuxKWh = 0);
