using System.Globalization;
using System.Reflection;
using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Cli;

/// <summary>
/// Applies <c>--plant NAME=VALUE</c> to the plant's figures, so a change can be judged on a house
/// and a heat pump other than the defaults (a bigger UA, a smaller unit, a faster-frosting coil).
/// NAME is a property of <see cref="PlantParameters"/> (case does not matter); the result is checked
/// by the plant's own validation. <c>--plant drawn=I@S</c> starts from plant I of the sweep's draw
/// with seed S (default 1) instead of the defaults, so a case a sweep reported can be run, plotted
/// and changed on its own (with <c>--seed</c> S + I it gets the sweep's weather and sensors too).
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

        foreach (string drawn in assignments.Where(a => a.Trim().StartsWith(DrawnName + "=", StringComparison.OrdinalIgnoreCase)))
        {
            p = Drawn(drawn.Substring(drawn.IndexOf('=') + 1).Trim());
        }

        assignments = assignments.Where(a => !a.Trim().StartsWith(DrawnName + "=", StringComparison.OrdinalIgnoreCase)).ToArray();

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

    /// <summary>The pseudo-figure that picks a plant of the sweep's draw.</summary>
    public const string DrawnName = "drawn";

    private static PlantParameters Drawn(string text)
    {
        string[] parts = text.Split('@');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int index) || index < 0
            || (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            throw new SimulatorInputException("--plant drawn= needs a plant index of the sweep's draw and, optionally, its seed (drawn=56 or drawn=56@1), got '" + text + "'");
        }

        int seed = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        return Sweep.PlantFamily.Draw(seed, index);
    }

    /// <summary>The figures --plant can set: the public double and bool properties of <see cref="PlantParameters"/>.</summary>
    public static IEnumerable<PropertyInfo> Settable() =>
        typeof(PlantParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(x => x.CanWrite && (x.PropertyType == typeof(double) || x.PropertyType == typeof(bool)));
}
