using HeatPump.Control;

namespace HeatPump.Simulator.Controllers;

/// <summary>
/// A controller under test in the simulator: one call per simulated second, from the reading the
/// <see cref="Run.PlantLoop"/> took of the board's inputs to the outputs it drives. Implementations allocate
/// nothing in <see cref="Step"/>: it runs 31.5 million times in a simulated year.
/// </summary>
public interface ISimController
{
    /// <summary>Name used on the command line and in reports, e.g. "firmware" or "timed-60".</summary>
    string Name { get; }

    /// <summary>How the last completed defrost ended (read by the KPIs when a defrost ends).</summary>
    DefrostEnd LastDefrostEnd { get; }

    /// <summary>Runs one tick and returns the outputs to drive.</summary>
    /// <param name="reading">
    /// The board's inputs this tick: the time since power-up, the DS18B20 samples as the bus
    /// delivered them, the pressure switches and the condensate switch. Read only: it belongs to the loop.
    /// </param>
    /// <param name="trueFrostFraction">The plant's true ice fraction: only the oracle may look at it.</param>
    OutputState Step(RawInputs reading, double trueFrostFraction);
}
