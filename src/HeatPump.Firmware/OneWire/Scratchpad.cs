using HeatPump.Control.Sensors;

namespace HeatPump.Firmware.OneWire
{
    /// <summary>
    /// Turns the nine scratchpad bytes of a DS18B20 into a sample: temperature LSB and MSB, TH, TL,
    /// configuration, three reserved bytes, CRC. Besides the CRC it rejects the two patterns a CRC
    /// cannot: all ones (nobody answered, the pull-up held the line high) and all zeros (line
    /// shorted low, whose CRC is also zero and would read as 0 °C).
    /// </summary>
    internal static class Scratchpad
    {
        /// <summary>Bytes in a scratchpad.</summary>
        public const int Length = 9;

        /// <summary>Decodes a scratchpad; the 85 °C power-on value passes here and is judged by the core's validator.</summary>
        public static SensorSample Decode(byte[] pad)
        {
            bool allOnes = true;
            bool allZeros = true;
            for (int i = 0; i < Length; i++)
            {
                allOnes &= pad[i] == 0xFF;
                allZeros &= pad[i] == 0x00;
            }

            if (allOnes || allZeros)
            {
                return SensorSample.Failed(SampleStatus.NoResponse);
            }

            if (!DallasCrc8.Check(pad, 0, Length))
            {
                return SensorSample.Failed(SampleStatus.CrcError);
            }

            // Configuration register: bits 0-4 read as 1 and bit 7 as 0 on every DS18B20; byte 5 is
            // reserved as 0xFF. A frame that passes the CRC but breaks these is not from a DS18B20.
            if ((pad[4] & 0x9F) != 0x1F || pad[5] != 0xFF)
            {
                return SensorSample.Failed(SampleStatus.CrcError);
            }

            return SensorSample.Good((short)(pad[0] | (pad[1] << 8)));
        }
    }
}
