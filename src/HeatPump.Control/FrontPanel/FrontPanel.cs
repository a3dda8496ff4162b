using HeatPump.Control.Settings;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>
    /// The MODE / UP / DOWN buttons as pure logic: debounced levels in, mode and setpoint changes,
    /// the settings menu and one-tick requests (lockout reset, bench mode) out.
    /// </summary>
    public sealed class PanelLogic
    {
        private readonly ControllerSettings _settings;

        /// <summary>Creates the panel logic editing <paramref name="settings"/>.</summary>
        public PanelLogic(ControllerSettings settings)
        {
            _settings = settings;
        }

        /// <summary>True for the one tick in which the user asked to clear a lockout.</summary>
        public bool ResetRequested { get; private set; }

        /// <summary>True for the one tick in which the user asked to enter or leave bench mode.</summary>
        public bool BenchToggleRequested { get; private set; }

        /// <summary>Takes this tick's raw button levels (<see cref="Hal.Buttons"/> flags).</summary>
        public void Update(int buttonLevels, long nowMs)
        {
            ResetRequested = false;
            BenchToggleRequested = false;
        }
    }
}
