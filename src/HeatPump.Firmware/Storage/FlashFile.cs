using System;
using System.IO;

namespace HeatPump.Firmware.Storage
{
    /// <summary>
    /// Whole-file reads and writes on the ESP32's internal flash drive (I:), in the shape the stores
    /// need. nanoCLR reports LittleFS errors as plain System.Exception, not IOException, so every
    /// call catches Exception: a flash fault costs the operation, never the loop (the core's
    /// StorageGuard catches again at the HAL boundary).
    /// </summary>
    internal static class FlashFile
    {
        /// <summary>The internal flash drive nanoCLR mounts on ESP32.</summary>
        public const string Drive = "I:\\";

        /// <summary>Reads up to <paramref name="buffer"/>.Length bytes of <paramref name="path"/>; 0 when it does not exist or cannot be read.</summary>
        public static int Read(string path, byte[] buffer)
        {
            try
            {
                if (!File.Exists(path))
                {
                    return 0;
                }

                using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    long length = stream.Length;
                    int count = length < buffer.Length ? (int)length : buffer.Length;
                    return count > 0 ? stream.Read(buffer, 0, count) : 0;
                }
            }
            catch (Exception)
            {
                return 0;
            }
        }

        /// <summary>Replaces <paramref name="path"/> with <paramref name="length"/> bytes of <paramref name="data"/>; false when the flash refused.</summary>
        public static bool Write(string path, byte[] data, int length)
        {
            try
            {
                using (FileStream stream = new FileStream(path, FileMode.Create, FileAccess.Write))
                {
                    stream.Write(data, 0, length);
                    stream.Flush();
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>Deletes <paramref name="path"/> if it exists; false when the flash refused.</summary>
        public static bool Delete(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }

                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>, replacing it; false when the flash refused.</summary>
        public static bool Replace(string from, string to)
        {
            try
            {
                if (File.Exists(to))
                {
                    File.Delete(to);
                }

                File.Move(from, to);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
