namespace HeatPump.Simulator.Board;

/// <summary>
/// What each hardware call costs on the ESP32 under nanoCLR, as docs/safety.md's tick budget counts
/// it: the simulated clock advances by these, so a test can read a tick's length off the clock.
/// </summary>
public static class Costs
{
    /// <summary>One 1-Wire byte: a blocking UART round trip that waits out the receive idle timeout (calculated).</summary>
    public const double OneWireByteMs = 1.6;

    /// <summary>One 1-Wire reset, run at 9600 baud (calculated).</summary>
    public const double OneWireResetMs = 11.5;

    /// <summary>One native ROM search step (about 200 bit slots, each a round trip).</summary>
    public const double SearchStepMs = 200;

    /// <summary>One managed GPIO call (nanoframework/Home#1013: a write loop toggles at about 1.5 kHz).</summary>
    public const double GpioCallMs = 0.33;
}
