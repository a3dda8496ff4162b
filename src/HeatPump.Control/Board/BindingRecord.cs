using HeatPump.Control.Sensors;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// The sensor bindings as stored in flash, in one of two images, each a magic, the 8-byte ROM
    /// codes role by role (zeros = unbound) and a Dallas CRC-8 over the bytes before it:
    /// "HPS1" with indoor, outdoor and coil (29 bytes), the image firmware before the supply-air role
    /// wrote and still written while supply is unbound, so a board with three sensors keeps the very
    /// file it had (and an older firmware still reads it); and "HPS2" with the supply air as well
    /// (37 bytes), written only when a supply sensor is bound. A torn or foreign image fails the
    /// length, magic or CRC check and reads as "no bindings": a torn "HPS2" cut back to 29 bytes
    /// still carries "HPS2" and is refused, never read as a three-role image.
    /// </summary>
    public static class BindingRecord
    {
        /// <summary>Bytes in the largest image, the one with the supply air: the buffer size to read into.</summary>
        public const int Size = 4 + (SensorBindings.RoleCount * RomCode.Length) + 1;

        /// <summary>Bytes in the three-role image ("HPS1").</summary>
        public const int ThreeRoleSize = 4 + (SensorBindings.RequiredRoles * RomCode.Length) + 1;

        private static readonly byte[] ThreeRoleMagic = new byte[] { (byte)'H', (byte)'P', (byte)'S', (byte)'1' };
        private static readonly byte[] FourRoleMagic = new byte[] { (byte)'H', (byte)'P', (byte)'S', (byte)'2' };

        /// <summary>
        /// Fills <paramref name="buffer"/> (at least <see cref="Size"/> bytes) with the image of
        /// <paramref name="from"/>: the three-role image while supply is unbound, else the four-role
        /// one. Returns its length, the bytes to write.
        /// </summary>
        public static int Encode(SensorBindings from, byte[] buffer)
        {
            bool supply = from.IsBound(SensorRole.Supply);
            byte[] magic = supply ? FourRoleMagic : ThreeRoleMagic;
            int size = supply ? Size : ThreeRoleSize;
            for (int i = 0; i < magic.Length; i++)
            {
                buffer[i] = magic[i];
            }

            byte[] roms = from.Roms;
            for (int i = 0; i < size - magic.Length - 1; i++)
            {
                buffer[magic.Length + i] = roms[i];
            }

            buffer[size - 1] = DallasCrc8.Compute(buffer, 0, size - 1);
            return size;
        }

        /// <summary>
        /// Reads an image of <paramref name="length"/> bytes into <paramref name="into"/> (a three-role
        /// image leaves supply unbound); false, with every binding cleared, when it is not a valid image.
        /// </summary>
        public static bool Decode(byte[] buffer, int length, SensorBindings into)
        {
            byte[] roms = into.Roms;
            for (int i = 0; i < roms.Length; i++)
            {
                roms[i] = 0;
            }

            byte[] magic;
            if (length == ThreeRoleSize)
            {
                magic = ThreeRoleMagic;
            }
            else if (length == Size)
            {
                magic = FourRoleMagic;
            }
            else
            {
                return false;
            }

            if (!DallasCrc8.Check(buffer, 0, length))
            {
                return false;
            }

            for (int i = 0; i < magic.Length; i++)
            {
                if (buffer[i] != magic[i])
                {
                    return false;
                }
            }

            for (int i = 0; i < length - magic.Length - 1; i++)
            {
                roms[i] = buffer[magic.Length + i];
            }

            return true;
        }
    }
}
