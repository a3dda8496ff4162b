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

    /// <summary>
    /// Where the sensor bindings live between power cycles (a small file next to the settings on the
    /// board). Both calls may throw; the board loop treats any exception as "nothing stored" or
    /// "not saved" and carries on.
    /// </summary>
    public interface IBindingStore
    {
        /// <summary>Reads the stored image into <paramref name="buffer"/>; the bytes read, 0 when there is none.</summary>
        int Read(byte[] buffer);

        /// <summary>Replaces the stored image with <paramref name="length"/> bytes of <paramref name="image"/>; false when refused.</summary>
        bool Write(byte[] image, int length);
    }

    /// <summary>
    /// The two lines of a TM1637 display module (CLK, DIO), both pulled up on the module. DIO is
    /// open-drain: the board only ever pulls it low, and a 1 is the module's pull-up, so the board
    /// can never drive DIO high against the chip's acknowledge.
    /// </summary>
    public interface IDisplayPins
    {
        /// <summary>Drives CLK.</summary>
        void Clock(bool high);

        /// <summary>Sets DIO as an open-drain output: low pulls the line down, high lets it go (switching back from input if needed).</summary>
        void DriveData(bool high);

        /// <summary>Makes DIO an input, to read the chip's acknowledge.</summary>
        void ReleaseData();

        /// <summary>Reads DIO's level.</summary>
        bool ReadData();
    }

    /// <summary>The four status LEDs (Heat, Cool, Defrost, Fault).</summary>
    public interface IStatusLeds
    {
        /// <summary>Switches LED <paramref name="index"/> (0 Heat, 1 Cool, 2 Defrost, 3 Fault).</summary>
        void Set(int index, bool on);
    }

    /// <summary>What the runtime can tell about its own memory, for the status line.</summary>
    public interface IRuntimeStats
    {
        /// <summary>Free managed heap, bytes (on nanoCLR this runs a collection to find out).</summary>
        long FreeBytes();

        /// <summary>Garbage collections seen since power-up.</summary>
        int Collections { get; }
    }
}
