namespace HeatPump.Control.Hal
{
    /// <summary>The 4-digit display and the four status LEDs.</summary>
    public interface IIndicators
    {
        /// <summary>Shows <paramref name="display"/>; called once per tick, should skip writes that change nothing.</summary>
        void Show(DisplayModel display);
    }
}
