namespace HeatPump.Control.Hal
{
    /// <summary>The relay and PWM outputs, written once per tick after the guard.</summary>
    public interface IOutputs
    {
        /// <summary>Drives every output to <paramref name="outputs"/>.</summary>
        void Write(ref OutputState outputs);
    }
}
