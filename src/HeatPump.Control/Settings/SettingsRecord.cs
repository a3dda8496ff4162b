namespace HeatPump.Control.Settings
{
    /// <summary>
    /// The compact binary settings record, one per flash slot (docs/settings.md draws it):
    /// magic "HP" (2 bytes), format version (1), value count (1), sequence number (4, little endian),
    /// every setting as a signed 16-bit little-endian value in <see cref="SettingId"/> order, and a
    /// CRC-32 (4, little endian) over all bytes before it. Fixed size, so a write cut short is caught
    /// by its length before the CRC is even computed.
    /// </summary>
    public static class SettingsRecord
    {
        /// <summary>Layout version; bump it whenever a setting is appended or the layout changes.</summary>
        public const byte FormatVersion = 3;

        /// <summary>First record byte, 'H'.</summary>
        public const byte Magic0 = 0x48;

        /// <summary>Second record byte, 'P'.</summary>
        public const byte Magic1 = 0x50;

        /// <summary>Bytes before the first value: magic, version, count, sequence.</summary>
        public const int HeaderSize = 8;

        /// <summary>Bytes of the trailing CRC-32.</summary>
        public const int CrcSize = 4;

        private const int VersionOffset = 2;
        private const int CountOffset = 3;
        private const int SequenceOffset = 4;

        /// <summary>Size of a record of this version in bytes: header, two bytes per setting, CRC.</summary>
        public static int Size
        {
            get { return HeaderSize + 2 * SettingsCatalog.Count + CrcSize; }
        }

        /// <summary>
        /// Writes <paramref name="s"/> with sequence number <paramref name="sequence"/> into
        /// <paramref name="buffer"/> (at least <see cref="Size"/> bytes) and returns the record length.
        /// Allocates nothing.
        /// </summary>
        public static int Encode(ControllerSettings s, uint sequence, byte[] buffer)
        {
            int size = Size;
            if (buffer == null || buffer.Length < size)
            {
                throw new System.ArgumentException("buffer must hold a settings record");
            }

            buffer[0] = Magic0;
            buffer[1] = Magic1;
            buffer[VersionOffset] = FormatVersion;
            buffer[CountOffset] = (byte)SettingsCatalog.Count;
            WriteUInt32(buffer, SequenceOffset, sequence);
            int at = HeaderSize;
            for (int i = 0; i < SettingsCatalog.Count; i++)
            {
                int v = s.Get((SettingId)i);
                buffer[at] = (byte)(v & 0xFF);
                buffer[at + 1] = (byte)((v >> 8) & 0xFF);
                at += 2;
            }

            WriteUInt32(buffer, at, Crc32.Compute(buffer, 0, at));
            return size;
        }

        /// <summary>
        /// Checks the first <paramref name="length"/> bytes of <paramref name="buffer"/> as a record and,
        /// only if every check passes, loads its values into <paramref name="into"/>; otherwise
        /// <paramref name="into"/> is left exactly as it was (invariant I8). <paramref name="sequence"/> is
        /// the record's sequence number when the result is <see cref="RecordCheck.Ok"/>, else 0.
        /// Allocates one scratch array: for power-up, not for the tick.
        /// </summary>
        public static RecordCheck TryDecode(byte[] buffer, int length, ControllerSettings into, out uint sequence)
        {
            RecordCheck check = Check(buffer, length, out sequence);
            if (check != RecordCheck.Ok)
            {
                return check;
            }

            int[] scratch = new int[SettingsCatalog.Count];
            for (int i = 0; i < scratch.Length; i++)
            {
                scratch[i] = ValueAt(buffer, i);
            }

            string reason;
            if (!into.TryReplaceAll(scratch, out reason))
            {
                sequence = 0;
                return RecordCheck.ValueOutOfRange;
            }

            return RecordCheck.Ok;
        }

        /// <summary>
        /// Every check of <see cref="TryDecode"/> without loading anything: marker, version, length,
        /// CRC, and each value against its limits (and the setpoint gap). Allocates nothing.
        /// </summary>
        public static RecordCheck Check(byte[] buffer, int length, out uint sequence)
        {
            sequence = 0;
            if (buffer == null || length <= 0 || IsErased(buffer, length))
            {
                return RecordCheck.Empty;
            }

            if (length > buffer.Length || length < HeaderSize)
            {
                return RecordCheck.WrongLength;
            }

            if (buffer[0] != Magic0 || buffer[1] != Magic1)
            {
                return RecordCheck.WrongMagic;
            }

            if (buffer[VersionOffset] != FormatVersion)
            {
                return RecordCheck.WrongVersion;
            }

            int size = Size;
            if (buffer[CountOffset] != SettingsCatalog.Count || length != size)
            {
                return RecordCheck.WrongLength;
            }

            int crcAt = size - CrcSize;
            if (ReadUInt32(buffer, crcAt) != Crc32.Compute(buffer, 0, crcAt))
            {
                return RecordCheck.CrcMismatch;
            }

            for (int i = 0; i < SettingsCatalog.Count; i++)
            {
                if (!SettingsCatalog.At(i).IsAllowed(ValueAt(buffer, i)))
                {
                    return RecordCheck.ValueOutOfRange;
                }
            }

            if (!ControllerSettings.SetpointsApart(ValueAt(buffer, (int)SettingId.HeatSetpoint),
                ValueAt(buffer, (int)SettingId.CoolSetpoint), ValueAt(buffer, (int)SettingId.AutoMinGap)))
            {
                return RecordCheck.ValueOutOfRange;
            }

            sequence = ReadUInt32(buffer, SequenceOffset);
            return RecordCheck.Ok;
        }

        /// <summary>True when the first <paramref name="length"/> bytes are all 0xFF (flash never written).</summary>
        /// <summary>
        /// The checks every other two-slot record on the board shares (the service log, the commissioning
        /// report): erased, marker, version, exact size and CRC-32, reading the sequence number when all
        /// pass. The settings record adds its value checks to the same order. Allocates nothing.
        /// </summary>
        internal static RecordCheck CheckFramed(byte[] buffer, int length, byte magic0, byte magic1, byte formatVersion, int size, out uint sequence)
        {
            sequence = 0;
            if (buffer == null || length <= 0 || IsErased(buffer, length))
            {
                return RecordCheck.Empty;
            }

            if (length > buffer.Length || length < SequenceOffset)
            {
                return RecordCheck.WrongLength;
            }

            if (buffer[0] != magic0 || buffer[1] != magic1)
            {
                return RecordCheck.WrongMagic;
            }

            if (buffer[VersionOffset] != formatVersion)
            {
                return RecordCheck.WrongVersion;
            }

            if (length != size)
            {
                return RecordCheck.WrongLength;
            }

            int crcAt = size - CrcSize;
            if (ReadUInt32(buffer, crcAt) != Crc32.Compute(buffer, 0, crcAt))
            {
                return RecordCheck.CrcMismatch;
            }

            sequence = ReadUInt32(buffer, SequenceOffset);
            return RecordCheck.Ok;
        }

        internal static bool IsErased(byte[] buffer, int length)
        {
            int n = length < buffer.Length ? length : buffer.Length;
            for (int i = 0; i < n; i++)
            {
                if (buffer[i] != 0xFF)
                {
                    return false;
                }
            }

            return true;
        }

        private static int ValueAt(byte[] buffer, int index)
        {
            int at = HeaderSize + 2 * index;
            return (short)(buffer[at] | (buffer[at + 1] << 8));
        }

        /// <summary>Writes <paramref name="value"/> little endian at <paramref name="at"/>.</summary>
        internal static void WriteUInt32(byte[] buffer, int at, uint value)
        {
            buffer[at] = (byte)(value & 0xFF);
            buffer[at + 1] = (byte)((value >> 8) & 0xFF);
            buffer[at + 2] = (byte)((value >> 16) & 0xFF);
            buffer[at + 3] = (byte)(value >> 24);
        }

        /// <summary>Reads a little-endian unsigned 32-bit value at <paramref name="at"/>.</summary>
        internal static uint ReadUInt32(byte[] buffer, int at)
        {
            return buffer[at] | ((uint)buffer[at + 1] << 8) | ((uint)buffer[at + 2] << 16) | ((uint)buffer[at + 3] << 24);
        }
    }
}
