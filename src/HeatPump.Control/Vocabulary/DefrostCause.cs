namespace HeatPump.Control
{
    /// <summary>Why the last defrost started and ended (for the log, the panel and the simulator's KPIs).</summary>
    public enum DefrostCause
    {
        /// <summary>No defrost yet.</summary>
        None = 0,
        /// <summary>Time-temperature: the interval of frosting run time elapsed.</summary>
        Interval,
        /// <summary>Demand: the coil ΔT rose above the clean-coil ΔT plus margin.</summary>
        Demand,
        /// <summary>Demand backstop: frosting run time reached its maximum.</summary>
        Backstop,
        /// <summary>Coil sensor lost: fixed interval of run time.</summary>
        TimeOnly,
        /// <summary>Asked for from outside: the panel's service key or a test rig.</summary>
        Requested,
    }
}
