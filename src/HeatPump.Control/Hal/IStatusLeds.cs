namespace HeatPump.Control.Hal
{
    /// <summary>The four status LEDs (Heat, Cool, Defrost, Fault).</summary>
    public interface IStatusLeds
    {
        /// <summary>Switches LED <paramref name="index"/> (0 Heat, 1 Cool, 2 Defrost, 3 Fault).</summary>
        void Set(int index, bool on);
    }
}
