using System;
using System.Device.Gpio;
using HeatPump.Control.Hal;

namespace HeatPump.Firmware.Hal
{
    /// <summary>
    /// MODE, UP and DOWN (pressed = low) and the optional pressure switches. The loop samples the
    /// levels every tick; a pin-change event also latches any press that began since the last sample,
    /// so a tap shorter than the 100 ms tick is reported for one tick instead of being missed. The
    /// core's panel logic does the debouncing, auto-repeat and long presses on these levels.
    /// </summary>
    internal sealed class PanelButtons : IPanelInputs
    {
        /// <summary>Edges closer together than this are contact bounce; nanoCLR filters them before raising the event.</summary>
        private const int EdgeDebounceMs = 20;

        private readonly GpioPin _mode;
        private readonly GpioPin _up;
        private readonly GpioPin _down;
        private readonly GpioPin _highPressure;
        private readonly GpioPin _lowPressure;
        private readonly GpioPin _drain;
        private readonly object _sync = new object();
        private int _latched;

        /// <summary>Opens the button and switch inputs.</summary>
        public PanelButtons(GpioController gpio)
        {
            // GPIO 34..39 are input-only and have no internal pulls: the board fits 10 kΩ pull-ups.
            _mode = OpenButton(gpio, BoardConfig.ModeButtonPin);
            _up = OpenButton(gpio, BoardConfig.UpButtonPin);
            _down = OpenButton(gpio, BoardConfig.DownButtonPin);
            _highPressure = gpio.OpenPin(BoardConfig.HighPressureSwitchPin, PinMode.Input);
            _lowPressure = gpio.OpenPin(BoardConfig.LowPressureSwitchPin, PinMode.InputPullUp);
            _drain = gpio.OpenPin(BoardConfig.DrainSwitchPin, PinMode.InputPullUp);
        }

        /// <summary>The buttons pressed now, or pressed and released since the last call, as <see cref="Buttons"/> flags.</summary>
        public int ReadButtons()
        {
            int levels = 0;
            if (_mode.Read() == PinValue.Low)
            {
                levels |= Buttons.Mode;
            }

            if (_up.Read() == PinValue.Low)
            {
                levels |= Buttons.Up;
            }

            if (_down.Read() == PinValue.Low)
            {
                levels |= Buttons.Down;
            }

            int latched;
            lock (_sync)
            {
                latched = _latched;
                _latched = 0;
            }

            return levels | latched;
        }

        /// <summary>True while the high-pressure switch is open (input pulled high). Always false when no switches are fitted.</summary>
        public bool HighPressureTripped
        {
            get { return BoardConfig.PressureSwitchesFitted && _highPressure.Read() == PinValue.High; }
        }

        /// <summary>True while the low-pressure switch is open (input pulled high). Always false when no switches are fitted.</summary>
        public bool LowPressureTripped
        {
            get { return BoardConfig.PressureSwitchesFitted && _lowPressure.Read() == PinValue.High; }
        }

        /// <summary>
        /// True while the condensate overflow switch is open (input pulled high). A unit without a float switch
        /// has a jumper to ground on the terminal, as air handlers ship theirs (docs/commissioning.md).
        /// </summary>
        public bool DrainOpen
        {
            get { return _drain.Read() == PinValue.High; }
        }

        private GpioPin OpenButton(GpioController gpio, int pin)
        {
            GpioPin p = gpio.OpenPin(pin, PinMode.Input);
            p.DebounceTimeout = TimeSpan.FromMilliseconds(EdgeDebounceMs);
            p.ValueChanged += OnButtonEdge;
            return p;
        }

        private void OnButtonEdge(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType != PinEventTypes.Falling)
            {
                return;
            }

            int flag = FlagFor(e.PinNumber);
            lock (_sync)
            {
                _latched |= flag;
            }
        }

        private static int FlagFor(int pin)
        {
            if (pin == BoardConfig.ModeButtonPin)
            {
                return Buttons.Mode;
            }

            if (pin == BoardConfig.UpButtonPin)
            {
                return Buttons.Up;
            }

            return pin == BoardConfig.DownButtonPin ? Buttons.Down : Buttons.None;
        }
    }
}
