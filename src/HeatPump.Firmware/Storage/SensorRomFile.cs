using HeatPump.Firmware.OneWire;

namespace HeatPump.Firmware.Storage
{
    /// <summary>
    /// The sensor bindings in a small file next to the settings slots: "HPS1", the three 8-byte ROM
    /// codes (indoor, outdoor, coil; zeros = unbound) and a Dallas CRC-8 over the 28 bytes before it,
    /// 29 bytes in all. Written to a temporary file first and renamed over the old one, so a power cut
    /// mid-write leaves either the old bindings or the new ones.
    /// </summary>
    internal static class SensorRomFile
    {
        /// <summary>Bytes in the file.</summary>
        public const int Size = 4 + (SensorBindings.RoleCount * RomCode.Length) + 1;

        private const string FilePath = FlashFile.Drive + "sensors.bin";
        private const string TempPath = FlashFile.Drive + "sensors.tmp";
        private static readonly byte[] Magic = new byte[] { (byte)'H', (byte)'P', (byte)'S', (byte)'1' };

        /// <summary>Loads the bindings into <paramref name="into"/>; false (and all unbound) when there is no valid file.</summary>
        public static bool Load(SensorBindings into)
        {
            byte[] buffer = new byte[Size];
            if (Decode(buffer, FlashFile.Read(FilePath, buffer), into))
            {
                return true;
            }

            // A cut between writing the temporary file and the rename leaves the new bindings there.
            return Decode(buffer, FlashFile.Read(TempPath, buffer), into);
        }

        /// <summary>Writes the bindings; false when the flash refused.</summary>
        public static bool Save(SensorBindings from)
        {
            byte[] buffer = new byte[Size];
            Encode(from, buffer);
            return FlashFile.Write(TempPath, buffer, Size) && FlashFile.Replace(TempPath, FilePath);
        }

        /// <summary>Fills <paramref name="buffer"/> (at least <see cref="Size"/> bytes) with the file image of <paramref name="from"/>.</summary>
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

        /// <summary>Reads a file image into <paramref name="into"/>; false (bindings cleared) when it is not a valid image.</summary>
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
