using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using HeatPump.Control.Remote;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using nanoFramework.Networking;
using System.Device.Wifi;

namespace HeatPump.Firmware.Network
{
    /// <summary>
    /// The board's network shell for the core's <see cref="HomeAssistantBridge"/>: Wi-Fi and MQTT on a
    /// thread of their own, beside the control loop, which never waits for them. The loop's only
    /// contact is the bridge's bounded queues (the loop calls <see cref="HomeAssistantBridge.Service"/>
    /// after each tick). This thread joins Wi-Fi, connects to the broker with a last will ("offline",
    /// retained), subscribes to the command topics, publishes "online" and the discovery messages,
    /// then sends whatever the loop queued. Any failure closes the connection and retries after a
    /// backoff that doubles from 1 s to 60 s; the unit heats and cools on its own meanwhile.
    /// </summary>
    internal sealed class NetworkLink
    {
        private const int MinBackoffMs = 1000;
        private const int MaxBackoffMs = 60000;
        private const int WifiTimeoutMs = 30000;
        private const int PollMs = 50;
        private const ushort KeepAliveSeconds = 30;

        private readonly HomeAssistantBridge _bridge;
        private readonly NetworkSettings _settings;
        private readonly SerialLog _log;
        private readonly RemoteMessage _out = new RemoteMessage(RemoteLink.OutboxSlotBytes);
        private readonly RemoteMessage _discovery = new RemoteMessage(HomeAssistantBridge.DiscoveryBytes);
        private static readonly byte[] Empty = new byte[0];
        private readonly byte[] _online;
        private MqttClient _client;
        private int _backoffMs = MinBackoffMs;

        /// <summary>Creates the link; <see cref="Start"/> starts its thread.</summary>
        public NetworkLink(HomeAssistantBridge bridge, NetworkSettings settings, SerialLog log)
        {
            _bridge = bridge;
            _settings = settings;
            _log = log;
            PayloadBuffer online = new PayloadBuffer(16);
            online.Text(HomeAssistantBridge.Online);
            _online = new byte[online.Length];
            Array.Copy(online.Bytes, _online, online.Length);
        }

        /// <summary>Connections made since boot (read by the status line).</summary>
        public int Connects { get; private set; }

        /// <summary>Starts the network thread.</summary>
        public void Start()
        {
            Thread thread = new Thread(Run);
            thread.Priority = ThreadPriority.BelowNormal;
            thread.Start();
        }

        private void Run()
        {
            while (true)
            {
                try
                {
                    Connect();
                    _backoffMs = MinBackoffMs;
                    while (_client.IsConnected)
                    {
                        while (_bridge.Link.Outbox.TryTake(_out))
                        {
                            Publish(_out.Topic, _out.Payload, _out.Retain);
                        }

                        Thread.Sleep(PollMs);
                    }

                    _log.Record("NET", "mqtt=lost");
                }
                catch (Exception ex)
                {
                    // Only the exception's type: a message could carry a host or user name.
                    _log.Record("NET", "error=" + ex.GetType().Name + " retry_s=" + (_backoffMs / 1000).ToString());
                }

                Close();
                Thread.Sleep(_backoffMs);
                _backoffMs = _backoffMs * 2 > MaxBackoffMs ? MaxBackoffMs : _backoffMs * 2;
            }
        }

        private void Connect()
        {
            CancellationTokenSource wifiTimeout = new CancellationTokenSource(WifiTimeoutMs);
            if (!WifiNetworkHelper.ConnectDhcp(_settings.WifiSsid, _settings.WifiPassword, WifiReconnectionKind.Automatic, false, 0, wifiTimeout.Token))
            {
                throw new Exception("wifi");
            }

            bool tls = _settings.CaCertificate != null;
            X509Certificate ca = tls ? new X509Certificate(_settings.CaCertificate) : null;
            _client = new MqttClient(_settings.MqttHost, _settings.MqttPort, tls, ca, null, tls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            _client.MqttMsgPublishReceived += OnPublish;
            MqttReasonCode code = _client.Connect("heatpump-" + _bridge.BaseTopic.Substring(_bridge.BaseTopic.IndexOf('/') + 1),
                _settings.MqttUser, _settings.MqttPassword, true, MqttQoSLevel.AtLeastOnce, true, _bridge.AvailabilityTopic,
                HomeAssistantBridge.Offline, true, KeepAliveSeconds);
            if (code != MqttReasonCode.Success)
            {
                throw new Exception("connack");
            }

            // States queued while away are stale; the fresh one asked for below replaces them.
            _bridge.Link.Outbox.Clear();
            _client.Subscribe(new string[] { _bridge.CommandFilter }, new MqttQoSLevel[] { MqttQoSLevel.AtMostOnce });
            _client.Publish(_bridge.AvailabilityTopic, _online, null, null, MqttQoSLevel.AtLeastOnce, true);
            for (int i = 0; i < _bridge.DiscoveryCount; i++)
            {
                _bridge.WriteDiscovery(i, _discovery);
                Publish(_discovery.Topic, _discovery.Payload, true);
            }

            _bridge.Link.RequestState();
            Connects++;
            _log.Record("NET", "mqtt=connected port=" + _settings.MqttPort.ToString() + " tls=" + (tls ? "1" : "0") + " connects=" + Connects.ToString());
        }

        private void Publish(string topic, PayloadBuffer payload, bool retain)
        {
            // M2Mqtt takes a whole array: one copy per message, on this thread, never the loop's.
            byte[] bytes = new byte[payload.Length];
            Array.Copy(payload.Bytes, bytes, payload.Length);
            _client.Publish(topic, bytes, null, null, MqttQoSLevel.AtMostOnce, retain);
        }

        private void OnPublish(object sender, MqttMsgPublishEventArgs e)
        {
            byte[] message = e.Message == null ? Empty : e.Message;
            _bridge.Link.Inbox.Put(e.Topic, message, message.Length, e.Retain);
        }

        private void Close()
        {
            MqttClient client = _client;
            _client = null;
            if (client == null)
            {
                return;
            }

            try
            {
                client.MqttMsgPublishReceived -= OnPublish;
                client.Close();
            }
            catch (Exception)
            {
                // Closing a connection that already broke: nothing left to do.
            }
        }
    }
}
