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

    /// <summary>Every built-in climate name.</summary>
    public static readonly string[] Names = { "humid-cold", "dry-cold", "mild", HotSummer, HeatingSeason };

    /// <summary>Days simulated for an EPW file when --days is not given: one year.</summary>
    public const double EpwDefaultDays = 365;

    /// <summary>True when <paramref name="name"/> is a built-in climate.</summary>
    public static bool IsKnown(string name) => Array.IndexOf(Names, name) >= 0;

    /// <summary>Days simulated for <paramref name="name"/> when --days is not given: the whole heating season, else two weeks.</summary>
    public static double DefaultDays(string name) => name == HeatingSeason ? 120 : 14;
}
