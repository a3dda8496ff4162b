using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Logging;
using HeatPump.Control.Sensors;

namespace HeatPump.Control.Board
{
    /// <summary>What the learn dialog waits for the board loop to do on the bus or in flash.</summary>
    public enum LearnAction
    {
        /// <summary>Nothing: the dialog is waiting for keys or time.</summary>
        None = 0,
        /// <summary>Search the bus, then call <see cref="LearnDialog.SearchDone"/>.</summary>
        Search,
        /// <summary>Store <see cref="LearnDialog.Work"/> as the live bindings, then call <see cref="LearnDialog.Saved"/>.</summary>
        Save,
        /// <summary>Set every bound sensor to 12-bit resolution, then call <see cref="LearnDialog.Configured"/>.</summary>
        Configure,
    }
}
