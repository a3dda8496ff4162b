using HeatPump.Control.Hal;
using HeatPump.Control.Service;
using HeatPump.Control.Settings;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>What the panel is showing, as far as the buttons are concerned.</summary>
    public enum PanelScreen
    {
        /// <summary>Indoor temperature, and in turn any hold reason, fault or warning.</summary>
        Home = 0,
        /// <summary>The mode just chosen (or "OFF" when UP/DOWN were pressed in Off), for <see cref="PanelLogic.ModeShowMs"/>.</summary>
        Mode,
        /// <summary>The setpoint being adjusted (<see cref="PanelLogic.EditingSetpoint"/>), for <see cref="PanelLogic.SetpointShowMs"/> after the last step.</summary>
        Setpoint,
        /// <summary>The settings menu (<see cref="PanelLogic.MenuIndex"/>).</summary>
        Menu,
        /// <summary>A short confirmation (<see cref="PanelLogic.Notice"/>), for <see cref="PanelLogic.NoticeShowMs"/>.</summary>
        Notice,
        /// <summary>Output-test mode owns the keys and the display (<see cref="PanelLogic.OutputTest"/>).</summary>
        OutputTest,
        /// <summary>The read-only service page (<see cref="PanelLogic.ServiceIndex"/>), opened by a long MODE press.</summary>
        Service,
        /// <summary>The installer code being entered (<see cref="PanelLogic.CodeEntry"/>) before the settings menu opens.</summary>
        Code,
    }
}
