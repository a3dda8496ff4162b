using System.Text;
using System.Text.Json;
using HeatPump.Control;
using HeatPump.Control.Remote;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;

namespace HeatPump.Remote.Tests;

/// <summary>
/// A control core with its Home Assistant bridge, stepped by hand at 100 ms like the board's loop:
/// steady sensor readings in, the core's step, then the bridge's service. Tests put commands into the
/// bridge's inbox as the network thread would and read what it queued for the broker.
/// </summary>
internal sealed class UnitRig
{
    public const long TickMs = 100;
    private readonly RawInputs _inputs = new RawInputs();
    private readonly RemoteMessage _taken = new RemoteMessage(RemoteLink.OutboxSlotBytes);

    public UnitRig(string nodeId = "test")
    {
        Settings = new ControllerSettings();
        Core = new ControlCore(Settings, 0, 7);
        Bridge = new HomeAssistantBridge(Core, nodeId, "Test heat pump", "test-1.0", 0);
        IndoorC = 19.0f;
        OutdoorC = 2.0f;
        CoilC = -4.0f;
    }

    public ControllerSettings Settings { get; }

    public ControlCore Core { get; }

    public HomeAssistantBridge Bridge { get; }

    public long NowMs { get; private set; }

    public float IndoorC { get; set; }

    public float OutdoorC { get; set; }

    /// <summary>False makes the indoor sensor stop answering.</summary>
    public bool IndoorAnswers { get; set; } = true;

    public float CoilC { get; set; }

    /// <summary>Button levels held during the next ticks (<see cref="HeatPump.Control.Hal.Buttons"/> flags).</summary>
    public int Buttons { get; set; }

    public void Tick()
    {
        NowMs += TickMs;
        _inputs.NowMs = NowMs;
        _inputs.Indoor = IndoorAnswers ? SensorSample.Good(SensorSample.ToSixteenths(IndoorC)) : SensorSample.Failed(SampleStatus.NoResponse);
        _inputs.Outdoor = SensorSample.Good(SensorSample.ToSixteenths(OutdoorC));
        _inputs.Coil = SensorSample.Good(SensorSample.ToSixteenths(CoilC));
        _inputs.Buttons = Buttons;
        Core.Step(_inputs);
        Bridge.Service(NowMs);
    }

    public void Run(long ms)
    {
        long until = NowMs + ms;
        while (NowMs < until)
        {
            Tick();
        }
    }

    /// <summary>Queues a command as the network thread does on arrival.</summary>
    public void Send(string topic, string payload, bool retain = false) => Send(topic, Encoding.UTF8.GetBytes(payload), retain);

    public void Send(string topic, byte[] payload, bool retain = false)
    {
        byte[] head = payload.Length > HomeAssistantBridge.MaxCommandBytes + 1 ? payload[..(HomeAssistantBridge.MaxCommandBytes + 1)] : payload;
        Assert.True(Bridge.Link.Inbox.Put(topic, head, payload.Length, retain), "inbox full");
    }

    /// <summary>Everything the bridge queued for the broker since the last call, as (topic, payload).</summary>
    public List<(string Topic, string Payload)> TakeOutgoing()
    {
        var list = new List<(string, string)>();
        while (Bridge.Link.Outbox.TryTake(_taken))
        {
            list.Add((_taken.Topic, Encoding.UTF8.GetString(_taken.Payload.Bytes, 0, _taken.Payload.Length)));
        }

        return list;
    }

    public int[] Snapshot()
    {
        var raw = new int[SettingsCatalog.Count];
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = Settings.Get((SettingId)i);
        }

        return raw;
    }

    public static JsonElement Json(string payload) => JsonDocument.Parse(payload).RootElement;
}
