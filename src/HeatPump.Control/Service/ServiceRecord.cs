using HeatPump.Control.Settings;

namespace HeatPump.Control.Service
{
    /// <summary>
    /// The service log as one fixed-size binary record per flash slot (docs/front-panel.md draws it):
    /// magic "HF" (2 bytes), format version (1), entry count (1), sequence number (4), power-ups,
    /// run seconds, starts, defrosts (4 each), a 16-bit lifetime count per fault kind
    /// (<see cref="ServiceLog.KindSlots"/>), <see cref="ServiceLog.MaxEntries"/> entries of kind (1),
    /// lockout flag (1), power-up (4) and uptime seconds (4), then a CRC-32 over everything before it.
    /// All little endian. Same checks as the settings record: length, marker, version, CRC.
    /// </summary>
    public static class ServiceRecord
    {
        /// <summary>Layout version.</summary>
        public const byte FormatVersion = 1;

        /// <summary>First record byte, 'H'.</summary>
        public const byte Magic0 = 0x48;

        /// <summary>Second record byte, 'F' (fault and service log; the settings record has 'P').</summary>
        public const byte Magic1 = 0x46;

        private const int VersionOffset = 2;
        private const int CountOffset = 3;
        private const int SequenceOffset = 4;
        private const int CountersOffset = 8;
        private const int KindCountsOffset = CountersOffset + 16;
        private const int EntriesOffset = KindCountsOffset + 2 * ServiceLog.KindSlots;
        private const int EntrySize = 10;

        /// <summary>Bytes in a record.</summary>
        public const int Size = EntriesOffset + EntrySize * ServiceLog.MaxEntries + SettingsRecord.CrcSize;

        /// <summary>Writes <paramref name="log"/> with <paramref name="sequence"/> into <paramref name="buffer"/>; returns the length. Allocates nothing.</summary>
        public static int Encode(ServiceLog log, uint sequence, byte[] buffer)
        {
            if (buffer == null || buffer.Length < Size)
            {
                throw new System.ArgumentException("buffer must hold a service record");
            }

            for (int i = 0; i < Size; i++)
            {
                buffer[i] = 0;
            }

            buffer[0] = Magic0;
            buffer[1] = Magic1;
            buffer[VersionOffset] = FormatVersion;
            buffer[CountOffset] = (byte)log.Count;
            SettingsRecord.WriteUInt32(buffer, SequenceOffset, sequence);
            SettingsRecord.WriteUInt32(buffer, CountersOffset, log.PowerUps);
            SettingsRecord.WriteUInt32(buffer, CountersOffset + 4, log.RunSeconds);
            SettingsRecord.WriteUInt32(buffer, CountersOffset + 8, log.Starts);
            SettingsRecord.WriteUInt32(buffer, CountersOffset + 12, log.Defrosts);
            for (int k = 0; k < ServiceLog.KindSlots; k++)
            {
                int n = log.CountOf((FaultKind)k);
                buffer[KindCountsOffset + 2 * k] = (byte)(n & 0xFF);
                buffer[KindCountsOffset + 2 * k + 1] = (byte)((n >> 8) & 0xFF);
            }

            for (int i = 0; i < log.Count; i++)
            {
                int at = EntriesOffset + EntrySize * i;
                buffer[at] = (byte)log.KindAt(i);
                buffer[at + 1] = log.LockoutAt(i) ? (byte)1 : (byte)0;
                SettingsRecord.WriteUInt32(buffer, at + 2, log.PowerUpAt(i));
                SettingsRecord.WriteUInt32(buffer, at + 6, log.UptimeSecondsAt(i));
            }

            int crcAt = Size - SettingsRecord.CrcSize;
            SettingsRecord.WriteUInt32(buffer, crcAt, Crc32.Compute(buffer, 0, crcAt));
            return Size;
        }

        /// <summary>Checks a record without loading it: length, marker, version, entry count, CRC. Allocates nothing.</summary>
        public static RecordCheck Check(byte[] buffer, int length, out uint sequence)
        {
            RecordCheck check = SettingsRecord.CheckFramed(buffer, length, Magic0, Magic1, FormatVersion, Size, out sequence);
            if (check == RecordCheck.Ok && buffer[CountOffset] > ServiceLog.MaxEntries)
            {
                // A record whose CRC holds but whose count cannot be: written by other firmware, never used.
                sequence = 0;
                return RecordCheck.WrongLength;
            }

            return check;
        }

        /// <summary>
        /// Loads a record that passed <see cref="Check"/> into <paramref name="into"/> (everything it held
        /// is replaced); returns the check, and leaves <paramref name="into"/> untouched unless it is Ok.
        /// </summary>
        public static RecordCheck TryDecode(byte[] buffer, int length, ServiceLog into, out uint sequence)
        {
            RecordCheck check = Check(buffer, length, out sequence);
            if (check != RecordCheck.Ok)
            {
                return check;
            }

            into.Clear();
            into.LoadCounters(SettingsRecord.ReadUInt32(buffer, CountersOffset), SettingsRecord.ReadUInt32(buffer, CountersOffset + 4),
                SettingsRecord.ReadUInt32(buffer, CountersOffset + 8), SettingsRecord.ReadUInt32(buffer, CountersOffset + 12));
            for (int k = 0; k < ServiceLog.KindSlots; k++)
            {
                into.LoadKindCount(k, buffer[KindCountsOffset + 2 * k] | (buffer[KindCountsOffset + 2 * k + 1] << 8));
            }

            // Stored newest first; pushed oldest first so the newest ends up in front again.
            for (int i = buffer[CountOffset] - 1; i >= 0; i--)
            {
                int at = EntriesOffset + EntrySize * i;
                into.LoadEntry((FaultKind)buffer[at], buffer[at + 1] != 0, SettingsRecord.ReadUInt32(buffer, at + 2),
                    SettingsRecord.ReadUInt32(buffer, at + 6));
            }

            return RecordCheck.Ok;
        }
    }
}
