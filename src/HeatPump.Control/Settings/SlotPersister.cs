using HeatPump.Control.Hal;

namespace HeatPump.Control.Settings
{
    /// <summary>
    /// The two-slot load and save that the settings, the service log and the commissioning report
    /// share (<see cref="SettingsSlots"/> makes the choice): at power-up the newest valid record
    /// of both slots is loaded; each write goes to the slot not holding it, with a sequence number one
    /// higher, and is read back; a write that fails or reads back wrong is counted and not retried for
    /// <see cref="SettingsPersister.RetryMs"/>. So a power cut mid-write loses at most the record being
    /// written, never the one before it. What a record holds and when to write it stay with the owner
    /// (<see cref="ISlotRecord"/>). All buffers are allocated at construction; nothing after.
    /// </summary>
    public sealed class SlotPersister
    {
        // Read buffers are a little larger than a record so an over-long slot is seen as such.
        private const int ReadSlack = 16;

        private readonly ISettingsStore _store;
        private readonly ISlotRecord _record;
        private readonly SettingsSlots _slots = new SettingsSlots();
        private readonly byte[] _read0;
        private readonly byte[] _read1;
        private readonly byte[] _image;
        private bool _loaded;
        private long _retryAtMs;

        /// <summary>Keeps records of <paramref name="record"/>'s kind, at most <paramref name="recordSize"/> bytes, on <paramref name="store"/>; call <see cref="Load"/> first.</summary>
        public SlotPersister(ISettingsStore store, ISlotRecord record, int recordSize)
        {
            _store = store;
            _record = record;
            _read0 = new byte[recordSize + ReadSlack];
            _read1 = new byte[recordSize + ReadSlack];
            _image = new byte[recordSize];
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

        /// <summary>True once <see cref="Load"/> has run: writing before the slots were read could overwrite the newest record.</summary>
        public bool Loaded
        {
            get { return _loaded; }
        }

        /// <summary>Reads both slots and loads the newest valid record; true when one was loaded (the owner starts afresh otherwise).</summary>
        public bool Load(long nowMs)
        {
            int n0 = ReadSlot(_store, 0, _read0);
            int n1 = ReadSlot(_store, 1, _read1);
            uint seq0;
            uint seq1;
            RecordCheck check0 = _record.Check(_read0, n0, out seq0);
            RecordCheck check1 = _record.Check(_read1, n1, out seq1);
            _slots.ChooseChecked(check0, seq0, check1, seq1);
            bool loaded = false;
            if (_slots.NewestSlot != SettingsSlots.NoSlot)
            {
                loaded = _slots.NewestSlot == 0 ? _record.Load(_read0, n0) : _record.Load(_read1, n1);
            }

            _retryAtMs = nowMs;
            _loaded = true;
            return loaded;
        }

        /// <summary>True when a write may be tried now: the slots were read and no failed write is waiting out its retry time.</summary>
        public bool CanWrite(long nowMs)
        {
            return _loaded && nowMs >= _retryAtMs;
        }

        /// <summary>
        /// Writes the owner's record to the slot not holding the newest one and reads it back; true when
        /// it came back the same. A failure is counted and holds further writes off for the retry time.
        /// </summary>
        public bool Write(long nowMs)
        {
            int slot = _slots.NextSlot;
            uint sequence = _slots.NextSequence;
            int length = _record.Encode(sequence, _image);
            if (!WriteVerified(_store, slot, _image, length, slot == 0 ? _read0 : _read1))
            {
                WriteFailures++;
                _retryAtMs = nowMs + SettingsPersister.RetryMs;
                return false;
            }

            _slots.Written(slot, sequence);
            WriteCount++;
            return true;
        }

        /// <summary>
        /// Writes <paramref name="length"/> bytes of <paramref name="record"/> to <paramref name="slot"/> and
        /// reads them back into <paramref name="back"/>; true only when the bytes came back the same.
        /// A flash or file-system error counts as a failed write: it must not stop the control loop.
        /// </summary>
        internal static bool WriteVerified(ISettingsStore store, int slot, byte[] record, int length, byte[] back)
        {
            try
            {
                store.WriteSlot(slot, record, length);
                return store.ReadSlot(slot, back) == length && SameBytes(back, record, length);
            }
            catch (System.Exception)
            {
                return false;
            }
        }

        /// <summary>Reads <paramref name="slot"/>; an unreadable slot reads as empty (0 bytes), and the other slot may still be good.</summary>
        internal static int ReadSlot(ISettingsStore store, int slot, byte[] buffer)
        {
            try
            {
                return store.ReadSlot(slot, buffer);
            }
            catch (System.Exception)
            {
                return 0;
            }
        }

        private static bool SameBytes(byte[] a, byte[] b, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
