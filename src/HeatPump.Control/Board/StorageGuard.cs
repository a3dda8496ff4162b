using System;
using HeatPump.Control.Hal;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// The storage boundary: every flash call goes through here, and whatever it throws is caught.
    /// nanoCLR reports LittleFS errors on I: as plain System.Exception, not IOException, so nothing
    /// narrower would do. A flash fault costs the write or the read (the persister retries and the
    /// core shows the settings fault); it never reaches the loop's catch-all, which would reboot.
    /// </summary>
    public sealed class StorageGuard : ISettingsStore, IBindingStore
    {
        private readonly ISettingsStore _settings;
        private readonly IBindingStore _bindings;

        /// <summary>Guards <paramref name="settings"/> and <paramref name="bindings"/> (either may be null when the board has none).</summary>
        public StorageGuard(ISettingsStore settings, IBindingStore bindings)
        {
            _settings = settings;
            _bindings = bindings;
        }

        /// <summary>Flash calls that threw, since power-up.</summary>
        public int Faults { get; private set; }

        /// <summary>Reads a settings slot; 0 (empty) when the flash threw.</summary>
        public int ReadSlot(int slot, byte[] buffer)
        {
            try
            {
                return _settings == null ? 0 : _settings.ReadSlot(slot, buffer);
            }
            catch (Exception)
            {
                Faults++;
                return 0;
            }
        }

        /// <summary>Writes a settings slot; a throw is counted and swallowed (the persister's read-back sees the failure and retries).</summary>
        public void WriteSlot(int slot, byte[] record, int length)
        {
            try
            {
                if (_settings != null)
                {
                    _settings.WriteSlot(slot, record, length);
                }
            }
            catch (Exception)
            {
                Faults++;
            }
        }

        /// <summary>Reads the binding image; 0 (none) when the flash threw.</summary>
        public int Read(byte[] buffer)
        {
            try
            {
                return _bindings == null ? 0 : _bindings.Read(buffer);
            }
            catch (Exception)
            {
                Faults++;
                return 0;
            }
        }

        /// <summary>Writes the binding image; false when the flash refused or threw.</summary>
        public bool Write(byte[] image, int length)
        {
            try
            {
                return _bindings != null && _bindings.Write(image, length);
            }
            catch (Exception)
            {
                Faults++;
                return false;
            }
        }
    }
}
