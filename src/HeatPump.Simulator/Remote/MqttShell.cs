using System.Buffers;
using System.Text;
using HeatPump.Control.Remote;
using MQTTnet;
using MQTTnet.Protocol;

namespace HeatPump.Simulator.Remote;

/// <summary>
/// The desktop's MQTT wire client for a <see cref="HomeAssistantBridge"/> (MQTTnet): the imperative
/// shell around the core's pure bridge, as the firmware's network thread is on the board. It runs on
/// its own task and touches the control loop only through the bridge's bounded queues, so the loop
/// never waits for the network. It connects with a last will ("offline", retained), subscribes to the
/// command topics, publishes "online" and every discovery message (retained), asks the loop for a
/// fresh state, then sends whatever the loop queues.
/// </summary>
/// <remarks>
/// One supervising loop owns the connection. Every wait on the broker is bounded by
/// <see cref="OperationTimeout"/>: MQTTnet applies its own timeout option only when no cancellation
/// token is given, so without this a broker that accepts the connection and never answers would hold
/// the task for good. The loop pings the broker every <see cref="ProbePeriod"/>: MQTTnet pings only
/// after a keep-alive period with nothing sent, which a unit publishing its state every few seconds
/// never has, so a broker that vanished without closing the connection (its host lost power, the
/// Wi-Fi dropped) would go unnoticed until TCP gives up, many minutes later. On any failure the
/// loop drops the connection, waits a backoff that doubles from <see cref="MinBackoff"/> to
/// <see cref="MaxBackoff"/>, and connects with a fresh client: a client still tearing down its last
/// connection refuses to connect.
/// </remarks>
public sealed class MqttShell : IDisposable
{
    /// <summary>First wait after a failed or lost connection.</summary>
    public static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between attempts.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Default of <see cref="OperationTimeout"/>.</summary>
    public static readonly TimeSpan DefaultOperationTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Default of <see cref="ProbePeriod"/>.</summary>
    public static readonly TimeSpan DefaultProbePeriod = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly HomeAssistantBridge _bridge;
    private readonly MqttEndpoint _endpoint;
    private readonly string? _user;
    private readonly string? _password;
    private readonly TextWriter? _log;
    private readonly MqttClientFactory _factory = new MqttClientFactory();
    private readonly RemoteMessage _out = new RemoteMessage(RemoteLink.OutboxSlotBytes);
    private readonly RemoteMessage _discovery = new RemoteMessage(HomeAssistantBridge.DiscoveryBytes);
    private readonly byte[] _incoming = new byte[HomeAssistantBridge.MaxCommandBytes + 1];
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private volatile IMqttClient? _client;
    private volatile bool _online;
    private Task? _task;
    private bool _disposed;
    private int _connects;
    private int _published;
    private int _failures;

    /// <summary>Creates the shell; <see cref="Start"/> begins connecting.</summary>
    /// <param name="bridge">The core's bridge whose queues this shell serves.</param>
    /// <param name="endpoint">The broker.</param>
    /// <param name="user">Broker user, or null.</param>
    /// <param name="password">Broker password, or null; never logged.</param>
    /// <param name="log">Where connection events go (one line each), or null.</param>
    public MqttShell(HomeAssistantBridge bridge, MqttEndpoint endpoint, string? user = null, string? password = null, TextWriter? log = null)
    {
        _bridge = bridge;
        _endpoint = endpoint;
        _user = user;
        _password = password;
        _log = log;
    }

    /// <summary>Connections announced so far (the first and every reconnection): each counts once subscribed, "online" and discovery sent.</summary>
    public int Connects => Volatile.Read(ref _connects);

    /// <summary>Messages published so far.</summary>
    public int Published => Volatile.Read(ref _published);

    /// <summary>Connection attempts that failed, and connections lost.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>True while the unit is announced on a live connection: subscribed, "online" and discovery sent, and the connection not lost since.</summary>
    public bool IsConnected => _online && (_client?.IsConnected ?? false);

    /// <summary>Longest wait for the broker in one step: the connection and its acknowledgement, a subscription, a publish, a ping (5 s unless set).</summary>
    public TimeSpan OperationTimeout { get; init; } = DefaultOperationTimeout;

    /// <summary>How often an established connection is pinged, so a silent broker is noticed within this plus <see cref="OperationTimeout"/> (5 s unless set).</summary>
    public TimeSpan ProbePeriod { get; init; } = DefaultProbePeriod;

    /// <summary>Starts the network task.</summary>
    public void Start()
    {
        _task ??= Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Publishes "offline", disconnects cleanly if connected, and stops the network task.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        try
        {
            _task?.Wait(OperationTimeout + OperationTimeout);
        }
        catch (AggregateException)
        {
            // The task ends by cancellation; nothing to report.
        }

        IMqttClient? client = _client;
        if (client != null && client.IsConnected)
        {
            try
            {
                PublishAsync(client, _bridge.AvailabilityTopic, Encoding.ASCII.GetBytes(HomeAssistantBridge.Offline), retain: true, CancellationToken.None).Wait(OperationTimeout);
                client.DisconnectAsync().Wait(OperationTimeout);
            }
            catch (Exception e) when (e is AggregateException or MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException)
            {
                // The broker went away as we left: its last will says "offline" for us.
            }
        }

        client?.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        TimeSpan backoff = MinBackoff;
        long nextProbeMs = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!IsConnected)
                {
                    Drop();
                    await ConnectAsync(ct).ConfigureAwait(false);
                    backoff = MinBackoff;
                    nextProbeMs = Environment.TickCount64 + (long)ProbePeriod.TotalMilliseconds;
                }

