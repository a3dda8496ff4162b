namespace HeatPump.Control
{
    /// <summary>How the last defrost ended.</summary>
    public enum DefrostEnd
    {
        /// <summary>Not ended yet, or none.</summary>
        None = 0,
        /// <summary>Coil reached the end temperature.</summary>
        CoilTemperature,
        /// <summary>Maximum defrost time reached.</summary>
        MaxTime,
        /// <summary>Cut short (mode off, fault, pressure trip).</summary>
        Aborted,
    }
}
