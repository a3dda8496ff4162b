namespace HeatPump.Control.Settings
{
    /// <summary>
    /// One kind of record kept in two flash slots by a <see cref="SlotPersister"/> (the settings, the
    /// service log, the commissioning report): how to check a slot's bytes, load them into the live object, and write
    /// the live object out. Implementations allocate nothing.
    /// </summary>
    public interface ISlotRecord
    {
        /// <summary>Checks <paramref name="length"/> bytes of <paramref name="buffer"/> without loading them; the sequence number when Ok.</summary>
        RecordCheck Check(byte[] buffer, int length, out uint sequence);

        /// <summary>Loads a record that passed <see cref="Check"/> into the live object; true when it did.</summary>
        bool Load(byte[] buffer, int length);

        /// <summary>Writes the live object with <paramref name="sequence"/> into <paramref name="buffer"/>; returns the length.</summary>
        int Encode(uint sequence, byte[] buffer);
    }
}
