using System.Globalization;
using System.Reflection;
using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Cli;

/// <summary>
/// Applies <c>--plant NAME=VALUE</c> to the plant's figures, so a change can be judged on a house
/// and a heat pump other than the defaults (a bigger UA, a smaller unit, a faster-frosting coil).
/// NAME is a property of <see cref="PlantParameters"/> (case does not matter); the result is checked
/// by the plant's own validation.
/// </summary>
public static class PlantOverrides
{
    /// <summary>The defaults with every assignment applied; throws <see cref="SimulatorInputException"/> for a bad one.</summary>
    public static PlantParameters Apply(IReadOnlyList<string> assignments)
    {
        PlantParameters p = PlantParameters.Default;
        if (assignments.Count == 0)
        {
            return p;
        }

        // A record's copy: every init-only property can then be set on the copy alone.
        var clone = (PlantParameters)typeof(PlantParameters).GetMethod("<Clone>$")!.Invoke(p, null)!;
        foreach (string assignment in assignments)
        {
            int eq = assignment.IndexOf('=');
            if (eq <= 0)
            {
                throw new SimulatorInputException("--plant expects NAME=VALUE, got '" + assignment + "'");
            }

            string name = assignment.Substring(0, eq).Trim();
            string text = assignment.Substring(eq + 1).Trim();
            PropertyInfo? prop = Settable().FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
            if (prop == null)
            {
                throw new SimulatorInputException("unknown plant parameter '" + name + "' (known: " + string.Join(", ", Settable().Select(x => x.Name)) + ")");
            }

            object value;
            if (prop.PropertyType == typeof(bool))
            {
                if (!bool.TryParse(text, out bool b))
                {
                    throw new SimulatorInputException(prop.Name + " needs true or false, got '" + text + "'");
                }

                value = b;
            }
            else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d))
            {
                throw new SimulatorInputException(prop.Name + " needs a number, got '" + text + "'");
            }
            else
            {
                value = d;
            }

            prop.SetValue(clone, value);
        }

        try
        {
            clone.Validate();
        }
        catch (ArgumentException e)
        {
            throw new SimulatorInputException("--plant: " + e.Message);
        }

        return clone;
    }

    /// <summary>The figures --plant can set: the public double and bool properties of <see cref="PlantParameters"/>.</summary>
    public static IEnumerable<PropertyInfo> Settable() =>
        typeof(PlantParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(x => x.CanWrite && (x.PropertyType == typeof(double) || x.PropertyType == typeof(bool)));
}
