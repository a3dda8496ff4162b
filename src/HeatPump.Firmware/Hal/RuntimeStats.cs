using HeatPump.Control.Hal;

namespace HeatPump.Firmware.Hal
{
    /// <summary>
    /// Memory figures for the STS line. Free memory comes from nanoFramework.Runtime.Native's
    /// <c>GC.Run(false)</c>, which runs a collection and returns the free heap in bytes (so it is
    /// called only on the STS tick, every 10 s, and is itself counted in <see cref="Collections"/>).
    /// nanoCLR has no managed collection counter: a sentinel object whose finalizer counts and
    /// replaces itself sees each collection that finds it unreachable, which is every one.
    /// </summary>
    internal sealed class RuntimeStats : IRuntimeStats
    {
        private static int s_collections;

        /// <summary>Plants the first sentinel.</summary>
        public RuntimeStats()
        {
            Plant();
        }

        /// <summary>Collections seen since power-up.</summary>
        public int Collections
        {
            get { return s_collections; }
        }

        /// <summary>Free managed heap after a collection, bytes.</summary>
        public long FreeBytes()
        {
            return nanoFramework.Runtime.Native.GC.Run(false);
        }

        private static void Plant()
        {
            new Sentinel();
        }

        private sealed class Sentinel
        {
            ~Sentinel()
            {
                s_collections++;
                Plant();
            }
        }
    }
}
