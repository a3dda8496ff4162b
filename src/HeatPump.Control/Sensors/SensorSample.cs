namespace HeatPump.Control.Sensors
{
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
}
