using System;

namespace HeatPump.Scenarios
{
    /// <summary>A scenario expectation that did not hold.</summary>
    public sealed class ScenarioFailedException : Exception
    {
        /// <summary>Creates the failure with what was expected and what happened.</summary>
        public ScenarioFailedException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// Assertions usable on nanoFramework and on the desktop alike (no generics, no framework
    /// dependency): a failed check throws <see cref="ScenarioFailedException"/> with the rig's time.
    /// </summary>
    public static class Check
    {
        /// <summary>Fails with <paramref name="what"/> unless <paramref name="condition"/> holds.</summary>
        public static void That(bool condition, string what, Rig rig)
        {
            if (!condition)
            {
                throw new ScenarioFailedException(what + " (at t=" + (rig.NowMs / 1000).ToString() + " s, state "
                    + rig.StateName + ")");
            }
        }

        /// <summary>Fails unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
        public static void Equal(long expected, long actual, string what, Rig rig)
        {
            if (expected != actual)
            {
                That(false, what + ": expected " + expected.ToString() + ", got " + actual.ToString(), rig);
            }
        }

        /// <summary>Fails unless <paramref name="actual"/> lies within [<paramref name="low"/>, <paramref name="high"/>].</summary>
        public static void Between(long low, long high, long actual, string what, Rig rig)
        {
            if (actual < low || actual > high)
            {
                That(false, what + ": expected " + low.ToString() + ".." + high.ToString() + ", got " + actual.ToString(), rig);
            }
        }
    }
}
