using System;
using HeatPump.Control.Hal;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// The 1-Wire ROM search run one device per call. Each call is one native search step of
    /// nanoFramework's OneWireHost: about 200 bit slots, each a blocking UART round trip on ESP32, so
    /// about 200 ms per device (docs/safety.md). That is why a search runs only at boot, before
    /// control starts, and on the installer's MODE press while learning sensors.
    /// Keeps up to <see cref="MaxDevices"/> ROM codes; any more are counted but not kept.
    /// </summary>
    public sealed class BusSearch
    {
        /// <summary>ROM codes kept. Three sensors are expected; room for strays keeps the log useful.</summary>
        public const int MaxDevices = 8;

        private readonly byte[] _roms = new byte[MaxDevices * RomCode.Length];
        private bool _started;

        /// <summary>Devices found (may exceed <see cref="MaxDevices"/>; only that many are kept).</summary>
        public int Found { get; private set; }

        /// <summary>Devices kept in <see cref="Roms"/>.</summary>
        public int Kept
        {
            get { return Found < MaxDevices ? Found : MaxDevices; }
        }

        /// <summary>True once the last device has been found.</summary>
        public bool Done { get; private set; }

        /// <summary>The ROM codes found, 8 bytes each, in search order.</summary>
        public byte[] Roms
        {
            get { return _roms; }
        }

        /// <summary>Starts a new search; the next <see cref="Step"/> finds the first device.</summary>
        public void Begin()
        {
            Found = 0;
            Done = false;
            _started = false;
        }

        /// <summary>Finds the next device; returns true once the search is complete.</summary>
        public bool Step(IOneWireBus bus)
        {
            if (Done)
            {
                return true;
            }

            // Each find starts with a bus reset, so a device that drops out mid-search ends it cleanly.
            bool found;
            try
            {
                found = _started ? bus.SearchNext() : bus.SearchFirst();
            }
            catch (Exception)
            {
                // A driver error ends the search with what was found so far.
                found = false;
            }

            _started = true;
            if (!found)
            {
                Done = true;
                return true;
            }

            if (Found < MaxDevices)
            {
                bus.CopyFoundRom(_roms, Found * RomCode.Length);
            }

            Found++;
            return false;
        }

        /// <summary>Index of the ROM at <paramref name="at"/> among the kept ones, or -1.</summary>
        public int IndexOf(byte[] rom, int at)
        {
            for (int i = 0; i < Kept; i++)
            {
                if (RomCode.Same(_roms, i * RomCode.Length, rom, at))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// A number that differs between units and stays the same across boots: a mix of every ROM found
        /// (factory-unique serial numbers). The core uses it to pick the random part of the power-up delay.
        /// 0 when no device was found.
        /// </summary>
        public uint Fingerprint()
        {
            uint h = 0;
            for (int i = 0; i < Kept * RomCode.Length; i++)
            {
                h = (h * 31u) + _roms[i];
            }

            return h;
        }
    }
}
