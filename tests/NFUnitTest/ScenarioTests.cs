using System;
using HeatPump.Scenarios;
using nanoFramework.TestFramework;

namespace HeatPump.NFUnitTest
{
    /// <summary>
    /// Runs the shared state-machine scenarios (tests/Scenarios, the same source the desktop xunit
    /// tests compile) on nanoCLR, where floats, integer widths and the runtime library are the
    /// device's own. One test walks the whole catalog so a failure names its scenario.
    /// </summary>
    [TestClass]
    public class ScenarioTests
    {
        /// <summary>The catalog is not empty: a runner that ran nothing must not pass.</summary>
        [TestMethod]
        public void CatalogListsScenarios()
        {
            Assert.IsTrue(ScenarioCatalog.Count > 0, "the scenario catalog is empty");
        }

        /// <summary>Every scenario passes on nanoCLR; all run even after a failure, and each failure is named.</summary>
        [TestMethod]
        public void EveryScenarioPassesOnNanoClr()
        {
            int failures = 0;
            string failed = "";
            for (int i = 0; i < ScenarioCatalog.Count; i++)
            {
                string name = ScenarioCatalog.Name(i);
                try
                {
                    ScenarioCatalog.Run(i);
                    OutputHelper.WriteLine("pass " + name);
                }
                catch (Exception ex)
                {
                    failures++;
                    failed += " " + name;
                    OutputHelper.WriteLine("FAIL " + name + ": " + ex.Message);
                }
            }

            Assert.IsTrue(failures == 0, failures.ToString() + " scenario(s) failed:" + failed);
        }
    }
}
