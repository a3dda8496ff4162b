using HeatPump.Control.Hal;
using nanoFramework.Hardware.Esp32;

namespace HeatPump.Firmware.Hal
{
    /// <summary>
    /// Monotonic milliseconds from the ESP32's 64-bit microsecond timer (esp_timer, counting since boot).
    /// Unlike DateTime it never jumps when the clock is set, and at 64 bits it does not wrap in the
    /// life of a unit (the 32-bit millisecond counter of many thermostats wraps after 49.7 days).
    /// </summary>
    internal sealed class EspClock : IMonotonicClock
    {
        /// <summary>Milliseconds since boot.</summary>
        public long NowMs
        {
            get { return (long)(HighResTimer.GetCurrent() / 1000UL); }
        }
    }
}
