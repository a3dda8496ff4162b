namespace HeatPump.Control.Board
{
    /// <summary>
    /// 64-bit 1-Wire ROM codes held as 8 bytes in bus order: family code, 48-bit serial number, CRC.
    /// All-zero bytes mean "no sensor" in the binding tables.
    /// </summary>
    public static class RomCode
    {
        /// <summary>Bytes in a ROM code.</summary>
        public const int Length = 8;

        /// <summary>Family code of the DS18B20.</summary>
        public const byte Ds18b20Family = 0x28;

        private const string HexDigits = "0123456789ABCDEF";

        /// <summary>True when the 8 bytes at <paramref name="aAt"/> equal those at <paramref name="bAt"/>.</summary>
        public static bool Same(byte[] a, int aAt, byte[] b, int bAt)
        {
            for (int i = 0; i < Length; i++)
            {
                if (a[aAt + i] != b[bAt + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the ROM at <paramref name="at"/> is all zero (no sensor bound).</summary>
        public static bool IsEmpty(byte[] rom, int at)
        {
            for (int i = 0; i < Length; i++)
            {
                if (rom[at + i] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True for a well-formed DS18B20 ROM: its family code and a matching CRC.</summary>
        public static bool IsDs18b20(byte[] rom, int at)
        {
            return rom[at] == Ds18b20Family && DallasCrc8.Check(rom, at, Length);
        }

        /// <summary>Copies 8 bytes.</summary>
        public static void Copy(byte[] from, int fromAt, byte[] to, int toAt)
        {
            for (int i = 0; i < Length; i++)
            {
                to[toAt + i] = from[fromAt + i];
            }
        }

        /// <summary>Clears 8 bytes to zero.</summary>
        public static void Clear(byte[] rom, int at)
        {
            for (int i = 0; i < Length; i++)
            {
                rom[at + i] = 0;
            }
        }

        /// <summary>The ROM as 16 hex digits in bus order, e.g. 28FF4A1B05160302 (allocates: for the log).</summary>
        public static string ToHex(byte[] rom, int at)
        {
            char[] text = new char[2 * Length];
            for (int i = 0; i < Length; i++)
            {
                text[2 * i] = HexDigits[rom[at + i] >> 4];
                text[(2 * i) + 1] = HexDigits[rom[at + i] & 0x0F];
            }

            return new string(text);
        }
    }
}
