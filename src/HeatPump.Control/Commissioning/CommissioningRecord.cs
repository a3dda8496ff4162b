using HeatPump.Control.Settings;

namespace HeatPump.Control.Commissioning
{
    /// <summary>
    /// The last commissioning report as one fixed-size binary record per flash slot, beside the
    /// settings and the service log and checked as they are: magic "HC" (2 bytes), format version (1),
    /// a spare byte, sequence number (4), findings bit set, power-up, uptime seconds (4 each), then per
    /// mode (cooling, heating) tested, untested reason, trip kind, supply fitted (1 each) and the
    /// outdoor start and end, coil start and end, indoor and supply readings (2 each, tenths of °C,
    /// signed), then a CRC-32 over everything before it. All little endian.
    /// </summary>
    public static class CommissioningRecord
    {
        /// <summary>Layout version.</summary>
        public const byte FormatVersion = 1;

        /// <summary>First record byte, 'H'.</summary>
        public const byte Magic0 = 0x48;

        /// <summary>Second record byte, 'C' (commissioning; the settings record has 'P', the service log 'F').</summary>
        public const byte Magic1 = 0x43;

        private const int VersionOffset = 2;
        private const int SequenceOffset = 4;
        private const int FindingsOffset = 8;
        private const int ModesOffset = 20;
        private const int ModeSize = 16;

        /// <summary>Bytes in a record.</summary>
        public const int Size = ModesOffset + 2 * ModeSize + SettingsRecord.CrcSize;

        /// <summary>Writes <paramref name="report"/> with <paramref name="sequence"/> into <paramref name="buffer"/>; returns the length. Allocates nothing.</summary>
        public static int Encode(CommissioningReport report, uint sequence, byte[] buffer)
        {
            if (buffer == null || buffer.Length < Size)
            {
                throw new System.ArgumentException("buffer must hold a commissioning record");
            }

            for (int i = 0; i < Size; i++)
            {
                buffer[i] = 0;
            }

            buffer[0] = Magic0;
            buffer[1] = Magic1;
            buffer[VersionOffset] = FormatVersion;
            SettingsRecord.WriteUInt32(buffer, SequenceOffset, sequence);
            SettingsRecord.WriteUInt32(buffer, FindingsOffset, (uint)report.Findings);
            SettingsRecord.WriteUInt32(buffer, FindingsOffset + 4, report.PowerUp);
            SettingsRecord.WriteUInt32(buffer, FindingsOffset + 8, report.UptimeSeconds);
            for (int m = 0; m < 2; m++)
            {
                int at = ModesOffset + m * ModeSize;
                buffer[at] = report.Tested[m] ? (byte)1 : (byte)0;
                buffer[at + 1] = (byte)report.Untested[m];
                buffer[at + 2] = (byte)report.Trip[m];
                buffer[at + 3] = report.SupplyFitted[m] ? (byte)1 : (byte)0;
                WriteInt16(buffer, at + 4, report.OutdoorStart[m]);
                WriteInt16(buffer, at + 6, report.OutdoorEnd[m]);
                WriteInt16(buffer, at + 8, report.CoilStart[m]);
                WriteInt16(buffer, at + 10, report.CoilEnd[m]);
                WriteInt16(buffer, at + 12, report.IndoorEnd[m]);
                WriteInt16(buffer, at + 14, report.SupplyEnd[m]);
            }

            int crcAt = Size - SettingsRecord.CrcSize;
            SettingsRecord.WriteUInt32(buffer, crcAt, Crc32.Compute(buffer, 0, crcAt));
            return Size;
        }

        /// <summary>Checks a record without loading it: length, marker, version, CRC. Allocates nothing.</summary>
        public static RecordCheck Check(byte[] buffer, int length, out uint sequence)
        {
            return SettingsRecord.CheckFramed(buffer, length, Magic0, Magic1, FormatVersion, Size, out sequence);
        }

        /// <summary>Loads a record that passes <see cref="Check"/> into <paramref name="into"/>; leaves it untouched otherwise.</summary>
        public static RecordCheck TryDecode(byte[] buffer, int length, CommissioningReport into, out uint sequence)
        {
            RecordCheck check = Check(buffer, length, out sequence);
            if (check != RecordCheck.Ok)
            {
                return check;
            }

            into.Clear();
            into.Load((int)SettingsRecord.ReadUInt32(buffer, FindingsOffset), SettingsRecord.ReadUInt32(buffer, FindingsOffset + 4),
                SettingsRecord.ReadUInt32(buffer, FindingsOffset + 8));
            for (int m = 0; m < 2; m++)
            {
                int at = ModesOffset + m * ModeSize;
                into.Tested[m] = buffer[at] != 0;
                into.Untested[m] = (UntestedReason)buffer[at + 1];
                into.Trip[m] = (FaultKind)buffer[at + 2];
                into.SupplyFitted[m] = buffer[at + 3] != 0;
                into.OutdoorStart[m] = ReadInt16(buffer, at + 4);
                into.OutdoorEnd[m] = ReadInt16(buffer, at + 6);
                into.CoilStart[m] = ReadInt16(buffer, at + 8);
                into.CoilEnd[m] = ReadInt16(buffer, at + 10);
                into.IndoorEnd[m] = ReadInt16(buffer, at + 12);
                into.SupplyEnd[m] = ReadInt16(buffer, at + 14);
            }

            return RecordCheck.Ok;
        }

        private static void WriteInt16(byte[] buffer, int at, short value)
        {
            buffer[at] = (byte)(value & 0xFF);
            buffer[at + 1] = (byte)((value >> 8) & 0xFF);
        }

        private static short ReadInt16(byte[] buffer, int at)
        {
            return (short)(buffer[at] | (buffer[at + 1] << 8));
        }
    }
}
