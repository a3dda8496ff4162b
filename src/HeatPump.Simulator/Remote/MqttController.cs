using HeatPump.Control;
using HeatPump.Control.Remote;
using HeatPump.Simulator.Controllers;

namespace HeatPump.Simulator.Remote;

/// <summary>
/// The simulator's firmware controller with its Home Assistant bridge: each tick steps the core
/// first, exactly as without MQTT, and only then services the bridge, as the board's loop does. The
/// bridge can change the mode and setpoints between ticks (commands) and reads the core (state); it
/// never touches the outputs the guard chose.
/// </summary>
public sealed class MqttController : ISimController
{
    private readonly FirmwareController _inner;

    /// <summary>Wraps <paramref name="inner"/> with a bridge named <paramref name="nodeId"/>.</summary>
    public MqttController(FirmwareController inner, string nodeId)
    {
        _inner = inner;
        Bridge = new HomeAssistantBridge(inner.Core, nodeId, "Simulated heat pump", FirmwareVersion.Simulator, 0);
    }

    /// <summary>The bridge: its <see cref="HomeAssistantBridge.Link"/> is what an <see cref="MqttShell"/> serves.</summary>
    public HomeAssistantBridge Bridge { get; }

    /// <summary>Called after every tick with the time, once the bridge is serviced (tests use it to act at a simulated instant).</summary>
    public Action<long>? AfterTick { get; set; }

    /// <inheritdoc />
    public string Name => _inner.Name;

    /// <inheritdoc />
    public DefrostEnd LastDefrostEnd => _inner.LastDefrostEnd;

    /// <inheritdoc />
    public OutputState Step(RawInputs reading, double trueFrostFraction)
    {
        long nowMs = reading.NowMs;
        OutputState o = _inner.Step(reading, trueFrostFraction);
        Bridge.Service(nowMs);
        AfterTick?.Invoke(nowMs);
        return o;
    }
}
