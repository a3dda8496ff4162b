using HeatPump.Control;
using HeatPump.Control.Settings;

namespace HeatPump.Simulator.Kpi;

/// <summary>
/// Accumulates the KPIs as a run streams, one call per tick and nothing stored per tick, so a year
/// costs no more memory than a day. Comfort is judged on the true indoor temperature, frost on the
/// true ice: what the occupants and the coil experience, not what the sensors said. The energies
/// are not counted here: they come from the run's <see cref="EnergyLedger"/>.
/// </summary>
public sealed class KpiAccumulator
{
    /// <summary>A defrost started with less ice than this fraction of the maximum was not needed yet.</summary>
    public const double CleanCoilFraction = 0.10;

    /// <summary>Comfort band either side of the setpoint, K (after BOPTEST's thermal discomfort).</summary>
    public const double ComfortBandK = 1.0;

    private readonly double _comfortLowC;
    private readonly double _comfortHighC;
    private readonly long _minRunMs;
    private readonly CompressorTracker _tracker;

    private double _discomfortKs;
    private double _defrostSeconds;
    private double _seconds;
    private double _peakFrost;
    private int _starts;
    private int _shortCycles;
    private int _defrosts;
    private int _endedByTime;
    private int _onCleanCoil;
    private bool _inDefrost;

    /// <summary>KPIs for a unit with <paramref name="settings"/> (mode, setpoints, minimum run) powered up at <paramref name="powerUpMs"/>.</summary>
    public KpiAccumulator(ControllerSettings settings, long powerUpMs = 0)
    {
        ComfortBand(settings, out _comfortLowC, out _comfortHighC);
        _minRunMs = settings.SecondsAsMs(SettingId.MinRunTime);
        _tracker = new CompressorTracker(powerUpMs, settings.SecondsAsMs(SettingId.MinOffTime));
    }

    /// <summary>
    /// The comfort band for the mode in <paramref name="settings"/>: setpoint ± 1 K in Heat or Cool,
    /// from heat setpoint − 1 K to cool setpoint + 1 K in Auto (and Off).
    /// </summary>
    public static void ComfortBand(ControllerSettings settings, out double lowC, out double highC)
    {
        double heatSp = settings.HeatSetpointC;
        double coolSp = settings.CoolSetpointC;
        switch (settings.Mode)
        {
            case UserMode.Heat:
                lowC = heatSp - ComfortBandK;
                highC = heatSp + ComfortBandK;
                break;
            case UserMode.Cool:
                lowC = coolSp - ComfortBandK;
                highC = coolSp + ComfortBandK;
                break;
            default:
                lowC = heatSp - ComfortBandK;
                highC = coolSp + ComfortBandK;
                break;
        }
    }

    /// <summary>Lower edge of the comfort band, °C.</summary>
    public double ComfortLowC => _comfortLowC;

    /// <summary>Upper edge of the comfort band, °C.</summary>
    public double ComfortHighC => _comfortHighC;

    /// <summary>
    /// Takes the outputs driven at <paramref name="nowMs"/> and the truth at the start of the tick; they
    /// hold for <paramref name="dtSeconds"/>. <paramref name="lastDefrostEnd"/> is read only when a defrost ends.
    /// </summary>
    public void Observe(long nowMs, in OutputState o, double trueIndoorC, double frostFraction, DefrostEnd lastDefrostEnd, double dtSeconds)
    {
        _seconds += dtSeconds;
        if (trueIndoorC < _comfortLowC)
        {
            _discomfortKs += (_comfortLowC - trueIndoorC) * dtSeconds;
        }
        else if (trueIndoorC > _comfortHighC)
        {
            _discomfortKs += (trueIndoorC - _comfortHighC) * dtSeconds;
        }

        if (frostFraction > _peakFrost)
        {
            _peakFrost = frostFraction;
        }

        CompressorEdge edge = _tracker.Update(nowMs, o);
        if (edge == CompressorEdge.Start)
        {
            _starts++;
        }
        else if (edge == CompressorEdge.Stop && !_tracker.RunIsShiftRestart && !o.Defrost && _tracker.RunMs < _minRunMs)
        {
            _shortCycles++;
        }

        if (o.Defrost)
        {
            _defrostSeconds += dtSeconds;
            if (!_inDefrost)
            {
                _inDefrost = true;
                _defrosts++;
                if (frostFraction < CleanCoilFraction)
                {
                    _onCleanCoil++;
                }
            }
        }
        else if (_inDefrost)
        {
            _inDefrost = false;
            if (lastDefrostEnd == DefrostEnd.MaxTime)
            {
                _endedByTime++;
            }
        }
    }

    /// <summary>The KPIs so far under <paramref name="name"/>, with the checker's violation count and the energies of <paramref name="energy"/>.</summary>
    public KpiResult Result(string name, int invariantViolations, EnergyLedger energy)
    {
        double kWh = energy.ElectricKWh;
        double heatKWh = energy.HeatToHouseKWh;
        double hours = _seconds / 3600.0;
        return new KpiResult(
            name,
            kWh,
            heatKWh,
            kWh > 0 ? Math.Abs(heatKWh) / kWh : 0,
            _discomfortKs / 3600.0,
            _starts,
            hours > 0 ? _starts / hours : 0,
            _shortCycles,
            _defrosts,
            _defrostSeconds / 60.0,
            _endedByTime,
            _onCleanCoil,
            _peakFrost,
            invariantViolations,
            energy.AuxKWh);
    }
}
