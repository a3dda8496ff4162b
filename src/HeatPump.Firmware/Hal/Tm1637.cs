using System.Device.Gpio;

namespace HeatPump.Firmware.Hal
{
    /// <summary>
    /// Drives a TM1637 4-digit LED module over its two-wire interface (CLK, DIO) with plain GPIO:
    /// start, bytes least-significant bit first each followed by an acknowledge clock, stop. One frame
    /// sets the data mode (auto-increment), writes the four digits from address 0 and sets brightness.
    /// Each GPIO call through nanoCLR takes tens of microseconds, well over the chip's 2 µs minimum
    /// clock half-period, so no delays are needed; a frame costs a few milliseconds and is only sent
    /// when the content changes. Allocates nothing.
    /// </summary>
    internal sealed class Tm1637
    {
        private const byte DataAutoIncrement = 0x40;
        private const byte AddressDigit0 = 0xC0;
        private const byte DisplayOnBase = 0x88;

        private readonly GpioPin _clk;
        private readonly GpioPin _dio;

        /// <summary>Opens the two pins (the module pulls both up to its 3.3 V supply) and leaves the bus idle-high.</summary>
        public Tm1637(GpioController gpio, int clkPin, int dioPin)
        {
            _clk = gpio.OpenPin(clkPin, PinMode.Output);
            _dio = gpio.OpenPin(dioPin, PinMode.Output);
            _clk.Write(PinValue.High);
            _dio.Write(PinValue.High);
        }

        /// <summary>Frames in which the chip did not acknowledge a byte (module missing or miswired).</summary>
        public int MissedAcks { get; private set; }

        /// <summary>Shows four segment patterns (bit 7 = point) at <paramref name="brightness"/> 0..7.</summary>
        public void Show(byte[] segments, int brightness)
        {
            bool ok = true;
            Start();
            ok &= WriteByte(DataAutoIncrement);
            Stop();

            Start();
            ok &= WriteByte(AddressDigit0);
            for (int i = 0; i < 4; i++)
            {
                ok &= WriteByte(segments[i]);
            }

            Stop();

            Start();
            ok &= WriteByte((byte)(DisplayOnBase | (brightness & 0x07)));
            Stop();

            if (!ok)
            {
                MissedAcks++;
            }
        }

        private void Start()
        {
            _clk.Write(PinValue.High);
            _dio.Write(PinValue.High);
            _dio.Write(PinValue.Low);
        }

        private void Stop()
        {
            _clk.Write(PinValue.Low);
            _dio.Write(PinValue.Low);
            _clk.Write(PinValue.High);
            _dio.Write(PinValue.High);
        }

        private bool WriteByte(byte value)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                _clk.Write(PinValue.Low);
                _dio.Write((value & (1 << bit)) != 0);
                _clk.Write(PinValue.High);
            }

            // Ninth clock: release DIO so the chip can pull it low as its acknowledge.
            _clk.Write(PinValue.Low);
            _dio.SetPinMode(PinMode.Input);
            _clk.Write(PinValue.High);
            bool ack = _dio.Read() == PinValue.Low;
            _clk.Write(PinValue.Low);
            _dio.SetPinMode(PinMode.Output);
            _dio.Write(PinValue.Low);
            return ack;
        }
    }
}
