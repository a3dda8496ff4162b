namespace HeatPump.Control.Settings
{
    /// <summary>How the controller decides a defrost is due: the values of <see cref="SettingId.DefrostStrategy"/>.</summary>
    public enum DefrostStrategy
    {
        /// <summary>Demand: reads the coil ΔT against the learned clean-coil ΔT and defrosts only when frost is there.</summary>
        Demand = 0,
        /// <summary>Time-temperature: a fixed interval of run time with a cold coil.</summary>
        TimeTemperature = 1,
    }
}
