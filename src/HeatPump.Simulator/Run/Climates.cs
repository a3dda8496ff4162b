using HeatPump.Control;

namespace HeatPump.Simulator.Run;

/// <summary>The built-in climates the command line accepts, and the run length each defaults to.</summary>
public static class Climates
{
    /// <summary>The heating climate of the default comparison: near 0 °C and humid, where defrost timing matters most.</summary>
    public const string Default = "humid-cold";

    /// <summary>The cooling climate (the controllers run in Cool mode on it).</summary>
    public const string HotSummer = "hot-summer";

    /// <summary>The mixed heating season.</summary>
    public const string HeatingSeason = "heating-season";

    /// <summary>A whole year, heating and cooling (the controllers run in Auto mode on it).</summary>
    public const string Year = "year";

    /// <summary>Every built-in climate name.</summary>
    public static readonly string[] Names = { "humid-cold", "dry-cold", "mild", HotSummer, HeatingSeason, Year, ColdSnap };

    /// <summary>Days of −28..−20 °C that a mid-size unit cannot carry alone: the second stage's test.</summary>
    public const string ColdSnap = "cold-snap";

    /// <summary>Days simulated for an EPW file when --days is not given: one year.</summary>
    public const double EpwDefaultDays = 365;

    /// <summary>True when <paramref name="name"/> is a built-in climate.</summary>
    public static bool IsKnown(string name) => Array.IndexOf(Names, name) >= 0;

    /// <summary>Days simulated for <paramref name="name"/> when --days is not given: the whole heating season or year, else two weeks.</summary>
    public static double DefaultDays(string name) => name == HeatingSeason ? 120 : name == Year ? 365 : 14;

    /// <summary>The mode the controllers run in on <paramref name="name"/>: Cool in summer, Auto over a year, else Heat.</summary>
    public static UserMode ModeFor(string name) => name == HotSummer ? UserMode.Cool : name == Year ? UserMode.Auto : UserMode.Heat;
}
