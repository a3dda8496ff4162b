namespace HeatPump.Control.Hal
{
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
}
