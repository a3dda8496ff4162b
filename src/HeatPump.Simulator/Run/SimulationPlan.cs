using HeatPump.Control;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Cli;
using HeatPump.Simulator.Controllers;

namespace HeatPump.Simulator.Run;

/// <summary>What the user asked for, before validation: the command line's options as given.</summary>
/// <param name="Climate">--climate, or null.</param>
/// <param name="WeatherFile">--weather FILE.epw, or null.</param>
/// <param name="Days">--days, or null for the climate's default.</param>
/// <param name="Seed">--seed.</param>
/// <param name="Setpoint">--setpoint, °C, or null.</param>
/// <param name="Controllers">Controller names.</param>
/// <param name="Sets">--set NAME=VALUE assignments, in order.</param>
/// <param name="Faults">--faults schedule, or null.</param>
public sealed record SimulationOptions(
    string? Climate,
    string? WeatherFile,
    double? Days,
    int Seed,
    double? Setpoint,
    IReadOnlyList<string> Controllers,
    IReadOnlyList<string> Sets,
    string? Faults);

/// <summary>A validated simulation: every controller runs on this world with these settings.</summary>
/// <param name="ClimateName">Climate name as reported (the built-in name, or the EPW file's).</param>
/// <param name="Days">Length, days.</param>
/// <param name="Seed">Seed of weather, sensors and the power-up stagger.</param>
/// <param name="Settings">Controller settings after mode, --set and --setpoint.</param>
/// <param name="World">Builds weather, plant and sensors for each run.</param>
/// <param name="Controllers">Controller names, in report order.</param>
/// <param name="InitialIndoorC">Indoor temperature at the start: the setpoint in force.</param>
public sealed record SimulationPlan(
    string ClimateName,
    double Days,
    int Seed,
    ControllerSettings Settings,
    IWorld World,
    IReadOnlyList<string> Controllers,
    double InitialIndoorC)
{
    /// <summary>Longest run accepted, days.</summary>
    public const double MaxDays = 3660;

    /// <summary>
    /// Checks <paramref name="o"/> and builds the plan; throws <see cref="SimulatorInputException"/>
    /// with one clear sentence for anything the user must fix. The world factory may throw too
    /// (a malformed EPW file, a bad fault schedule); its message is passed on as it is.
    /// </summary>
    public static SimulationPlan Create(SimulationOptions o, Func<WorldRequest, IWorld> worldFactory)
    {
        if (o.WeatherFile != null && o.Climate != null)
        {
            throw new SimulatorInputException("give either --climate or --weather, not both");
        }

        string climate = o.Climate ?? Climates.Default;
        if (o.WeatherFile != null)
        {
            if (!File.Exists(o.WeatherFile))
            {
                throw new SimulatorInputException("cannot read weather file '" + o.WeatherFile + "': no such file");
            }
        }
        else if (!Climates.IsKnown(climate))
        {
            throw new SimulatorInputException("unknown climate '" + climate + "' (known: " + string.Join(", ", Climates.Names) + ")");
        }

        double days = o.Days ?? (o.WeatherFile != null ? Climates.EpwDefaultDays : Climates.DefaultDays(climate));
        if (!(days > 0) || double.IsInfinity(days))
        {
            throw new SimulatorInputException("--days must be more than 0, got " + days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (SimulationRunner.TicksFor(days) < 60)
        {
            throw new SimulatorInputException("--days must cover at least one minute (0.0007 days), got " + days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (days > MaxDays)
        {
            throw new SimulatorInputException("--days must be at most " + MaxDays + ", got " + days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (o.Controllers.Count == 0)
        {
            throw new SimulatorInputException("no controller given");
        }

        var names = new List<string>();
        foreach (string raw in o.Controllers)
        {
            string name = raw.Trim().ToLowerInvariant();
            if (!ControllerCatalog.IsKnown(name))
            {
                throw new SimulatorInputException("unknown controller '" + raw.Trim() + "' (known: " + string.Join(", ", ControllerCatalog.Names) + ")");
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        var settings = new ControllerSettings();
        UserMode mode = o.WeatherFile != null ? UserMode.Auto : Climates.ModeFor(climate);
        settings.TrySet(SettingId.Mode, (int)mode, out _);
        foreach (string assignment in o.Sets)
        {
            SettingOverrides.Apply(settings, assignment);
        }

        if (o.Setpoint.HasValue)
        {
            SettingOverrides.ApplySetpoint(settings, o.Setpoint.Value);
        }


        IWorld world = worldFactory(new WorldRequest(climate, o.WeatherFile, days, o.Seed, o.Faults));
        string climateName = o.WeatherFile != null ? world.CreateWeather().Name : climate;
        double initial = settings.Mode == UserMode.Cool ? settings.CoolSetpointC : settings.HeatSetpointC;
        return new SimulationPlan(climateName, days, o.Seed, settings, world, names, initial);
    }
}
