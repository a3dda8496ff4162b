using HeatPump.Control.Hal;
using HeatPump.Control.Settings;

namespace HeatPump.Control.Service
{
    /// <summary>
    /// Keeps the <see cref="ServiceLog"/> in flash in two slots, exactly as the settings are kept
    /// (<see cref="SettingsSlots"/>: each write goes to the slot not holding the newest good record,
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

        private const int ReadSlack = 16;

        private readonly ServiceLog _log;
        private readonly ISettingsStore _store;
        private readonly SettingsSlots _slots = new SettingsSlots();
        private readonly byte[] _read0 = new byte[ServiceRecord.Size + ReadSlack];
        private readonly byte[] _read1 = new byte[ServiceRecord.Size + ReadSlack];
        private readonly byte[] _record = new byte[ServiceRecord.Size];
        private bool _loaded;
        private int _savedFaults;
        private int _savedCounters;
        private long _savedAtMs;
        private long _retryAtMs;

        /// <summary>Creates a persister for <paramref name="log"/> on <paramref name="store"/>; call <see cref="LoadAtPowerUp"/> first.</summary>
        public ServicePersister(ServiceLog log, ISettingsStore store)
        {
            _log = log;
            _store = store;
        }

        /// <summary>The slot choice: which slot is newest, what each slot held.</summary>
        public SettingsSlots Slots
        {
            get { return _slots; }
        }

        /// <summary>Records written and verified since power-up.</summary>
        public int WriteCount { get; private set; }

        /// <summary>Writes that failed or did not read back since power-up.</summary>
        public int WriteFailures { get; private set; }

        /// <summary>True while a fault is waiting to be written.</summary>
        public bool FaultPending
        {
            get { return _loaded && _log.FaultRevision != _savedFaults; }
        }

        /// <summary>
        /// Reads both slots, loads the newest valid record into the log (an empty log when there is none)
        /// and starts this power-up's number. Returns true when a record was loaded.
        /// </summary>
        public bool LoadAtPowerUp(long nowMs)
        {
            int n0 = SettingsPersister.ReadSlot(_store, 0, _read0);
            int n1 = SettingsPersister.ReadSlot(_store, 1, _read1);
            uint seq0;
            uint seq1;
            RecordCheck check0 = ServiceRecord.Check(_read0, n0, out seq0);
            RecordCheck check1 = ServiceRecord.Check(_read1, n1, out seq1);
            _slots.ChooseChecked(check0, seq0, check1, seq1);
            bool loaded = false;
            if (_slots.NewestSlot != SettingsSlots.NoSlot)
            {
                uint sequence;
                loaded = _slots.NewestSlot == 0
                    ? ServiceRecord.TryDecode(_read0, n0, _log, out sequence) == RecordCheck.Ok
                    : ServiceRecord.TryDecode(_read1, n1, _log, out sequence) == RecordCheck.Ok;
            }

            if (!loaded)
            {
                _log.Clear();
            }

            _log.StartPowerUp();
            _savedFaults = _log.FaultRevision;
            _savedCounters = _log.CounterRevision;
            _savedAtMs = nowMs;
            _retryAtMs = nowMs;
            _loaded = true;
            return loaded;
        }

        /// <summary>Call once per loop tick: writes a new fault at once, changed counters now and then.</summary>
        public void Tick(long nowMs)
        {
            if (!_loaded || nowMs < _retryAtMs)
            {
                // Writing before the slots were read could overwrite the newest record.
                return;
            }

            int faults = _log.FaultRevision;
            int counters = _log.CounterRevision;
            bool due = faults != _savedFaults || (counters != _savedCounters && nowMs - _savedAtMs >= CounterSaveMs);
            if (!due)
            {
                return;
            }

            int slot = _slots.NextSlot;
            uint sequence = _slots.NextSequence;
            int length = ServiceRecord.Encode(_log, sequence, _record);
            if (!SettingsPersister.WriteVerified(_store, slot, _record, length, slot == 0 ? _read0 : _read1))
            {
                WriteFailures++;
                _retryAtMs = nowMs + RetryMs;
                return;
            }

            _slots.Written(slot, sequence);
            WriteCount++;
            _savedFaults = faults;
            _savedCounters = counters;
            _savedAtMs = nowMs;
        }
    }
}
