using System.Device.Gpio;
using HeatPump.Control.Hal;

namespace HeatPump.Firmware.Hal
{
    /// <summary>
    /// The TM1637's CLK and DIO as GPIO (the module pulls both up to 3.3 V): CLK is a push-pull
    /// output; DIO is an output while the board sends and an input (released) for the chip's
    /// acknowledge. The protocol itself is the core's Tm1637Writer.
    /// </summary>
    internal sealed class DisplayPins : IDisplayPins
    {
        private readonly GpioPin _clk;
        private readonly GpioPin _dio;
        private bool _dioIsOutput;

        /// <summary>Opens CLK and DIO as outputs.</summary>
        public DisplayPins(GpioController gpio, int clkPin, int dioPin)
        {
            _clk = gpio.OpenPin(clkPin, PinMode.Output);
            _dio = gpio.OpenPin(dioPin, PinMode.Output);
            _dioIsOutput = true;
        }

        /// <summary>Drives CLK.</summary>
        public void Clock(bool high)
        {
            _clk.Write(high);
        }

        /// <summary>Drives DIO, switching it back to an output after an acknowledge.</summary>
        public void DriveData(bool high)
        {
            if (!_dioIsOutput)
            {
                _dio.SetPinMode(PinMode.Output);
                _dioIsOutput = true;
            }

            _dio.Write(high);
        }

        /// <summary>Releases DIO (input) so the chip can pull it low.</summary>
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
