using HeatPump.Control.Hal;

namespace HeatPump.Firmware.Storage
{
    /// <summary>
    /// The two settings slots as two files on internal flash. The core's persister decides which slot
    /// to write (never the one holding the newest good record) and verifies by reading back, so a
    /// power cut during a write spoils at most the older copy.
    /// </summary>
    internal sealed class FlashSettingsStore : ISettingsStore
    {
        private static readonly string[] SlotPaths = new string[]
        {
            FlashFile.Drive + "settings0.bin",
            FlashFile.Drive + "settings1.bin",
        };

        private readonly SerialLog _log;

        /// <summary>Creates the store; failures are logged on <paramref name="log"/>.</summary>
        public FlashSettingsStore(SerialLog log)
        {
            _log = log;
        }

        /// <summary>Reads slot <paramref name="slot"/>; 0 when empty or unreadable.</summary>
        public int ReadSlot(int slot, byte[] buffer)
        {
            return FlashFile.Read(SlotPaths[slot], buffer);
        }

        /// <summary>Replaces slot <paramref name="slot"/> with <paramref name="length"/> bytes of <paramref name="record"/>.</summary>
        public void WriteSlot(int slot, byte[] record, int length)
        {
            if (!FlashFile.Write(SlotPaths[slot], record, length))
            {
                // The persister's read-back sees the failure too and retries later; this line says why.
                _log.Warn("settings.write-failed slot=" + slot.ToString());
            }
        }
    }
}
