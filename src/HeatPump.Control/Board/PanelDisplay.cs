using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// The front panel's indicators: the four status LEDs, switched in the tick they change, and the
    /// TM1637 digits, written only when they change and then in slices: one digit per
    /// <see cref="WriteSlice"/> (69 pin calls, about 23 ms at nanoCLR's 0.3 ms per call), so a whole
    /// frame (about 200 pin calls, 60 ms) never lands in one tick. The board loop gives a tick either
    /// a display slice or a 1-Wire slice, never both (docs/safety.md, tick budget).
    /// </summary>
    public sealed class PanelDisplay : IIndicators
    {
        /// <summary>Blink half-period of the LEDs (1 Hz, in phase across LEDs).</summary>
        public const long BlinkHalfPeriodMs = 500;

        private readonly Tm1637Writer _writer;
        private readonly IStatusLeds _leds;
        private readonly IMonotonicClock _clock;
        private readonly int _brightness;
        private readonly byte[] _wanted = new byte[4];
        private readonly byte[] _shown = new byte[4];
        private readonly bool[] _written = new bool[4];
        private readonly bool[] _ledOn = new bool[4];
        private readonly bool[] _ledKnown = new bool[4];
        private bool _modeSet;

        /// <summary>Creates the panel on the TM1637 <paramref name="pins"/> and the <paramref name="leds"/>.</summary>
        public PanelDisplay(IDisplayPins pins, IStatusLeds leds, IMonotonicClock clock, int brightness)
        {
            _writer = new Tm1637Writer(pins);
            _leds = leds;
            _clock = clock;
            _brightness = brightness & 0x07;
        }

        /// <summary>Bytes the TM1637 did not acknowledge since power-up (0 on a healthy board).</summary>
        public int DisplayErrors
        {
            get { return _writer.MissedAcks; }
        }

        /// <summary>True while the digits on the module differ from the last <see cref="Show"/>: a slice is due.</summary>
        public bool Pending
        {
            get { return NextDigit() >= 0 || !_modeSet; }
        }

        /// <summary>Takes <paramref name="display"/> as what the panel should show; switches the LEDs now, the digits through <see cref="WriteSlice"/>.</summary>
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

                _wanted[i] = s;
            }

            bool blinkOn = (_clock.NowMs / BlinkHalfPeriodMs) % 2 == 0;
            SetLed(0, display.Heat, blinkOn);
            SetLed(1, display.Cool, blinkOn);
            SetLed(2, display.Defrost, blinkOn);
            SetLed(3, display.Fault, blinkOn);
        }

        /// <summary>Writes one slice: the mode and brightness once after power-up, then one changed digit. Returns false when nothing was due.</summary>
        public bool WriteSlice()
        {
            if (!_modeSet)
            {
                _writer.Command(Tm1637Writer.DataFixedAddress);
                _writer.Command((byte)(Tm1637Writer.DisplayOnBase | _brightness));
                _modeSet = true;
                return true;
            }

            int digit = NextDigit();
            if (digit < 0)
            {
                return false;
            }

            _writer.Digit(digit, _wanted[digit]);
            _shown[digit] = _wanted[digit];
            _written[digit] = true;
            return true;
        }

        /// <summary>Writes every pending slice now: only before control starts (boot messages), where time does not matter.</summary>
        public void Flush()
        {
            while (WriteSlice())
            {
            }
        }

        private int NextDigit()
        {
            for (int i = 0; i < 4; i++)
            {
                if (!_written[i] || _shown[i] != _wanted[i])
                {
                    return i;
                }
            }

            return -1;
        }

        private void SetLed(int index, LedState state, bool blinkOn)
        {
            bool on = state == LedState.On || (state == LedState.Blink && blinkOn);
            if (!_ledKnown[index] || on != _ledOn[index])
            {
                _leds.Set(index, on);
                _ledOn[index] = on;
                _ledKnown[index] = true;
            }
        }
    }
}
