namespace HeatPump.Simulator.Bench;

/// <summary>How a script run ended.</summary>
/// <param name="Passed">True when every line ran, every expectation held and the safety referee saw no breach.</param>
/// <param name="Line">The failing line's number (1-based), or 0.</param>
/// <param name="LineText">The failing line as written, or "".</param>
/// <param name="Message">What was expected and what the bench showed, with context; "" when passed.</param>
/// <param name="AtMs">Simulated time when the run ended, ms.</param>
/// <param name="Checks">Expectations and waits that held.</param>
public sealed record BenchScriptResult(bool Passed, int Line, string LineText, string Message, long AtMs, int Checks);

/// <summary>Runs a <see cref="BenchScript"/> against a bench, as fast as the machine allows.</summary>
public static class BenchScriptRunner
{
    /// <summary>Runs every line of <paramref name="script"/> on <paramref name="session"/>; stops at the first failure.</summary>
    public static BenchScriptResult Run(BenchScript script, BenchSession session)
    {
        session.Log.LineWritten += script.LogWatch.Add;
        try
        {
            int checks = 0;
            foreach (BenchStep step in script.Steps)
            {
                if (step.AtMs >= 0)
                {
                    if (step.AtMs < session.NowMs)
                    {
                        return Fail(step, session, checks, "this time has passed: the bench is already at " + BenchNarrator.Clock(session.NowMs)
                            + " (key presses and waits before it take time)", context: false);
                    }

                    session.RunUntil(step.AtMs);
                }

                string? failure = step.Run(session);
                if (failure == null && session.Referee.Total != 0) failure = "the safety referee saw a breach: " + session.Referee.FirstMessage;
                if (failure != null) return Fail(step, session, checks, failure, context: true);
                if (IsCheck(step.Text)) checks++;
            }

            return new BenchScriptResult(true, 0, "", "", session.NowMs, checks);
        }
        finally
        {
            session.Log.LineWritten -= script.LogWatch.Add;
        }
    }

    private static bool IsCheck(string text) => text.Contains("expect ", StringComparison.OrdinalIgnoreCase) || text.Contains("wait until ", StringComparison.OrdinalIgnoreCase);

    private static BenchScriptResult Fail(BenchStep step, BenchSession s, int checks, string why, bool context)
    {
        string message = why + (context ? "\n    at " + BenchNarrator.Clock(s.NowMs) + ": " + BenchCondition.Context(s) : "");
        return new BenchScriptResult(false, step.Line, step.Text, message, s.NowMs, checks);
    }
}
