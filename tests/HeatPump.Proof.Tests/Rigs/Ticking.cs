namespace HeatPump.Proof.Tests;

/// <summary>A test rig that advances in whole ticks on its own clock.</summary>
public interface ITicking
{
    /// <summary>The rig's clock, ms.</summary>
    long NowMs { get; }

    /// <summary>One tick.</summary>
    void Tick();
}

/// <summary>Run-for and run-until for any <see cref="ITicking"/> rig.</summary>
public static class Ticking
{
    /// <summary>Ticks until <paramref name="condition"/> holds (checked after each tick) or <paramref name="maxMs"/> passes; true if it held.</summary>
    public static bool RunUntil<T>(this T rig, Func<T, bool> condition, long maxMs)
        where T : ITicking
    {
        long end = rig.NowMs + maxMs;
        while (rig.NowMs < end)
        {
            rig.Tick();
            if (condition(rig))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ticks until the clock reaches <paramref name="ms"/>.</summary>
    public static void RunTo<T>(this T rig, long ms)
        where T : ITicking
    {
        while (rig.NowMs < ms)
        {
            rig.Tick();
        }
    }

    /// <summary>Ticks for <paramref name="ms"/>.</summary>
    public static void Run<T>(this T rig, long ms)
        where T : ITicking => rig.RunTo(rig.NowMs + ms);
}
