using HeatPump.Control.FrontPanel;

namespace HeatPump.Control.Commissioning
{
    /// <summary>
    /// How findings read on the panel ("C 01", from <see cref="DisplayCodes"/>) and in the serial log
    /// ("ReversedValve"). Builds strings: for the log and the report page, never in every tick.
    /// </summary>
    public static class CommissioningCodes
    {
        /// <summary>The highest finding number.</summary>
        public const int LastFinding = (int)CommissioningFinding.SplitNotChecked;

        private static readonly string[] Names = new string[]
        {
            "None", "ReversedValve", "StuckValve", "ProbesSwapped", "CoilProbeOffCoil", "IndoorFanNoAir", "OutdoorFanNotRunning",
            "WeakCapacity", "PressureSwitchOpen", "CoolingNotTested", "HeatingNotTested", "DrainSwitchOpen", "SplitNotChecked",
        };

        /// <summary>The logged name of <paramref name="finding"/>, e.g. "ReversedValve".</summary>
        public static string Name(CommissioningFinding finding)
        {
            int i = (int)finding;
            return i >= 0 && i < Names.Length ? Names[i] : "Unknown";
        }

        /// <summary>The findings of bit set <paramref name="findings"/> as panel codes, "C 01 C 12"; "PASS" when there are none.</summary>
        public static string Describe(int findings)
        {
            string s = "";
            for (int i = 1; i <= LastFinding; i++)
            {
                if ((findings & (1 << i)) != 0)
                {
                    s += (s.Length == 0 ? "" : " ") + DisplayCodes.Finding((CommissioningFinding)i);
                }
            }

            return s.Length == 0 ? DisplayCodes.CommissioningPassed : s;
        }

        /// <summary>The findings of bit set <paramref name="findings"/> as logged names joined by commas, "none" when there are none.</summary>
        public static string LogNames(int findings)
        {
            string s = "";
            for (int i = 1; i <= LastFinding; i++)
            {
                if ((findings & (1 << i)) != 0)
                {
                    s += (s.Length == 0 ? "" : ",") + Name((CommissioningFinding)i);
                }
            }

            return s.Length == 0 ? "none" : s;
        }
    }
}
