namespace HeatPump.Proof.Tests.Properties;

/// <summary>
/// Shrinks a failing <see cref="CoreRun"/> further than CsCheck does within the property's budget:
/// drops episodes, shortens them, and replaces their faults, buttons, settings and switches with
/// plain ones, as long as the run still fails the same way. Use it on the JSON a failure prints
/// before keeping the run as a regression test.
/// </summary>
public static class CoreRunShrinker
{
    /// <summary>True when <paramref name="run"/> fails with a message starting with <paramref name="messageStart"/>.</summary>
    public static bool FailsWith(CoreRun run, string messageStart)
    {
        try
        {
            new CoreDriver().Play(run);
            return false;
        }
        catch (ProofFailure f)
        {
            return f.Message.StartsWith(messageStart, StringComparison.Ordinal);
        }
    }

    public static CoreRun Shrink(CoreRun run, Func<CoreRun, bool> fails)
    {
        bool progress = true;
        while (progress)
        {
            progress = false;
            for (int i = 0; i < run.Episodes.Length; i++)
            {
                var fewer = run with { Episodes = run.Episodes.Where((_, k) => k != i).ToArray() };
                if (fails(fewer))
                {
                    run = fewer;
                    progress = true;
                    i--;
                }
            }

            for (int i = 0; i < run.Episodes.Length; i++)
            {
                foreach (var simpler in Simpler(run.Episodes[i]))
                {
                    var episodes = run.Episodes.ToArray();
                    episodes[i] = simpler;
                    var candidate = run with { Episodes = episodes };
                    if (fails(candidate))
                    {
                        run = candidate;
                        progress = true;
                        break;
                    }
                }
            }

            if (run.Initial.Length > 1 && fails(run with { Initial = run.Initial.Take(1).ToArray() }))
            {
                run = run with { Initial = run.Initial.Take(1).ToArray() };
                progress = true;
            }
        }

        return run;
    }

    private static IEnumerable<Episode> Simpler(Episode e)
    {
        var good = new SensorPlan(SensorMode.Good, 0);
        if (e.Ticks > 1)
        {
            yield return e with { Ticks = e.Ticks / 2 };
            yield return e with { Ticks = e.Ticks - 1 };
        }

        if (e.Settings.Length > 0) yield return e with { Settings = Array.Empty<SettingTry>() };
        if (e.Indoor.Mode != SensorMode.Good) yield return e with { Indoor = good };
        if (e.Outdoor.Mode != SensorMode.Good) yield return e with { Outdoor = good };
        if (e.Coil.Mode != SensorMode.Good) yield return e with { Coil = good };
        if (e.Dt != DtKind.Second) yield return e with { Dt = DtKind.Second };
        if (e.Buttons != ButtonPlan.None) yield return e with { Buttons = ButtonPlan.None, ButtonMask = 0 };
        if (e.High != PressurePlan.None || e.Low != PressurePlan.None) yield return e with { High = PressurePlan.None, Low = PressurePlan.None };
        if (e.PowerCutS >= 0 || e.TearAt >= 0) yield return e with { PowerCutS = -1, TearAt = -1 };
        if (e.DefrostRequest) yield return e with { DefrostRequest = false };
        if (e.IndoorShiftK != 0) yield return e with { IndoorShiftK = 0 };
    }
}
