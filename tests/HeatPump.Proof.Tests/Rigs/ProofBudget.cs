namespace HeatPump.Proof.Tests;

/// <summary>
/// How many random ticks the property tests run. CI runs <see cref="DefaultTotalTicks"/>; before a
/// release run more with <c>PROOF_TICKS=50000000 dotnet test tests/HeatPump.Proof.Tests</c>
/// (docs/testing.md). A mutation run sets it low, because every mutant reruns the properties.
/// </summary>
internal static class ProofBudget
{
    /// <summary>
    /// Random ticks per CI run across the properties: 3,000,000 of the whole core and 4,000,000 of the guard
    /// driven by a hostile controller whose outputs and intent flags lie (docs/safety.md).
    /// </summary>
    public const long DefaultTotalTicks = 7_000_000;

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

    /// <summary>The whole-core property's share: three sevenths (its ticks cost several guard ticks each).</summary>
    public static long CoreTicks => TotalTicks * 3 / 7;

    /// <summary>The hostile-controller guard property's share: four sevenths, 4,000,000 ticks in CI.</summary>
    public static long GuardTicks => TotalTicks - CoreTicks;
}
