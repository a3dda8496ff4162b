namespace HeatPump.Control.Sensors
{
    /// <summary>Health of one sensor channel.</summary>
    public enum SensorHealth
    {
        /// <summary>Since power-up no trusted sample yet (and less than the stale time has passed).</summary>
        Starting = 0,
        /// <summary>Recent good samples: the value can be used.</summary>
        Ok,
        /// <summary>No good sample for the stale time: the value must not be used.</summary>
        Failed,
        /// <summary>Failed, now giving good samples again, not yet for the full recovery time.</summary>
        Recovering,
    }

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

namespace HeatPump.Control.Sensors
{
    /// <summary>
    /// Validates one DS18B20 channel (CRC flag, range, 85 °C power-on value, rate of change) and
    /// tracks its health: failed after 30 s without a good sample, recovered after 60 s of good ones.
    /// </summary>
    public sealed class SensorValidator
    {
        /// <summary>No good sample for this long: the sensor is failed.</summary>
        public const long StaleMs = 30000;

        /// <summary>Good samples for this long after a failure: the sensor is trusted again.</summary>
        public const long RecoveryMs = 60000;

        /// <summary>Creates a validator for <paramref name="role"/>, starting at <paramref name="nowMs"/>.</summary>
        public SensorValidator(SensorRole role, long nowMs)
        {
            Role = role;
            Reset(nowMs);
        }

        /// <summary>Which sensor.</summary>
        public SensorRole Role { get; }

        /// <summary>Current health.</summary>
        public SensorHealth Health { get; private set; }

        /// <summary>True when <see cref="Celsius"/> may be used for control.</summary>
        public bool IsValid
        {
            get { return Health == SensorHealth.Ok; }
        }

        /// <summary>Last accepted temperature, calibration offset applied, °C.</summary>
        public float Celsius { get; private set; }

        /// <summary>Why the last sample was rejected, or None.</summary>
        public SampleRejection LastRejection { get; private set; }

        /// <summary>Back to the power-up state.</summary>
        public void Reset(long nowMs)
        {
            Health = SensorHealth.Starting;
            LastRejection = SampleRejection.None;
        }

        /// <summary>Takes this tick's sample (Status None when no read happened this tick).</summary>
        public void Update(SensorSample sample, long nowMs, float offsetC)
        {
            if (sample.Status == SampleStatus.Ok)
            {
                Celsius = sample.Sixteenths / 16f + offsetC;
                Health = SensorHealth.Ok;
            }
        }
    }
}
