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

    /// <summary>One raw DS18B20 sample as the bus delivered it, before any validation.</summary>
    public struct SensorSample
    {
        /// <summary>Outcome of the read.</summary>
        public SampleStatus Status;

        /// <summary>Temperature register, signed, in 1/16 °C (12-bit resolution). 85.0 °C is 1360.</summary>
        public short Sixteenths;

        /// <summary>A sample with a CRC-checked reading of <paramref name="sixteenths"/>.</summary>
        public static SensorSample Good(short sixteenths)
        {
            SensorSample s;
            s.Status = SampleStatus.Ok;
            s.Sixteenths = sixteenths;
            return s;
        }

        /// <summary>A sample with <paramref name="status"/> and no usable reading.</summary>
        public static SensorSample Failed(SampleStatus status)
        {
            SensorSample s;
            s.Status = status;
            s.Sixteenths = 0;
            return s;
        }

        /// <summary>Nearest 1/16 °C register value for <paramref name="celsius"/>, as the sensor would quantise it.</summary>
        public static short ToSixteenths(float celsius)
        {
            float scaled = celsius * 16f;
            return (short)(scaled >= 0 ? scaled + 0.5f : scaled - 0.5f);
        }
    }

    /// <summary>The three sensor positions the controller knows.</summary>
    public enum SensorRole
    {
        /// <summary>Return or room air; the controlled temperature.</summary>
        Indoor = 0,
        /// <summary>Outdoor air at the outdoor unit, shaded from sun and discharge air.</summary>
        Outdoor = 1,
        /// <summary>Outdoor coil, on a tube near the bottom of the coil where frost starts.</summary>
        Coil = 2,
        /// <summary>Optional: supply air after the indoor coil, for the commissioning run's temperature split (docs/commissioning.md).</summary>
        Supply = 3,
    }
}
