using HeatPump.Control.Hal;
using HeatPump.Control.Settings;

namespace HeatPump.Control.Commissioning
{
    /// <summary>
    /// Keeps the last <see cref="CommissioningReport"/> in flash in two slots, as the settings and the
    /// service log are kept (<see cref="SettingsSlots"/>: each write goes to the slot not holding the
    /// newest good record, with a sequence number one higher, and is read back), so a power cut
    /// mid-write leaves the report before it. A report is written on the tick after a run finishes;
    /// runs are rare, so flash wear does not arise. Buffers allocated at construction.
    /// </summary>
    public sealed class CommissioningPersister
    {
        private const int ReadSlack = 16;

        private readonly CommissioningReport _report;
        private readonly ISettingsStore _store;
        private readonly SettingsSlots _slots = new SettingsSlots();
        private readonly byte[] _read0 = new byte[CommissioningRecord.Size + ReadSlack];
        private readonly byte[] _read1 = new byte[CommissioningRecord.Size + ReadSlack];
        private readonly byte[] _record = new byte[CommissioningRecord.Size];
        private bool _loaded;
        private int _savedRevision;
        private long _retryAtMs;

        /// <summary>A persister for <paramref name="report"/> on <paramref name="store"/>; call <see cref="LoadAtPowerUp"/> first.</summary>
        public CommissioningPersister(CommissioningReport report, ISettingsStore store)
        {
            _report = report;
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

        /// <summary>Reads both slots and loads the newest valid report (none when neither is valid); true when one was loaded.</summary>
        public bool LoadAtPowerUp(long nowMs)
        {
            int n0 = SettingsPersister.ReadSlot(_store, 0, _read0);
            int n1 = SettingsPersister.ReadSlot(_store, 1, _read1);
            uint seq0;
            uint seq1;
            RecordCheck check0 = CommissioningRecord.Check(_read0, n0, out seq0);
            RecordCheck check1 = CommissioningRecord.Check(_read1, n1, out seq1);
            _slots.ChooseChecked(check0, seq0, check1, seq1);
            bool loaded = false;
            if (_slots.NewestSlot != SettingsSlots.NoSlot)
            {
                uint sequence;
                loaded = _slots.NewestSlot == 0
                    ? CommissioningRecord.TryDecode(_read0, n0, _report, out sequence) == RecordCheck.Ok
                    : CommissioningRecord.TryDecode(_read1, n1, _report, out sequence) == RecordCheck.Ok;
            }

            if (!loaded)
            {
                _report.Clear();
            }

            _savedRevision = _report.Revision;
            _retryAtMs = nowMs;
            _loaded = true;
            return loaded;
        }

        /// <summary>Call once per loop tick: writes a report that changed since the last write.</summary>
        public void Tick(long nowMs)
        {
            if (!_loaded || nowMs < _retryAtMs || _report.Revision == _savedRevision)
            {
                return;
            }

            int slot = _slots.NextSlot;
            uint sequence = _slots.NextSequence;
            int length = CommissioningRecord.Encode(_report, sequence, _record);
            if (!SettingsPersister.WriteVerified(_store, slot, _record, length, slot == 0 ? _read0 : _read1))
            {
                WriteFailures++;
                _retryAtMs = nowMs + SettingsPersister.RetryMs;
                return;
            }

            _slots.Written(slot, sequence);
            WriteCount++;
            _savedRevision = _report.Revision;
        }
    }
}
