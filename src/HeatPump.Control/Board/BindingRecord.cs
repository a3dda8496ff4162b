namespace HeatPump.Control.Board
{
    /// <summary>
    /// The sensor bindings as stored in flash: "HPS1", the three 8-byte ROM codes (indoor, outdoor,
    /// coil; zeros = unbound) and a Dallas CRC-8 over the 28 bytes before it, 29 bytes in all. A torn
    /// or foreign image fails the length, magic or CRC check and reads as "no bindings".
    /// </summary>
    public static class BindingRecord
    {
        /// <summary>Bytes in an image.</summary>
        public const int Size = 4 + (SensorBindings.RoleCount * RomCode.Length) + 1;

        private static readonly byte[] Magic = new byte[] { (byte)'H', (byte)'P', (byte)'S', (byte)'1' };

        /// <summary>Fills <paramref name="buffer"/> (at least <see cref="Size"/> bytes) with the image of <paramref name="from"/>.</summary>
        public static void Encode(SensorBindings from, byte[] buffer)
        {
            for (int i = 0; i < Magic.Length; i++)
            {
                buffer[i] = Magic[i];
            }

            byte[] roms = from.Roms;
            for (int i = 0; i < roms.Length; i++)
            {
                buffer[Magic.Length + i] = roms[i];
            }

            buffer[Size - 1] = DallasCrc8.Compute(buffer, 0, Size - 1);
        }

        /// <summary>Reads an image of <paramref name="length"/> bytes into <paramref name="into"/>; false (bindings cleared) when it is not a valid image.</summary>
        public static bool Decode(byte[] buffer, int length, SensorBindings into)
        {
            byte[] roms = into.Roms;
            for (int i = 0; i < roms.Length; i++)
            {
                roms[i] = 0;
            }

            if (length != Size || !DallasCrc8.Check(buffer, 0, Size))
            {
                return false;
            }

            for (int i = 0; i < Magic.Length; i++)
            {
                if (buffer[i] != Magic[i])
                {
                    return false;
                }
            }

            for (int i = 0; i < roms.Length; i++)
            {
                roms[i] = buffer[Magic.Length + i];
            }

            return true;
        }
    }
}
