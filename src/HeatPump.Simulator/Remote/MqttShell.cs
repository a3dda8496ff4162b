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
/// fresh state, then sends whatever the loop queues. When the broker goes away it retries with a
/// backoff that doubles from <see cref="MinBackoff"/> to <see cref="MaxBackoff"/>.
/// </summary>
public sealed class MqttShell : IDisposable
{
    /// <summary>First wait after a failed or lost connection.</summary>
    public static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between attempts.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly HomeAssistantBridge _bridge;
    private readonly MqttEndpoint _endpoint;
    private readonly string? _user;
    private readonly string? _password;
    private readonly TextWriter? _log;
    private readonly IMqttClient _client;
    private readonly RemoteMessage _out = new RemoteMessage(RemoteLink.OutboxSlotBytes);
    private readonly RemoteMessage _discovery = new RemoteMessage(HomeAssistantBridge.DiscoveryBytes);
    private readonly byte[] _incoming = new byte[HomeAssistantBridge.MaxCommandBytes + 1];
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
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
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessage;
    }

    /// <summary>Successful connections so far (the first and every reconnection).</summary>
    public int Connects => Volatile.Read(ref _connects);

    /// <summary>Messages published so far.</summary>
    public int Published => Volatile.Read(ref _published);

    /// <summary>Connection attempts that failed, and connections lost.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _client.IsConnected;

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
            _task?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The task ends by cancellation; nothing to report.
        }

        if (_client.IsConnected)
        {
            try
            {
                PublishAsync(_bridge.AvailabilityTopic, Encoding.ASCII.GetBytes(HomeAssistantBridge.Offline), retain: true, CancellationToken.None).Wait(TimeSpan.FromSeconds(2));
                _client.DisconnectAsync().Wait(TimeSpan.FromSeconds(2));
            }
            catch (Exception e) when (e is AggregateException or MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                // The broker went away as we left: its last will says "offline" for us.
            }
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        TimeSpan backoff = MinBackoff;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectAsync(ct).ConfigureAwait(false);
                    backoff = MinBackoff;
                }

                while (_bridge.Link.Outbox.TryTake(_out))
                {
                    await PublishAsync(_out.Topic, Copy(_out.Payload), _out.Retain, ct).ConfigureAwait(false);
                }

                await Task.Delay(Poll, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
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

    private async Task ConnectAsync(CancellationToken ct)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_endpoint.Host, _endpoint.Port)
            .WithClientId("heatpump-" + _bridge.BaseTopic.Substring(_bridge.BaseTopic.IndexOf('/') + 1))
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(5))
            .WithWillTopic(_bridge.AvailabilityTopic)
            .WithWillPayload(Encoding.ASCII.GetBytes(HomeAssistantBridge.Offline))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (_user != null)
        {
            builder = builder.WithCredentials(_user, _password ?? "");
        }

        await _client.ConnectAsync(builder.Build(), ct).ConfigureAwait(false);

        // What the loop queued while we were away is stale; the fresh state asked for below replaces it.
        _bridge.Link.Outbox.Clear();
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(_bridge.CommandFilter).Build(), ct).ConfigureAwait(false);
        await PublishAsync(_bridge.AvailabilityTopic, Encoding.ASCII.GetBytes(HomeAssistantBridge.Online), retain: true, ct).ConfigureAwait(false);
        for (int i = 0; i < _bridge.DiscoveryCount; i++)
        {
            _bridge.WriteDiscovery(i, _discovery);
            await PublishAsync(_discovery.Topic, Copy(_discovery.Payload), retain: true, ct).ConfigureAwait(false);
        }

        _bridge.Link.RequestState();
        int n = Interlocked.Increment(ref _connects);
        _log?.WriteLine("mqtt: connected to " + _endpoint + (n > 1 ? " (reconnection " + (n - 1) + ")" : ""));
    }

    private async Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken ct)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build();
        await _client.PublishAsync(message, ct).ConfigureAwait(false);
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
