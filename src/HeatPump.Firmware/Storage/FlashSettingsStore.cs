using HeatPump.Control.Hal;

namespace HeatPump.Firmware.Storage
{
    /// <summary>
    /// Two record slots as two files on internal flash: the settings ("settings0.bin", "settings1.bin")
    /// or the service log ("service0.bin", "service1.bin"). The core's persister decides which slot
    /// to write (never the one holding the newest good record) and verifies by reading back, so a
    /// power cut during a write spoils at most the older copy.
    /// </summary>
    internal sealed class FlashSettingsStore : ISettingsStore
    {
        private readonly string[] _slotPaths;
        private readonly string _name;
        private readonly SerialLog _log;

        /// <summary>Creates the settings store; failures are logged on <paramref name="log"/>.</summary>
        public FlashSettingsStore(SerialLog log)
            : this(log, "settings")
        {
        }

        /// <summary>Creates a store whose slots are the files <paramref name="name"/>0.bin and <paramref name="name"/>1.bin.</summary>
        public FlashSettingsStore(SerialLog log, string name)
        {
            _log = log;
            _name = name;
            _slotPaths = new string[] { FlashFile.Drive + name + "0.bin", FlashFile.Drive + name + "1.bin" };
        }

        /// <summary>Reads slot <paramref name="slot"/>; 0 when empty or unreadable.</summary>
        public int ReadSlot(int slot, byte[] buffer)
        {
            return FlashFile.Read(_slotPaths[slot], buffer);
        }

        /// <summary>Replaces slot <paramref name="slot"/> with <paramref name="length"/> bytes of <paramref name="record"/>.</summary>
        public void WriteSlot(int slot, byte[] record, int length)
        {
            if (!FlashFile.Write(_slotPaths[slot], record, length))
            {
                // The persister's read-back sees the failure too and retries later; this line says why.
                _log.Warn(_name + ".write-failed slot=" + slot.ToString());
            }
        }
    }
}
