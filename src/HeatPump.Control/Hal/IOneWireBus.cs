namespace HeatPump.Control.Hal
{
    /// <summary>
    /// The 1-Wire bus at the level nanoFramework's OneWireHost offers: a reset, one byte written or
    /// read per call, and the native ROM search. Every call may throw (a driver error); the board loop
    /// catches <see cref="System.Exception"/> around each slice and reads it as "no response".
    /// </summary>
    public interface IOneWireBus
    {
        /// <summary>Reset pulse; true when at least one device answered with a presence pulse.</summary>
        bool Reset();

        /// <summary>Writes one byte, least-significant bit first.</summary>
        void WriteByte(byte value);

        /// <summary>Reads one byte (eight read slots).</summary>
        byte ReadByte();

        /// <summary>Starts a ROM search and finds the first device; false when none answered.</summary>
        bool SearchFirst();

        /// <summary>Finds the next device of the search; false when the last one was found already.</summary>
        bool SearchNext();

        /// <summary>Copies the 8 bytes of the ROM the last search step found to <paramref name="into"/> at <paramref name="at"/>.</summary>
        void CopyFoundRom(byte[] into, int at);
    }
}
