namespace HeatPump.Control.Sensors
{
    /// <summary>What a read of one DS18B20 scratchpad gave this tick.</summary>
    public enum SampleStatus
    {
        /// <summary>No read this tick (a conversion is in progress): not a failure.</summary>
        None = 0,
        /// <summary>Nine bytes read and the CRC matched.</summary>
        Ok,
        /// <summary>Nine bytes read but the CRC did not match (noise on the bus, a loose wire).</summary>
        CrcError,
        /// <summary>The sensor did not answer (no presence pulse, all ones, open wire).</summary>
        NoResponse,
    }
}
