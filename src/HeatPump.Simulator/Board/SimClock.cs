using HeatPump.Control.Hal;

namespace HeatPump.Simulator.Board;

/// <summary>A monotonic clock that moves only when the simulation says so, to fractions of a millisecond.</summary>
public sealed class SimClock : IMonotonicClock
{
    public double Ms { get; private set; }

    public long NowMs => (long)Math.Floor(Ms);

    public void Advance(double ms) => Ms += ms;

    /// <summary>Moves to exactly <paramref name="ms"/> if that is ahead (the pacing sleep of the firmware's Program).</summary>
    public void AdvanceTo(double ms)
    {
        if (ms > Ms)
        {
            Ms = ms;
        }
    }
}
