using HeatPump.Control.Settings;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>One entry of the settings menu: a code of at most four display characters and what it edits.</summary>
    public sealed class MenuItem
    {
        /// <summary>Creates a menu item.</summary>
        public MenuItem(string code, SettingId setting, MenuAction action, string[] valueNames)
        {
            Code = code;
            Setting = setting;
            Action = action;
            ValueNames = valueNames;
        }

        /// <summary>What the display shows on arriving at the item, e.g. "H.db" ('.' lights the dot of the character before it).</summary>
        public string Code { get; }

        /// <summary>The setting edited (meaningless for an action item).</summary>
        public SettingId Setting { get; }

        /// <summary>None for a setting, otherwise the action confirmed with YES.</summary>
        public MenuAction Action { get; }

        /// <summary>Display names of the values 0, 1, … for a choice setting (units, polarity, strategy); null for a number.</summary>
        public string[] ValueNames { get; }
    }
}
