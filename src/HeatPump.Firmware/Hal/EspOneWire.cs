using HeatPump.Control.Hal;
using nanoFramework.Device.OneWire;
using nanoFramework.Hardware.Esp32;

namespace HeatPump.Firmware.Hal
{
    /// <summary>
    /// The DS18B20 bus on ESP32: nanoFramework's OneWireHost over COM3 with RX and TX joined on the
    /// bus wire (4.7 kΩ pull-up). nanoCLR drives COM3's TX open-drain and makes one blocking UART
    /// round trip per byte; the board loop runs the transactions in slices (docs/safety.md).
    /// Exceptions from the driver pass through: the core's transaction catches them.
    /// </summary>
    internal sealed class EspOneWire : IOneWireBus
    {
        private readonly OneWireHost _host;

        /// <summary>Routes COM3 to the bus pins and opens the (single) 1-Wire host.</summary>
        public EspOneWire()
        {
            Configuration.SetPinFunction(BoardConfig.OneWireRxPin, DeviceFunction.COM3_RX);
            Configuration.SetPinFunction(BoardConfig.OneWireTxPin, DeviceFunction.COM3_TX);
            _host = new OneWireHost();
        }

        /// <summary>Reset pulse; true on a presence pulse.</summary>
        public bool Reset()
        {
            return _host.TouchReset();
        }

        /// <summary>Writes one byte.</summary>
        public void WriteByte(byte value)
        {
            _host.WriteByte(value);
        }

        /// <summary>Reads one byte.</summary>
        public byte ReadByte()
        {
            return _host.ReadByte();
        }

        /// <summary>First step of the native ROM search, with a reset, all devices (not only alarming ones).</summary>
        public bool SearchFirst()
        {
            return _host.FindFirstDevice(true, false);
        }

        /// <summary>Next step of the native ROM search.</summary>
        public bool SearchNext()
        {
            return _host.FindNextDevice(true, false);
        }

        /// <summary>Copies the ROM the last search step found.</summary>
        public void CopyFoundRom(byte[] into, int at)
        {
            byte[] rom = _host.SerialNumber;
            for (int i = 0; i < 8; i++)
            {
                into[at + i] = rom[i];
            }
        }
    }
}
