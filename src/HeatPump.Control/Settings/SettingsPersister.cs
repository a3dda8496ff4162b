using HeatPump.Control.Hal;

namespace HeatPump.Control.Settings
{
    /// <summary>
    /// Keeps the settings in flash. Loads the newest valid record at power-up; afterwards, ticked by
    /// the loop, writes a new record only once the settings have stayed unchanged for
    /// <see cref="QuietMs"/>, so a user pressing UP ten times costs one flash write, not ten (flash
    /// wear). Writes alternate between the two slots with a rising sequence number and are read back
    /// to verify (<see cref="SlotPersister"/>, as for the service log and the commissioning report).
    /// All buffers are allocated at construction; a tick allocates nothing.
    /// </summary>
    public sealed class SettingsPersister
    {
        /// <summary>The settings must be unchanged this long before they are written, ms.</summary>
        public const long QuietMs = 5000;

        /// <summary>After a write that did not read back correctly, wait this long before trying again, ms.</summary>
        public const long RetryMs = 60000;

        private readonly ControllerSettings _settings;
        private readonly SlotPersister _slots;
        private readonly int[] _saved;
        private int _savedRevision;
        private int _seenRevision;
        private long _changedAtMs;

        /// <summary>Creates a persister for <paramref name="settings"/> on <paramref name="store"/>; call <see cref="LoadAtPowerUp"/> first.</summary>
        public SettingsPersister(ControllerSettings settings, ISettingsStore store)
        {
            _settings = settings;
            _slots = new SlotPersister(store, new Format(settings), SettingsRecord.Size);
            _saved = new int[SettingsCatalog.Count];
        }

        /// <summary>The slot choice: which slot is newest, what each slot held, where the next write goes.</summary>
        public SettingsSlots Slots
        {
            get { return _slots.Slots; }
        }

        /// <summary>
        /// True while the store holds no valid settings although it held something at power-up:
        /// defaults are in use and the display shows a settings fault. Clears after the next verified write.
        /// </summary>
        public bool SettingsFault
        {
            get { return _slots.Slots.SettingsFault; }
        }

        /// <summary>True while a change is waiting to be written.</summary>
        public bool Pending
        {
            get { return _slots.Loaded && _settings.Revision != _savedRevision; }
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

        /// <summary>
        /// Reads both slots and loads the newest valid record into the settings, or factory defaults
        /// when there is none. Returns true when defaults are in use.
        /// </summary>
        public bool LoadAtPowerUp(long nowMs)
        {
            bool loaded = _slots.Load(nowMs);
            if (!loaded)
            {
                _settings.ResetToDefaults();
            }

            RememberSaved();
            _seenRevision = _savedRevision;
            _changedAtMs = nowMs;
            return !loaded;
        }

        /// <summary>Call once per loop tick: writes the settings once they have been quiet for <see cref="QuietMs"/>.</summary>
        public void Tick(long nowMs)
        {
            if (!_slots.Loaded)
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

            if (revision == _savedRevision || nowMs - _changedAtMs < QuietMs || !_slots.CanWrite(nowMs))
            {
                return;
            }

            if (_slots.Slots.NewestSlot != SettingsSlots.NoSlot && SameAsSaved())
            {
                // Changed and changed back: the flash already holds these values.
                _savedRevision = revision;
                return;
            }

            if (_slots.Write(nowMs))
            {
                RememberSaved();
            }
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

        /// <summary>The settings record's side of the two slots.</summary>
        private sealed class Format : ISlotRecord
        {
            private readonly ControllerSettings _settings;

            public Format(ControllerSettings settings)
            {
                _settings = settings;
            }

            public RecordCheck Check(byte[] buffer, int length, out uint sequence)
            {
                return SettingsRecord.Check(buffer, length, out sequence);
            }

            public bool Load(byte[] buffer, int length)
            {
                uint sequence;
                return SettingsRecord.TryDecode(buffer, length, _settings, out sequence) == RecordCheck.Ok;
            }

            public int Encode(uint sequence, byte[] buffer)
            {
                return SettingsRecord.Encode(_settings, sequence, buffer);
            }
        }
    }
}
