using HeatPump.Control.Settings;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>What a menu item does when it is not a plain setting.</summary>
    public enum MenuAction
    {
        /// <summary>A setting: UP/DOWN change its value by its step within its range.</summary>
        None = 0,
        /// <summary>Ask the firmware to find the DS18B20 sensors on the bus again and bind them to their roles.</summary>
        LearnSensors,
        /// <summary>Put every setting back to its factory default.</summary>
        FactoryReset,
        /// <summary>Start the commissioning run (docs/commissioning.md); before YES the item shows the last report's result.</summary>
        Commission,
    }
}
