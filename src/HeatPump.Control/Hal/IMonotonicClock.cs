namespace HeatPump.Control.Hal
{
    /// <summary>A monotonic millisecond clock that never goes back and does not wrap in the life of a unit.</summary>
    public interface IMonotonicClock
    {
        /// <summary>Milliseconds since boot.</summary>
        long NowMs { get; }
    }
}
