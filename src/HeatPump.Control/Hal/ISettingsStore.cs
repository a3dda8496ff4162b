namespace HeatPump.Control.Hal
{
    /// <summary>Two slots of non-volatile memory for the settings record (see Settings/SettingsSlots).</summary>
    public interface ISettingsStore
    {
        /// <summary>Reads slot <paramref name="slot"/> (0 or 1) into <paramref name="buffer"/>; returns the bytes read, 0 if empty or unreadable.</summary>
        int ReadSlot(int slot, byte[] buffer);

        /// <summary>Writes <paramref name="length"/> bytes of <paramref name="record"/> to slot <paramref name="slot"/>, replacing what it held.</summary>
        void WriteSlot(int slot, byte[] record, int length);
    }
}
