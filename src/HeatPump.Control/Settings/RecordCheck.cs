namespace HeatPump.Control.Settings
{
    /// <summary>What a settings record turned out to be when it was checked.</summary>
    public enum RecordCheck
    {
        /// <summary>A complete, current-version record whose CRC matches and whose values are all within limits.</summary>
        Ok = 0,
        /// <summary>Nothing stored: zero bytes, or flash still erased (every byte 0xFF).</summary>
        Empty,
        /// <summary>Too short or too long for this version, or a value count that does not match: a torn write.</summary>
        WrongLength,
        /// <summary>The first two bytes are not the record marker: not a settings record at all.</summary>
        WrongMagic,
        /// <summary>A record written by another format version; its layout cannot be trusted.</summary>
        WrongVersion,
        /// <summary>The CRC does not match the bytes: corrupted, or a write cut short.</summary>
        CrcMismatch,
        /// <summary>The CRC matches but a value is outside its limits (invariant I8): never used.</summary>
        ValueOutOfRange,
    }
}
