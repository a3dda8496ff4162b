namespace HeatPump.Control.Sensors
{
    /// <summary>Why the last sample was not accepted.</summary>
    public enum SampleRejection
    {
        /// <summary>The last sample was accepted.</summary>
        None = 0,
        /// <summary>Scratchpad CRC mismatch.</summary>
        CrcError,
        /// <summary>The sensor did not answer.</summary>
        NoResponse,
        /// <summary>Outside the DS18B20's −55..125 °C.</summary>
        OutOfRange,
        /// <summary>85.0 °C, the power-on reset value, where it cannot be trusted.</summary>
        PowerOnReset,
        /// <summary>Moved faster than the air or coil can.</summary>
        RateOfChange,
    }
}
