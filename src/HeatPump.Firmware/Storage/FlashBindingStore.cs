using HeatPump.Control.Hal;

namespace HeatPump.Firmware.Storage
{
    /// <summary>
    /// The sensor bindings in <c>I:\sensors.bin</c> next to the settings slots, written to a
    /// temporary file first and renamed over the old one, so a power cut mid-write leaves either
    /// the old bindings or the new ones (the core's BindingRecord checks length, magic and CRC).
    /// </summary>
    internal sealed class FlashBindingStore : IBindingStore
    {
        private const string FilePath = FlashFile.Drive + "sensors.bin";
        private const string TempPath = FlashFile.Drive + "sensors.tmp";

        /// <summary>Reads the bindings file, or the temporary one a cut before the rename left behind.</summary>
        public int Read(byte[] buffer)
        {
            int n = FlashFile.Read(FilePath, buffer);
            return n > 0 ? n : FlashFile.Read(TempPath, buffer);
        }

        /// <summary>Writes the temporary file, then renames it over the bindings file.</summary>
        public bool Write(byte[] image, int length)
        {
            return FlashFile.Write(TempPath, image, length) && FlashFile.Replace(TempPath, FilePath);
        }
    }
}
