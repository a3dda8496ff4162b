namespace HeatPump.Control.Remote
{
    /// <summary>
    /// What the control loop and the network thread share, and all they share: a queue of commands
    /// in, a queue of messages out, and a flag by which the network side asks for a fresh state after
    /// it (re)connects. Sized once at start-up; see docs/home-assistant.md for the bytes.
    /// </summary>
    public sealed class RemoteLink
    {
        /// <summary>Command slots: more commands than this between two ticks are dropped (the rate limit refuses most of them anyway).</summary>
        public const int InboxSlots = 8;

        /// <summary>Outgoing slots: a state message and a few error replies between two passes of the network thread.</summary>
        public const int OutboxSlots = 6;

        /// <summary>Bytes of one outgoing message: the state JSON with room to spare.</summary>
        public const int OutboxSlotBytes = 768;

        private readonly object _lock = new object();
        private bool _stateRequested;

        /// <summary>Creates the queues.</summary>
        public RemoteLink()
        {
            // A command slot keeps one byte more than a command may have, so a payload cut to fit
            // still reads as too long by its ArrivedLength.
            Inbox = new MessageQueue(InboxSlots, HomeAssistantBridge.MaxCommandBytes + 1);
            Outbox = new MessageQueue(OutboxSlots, OutboxSlotBytes);
        }

        /// <summary>Commands from the network, taken by the control loop between ticks.</summary>
        public MessageQueue Inbox { get; private set; }

        /// <summary>State and error replies from the control loop, sent by the network thread.</summary>
        public MessageQueue Outbox { get; private set; }

        /// <summary>Bytes preallocated for both queues.</summary>
        public int CapacityBytes
        {
            get { return Inbox.CapacityBytes + Outbox.CapacityBytes; }
        }

        /// <summary>Called by the network side after every (re)connection: the next state goes out at once.</summary>
        public void RequestState()
        {
            lock (_lock)
            {
                _stateRequested = true;
            }
        }

        /// <summary>True once after <see cref="RequestState"/>.</summary>
        public bool TakeStateRequest()
        {
            lock (_lock)
            {
                bool was = _stateRequested;
                _stateRequested = false;
                return was;
            }
        }
    }
}
