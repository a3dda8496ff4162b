using HeatPump.Control.Settings;

namespace HeatPump.Simulator.Controllers;

/// <summary>The controllers the command line knows by name.</summary>
public static class ControllerCatalog
{
    /// <summary>The project's control core.</summary>
    public const string Firmware = "firmware";

    /// <summary>The control core with defrosts started from the plant's true ice: the limit of defrost timing.</summary>
    public const string Oracle = "oracle";

    /// <summary>Every name, in the order reports list them.</summary>
    public static readonly string[] Names = { Firmware, "timed-30", "timed-60", "timed-90", "hysteresis", Oracle, TwoStage, AuxLockoutOnly };

    /// <summary>A two-stage heat-pump thermostat: aux at a fixed 1 K droop.</summary>
    public const string TwoStage = "thermostat-2stage";

    /// <summary>Aux with every heat call below a fixed outdoor temperature.</summary>
    public const string AuxLockoutOnly = "aux-lockout-only";

    /// <summary>The controllers a comparison runs when none are named (the aux baselines only on the cold climates that need them).</summary>
    public static readonly string[] DefaultNames = { Firmware, "timed-30", "timed-60", "timed-90", "hysteresis", Oracle };

    /// <summary>The ice fractions the oracle is run at; the lowest-energy run is reported.</summary>
    public static readonly double[] OracleFractions = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };

    /// <summary>True when <paramref name="name"/> is a controller this catalog can build.</summary>
    public static bool IsKnown(string name) => Array.IndexOf(Names, name) >= 0;

    /// <summary>
    /// Builds <paramref name="name"/> with its own copy of <paramref name="settings"/>, so runs in
    /// parallel never share a mutable object. For the oracle, <paramref name="oracleFraction"/> is the
    /// ice fraction it defrosts at.
    /// </summary>
    public static ISimController Create(string name, ControllerSettings settings, uint staggerSeed, double oracleFraction = double.NaN)
    {
        var own = new ControllerSettings();
        own.CopyFrom(settings);
        switch (name)
        {
            case Firmware:
                return new FirmwareController(own, staggerSeed);
            case Oracle:
                return FirmwareController.Oracle(own, staggerSeed, oracleFraction);
            case "timed-30":
                return ReferenceController.Timed(30, own);
            case "timed-60":
                return ReferenceController.Timed(60, own);
            case "timed-90":
                return ReferenceController.Timed(90, own);
            case "hysteresis":
                return ReferenceController.Hysteresis(own);
            case TwoStage:
                return ReferenceController.TwoStage(own);
            case AuxLockoutOnly:
                return ReferenceController.AuxLockoutOnly(own);
            default:
                throw new ArgumentException("unknown controller '" + name + "' (known: " + string.Join(", ", Names) + ")", nameof(name));
        }
    }
}
