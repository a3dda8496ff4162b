using HeatPump.Control.Hal;
using HeatPump.Control.Settings;

namespace HeatPump.Control.Commissioning
{
    /// <summary>
    /// Keeps the last <see cref="CommissioningReport"/> in flash in two slots, as the settings and the
    /// service log are kept (<see cref="SlotPersister"/>: each write goes to the slot not holding the
    /// newest good record, with a sequence number one higher, and is read back), so a power cut
    /// mid-write leaves the report before it. A report is written on the tick after a run finishes;
    /// runs are rare, so flash wear does not arise. Buffers allocated at construction.
    /// </summary>
    public sealed class CommissioningPersister
    {
        private readonly CommissioningReport _report;
        private readonly SlotPersister _slots;
        private int _savedRevision;

        /// <summary>A persister for <paramref name="report"/> on <paramref name="store"/>; call <see cref="LoadAtPowerUp"/> first.</summary>
        public CommissioningPersister(CommissioningReport report, ISettingsStore store)
        {
            _report = report;
            _slots = new SlotPersister(store, new Format(report), CommissioningRecord.Size);
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

        /// <summary>Reads both slots and loads the newest valid report (none when neither is valid); true when one was loaded.</summary>
        public bool LoadAtPowerUp(long nowMs)
        {
            bool loaded = _slots.Load(nowMs);
            if (!loaded)
            {
                _report.Clear();
            }

            _savedRevision = _report.Revision;
            return loaded;
        }

        /// <summary>Call once per loop tick: writes a report that changed since the last write.</summary>
        public void Tick(long nowMs)
        {
            int revision = _report.Revision;
            if (revision != _savedRevision && _slots.CanWrite(nowMs) && _slots.Write(nowMs))
            {
                _savedRevision = revision;
            }
        }

        /// <summary>The commissioning record's side of the two slots.</summary>
        private sealed class Format : ISlotRecord
        {
            private readonly CommissioningReport _report;

            public Format(CommissioningReport report)
            {
                _report = report;
            }

            public RecordCheck Check(byte[] buffer, int length, out uint sequence)
            {
                return CommissioningRecord.Check(buffer, length, out sequence);
            }

            public bool Load(byte[] buffer, int length)
            {
                uint sequence;
                return CommissioningRecord.TryDecode(buffer, length, _report, out sequence) == RecordCheck.Ok;
            }

            public int Encode(uint sequence, byte[] buffer)
            {
                return CommissioningRecord.Encode(_report, sequence, buffer);
            }
        }
    }
}
