namespace HeatPump.Simulator.Remote;

/// <summary>The version string the simulated unit reports in Home Assistant.</summary>
public static class FirmwareVersion
{
    /// <summary>The simulator's build of the core, e.g. "sim-1.0.0".</summary>
    public static readonly string Simulator = "sim-" + (typeof(FirmwareVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
}
