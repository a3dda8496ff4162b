using System.Globalization;
using HeatPump.Control;
using HeatPump.Control.Settings;

namespace HeatPump.Simulator.Cli;

/// <summary>
/// Applies <c>--set NAME=VALUE</c> and <c>--setpoint</c> to the controller settings. Values are given
/// in the setting's unit ("0.5" K, "300" s) and stored as the catalog's whole numbers; anything
/// out of range or off its step is refused with the reason the settings themselves give.
/// </summary>
public static class SettingOverrides
{
    // Settings whose values have names people use: the mode, O/B valve polarity, °C/°F.
    private static readonly (SettingId Id, string Name, int Raw)[] NamedValues =
    {
        (SettingId.Mode, "off", (int)UserMode.Off),
        (SettingId.Mode, "heat", (int)UserMode.Heat),
        (SettingId.Mode, "cool", (int)UserMode.Cool),
        (SettingId.Mode, "auto", (int)UserMode.Auto),
        (SettingId.ValvePolarity, "o", 0),
        (SettingId.ValvePolarity, "b", 1),
        (SettingId.DisplayUnits, "c", 0),
        (SettingId.DisplayUnits, "f", 1),
    };

    /// <summary>Applies one <c>NAME=VALUE</c> to <paramref name="settings"/>; throws <see cref="SimulatorInputException"/> if it cannot.</summary>
    public static void Apply(ControllerSettings settings, string assignment)
    {
        int eq = assignment.IndexOf('=');
        if (eq <= 0)
        {
            throw new SimulatorInputException("--set expects NAME=VALUE, got '" + assignment + "'");
        }

        string key = assignment.Substring(0, eq).Trim();
        string text = assignment.Substring(eq + 1).Trim();
        SettingDefinition? d = SettingsCatalog.Find(key);
        if (d == null)
        {
            throw new SimulatorInputException("unknown setting '" + key + "' in --set (the 'settings' command lists them)");
        }

        Set(settings, d, ParseRaw(d, text));
    }

    /// <summary>Sets the setpoint of the mode in force (the heating one in Auto) to <paramref name="celsius"/>.</summary>
    public static void ApplySetpoint(ControllerSettings settings, double celsius)
    {
        SettingId id = settings.Mode == UserMode.Cool ? SettingId.CoolSetpoint : SettingId.HeatSetpoint;
        SettingDefinition d = SettingsCatalog.Get(id);
        Set(settings, d, ToRaw(d, celsius, celsius.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The raw value of <paramref name="text"/> for <paramref name="d"/>: a number in the setting's unit, or a name for the settings that have names.</summary>
    public static int ParseRaw(SettingDefinition d, string text)
    {
        string lower = text.ToLowerInvariant();
        foreach (var (id, name, raw) in NamedValues)
        {
            if (id == d.Id && name == lower)
            {
                return raw;
            }
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new SimulatorInputException(d.Key + " needs a number" + (d.Unit.Length > 0 ? " in " + d.Unit : "") + ", got '" + text + "'");
        }

        return ToRaw(d, value, text);
    }

    private static int ToRaw(SettingDefinition d, double value, string text)
    {
        double scaled = value * d.Scale;
        double whole = Math.Round(scaled);
        if (Math.Abs(scaled - whole) > 1e-6 || Math.Abs(whole) > int.MaxValue)
        {
            throw new SimulatorInputException(d.Key + " is held to " + SettingFormat.Scaled(1, d.Scale) + " " + d.Unit + ", got '" + text + "'");
        }

        return (int)whole;
    }

    private static void Set(ControllerSettings settings, SettingDefinition d, int raw)
    {
        if (!settings.TrySet(d.Id, raw, out string reason))
        {
            throw new SimulatorInputException(reason);
        }
    }
}
