using HeatPump.Control.Hal;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// Everything the board loop talks to, as the HAL interfaces the core declares. The firmware
    /// fills it with the ESP32 implementations, the desktop tests and the virtual bench with
    /// simulated ones. A board feature that adds an input or an output adds a field here.
    /// </summary>
    public sealed class BoardHal
    {
        /// <summary>Monotonic milliseconds.</summary>
        public IMonotonicClock Clock;

        /// <summary>The serial log.</summary>
        public ILog Log;

        /// <summary>Relays and fan PWM.</summary>
        public IOutputs Outputs;

        /// <summary>Buttons and pressure switches.</summary>
        public IPanelInputs Panel;

        /// <summary>TM1637 digits and status LEDs.</summary>
        public PanelDisplay Display;

        /// <summary>The watchdog fed at the end of each complete tick.</summary>
        public IWatchdog Watchdog;

        /// <summary>The DS18B20 bus.</summary>
        public IOneWireBus OneWire;

        /// <summary>The two settings slots in flash.</summary>
        public ISettingsStore SettingsStore;

        /// <summary>Two slots for the service log (run hours, starts, defrosts, the last faults); null keeps it in RAM only.</summary>
        public ISettingsStore ServiceStore;

        /// <summary>Two slots for the last commissioning report (docs/commissioning.md); null keeps it in RAM only.</summary>
        public ISettingsStore CommissioningStore;

        /// <summary>The sensor bindings file in flash.</summary>
        public IBindingStore BindingStore;

        /// <summary>Memory figures for the status line (may be null: the figures then read 0).</summary>
        public IRuntimeStats Runtime;

        /// <summary>
        /// True on a board built with the pressure switches only in series with the contactor coil (an
        /// explicit choice, hardware/pinout.md): the loop flags it on the panel and in the START line.
        /// </summary>
        public bool PressureSwitchesInSeries;
    }
}
