using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Commissioning;

/// <summary>
/// The installation mistakes the simulator can make (docs/commissioning.md), by the names the
/// <c>--install-fault</c> option takes.
/// </summary>
public static class InstallFaults
{
    /// <summary>Every name, "correct" first.</summary>
    public static readonly string[] Names =
    {
        "correct", "reversed-polarity", "stuck-valve", "swapped-probes", "coil-probe-off-coil", "dead-indoor-fan", "dead-outdoor-fan", "low-charge",
    };

    /// <summary>
    /// <paramref name="plant"/> installed with <paramref name="fault"/>: the valve wired B against the
    /// board's O, a valve stuck in heating, the outdoor and coil probes swapped, the coil probe hanging
    /// in the air, a dead indoor or outdoor fan motor, or half the refrigerant charge.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown fault name; the message lists the known ones.</exception>
    public static PlantParameters Apply(PlantParameters plant, string fault) => fault switch
    {
        "correct" => plant,
        "reversed-polarity" => plant with { ValveEnergisedInHeat = true },
        "stuck-valve" => plant with { ValveStuckInHeating = true },
        "swapped-probes" => plant with { ProbesSwapped = true },
        "coil-probe-off-coil" => plant with { CoilProbeOffCoil = true },
        "dead-indoor-fan" => plant with { IndoorFanFailed = true },
        "dead-outdoor-fan" => plant with { OutdoorFanFailed = true },
        "low-charge" => plant with { ChargeFraction = 0.5 },
        _ => throw new ArgumentException($"unknown install fault '{fault}'; known: {string.Join(", ", Names)}", nameof(fault)),
    };
}
