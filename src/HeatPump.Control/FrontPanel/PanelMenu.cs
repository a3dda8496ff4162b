using HeatPump.Control.Settings;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>
    /// The installer's settings menu, in the order MODE walks it: every setting except the mode and the
    /// two setpoints (which the home screen's buttons change), plus two actions. It opens only after
    /// the installer code (<see cref="PanelLogic.InstallerCode"/>). The codes are the ones
    /// docs/front-panel.md lists. Temperatures and temperature differences follow the display units
    /// (°F and °F differences in °F mode); times, counts and percentages are shown as stored.
    /// </summary>
    public static class PanelMenu
    {
        /// <summary>Display text of "no" for an action item (a field, not a constant: see <see cref="DisplayCodes"/>).</summary>
        public static readonly string No = "no";

        /// <summary>Display text of "yes" for an action item.</summary>
        public static readonly string Yes = "YES";

        // Fields, not literals: an ldstr allocates on nanoCLR, and these are compared in the tick.
        private static readonly string CelsiusUnit = "°C";
        private static readonly string KelvinUnit = "K";

        private static readonly string[] NoYes = new string[] { No, Yes };

        private static readonly MenuItem[] Items = new MenuItem[]
        {
            new MenuItem("Unit", SettingId.DisplayUnits, MenuAction.None, new string[] { "C", "F" }),
            new MenuItem("H.db", SettingId.HeatDeadband, MenuAction.None, null),
            new MenuItem("H.or", SettingId.HeatOverrun, MenuAction.None, null),
            new MenuItem("C.db", SettingId.CoolDeadband, MenuAction.None, null),
            new MenuItem("C.or", SettingId.CoolOverrun, MenuAction.None, null),
            new MenuItem("GAP", SettingId.AutoMinGap, MenuAction.None, null),
            new MenuItem("ASC", SettingId.MinOffTime, MenuAction.None, null),
            new MenuItem("rUn", SettingId.MinRunTime, MenuAction.None, null),
            new MenuItem("StPH", SettingId.MaxStartsPerHour, MenuAction.None, null),
            new MenuItem("PU.St", SettingId.PowerUpStaggerMax, MenuAction.None, null),
            new MenuItem("q.Sh", SettingId.QuietShiftTime, MenuAction.None, null),
            new MenuItem("Ob", SettingId.ValvePolarity, MenuAction.None, new string[] { "O", "b" }),
            new MenuItem("H.Lo", SettingId.HeatLockoutOutdoor, MenuAction.None, null),
            new MenuItem("C.Lo", SettingId.CoolLockoutOutdoor, MenuAction.None, null),
            new MenuItem("FI.dU", SettingId.IndoorFanMinDuty, MenuAction.None, null),
            new MenuItem("FI.Hi", SettingId.IndoorFanMaxDuty, MenuAction.None, null),
            new MenuItem("FI.dL", SettingId.IndoorFanHeatDelay, MenuAction.None, null),
            new MenuItem("FI.ro", SettingId.IndoorFanRunOn, MenuAction.None, null),
            new MenuItem("FAn", SettingId.IndoorFanContinuous, MenuAction.None, new string[] { "AUtO", "on" }),
            new MenuItem("FO.dU", SettingId.OutdoorFanDuty, MenuAction.None, null),
            new MenuItem("1.FAn", SettingId.SingleFanMotor, MenuAction.None, NoYes),
            new MenuItem("dF.St", SettingId.DefrostStrategy, MenuAction.None, new string[] { "dnd", "t-t" }),
            new MenuItem("dInt", SettingId.DefrostInterval, MenuAction.None, null),
            new MenuItem("dF.Fr", SettingId.DefrostCoilFrosting, MenuAction.None, null),
            new MenuItem("dn.Co", SettingId.DemandCoilBelow, MenuAction.None, null),
            new MenuItem("dn.dt", SettingId.DemandMargin, MenuAction.None, null),
            new MenuItem("dn.In", SettingId.DemandMinInterval, MenuAction.None, null),
            new MenuItem("dn.bS", SettingId.DemandBackstop, MenuAction.None, null),
            new MenuItem("dF.En", SettingId.DefrostEndCoil, MenuAction.None, null),
            new MenuItem("dF.tL", SettingId.DefrostMaxTime, MenuAction.None, null),
            new MenuItem("drIP", SettingId.DripTime, MenuAction.None, null),
            new MenuItem("dF.AU", SettingId.AuxDuringDefrost, MenuAction.None, NoYes),
            new MenuItem("AU.dr", SettingId.AuxDroop, MenuAction.None, null),
            new MenuItem("AU.dL", SettingId.AuxDelay, MenuAction.None, null),
            new MenuItem("AU.St", SettingId.AuxStallTime, MenuAction.None, null),
            new MenuItem("AU.bP", SettingId.AuxBalancePoint, MenuAction.None, null),
            new MenuItem("AU.dU", SettingId.AuxMinDuty, MenuAction.None, null),
            new MenuItem("AU.PG", SettingId.AuxPurge, MenuAction.None, null),
            new MenuItem("InSt", SettingId.InstallType, MenuAction.None, new string[] { "dUCt", "dLES", "UInd" }),
            new MenuItem("i.OF", SettingId.IndoorOffset, MenuAction.None, null),
            new MenuItem("o.OF", SettingId.OutdoorOffset, MenuAction.None, null),
            new MenuItem("c.OF", SettingId.CoilOffset, MenuAction.None, null),
            new MenuItem("CoMM", SettingId.Mode, MenuAction.Commission, null),
            new MenuItem("LrnS", SettingId.Mode, MenuAction.LearnSensors, null),
            new MenuItem("FAct", SettingId.Mode, MenuAction.FactoryReset, null),
        };

        /// <summary>Number of menu items.</summary>
        public static int Count
        {
            get { return Items.Length; }
        }

        /// <summary>The item at <paramref name="index"/> (0 .. Count−1).</summary>
        public static MenuItem At(int index)
        {
            return Items[index];
        }

        /// <summary>True for a temperature (°C): shown and stepped in whole °F in °F mode.</summary>
        public static bool IsTemperature(SettingDefinition d)
        {
            return d.Unit == CelsiusUnit;
        }

        /// <summary>True for a temperature difference (K): shown in tenths of a °F in °F mode, stepped as stored.</summary>
        public static bool IsDifference(SettingDefinition d)
        {
            return d.Unit == KelvinUnit;
        }
    }
}
