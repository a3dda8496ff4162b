using HeatPump.Control.Hal;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// The TM1637's two-wire protocol on two pins: start (DIO falls while CLK is high), bytes least
    /// significant bit first with DIO changing only while CLK is low, an acknowledge clock after each
    /// byte, stop (DIO rises while CLK is high). The chip pulls DIO low for its acknowledge from the
    /// falling edge of the 8th clock. DIO is open-drain (<see cref="IDisplayPins"/>): a 1 bit is
    /// the line let go, so at that edge nothing drives DIO high against the chip; DIO becomes an
    /// input only after the edge (switching while CLK is high would look like a stop after a 0 bit)
    /// and the acknowledge is read on the 9th clock. Each pin call through nanoCLR costs about
    /// 0.3 ms, far above the chip's minimum clock half-period, so no delays are needed. The board
    /// uses fixed-address mode, one digit per transaction (31 pin calls per byte, 69 per digit).
    /// </summary>
    public sealed class Tm1637Writer
    {
        /// <summary>Data command: write, fixed address (each digit names its own address).</summary>
        public const byte DataFixedAddress = 0x44;

        /// <summary>Address command for digit 0; digit i is this plus i.</summary>
        public const byte AddressDigit0 = 0xC0;

        /// <summary>Display control: on, plus brightness 0..7.</summary>
        public const byte DisplayOnBase = 0x88;

        private readonly IDisplayPins _pins;

        /// <summary>Creates the writer and leaves the bus idle (both lines high).</summary>
        public Tm1637Writer(IDisplayPins pins)
        {
            _pins = pins;
            _pins.Clock(true);
            _pins.DriveData(true);
        }

        /// <summary>Bytes the chip did not acknowledge (module missing or miswired), since power-up.</summary>
        public int MissedAcks { get; private set; }

        /// <summary>One command byte on its own: start, byte, stop.</summary>
        public void Command(byte command)
        {
            Start();
            WriteByte(command);
            Stop();
        }

        /// <summary>Digit <paramref name="index"/> (0..3) shows <paramref name="segments"/> (bit 7 = point); needs fixed-address mode set.</summary>
        public void Digit(int index, byte segments)
        {
            Start();
            WriteByte((byte)(AddressDigit0 + index));
            WriteByte(segments);
            Stop();
        }

        private void Start()
        {
            _pins.Clock(true);
            _pins.DriveData(true);
            _pins.DriveData(false);
        }

        private void Stop()
        {
            _pins.Clock(false);
            _pins.DriveData(false);
            _pins.Clock(true);
            _pins.DriveData(true);
        }

        private void WriteByte(byte value)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                _pins.Clock(false);
                _pins.DriveData((value & (1 << bit)) != 0);
                _pins.Clock(true);
            }

            // 8th falling edge: the chip starts pulling DIO low. A 1 in bit 7 is the line let go
            // (open drain), so nothing fights it; then DIO becomes an input to read the acknowledge.
            _pins.Clock(false);
            _pins.ReleaseData();
            _pins.Clock(true);
            bool ack = !_pins.ReadData();
            _pins.Clock(false);
            // The chip lets go at the 9th falling edge; take DIO back low, as the next bit or stop expects.
            _pins.DriveData(false);
            if (!ack)
            {
                MissedAcks++;
            }
        }
    }
}