                IMqttClient client = _client!;
                while (_bridge.Link.Outbox.TryTake(_out))
                {
                    await PublishAsync(client, _out.Topic, Copy(_out.Payload), _out.Retain, ct).ConfigureAwait(false);
                }

                if (Environment.TickCount64 >= nextProbeMs)
                {
                    using var bound = Bounded(ct);
                    await client.PingAsync(bound.Token).ConfigureAwait(false);
                    nextProbeMs = Environment.TickCount64 + (long)ProbePeriod.TotalMilliseconds;
                }

                await Task.Delay(Poll, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Drop();
                Interlocked.Increment(ref _failures);
                _log?.WriteLine("mqtt: " + _endpoint + " unavailable (" + e.GetType().Name + "); retrying in " + backoff.TotalSeconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " s");
                try
                {
                    await Task.Delay(backoff, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = backoff + backoff > MaxBackoff ? MaxBackoff : backoff + backoff;
            }
        }
    }

    /// <summary>Forgets the current connection: closing its socket is all a lost or half-made connection needs (the broker's last will then says "offline").</summary>
    private void Drop()
    {
        _online = false;
        IMqttClient? old = _client;
        _client = null;
        old?.Dispose();
    }

    /// <summary>A token that ends after <see cref="OperationTimeout"/> or when the shell stops.</summary>
    private CancellationTokenSource Bounded(CancellationToken ct)
    {
        var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(OperationTimeout);
        return bound;
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_endpoint.Host, _endpoint.Port)
            .WithClientId("heatpump-" + _bridge.BaseTopic.Substring(_bridge.BaseTopic.IndexOf('/') + 1))
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(OperationTimeout)
            .WithWillTopic(_bridge.AvailabilityTopic)
            .WithWillPayload(Encoding.ASCII.GetBytes(HomeAssistantBridge.Offline))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (_user != null)
        {
            builder = builder.WithCredentials(_user, _password ?? "");
        }

        IMqttClient client = _factory.CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessage;
        _client = client;
        using (var bound = Bounded(ct))
        {
            MqttClientConnectResult result = await client.ConnectAsync(builder.Build(), bound.Token).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                // MQTTnet returns a refusal (bad credentials, broker unavailable) rather than throwing it.
                throw new MQTTnet.Exceptions.MqttCommunicationException("the broker refused the connection: " + result.ResultCode);
            }
        }

        // What the loop queued while we were away is stale; the fresh state asked for below replaces it.
        _bridge.Link.Outbox.Clear();
        using (var bound = Bounded(ct))
        {
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(_bridge.CommandFilter).Build(), bound.Token).ConfigureAwait(false);
        }

        await PublishAsync(client, _bridge.AvailabilityTopic, Encoding.ASCII.GetBytes(HomeAssistantBridge.Online), retain: true, ct).ConfigureAwait(false);
        for (int i = 0; i < _bridge.DiscoveryCount; i++)
        {
            _bridge.WriteDiscovery(i, _discovery);
            await PublishAsync(client, _discovery.Topic, Copy(_discovery.Payload), retain: true, ct).ConfigureAwait(false);
        }

        _bridge.Link.RequestState();
        _online = true;
        int n = Interlocked.Increment(ref _connects);
        _log?.WriteLine("mqtt: connected to " + _endpoint + (n > 1 ? " (reconnection " + (n - 1) + ")" : ""));
    }

    private async Task PublishAsync(IMqttClient client, string topic, byte[] payload, bool retain, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build();
        using var bound = Bounded(ct);
        await client.PublishAsync(message, bound.Token).ConfigureAwait(false);
        Interlocked.Increment(ref _published);
    }

    private Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
    {
        MqttApplicationMessage m = e.ApplicationMessage;
        ReadOnlySequence<byte> payload = m.Payload;
        int arrived = payload.Length > int.MaxValue ? int.MaxValue : (int)payload.Length;

        // Only as much as a command may have, plus one byte to see that it had more: the rest is never copied.
        lock (_incoming)
        {
            int keep = arrived < _incoming.Length ? arrived : _incoming.Length;
            payload.Slice(0, keep).CopyTo(_incoming);
            _bridge.Link.Inbox.Put(m.Topic, _incoming, arrived, m.Retain);
        }

        return Task.CompletedTask;
    }

    private static byte[] Copy(PayloadBuffer payload)
    {
        byte[] bytes = new byte[payload.Length];
        Array.Copy(payload.Bytes, bytes, payload.Length);
        return bytes;
    }
}
