using System.Device.Gpio;
using HeatPump.Control.Hal;

namespace HeatPump.Firmware.Hal
{
    /// <summary>The Heat, Cool, Defrost and Fault LEDs (to ground through their resistors: high = lit).</summary>
    internal sealed class StatusLeds : IStatusLeds
    {
        private readonly GpioPin[] _leds = new GpioPin[4];

        /// <summary>Opens the four LED pins; opening drives them low (dark).</summary>
        public StatusLeds(GpioController gpio)
        {
            _leds[0] = gpio.OpenPin(BoardConfig.HeatLedPin, PinMode.Output);
            _leds[1] = gpio.OpenPin(BoardConfig.CoolLedPin, PinMode.Output);
            _leds[2] = gpio.OpenPin(BoardConfig.DefrostLedPin, PinMode.Output);
            _leds[3] = gpio.OpenPin(BoardConfig.FaultLedPin, PinMode.Output);
        }

        /// <summary>Switches LED <paramref name="index"/>.</summary>
        public void Set(int index, bool on)
        {
            _leds[index].Write(on);
        }
    }
}
