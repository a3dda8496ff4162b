using System;
using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;
using Iot.Device.Ds18b20;
using nanoFramework.Device.OneWire;
using nanoFramework.Hardware.Esp32;

namespace HeatPump.Firmware.OneWire
{
    /// <summary>
    /// The DS18B20 sensors on one 1-Wire bus (ESP32 COM3, RX and TX joined, 4.7 kΩ pull-up), driven
    /// without blocking: one Skip ROM + Convert T starts every sensor converting at once, and each
    /// scratchpad is read later, one per tick, with Match ROM + Read Scratchpad and checked against its
    /// CRC. The nanoFramework Ds18b20 binding is not used for reading: its TryReadTemperature waits up
    /// to a second for the conversion and reads only two bytes without the CRC. It is used once per
    /// learned sensor, outside the control path, to set 12-bit resolution.
    /// </summary>
    internal sealed class Ds18b20Bus : ITemperatureBus
    {
        /// <summary>12-bit conversion time 750 ms (datasheet maximum) plus a margin.</summary>
        public const long ConversionMs = 800;

        /// <summary>A scratchpad read normally takes about 15 ms; past this the bus is broken (RX not joined, timeouts) and the read is abandoned.</summary>
        public const long ReadBudgetMs = 30;

        private const byte SkipRom = 0xCC;
        private const byte MatchRom = 0x55;
        private const byte ConvertT = 0x44;
        private const byte ReadScratchpad = 0xBE;
        private const int ScratchpadLength = 9;

        private readonly IMonotonicClock _clock;
        private readonly SensorBindings _bindings;
        private readonly OneWireHost _host;
        private readonly byte[] _pad = new byte[ScratchpadLength];
        private long _conversionStartMs;
        private bool _converting;

        /// <summary>Routes COM3 to the bus pins and opens the (single) 1-Wire host.</summary>
        public Ds18b20Bus(IMonotonicClock clock, SensorBindings bindings)
        {
            _clock = clock;
            _bindings = bindings;

            // nanoCLR drives COM3's TX open-drain, so TX and RX join directly on the bus wire.
            Configuration.SetPinFunction(BoardConfig.OneWireRxPin, DeviceFunction.COM3_RX);
            Configuration.SetPinFunction(BoardConfig.OneWireTxPin, DeviceFunction.COM3_TX);
            _host = new OneWireHost();
        }

        /// <summary>The host, for ROM searches.</summary>
        public OneWireHost Host
        {
            get { return _host; }
        }

        /// <summary>True when the last reset found no device at all on the bus.</summary>
        public bool BusEmpty { get; private set; }

        /// <summary>Scratchpad reads abandoned because the bus was too slow (miswired).</summary>
        public int SlowReads { get; private set; }

        /// <summary>Bus operations the 1-Wire driver refused with an exception (each read as "no response").</summary>
        public int BusErrors { get; private set; }

        /// <summary>True once the conversion started last has had <see cref="ConversionMs"/>.</summary>
        public bool ConversionReady
        {
            get { return _converting && _clock.NowMs - _conversionStartMs >= ConversionMs; }
        }

        /// <summary>Starts a conversion on every sensor at once (Skip ROM, Convert T).</summary>
        public void StartConversion()
        {
            _conversionStartMs = _clock.NowMs;
            _converting = true;
            try
            {
                BusEmpty = !_host.TouchReset();
                if (BusEmpty)
                {
                    return;
                }

                _host.WriteByte(SkipRom);
                _host.WriteByte(ConvertT);
            }
            catch (Exception)
            {
                // A driver error on the bus is a sensor problem, not a reason to restart the controller:
                // the reads that follow fail and the validators take it from there.
                BusErrors++;
            }
        }

        /// <summary>Reads the scratchpad of the sensor bound to <paramref name="role"/> and checks it.</summary>
        public SensorSample Read(SensorRole role)
        {
            if (!_bindings.IsBound(role))
            {
                return SensorSample.Failed(SampleStatus.NoResponse);
            }

            try
            {
                return ReadScratchpadOf(role);
            }
            catch (Exception)
            {
                BusErrors++;
                return SensorSample.Failed(SampleStatus.NoResponse);
            }
        }

        private SensorSample ReadScratchpadOf(SensorRole role)
        {
            long start = _clock.NowMs;
            if (!_host.TouchReset())
            {
                return SensorSample.Failed(SampleStatus.NoResponse);
            }

            byte[] roms = _bindings.Roms;
            int at = SensorBindings.OffsetOf(role);
            _host.WriteByte(MatchRom);
            for (int i = 0; i < RomCode.Length; i++)
            {
                _host.WriteByte(roms[at + i]);
            }

            _host.WriteByte(ReadScratchpad);
            for (int i = 0; i < ScratchpadLength; i++)
            {
                _pad[i] = _host.ReadByte();
                if (_clock.NowMs - start > ReadBudgetMs)
                {
                    SlowReads++;
                    return SensorSample.Failed(SampleStatus.NoResponse);
                }
            }

            return Scratchpad.Decode(_pad);
        }

        /// <summary>
        /// Sets a learned sensor to 12-bit resolution in its scratchpad and EEPROM through the binding
        /// (about 25 ms including the EEPROM copy): the 1/16 °C reading and the 800 ms wait assume it.
        /// </summary>
        public void SetTwelveBit(byte[] rom, int at)
        {
            byte[] address = new byte[RomCode.Length];
            RomCode.Copy(rom, at, address, 0);
            try
            {
                Ds18b20 sensor = new Ds18b20(_host, address, true, TemperatureResolution.VeryHigh);
                sensor.ConfigurationWrite(true);
            }
            catch (Exception)
            {
                // The sensor keeps the resolution it had (12-bit from the factory); reads still work.
                BusErrors++;
            }
        }
    }
}
