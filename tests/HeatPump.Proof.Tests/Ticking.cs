namespace HeatPump.Proof.Tests;

/// <summary>A test bench that advances in whole ticks on its own clock.</summary>
public interface ITicking
{
    /// <summary>The bench's clock, ms.</summary>
    long NowMs { get; }

    /// <summary>One tick.</summary>
    void Tick();
}

/// <summary>Run-for and run-until for any <see cref="ITicking"/> bench.</summary>
public static class Ticking
{
    /// <summary>Ticks until <paramref name="condition"/> holds (checked after each tick) or <paramref name="maxMs"/> passes; true if it held.</summary>
    public static bool RunUntil<T>(this T bench, Func<T, bool> condition, long maxMs)
        where T : ITicking
    {
        long end = bench.NowMs + maxMs;
        while (bench.NowMs < end)
        {
            bench.Tick();
            if (condition(bench))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ticks until the clock reaches <paramref name="ms"/>.</summary>
    public static void RunTo<T>(this T bench, long ms)
        where T : ITicking
    {
        while (bench.NowMs < ms)
        {
            bench.Tick();
        }
    }

    /// <summary>Ticks for <paramref name="ms"/>.</summary>
    public static void Run<T>(this T bench, long ms)
        where T : ITicking => bench.RunTo(bench.NowMs + ms);
}
