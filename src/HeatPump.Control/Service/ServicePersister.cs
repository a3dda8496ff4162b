using HeatPump.Control.Hal;
using HeatPump.Control.Settings;

namespace HeatPump.Control.Service
{
    /// <summary>
    /// Keeps the <see cref="ServiceLog"/> in flash in two slots, exactly as the settings are kept
    /// (<see cref="SlotPersister"/>: each write goes to the slot not holding the newest good record,
    /// with a sequence number one higher, and is read back), so a power cut mid-write loses at most the
    /// newest fault, never the ones before it. A new fault is written on the next tick; the counters
    /// alone at most every <see cref="CounterSaveMs"/> (flash wear). All buffers are allocated at
    /// construction; a tick allocates nothing.
    /// </summary>
    public sealed class ServicePersister
    {
        /// <summary>Counters that changed without a fault are written at most this often, ms (6 h).</summary>
        public const long CounterSaveMs = 6L * 3600L * 1000L;

        /// <summary>After a write that did not read back correctly, wait this long before trying again, ms.</summary>
        public const long RetryMs = SettingsPersister.RetryMs;

        private readonly ServiceLog _log;
        private readonly SlotPersister _slots;
        private int _savedFaults;
        private int _savedCounters;
        private long _savedAtMs;

        /// <summary>Creates a persister for <paramref name="log"/> on <paramref name="store"/>; call <see cref="LoadAtPowerUp"/> first.</summary>
        public ServicePersister(ServiceLog log, ISettingsStore store)
        {
            _log = log;
            _slots = new SlotPersister(store, new Format(log), ServiceRecord.Size);
        }

        /// <summary>The slot choice: which slot is newest, what each slot held.</summary>
        public SettingsSlots Slots
        {
            get { return _slots.Slots; }
        }

        /// <summary>Records written and verified since power-up.</summary>
        public int WriteCount
        {
            get { return _slots.WriteCount; }
        }

        /// <summary>Writes that failed or did not read back since power-up.</summary>
        public int WriteFailures
        {
            get { return _slots.WriteFailures; }
        }

        /// <summary>True while a fault is waiting to be written.</summary>
        public bool FaultPending
        {
            get { return _slots.Loaded && _log.FaultRevision != _savedFaults; }
        }

        /// <summary>
        /// Reads both slots, loads the newest valid record into the log (an empty log when there is none)
        /// and starts this power-up's number. Returns true when a record was loaded.
        /// </summary>
        public bool LoadAtPowerUp(long nowMs)
        {
            bool loaded = _slots.Load(nowMs);
            if (!loaded)
            {
                _log.Clear();
            }

            _log.StartPowerUp();
            _savedFaults = _log.FaultRevision;
            _savedCounters = _log.CounterRevision;
            _savedAtMs = nowMs;
            return loaded;
        }

        /// <summary>Call once per loop tick: writes a new fault at once, changed counters now and then.</summary>
        public void Tick(long nowMs)
        {
            if (!_slots.CanWrite(nowMs))
            {
                return;
            }

            int faults = _log.FaultRevision;
            int counters = _log.CounterRevision;
            bool due = faults != _savedFaults || (counters != _savedCounters && nowMs - _savedAtMs >= CounterSaveMs);
            if (!due || !_slots.Write(nowMs))
            {
                return;
            }

            _savedFaults = faults;
            _savedCounters = counters;
            _savedAtMs = nowMs;
        }

        /// <summary>The service record's side of the two slots.</summary>
        private sealed class Format : ISlotRecord
        {
            private readonly ServiceLog _log;

            public Format(ServiceLog log)
            {
                _log = log;
            }

            public RecordCheck Check(byte[] buffer, int length, out uint sequence)
            {
                return ServiceRecord.Check(buffer, length, out sequence);
            }

            public bool Load(byte[] buffer, int length)
            {
                uint sequence;
                return ServiceRecord.TryDecode(buffer, length, _log, out sequence) == RecordCheck.Ok;
            }

            public int Encode(uint sequence, byte[] buffer)
            {
                return ServiceRecord.Encode(_log, sequence, buffer);
            }
        }
    }
}
