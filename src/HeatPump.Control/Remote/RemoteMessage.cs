namespace HeatPump.Control.Remote
{
    /// <summary>One MQTT message: topic, payload and retain flag, in a buffer allocated once and reused.</summary>
    public sealed class RemoteMessage
    {
        /// <summary>Creates a message whose payload holds up to <paramref name="capacity"/> bytes.</summary>
        public RemoteMessage(int capacity)
        {
            Payload = new PayloadBuffer(capacity);
        }

        /// <summary>The topic; one of the bridge's topic strings, built once, or the topic a message arrived on.</summary>
        public string Topic;

        /// <summary>True for a retained message (outgoing: keep it on the broker; incoming: the broker replayed a stored one).</summary>
        public bool Retain;

        /// <summary>
        /// The length the payload had when it arrived, which may exceed what <see cref="Payload"/> kept:
        /// an oversized command is recognised as such and refused, not cut to a shorter valid one.
        /// </summary>
        public int ArrivedLength;

        /// <summary>The payload bytes.</summary>
        public PayloadBuffer Payload { get; private set; }

        /// <summary>Copies every field of <paramref name="other"/> into this one.</summary>
        public void CopyFrom(RemoteMessage other)
        {
            Topic = other.Topic;
            Retain = other.Retain;
            ArrivedLength = other.ArrivedLength;
            Payload.CopyFrom(other.Payload);
        }
    }
}
