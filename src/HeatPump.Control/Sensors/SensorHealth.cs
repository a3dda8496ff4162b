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
}
