using HeatPump.Control.Hal;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>
    /// Every code the 4-character display shows, in one place so docs/front-panel.md can be checked
    /// against it. Letters are the ones a 7-segment display draws legibly (b, d, n, o, r, t lower case).
    /// '.' lights the dot of the character before it. The codes are static readonly fields, not
    /// constants: a constant is an ldstr at every use, and on nanoCLR each ldstr allocates a string
    /// object, in the tick (docs/testing.md).
    /// </summary>
    public static class DisplayCodes
    {
        /// <summary>No reading to show.</summary>
        public static readonly string NoReading = "----";

        /// <summary>The settings record was unreadable at start-up: defaults are in use.</summary>
        public static readonly string SettingsCorrupt = "E SE";

        /// <summary>The board is built with the pressure switches in series with the contactor (it cannot see a trip).</summary>
        public static readonly string SwitchesInSeries = "P.SEr";

        /// <summary>Prefix of a walk step in output-test mode: "t.FI".</summary>
        public static readonly string OutputTestWalkPrefix = "t.";

        /// <summary>Suffix of an output switched on by hand in output-test mode: "FI.on".</summary>
        public static readonly string OutputTestOn = ".on";

        /// <summary>Suffix of an output switched off by hand in output-test mode: "FI.oF".</summary>
        public static readonly string OutputTestOff = ".oF";

        /// <summary>A forced defrost asked for and waiting for a heating run (a home-screen page).</summary>
        public static readonly string DefrostWaiting = "dF.--";

        /// <summary>In front of the installer code being entered: "Cd26".</summary>
        public static readonly string CodePrefix = "Cd";

        /// <summary>A stored fault of a kind this firmware has no code for (written by a newer version).</summary>
        public static readonly string UnknownFault = "E --";

        /// <summary>In front of a fault's lifetime count on the service page: "n 12".</summary>
        public const char CountLetter = 'n';

        /// <summary>In front of a fault's uptime, when it is 100 h or more, on the service page: "h123".</summary>
        public const char HoursLetter = 'h';

        /// <summary>In front of a fault's position on the service page: "F.1" is the newest.</summary>
        public static readonly string FaultPagePrefix = "F.";

        private static readonly string[] HoldCodes = new string[]
        {
            "HoLd", // None: held by the guard for a reason not listed (output-test mode only)
            "ASC",  // AntiShortCycle
            "PUd",  // PowerUpDelay
            "StPH", // StartsPerHour
            "ShFt", // QuietShift
            "H.Lo", // HeatLockout
            "C.Lo", // CoolLockout
            "i---", // NoIndoorReading
            "dr.OP", // DrainOpen: cooling held while the condensate switch is open
            "dr.Lo", // DrainLockout: cooling locked out after repeated drain trips
        };

        private static readonly string[] FaultCodes = new string[] { "E 00", "E 01", "E 02", "E 03", "E 04", "E 05", "E 06" };

        private static readonly string[] LockoutCodes = new string[] { "LOC0", "LOC1", "LOC2", "LOC3", "LOC4", "LOC5", "LOC6" };

        /// <summary>A commissioning run found nothing wrong.</summary>
        public static readonly string CommissioningPassed = "PASS";

        // Commissioning findings C 01..C 12 (docs/commissioning.md), indexed by CommissioningFinding.
        private static readonly string[] FindingCodes = new string[]
        {
            "C 00", "C 01", "C 02", "C 03", "C 04", "C 05", "C 06", "C 07", "C 08", "C 09", "C 10", "C 11", "C 12",
        };

        // Steps of a commissioning run under way, indexed by CommissioningStep (Idle and Done show other pages).
        private static readonly string[] CommissioningStepCodes = new string[] { "Co.--", "Co.CP", "Co.C", "Co.HP", "Co.H", "Co.dn" };

        private static readonly string[] ModeNames = new string[] { "OFF", "HEAt", "COOL", "AUtO", "E.HEt" };

        private static readonly string[] AuxCodes = new string[] { "AU.--", "AU.dr", "AU.Lo", "AU.dF", "AU.EH", "AU.CP" };

        private static readonly string[] NoticeCodes = new string[] { "", "rSEt", "dEF", "LrnS", "dFLt", "dF.no", "Err", "Co.St" };

        // Labels of the service page's counter pages (2, 3, 4); pages 0 and 1 are the outdoor and coil readings.
        private static readonly string[] ServiceLabels = new string[] { "", "", "CP.hr", "CP.St", "dF.ct" };

        private static readonly string[] OutputTestCodes = new string[] { "FI", "FO", "AU", "rV", "CP", "Ht", "dF", "CL" };

        private static readonly string StuckMode = "bt.Md";

        private static readonly string StuckUp = "bt.UP";

        private static readonly string StuckDown = "bt.dn";

        private static readonly char[] SensorLetters = new char[] { 'i', 'o', 'c' };

        /// <summary>The code shown for a held start, e.g. "ASC" before its countdown.</summary>
        public static string Hold(HoldReason reason)
        {
            return HoldCodes[(int)reason];
        }

        /// <summary>The findings of bit set <paramref name="findings"/> as panel codes, "C 01 C 12"; "PASS" when there are none.</summary>
        public static string DescribeFindings(int findings)
        {
            string s = "";
            for (int i = 1; i <= Commissioning.CommissioningCodes.LastFinding; i++)
            {
                if ((findings & (1 << i)) != 0)
                {
                    s += (s.Length == 0 ? "" : " ") + Finding((Commissioning.CommissioningFinding)i);
                }
            }

            return s.Length == 0 ? CommissioningPassed : s;
        }

        /// <summary>The panel code of a commissioning finding, "C 01".."C 12".</summary>
        public static string Finding(Commissioning.CommissioningFinding finding)
        {
            return FindingCodes[(int)finding];
        }

        /// <summary>The code shown while a commissioning run is at <paramref name="step"/>, e.g. "Co.C" while cooling.</summary>
        public static string CommissioningStep(Commissioning.CommissioningStep step)
        {
            return CommissioningStepCodes[(int)step];
        }

        /// <summary>The fault code "E 01".."E 06".</summary>
        public static string Fault(FaultKind kind)
        {
            return FaultCodes[(int)kind];
        }

        /// <summary>The lockout code "LOC1".."LOC5" (the digit is the fault kind that locked out).</summary>
        public static string Lockout(FaultKind kind)
        {
            return LockoutCodes[(int)kind];
        }

        /// <summary>Why aux heat is on (a home-screen page): "AU.dr" droop, "AU.Lo" heat lockout, "AU.dF" defrost, "AU.EH" emergency heat, "AU.CP" compressor fault.</summary>
        public static string Aux(AuxReason reason)
        {
            return AuxCodes[(int)reason];
        }

        /// <summary>The mode name shown after MODE: "OFF", "HEAt", "COOL", "AUtO", "E.HEt" (emergency heat).</summary>
        public static string Mode(UserMode mode)
        {
            return ModeNames[(int)mode];
        }

        /// <summary>The label of a counter page of the service page (index 2 run hours, 3 starts, 4 defrosts).</summary>
        public static string ServiceLabel(int page)
        {
            return ServiceLabels[page];
        }

        /// <summary>True when <paramref name="kind"/> has a fault code ("E 01" …); kinds read from flash may not.</summary>
        public static bool HasFaultCode(FaultKind kind)
        {
            return (int)kind > 0 && (int)kind < FaultCodes.Length;
        }

        /// <summary>The confirmation shown after a service action.</summary>
        public static string Notice(PanelNotice notice)
        {
            return NoticeCodes[(int)notice];
        }

        /// <summary>The two-letter name of an output-test step (an output, or a refrigerant run of the walk): "FI", "FO", "AU", "rV", "CP", "Ht", "dF", "CL".</summary>
        public static string OutputTestStepName(OutputTestStep output)
        {
            return OutputTestCodes[(int)output];
        }

        /// <summary>The letter in front of a sensor reading in output-test mode: 'i' indoor, 'o' outdoor, 'c' coil.</summary>
        public static char SensorLetter(Sensors.SensorRole role)
        {
            return SensorLetters[(int)role];
        }

        /// <summary>The stuck-button code: "bt.Md", "bt.UP" or "bt.dn" for the first stuck button in <paramref name="stuckButtons"/>.</summary>
        public static string StuckButton(int stuckButtons)
        {
            if ((stuckButtons & Buttons.Mode) != 0)
            {
                return StuckMode;
            }

            return (stuckButtons & Buttons.Up) != 0 ? StuckUp : StuckDown;
        }
    }
}
