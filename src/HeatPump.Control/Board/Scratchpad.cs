using HeatPump.Control.Sensors;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// Turns the nine scratchpad bytes of a DS18B20 into a sample: temperature LSB and MSB, TH, TL,
    /// configuration, three reserved bytes, CRC. Besides the CRC it rejects the two patterns a CRC
    /// cannot: all ones (nobody answered, the pull-up held the line high) and all zeros (line
    /// shorted low, whose CRC is also zero and would read as 0 °C).
    /// </summary>
    public static class Scratchpad
    {
        /// <summary>Bytes in a scratchpad.</summary>
        public const int Length = 9;

        /// <summary>
        /// Decodes the scratchpad at <paramref name="pad"/>[0..8]: the status of the read, and in
        /// <paramref name="sixteenths"/> the temperature register when the status is Ok. The 85 °C
        /// power-on value passes here and is judged by the core's validator.
        /// </summary>
        public static SampleStatus Decode(byte[] pad, out short sixteenths)
        {
            sixteenths = 0;
            bool allOnes = true;
            bool allZeros = true;
            for (int i = 0; i < Length; i++)
            {
                allOnes &= pad[i] == 0xFF;
                allZeros &= pad[i] == 0x00;
            }

            if (allOnes || allZeros)
            {
                return SampleStatus.NoResponse;
            }

            if (!DallasCrc8.Check(pad, 0, Length))
            {
                return SampleStatus.CrcError;
            }

            // Configuration register: bits 0-4 read as 1 and bit 7 as 0 on every DS18B20; byte 5 is
            // reserved as 0xFF. A frame that passes the CRC but breaks these is not from a DS18B20.
            if ((pad[4] & 0x9F) != 0x1F || pad[5] != 0xFF)
            {
                return SampleStatus.CrcError;
            }

            sixteenths = (short)(pad[0] | (pad[1] << 8));
            return SampleStatus.Ok;
        }
    }
}
