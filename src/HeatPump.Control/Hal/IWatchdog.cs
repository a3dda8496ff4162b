namespace HeatPump.Control.Hal
{
    /// <summary>A hardware or task watchdog that resets the board when not fed in time.</summary>
    public interface IWatchdog
    {
        /// <summary>Restarts the watchdog's timeout; called once after each complete tick (I9).</summary>
        void Feed();
    }
}
