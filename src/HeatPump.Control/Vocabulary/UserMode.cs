namespace HeatPump.Control
{
    /// <summary>What the user asked for on the front panel. Separate from the controller's state.</summary>
    public enum UserMode
    {
        /// <summary>No heating or cooling.</summary>
        Off = 0,
        /// <summary>Heat to the heating setpoint.</summary>
        Heat = 1,
        /// <summary>Cool to the cooling setpoint.</summary>
        Cool = 2,
        /// <summary>Heat or cool, changing over through idle.</summary>
        Auto = 3,
        /// <summary>Emergency heat: aux heat and the blower only, for a broken outdoor unit; the compressor and outdoor fan never start.</summary>
        EmergencyHeat = 4,
    }
}
