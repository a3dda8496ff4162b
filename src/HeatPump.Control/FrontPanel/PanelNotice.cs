using HeatPump.Control.Hal;
using HeatPump.Control.Service;
using HeatPump.Control.Settings;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>Which confirmation the <see cref="PanelScreen.Notice"/> screen shows.</summary>
    public enum PanelNotice
    {
        /// <summary>None.</summary>
        None = 0,
        /// <summary>MODE held 10 s: lockout reset requested.</summary>
        LockoutReset,
        /// <summary>MODE + UP held 5 s: forced defrost requested.</summary>
        DefrostRequested,
        /// <summary>Menu "LrnS" confirmed: sensor search requested.</summary>
        LearnSensors,
        /// <summary>Menu "FAct" confirmed: every setting back to its default.</summary>
        FactoryReset,
        /// <summary>A forced defrost that cannot run: the unit is not heating, or no heating run came within <see cref="PanelLogic.DefrostWaitMs"/>.</summary>
        DefrostRefused,
        /// <summary>The installer code entered was wrong: the menu stays locked.</summary>
        WrongCode,
        /// <summary>Menu "CoMM" confirmed: the commissioning run starts.</summary>
        Commissioning,
    }
}
