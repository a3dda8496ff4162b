namespace HeatPump.Control.Board
{
    /// <summary>
    /// The Dallas/Maxim 1-Wire CRC-8 (polynomial x^8 + x^5 + x^4 + 1, processed least-significant bit
    /// first, initial value 0) that protects every ROM code and DS18B20 scratchpad: the CRC of the data
    /// bytes followed by their CRC byte is 0. Computed bit by bit: nine bytes per sensor read do not
    /// justify a 256-byte table in RAM.
    /// </summary>
    public static class DallasCrc8
    {
        /// <summary>The reflected polynomial.</summary>
        private const int Polynomial = 0x8C;

        /// <summary>CRC of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static byte Compute(byte[] data, int offset, int count)
        {
            int crc = 0;
            for (int i = offset; i < offset + count; i++)
            {
                int b = data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    bool mix = ((crc ^ b) & 0x01) != 0;
                    crc >>= 1;
                    if (mix)
                    {
                        crc ^= Polynomial;
                    }

                    b >>= 1;
                }
            }

            return (byte)crc;
        }

        /// <summary>True when the last of <paramref name="count"/> bytes is the CRC of the ones before it.</summary>
        public static bool Check(byte[] data, int offset, int count)
        {
            return Compute(data, offset, count - 1) == data[offset + count - 1];
        }
    }
}
