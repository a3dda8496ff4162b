namespace HeatPump.Control.Remote
{
    /// <summary>
    /// A bounded first-in first-out queue of messages between the control loop and the network thread:
    /// a fixed ring of preallocated slots, each message copied in and out under a lock, so neither
    /// side ever holds the other's buffer. When the ring is full a new message is dropped and counted:
    /// a slow or absent network can never make the loop wait or grow the heap.
    /// </summary>
    public sealed class MessageQueue
    {
        private readonly object _lock = new object();
        private readonly RemoteMessage[] _slots;
        private int _head;
        private int _count;

        /// <summary>Creates a queue of <paramref name="slots"/> messages of up to <paramref name="slotBytes"/> bytes each.</summary>
        public MessageQueue(int slots, int slotBytes)
        {
            _slots = new RemoteMessage[slots];
            for (int i = 0; i < slots; i++)
            {
                _slots[i] = new RemoteMessage(slotBytes);
            }

            SlotBytes = slotBytes;
        }

        /// <summary>The payload bytes one slot holds.</summary>
        public int SlotBytes { get; private set; }

        /// <summary>The bytes this queue holds allocated: slots × slot size.</summary>
        public int CapacityBytes
        {
            get { return _slots.Length * SlotBytes; }
        }

        /// <summary>Messages dropped because the queue was full.</summary>
        public int Dropped { get; private set; }

        /// <summary>Messages waiting.</summary>
        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _count;
                }
            }
        }

        /// <summary>Adds a copy of <paramref name="message"/>; false (and counted) when full.</summary>
        public bool Put(RemoteMessage message)
        {
            lock (_lock)
            {
                RemoteMessage slot = Reserve();
                if (slot == null)
                {
                    return false;
                }

                slot.CopyFrom(message);
                return true;
            }
        }

        /// <summary>
        /// Adds a message arrived from the network, <paramref name="arrivedLength"/> bytes long, of which
        /// <paramref name="payload"/> holds the first (as many as it and a slot have room for;
        /// <see cref="RemoteMessage.ArrivedLength"/> keeps the true length, so an oversized payload is
        /// refused as such). False, and counted, when the queue is full.
        /// </summary>
        public bool Put(string topic, byte[] payload, int arrivedLength, bool retain)
        {
            int count = arrivedLength < payload.Length ? arrivedLength : payload.Length;
            lock (_lock)
            {
                RemoteMessage slot = Reserve();
                if (slot == null)
                {
                    return false;
                }

                slot.Topic = topic;
                slot.Retain = retain;
                slot.ArrivedLength = arrivedLength;
                slot.Payload.CopyFrom(payload, 0, count < SlotBytes ? count : SlotBytes);
                return true;
            }
        }

        /// <summary>Moves the oldest message into <paramref name="into"/>; false when the queue is empty.</summary>
        public bool TryTake(RemoteMessage into)
        {
            lock (_lock)
            {
                if (_count == 0)
                {
                    return false;
                }

                into.CopyFrom(_slots[_head]);
                _slots[_head].Topic = null;
                _head = (_head + 1) % _slots.Length;
                _count--;
                return true;
            }
        }

        /// <summary>Forgets every waiting message (e.g. state queued while the broker was away: a fresh one follows).</summary>
        public void Clear()
        {
            lock (_lock)
            {
                _head = 0;
                _count = 0;
            }
        }

        private RemoteMessage Reserve()
        {
            if (_count == _slots.Length)
            {
                Dropped++;
                return null;
            }

            RemoteMessage slot = _slots[(_head + _count) % _slots.Length];
            _count++;
            return slot;
        }
    }
}
