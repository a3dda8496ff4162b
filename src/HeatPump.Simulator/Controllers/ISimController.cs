using HeatPump.Control;
using HeatPump.Control.Sensors;

namespace HeatPump.Simulator.Controllers;

/// <summary>
/// A controller under test in the simulator: one call per simulated second, from the three
/// sensor samples as the bus delivered them to the outputs it drives. Implementations allocate
/// nothing in <see cref="Step"/>: it runs 31.5 million times in a simulated year.
/// </summary>
public interface ISimController
{
    /// <summary>Name used on the command line and in reports, e.g. "firmware" or "timed-60".</summary>
    string Name { get; }

    /// <summary>How the last completed defrost ended (read by the KPIs when a defrost ends).</summary>
    DefrostEnd LastDefrostEnd { get; }

    /// <summary>Runs one tick and returns the outputs to drive.</summary>
    /// <param name="nowMs">Monotonic time since power-up, ms.</param>
    /// <param name="indoor">Indoor DS18B20 sample.</param>
    /// <param name="outdoor">Outdoor DS18B20 sample.</param>
    /// <param name="coil">Outdoor coil DS18B20 sample.</param>
    /// <param name="trueFrostFraction">The plant's true ice fraction: only the oracle may look at it.</param>
    /// <param name="highPressureTripped">The plant's high-pressure switch is open (as the board's input reads it).</param>
    /// <param name="lowPressureTripped">The plant's low-pressure switch is open.</param>
    OutputState Step(long nowMs, in SensorSample indoor, in SensorSample outdoor, in SensorSample coil, double trueFrostFraction,
        bool highPressureTripped = false, bool lowPressureTripped = false);
}
