namespace HeatPump.Proof.Tests;

/// <summary>
/// How many random ticks the property tests run. CI runs <see cref="DefaultTotalTicks"/>; before a
/// release run more with <c>PROOF_TICKS=50000000 dotnet test tests/HeatPump.Proof.Tests</c>
/// (docs/testing.md). A mutation run sets it low, because every mutant reruns the properties.
/// </summary>
internal static class ProofBudget
{
    /// <summary>Random ticks per CI run across the properties: the issue asks for at least a million.</summary>
    public const long DefaultTotalTicks = 4_000_000;

    /// <summary>Ticks for the whole-core property and the guard-alone property together.</summary>
    public static long TotalTicks
    {
        get
        {
            string v = Environment.GetEnvironmentVariable("PROOF_TICKS");
            return long.TryParse(v, out long n) && n > 0 ? n : DefaultTotalTicks;
        }
    }

    /// <summary>True when PROOF_TICKS lowered the budget below the CI figure (a mutation run or a quick check).</summary>
    public static bool Reduced => TotalTicks < DefaultTotalTicks;

    /// <summary>The whole-core property's share: three quarters (its ticks exercise far more code).</summary>
    public static long CoreTicks => TotalTicks * 3 / 4;

    /// <summary>The guard-alone property's share.</summary>
    public static long GuardTicks => TotalTicks - CoreTicks;
}
