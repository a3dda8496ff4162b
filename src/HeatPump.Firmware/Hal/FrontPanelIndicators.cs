using System.Device.Gpio;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;

namespace HeatPump.Firmware.Hal
{
    /// <summary>
    /// Draws the core's <see cref="DisplayModel"/>: the four characters with dots and colon on the
    /// TM1637, and the Heat, Cool, Defrost and Fault LEDs (Blink = 1 Hz, in phase across LEDs). Only
    /// what changed since the last tick is written, so a steady display costs four comparisons.
    /// </summary>
    internal sealed class FrontPanelIndicators : IIndicators
    {
        private const long BlinkHalfPeriodMs = 500;

        private readonly IMonotonicClock _clock;
        private readonly Tm1637 _display;
        private readonly GpioPin[] _leds = new GpioPin[4];
        private readonly bool[] _ledOn = new bool[4];
        private readonly byte[] _segments = new byte[4];
        private readonly byte[] _shown = new byte[4];
        private bool _anyShown;

        /// <summary>Opens the display and LED pins and blanks everything.</summary>
        public FrontPanelIndicators(GpioController gpio, IMonotonicClock clock)
        {
            _clock = clock;
            _display = new Tm1637(gpio, BoardConfig.DisplayClkPin, BoardConfig.DisplayDioPin);
            _leds[0] = OpenLed(gpio, BoardConfig.HeatLedPin);
            _leds[1] = OpenLed(gpio, BoardConfig.CoolLedPin);
            _leds[2] = OpenLed(gpio, BoardConfig.DefrostLedPin);
            _leds[3] = OpenLed(gpio, BoardConfig.FaultLedPin);
        }

        /// <summary>Display frames the TM1637 did not acknowledge (0 on a healthy board).</summary>
        public int DisplayErrors
        {
            get { return _display.MissedAcks; }
        }

        /// <summary>Shows <paramref name="display"/>; writes only what changed.</summary>
        public void Show(DisplayModel display)
        {
            for (int i = 0; i < 4; i++)
            {
                byte s = SegmentFont.Encode(display.Digits[i]);
                // On the clock-style modules the colon is wired as the point of the second digit.
                if (display.Dots[i] || (i == 1 && display.Colon))
                {
                    s |= SegmentFont.Point;
                }

                _segments[i] = s;
            }

            bool changed = !_anyShown;
            for (int i = 0; i < 4 && !changed; i++)
            {
                changed = _segments[i] != _shown[i];
            }

            if (changed)
            {
                _display.Show(_segments, BoardConfig.DisplayBrightness);
                for (int i = 0; i < 4; i++)
                {
                    _shown[i] = _segments[i];
                }

                _anyShown = true;
            }

            bool blinkOn = (_clock.NowMs / BlinkHalfPeriodMs) % 2 == 0;
            SetLed(0, display.Heat, blinkOn);
            SetLed(1, display.Cool, blinkOn);
            SetLed(2, display.Defrost, blinkOn);
            SetLed(3, display.Fault, blinkOn);
        }

        private void SetLed(int index, LedState state, bool blinkOn)
        {
            bool on = state == LedState.On || (state == LedState.Blink && blinkOn);
            if (on != _ledOn[index])
            {
                _leds[index].Write(on);
                _ledOn[index] = on;
            }
        }

        private static GpioPin OpenLed(GpioController gpio, int pin)
        {
            GpioPin p = gpio.OpenPin(pin, PinMode.Output);
            p.Write(PinValue.Low);
            return p;
        }
    }
}
