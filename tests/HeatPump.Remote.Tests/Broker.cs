using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MQTTnet;
using MQTTnet.Server;

namespace HeatPump.Remote.Tests;

/// <summary>An in-process MQTTnet broker on loopback only, on a free port it keeps across a stop and a restart.</summary>
internal sealed class Broker : IDisposable
{
    private MqttServer? _server;

    public Broker()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    public void Start()
    {
        MqttServerOptions options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        _server.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>Stops the broker as a crash would look to clients: connections drop, retained messages are gone.</summary>
    public void Stop()
    {
        _server?.StopAsync().GetAwaiter().GetResult();
        _server?.Dispose();
        _server = null;
    }

    public void Dispose() => Stop();
}

/// <summary>An MQTTnet client playing Home Assistant: subscribes to discovery and the unit's topics and keeps every message.</summary>
internal sealed class HomeAssistantClient : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public HomeAssistantClient(int port, params string[] filters)
    {
        _client.ApplicationMessageReceivedAsync += e =>
        {
            MqttApplicationMessage m = e.ApplicationMessage;
            Messages.Enqueue((m.Topic, Encoding.UTF8.GetString(m.Payload), m.Retain));
            return Task.CompletedTask;
        };
        _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("home-assistant-" + Guid.NewGuid().ToString("N")).Build())
            .GetAwaiter().GetResult();
        foreach (string f in filters)
        {
            _client.SubscribeAsync(f).GetAwaiter().GetResult();
        }
    }

    public ConcurrentQueue<(string Topic, string Payload, bool Retain)> Messages { get; } = new();

    public void Publish(string topic, byte[] payload, bool retain = false) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain).Build()).GetAwaiter().GetResult();

    public void Publish(string topic, string payload, bool retain = false) => Publish(topic, Encoding.UTF8.GetBytes(payload), retain);

    public List<(string Topic, string Payload, bool Retain)> On(string topic) => Messages.Where(m => m.Topic == topic).ToList();

    public void Dispose()
    {
        if (_client.IsConnected)
        {
            _client.DisconnectAsync().GetAwaiter().GetResult();
        }

        _client.Dispose();
    }
}
