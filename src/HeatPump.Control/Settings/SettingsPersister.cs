using HeatPump.Control.Hal;

namespace HeatPump.Control.Settings
{
    /// <summary>
    /// Keeps the settings in flash. Loads the newest valid record at power-up; afterwards, ticked by
    /// the loop, writes a new record only once the settings have stayed unchanged for
    /// <see cref="QuietMs"/>, so a user pressing UP ten times costs one flash write, not ten (flash
    /// wear). Writes alternate between the two slots with a rising sequence number and are read back
    /// to verify. All buffers are allocated at construction; a tick allocates nothing.
    /// </summary>
    public sealed class SettingsPersister
    {
        /// <summary>The settings must be unchanged this long before they are written, ms.</summary>
        public const long QuietMs = 5000;

        /// <summary>After a write that did not read back correctly, wait this long before trying again, ms.</summary>
        public const long RetryMs = 60000;

        // Read buffers are a little larger than a record so an over-long slot is seen as such.
        private const int ReadSlack = 16;

        private readonly ControllerSettings _settings;
        private readonly ISettingsStore _store;
        private readonly SettingsSlots _slots = new SettingsSlots();
        private readonly byte[] _read0;
        private readonly byte[] _read1;
        private readonly byte[] _record;
        private readonly int[] _saved;
        private bool _loaded;
        private int _savedRevision;
        private int _seenRevision;
        private long _changedAtMs;
        private long _retryAtMs;

        /// <summary>Creates a persister for <paramref name="settings"/> on <paramref name="store"/>; call <see cref="LoadAtPowerUp"/> first.</summary>
        public SettingsPersister(ControllerSettings settings, ISettingsStore store)
        {
            _settings = settings;
            _store = store;
            int size = SettingsRecord.Size;
            _read0 = new byte[size + ReadSlack];
            _read1 = new byte[size + ReadSlack];
            _record = new byte[size];
            _saved = new int[SettingsCatalog.Count];
        }

        /// <summary>The slot choice: which slot is newest, what each slot held, where the next write goes.</summary>
        public SettingsSlots Slots
        {
            get { return _slots; }
        }

        /// <summary>
        /// True while the store holds no valid settings although it held something at power-up:
        /// defaults are in use and the display shows a settings fault. Clears after the next verified write.
        /// </summary>
        public bool SettingsFault
        {
            get { return _slots.SettingsFault; }
        }

        /// <summary>True while a change is waiting to be written.</summary>
        public bool Pending
        {
            get { return _loaded && _settings.Revision != _savedRevision; }
        }

        /// <summary>Records written and verified since power-up.</summary>
        public int WriteCount { get; private set; }

        /// <summary>Writes that failed or did not read back since power-up.</summary>
        public int WriteFailures { get; private set; }

        /// <summary>
        /// Reads both slots and loads the newest valid record into the settings, or factory defaults
        /// when there is none. Returns true when defaults are in use.
        /// </summary>
        public bool LoadAtPowerUp(long nowMs)
        {
            int n0 = ReadSlot(0, _read0);
            int n1 = ReadSlot(1, _read1);
            bool defaults = _slots.Load(_read0, n0, _read1, n1, _settings);
            RememberSaved();
            _seenRevision = _savedRevision;
            _changedAtMs = nowMs;
            _retryAtMs = nowMs;
            _loaded = true;
            return defaults;
        }

        /// <summary>Call once per loop tick: writes the settings once they have been quiet for <see cref="QuietMs"/>.</summary>
        public void Tick(long nowMs)
        {
            if (!_loaded)
            {
                // Writing before the slots were read could overwrite the newest record.
                return;
            }

            int revision = _settings.Revision;
            if (revision != _seenRevision)
            {
                _seenRevision = revision;
                _changedAtMs = nowMs;
                return;
            }

            if (revision == _savedRevision || nowMs - _changedAtMs < QuietMs || nowMs < _retryAtMs)
            {
                return;
            }

            if (_slots.NewestSlot != SettingsSlots.NoSlot && SameAsSaved())
            {
                // Changed and changed back: the flash already holds these values.
                _savedRevision = revision;
                return;
            }

            Write(nowMs);
        }

        private void Write(long nowMs)
        {
            int slot = _slots.NextSlot;
            uint sequence = _slots.NextSequence;
            int length = SettingsRecord.Encode(_settings, sequence, _record);
            if (!SlotPersister.WriteVerified(_store, slot, _record, length, slot == 0 ? _read0 : _read1))
            {
                WriteFailures++;
                _retryAtMs = nowMs + RetryMs;
                return;
            }

            _slots.Written(slot, sequence);
            WriteCount++;
            RememberSaved();
        }

        private int ReadSlot(int slot, byte[] buffer)
        {
            return SlotPersister.ReadSlot(_store, slot, buffer);
        }

        private void RememberSaved()
        {
            for (int i = 0; i < _saved.Length; i++)
            {
                _saved[i] = _settings.Get((SettingId)i);
            }

            _savedRevision = _settings.Revision;
        }

        private bool SameAsSaved()
        {
            for (int i = 0; i < _saved.Length; i++)
            {
                if (_saved[i] != _settings.Get((SettingId)i))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
