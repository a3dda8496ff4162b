// Declarations for the firmware type-check only (see README.md): nanoFramework.M2Mqtt 5.1.220,
// checked against nanoframework/nanoFramework.m2mqtt at tag v5.1.220 (commit 8208787):
// M2Mqtt/MqttClient.cs, nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishEventArgs.cs,
// MqttQoSLevel.cs, MqttReasonCode.cs, nanoFramework.M2Mqtt.Core/MqttSslProtocols.cs.
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel : byte
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }

    public enum MqttReasonCode : byte
    {
        Success = 0x00,
    }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public string Topic { get { throw new NotImplementedException(); } }

        public byte[] Message { get { throw new NotImplementedException(); } }

        public bool DupFlag { get { throw new NotImplementedException(); } }

        public MqttQoSLevel QosLevel { get { throw new NotImplementedException(); } }

        public bool Retain { get { throw new NotImplementedException(); } }
    }
}

namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3,
    }

    // The package declares this delegate inside its IMqttClient interface (IMqttClient.MqttMsgPublishEventHandler),
    // which C# 7.3 cannot declare; the firmware subscribes with a method group and never names the type.
    public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

    public class MqttClient : IDisposable
    {
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
        {
            throw new NotImplementedException();
        }

        public event MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public bool IsConnected { get { throw new NotImplementedException(); } }

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel,
            bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod)
        {
            throw new NotImplementedException();
        }

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels)
        {
            throw new NotImplementedException();
        }

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain)
        {
            throw new NotImplementedException();
        }

        public void Close()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }

        private void Silence()
        {
            MqttMsgPublishReceived(null, null);
        }
    }
}
