using System.Device.Gpio;
using HeatPump.Control.Hal;

namespace HeatPump.Firmware.Hal
{
    /// <summary>
    /// Feeds the external watchdog supervisor (MAX823-type: WDI input, 1.6 s timeout, reset output to
    /// the ESP32's EN pin). nanoFramework offers no watchdog API to managed code on ESP32 (docs/safety.md),
    /// so the board carries one: each complete tick toggles WDI once; a loop that hangs, throws its way
    /// out or stops scheduling stops the toggling and the supervisor resets the board into the
    /// power-up state. While the pin is still an input (boot, flashing) WDI floats, which disables the
    /// supervisor's watchdog, so booting and deploying never trip it.
    /// </summary>
    internal sealed class HeartbeatWatchdog : IWatchdog
    {
        private readonly GpioPin _pin;
        private bool _level;

        /// <summary>Opens the heartbeat pin; from here on the supervisor expects an edge every 1.6 s.</summary>
        public HeartbeatWatchdog(GpioController gpio)
        {
            _pin = gpio.OpenPin(BoardConfig.WatchdogHeartbeatPin, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        /// <summary>One edge on WDI: call only after a complete tick (I9).</summary>
        public void Feed()
        {
            _level = !_level;
            _pin.Write(_level);
        }
    }
}
