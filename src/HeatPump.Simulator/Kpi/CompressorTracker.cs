using HeatPump.Control;

namespace HeatPump.Simulator.Kpi;

/// <summary>What happened to the compressor in one tick.</summary>
public enum CompressorEdge
{
    /// <summary>No change.</summary>
    None = 0,

    /// <summary>An ordinary start: counts toward starts per hour and needs the full minimum off time (I1, I7).</summary>
    Start,

    /// <summary>
    /// The restart that completes a quiet shift into or out of a defrost: the valve moved while the
    /// compressor was off, a defrost was under way around it, and the minimum off time is not over
    /// (a later restart is an ordinary start). Needs only the quiet-shift time (I1's exception); not
    /// a start for the starts cap nor for the KPI count.
    /// </summary>
    ShiftRestart,

    /// <summary>The compressor stopped.</summary>
    Stop,
}

/// <summary>
/// Follows the driven compressor and reversing valve tick by tick and classifies each start from what
/// was driven, not from what the controller says it meant. Power-up counts as a stop at the time the
/// tracker is created. The KPIs count starts and short cycles with it (the safety referee keeps its own account).
/// </summary>
public sealed class CompressorTracker
{
    private readonly long _minOffMs;
    private bool _valveMovedWhileOff;
    private bool _defrostSinceStop;

    /// <summary>A tracker whose first off period starts at <paramref name="powerUpMs"/>, for a unit with a minimum off time of <paramref name="minOffMs"/>.</summary>
    public CompressorTracker(long powerUpMs, long minOffMs)
    {
        SinceMs = powerUpMs;
        _minOffMs = minOffMs;
    }

    /// <summary>Compressor running after the last update.</summary>
    public bool On { get; private set; }

    /// <summary>When the compressor last started or stopped (power-up counts as a stop), ms.</summary>
    public long SinceMs { get; private set; }

    /// <summary>Valve solenoid after the last update.</summary>
    public bool Valve { get; private set; }

    /// <summary>True when the run under way (or the last run, once stopped) began with a shift restart.</summary>
    public bool RunIsShiftRestart { get; private set; }

    /// <summary>At a start: how long the compressor had been off, ms.</summary>
    public long OffBeforeStartMs { get; private set; }

    /// <summary>At a stop: how long the run lasted, ms.</summary>
    public long RunMs { get; private set; }

    /// <summary>True when the valve changed in the last update.</summary>
    public bool ValveMoved { get; private set; }

    /// <summary>When the valve changed in the last update: how long the compressor had been off, ms; −1 if it ran in this tick or the one before.</summary>
    public long ValveMoveOffMs { get; private set; }

    /// <summary>Takes the outputs driven at <paramref name="nowMs"/> and says what the compressor did.</summary>
    public CompressorEdge Update(long nowMs, in OutputState o)
    {
        bool wasOn = On;
        ValveMoved = o.ValveEnergised != Valve;
        ValveMoveOffMs = ValveMoved && !wasOn && !o.Compressor ? nowMs - SinceMs : -1;

        CompressorEdge edge = CompressorEdge.None;
        if (o.Compressor && !wasOn)
        {
            OffBeforeStartMs = nowMs - SinceMs;
            bool completesShift = _valveMovedWhileOff && (_defrostSinceStop || o.Defrost) && OffBeforeStartMs < _minOffMs;
            edge = completesShift ? CompressorEdge.ShiftRestart : CompressorEdge.Start;
            RunIsShiftRestart = edge == CompressorEdge.ShiftRestart;
            On = true;
            SinceMs = nowMs;
            _valveMovedWhileOff = false;
            _defrostSinceStop = false;
        }
        else if (!o.Compressor && wasOn)
        {
            RunMs = nowMs - SinceMs;
            edge = CompressorEdge.Stop;
            On = false;
            SinceMs = nowMs;
            _valveMovedWhileOff = false;
            _defrostSinceStop = o.Defrost;
        }
        else if (!wasOn && o.Defrost)
        {
            _defrostSinceStop = true;
        }

        if (ValveMoved)
        {
            Valve = o.ValveEnergised;
            if (!wasOn && !o.Compressor)
            {
                _valveMovedWhileOff = true;
            }
        }

        return edge;
    }
}
