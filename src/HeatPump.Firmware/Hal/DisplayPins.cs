using System.Device.Gpio;
using HeatPump.Control.Hal;

namespace HeatPump.Firmware.Hal
{
    /// <summary>
    /// The TM1637's CLK and DIO as GPIO (the module pulls both up to 3.3 V): CLK is a push-pull
    /// output; DIO is open-drain while the board sends (ESP32 GPIO_MODE_OUTPUT_OD in nanoCLR's
    /// cpu_gpio.cpp: writing high lets the line go) and an input for the chip's acknowledge, since
    /// an open-drain output pin on ESP32 has its input path off. The protocol is the core's
    /// Tm1637Writer.
    /// </summary>
    internal sealed class DisplayPins : IDisplayPins
    {
        private readonly GpioPin _clk;
        private readonly GpioPin _dio;
        private bool _dioIsOutput;

        /// <summary>Opens CLK (push-pull) and DIO (open-drain).</summary>
        public DisplayPins(GpioController gpio, int clkPin, int dioPin)
        {
            _clk = gpio.OpenPin(clkPin, PinMode.Output);
            _dio = gpio.OpenPin(dioPin, PinMode.OutputOpenDrain);
            _dioIsOutput = true;
        }

        /// <summary>Drives CLK.</summary>
        public void Clock(bool high)
        {
            _clk.Write(high);
        }

        /// <summary>Pulls DIO low or lets it go, switching it back to open-drain output after an acknowledge.</summary>
        public void DriveData(bool high)
        {
            if (!_dioIsOutput)
            {
                _dio.SetPinMode(PinMode.OutputOpenDrain);
                _dioIsOutput = true;
            }

            _dio.Write(high);
        }

        /// <summary>Makes DIO an input to read the acknowledge.</summary>
        public void ReleaseData()
        {
            _dio.SetPinMode(PinMode.Input);
            _dioIsOutput = false;
        }

        /// <summary>Reads DIO.</summary>
        public bool ReadData()
        {
            return _dio.Read() == PinValue.High;
        }
    }
}
