namespace HeatPump.Control.Board
{
    /// <summary>
    /// The DS18B20 function commands the board uses (datasheet "ROM commands" and "function
    /// commands"), queued on a <see cref="OneWireTransaction"/>. The firmware sends them itself rather
    /// than through the nanoFramework Ds18b20 binding: the binding's read waits up to a second for
    /// the conversion and does not check the scratchpad CRC (README, "Why not the Ds18b20 binding").
    /// </summary>
    public static class Ds18b20Commands
    {
        /// <summary>Skip ROM: the next command goes to every device.</summary>
        public const byte SkipRom = 0xCC;

        /// <summary>Match ROM: the next 8 bytes select one device.</summary>
        public const byte MatchRom = 0x55;

        /// <summary>Convert T: start a temperature conversion.</summary>
        public const byte ConvertT = 0x44;

        /// <summary>Read Scratchpad: the device sends its 9 scratchpad bytes.</summary>
        public const byte ReadScratchpad = 0xBE;

        /// <summary>Write Scratchpad: TH, TL and the configuration register follow.</summary>
        public const byte WriteScratchpad = 0x4E;

        /// <summary>Copy Scratchpad: TH, TL and configuration to the device's EEPROM.</summary>
        public const byte CopyScratchpad = 0x48;

        /// <summary>Configuration register for 12-bit resolution (R1 = R0 = 1, the rest reads as 1).</summary>
        public const byte TwelveBitConfig = 0x7F;

        /// <summary>TH and TL as they leave the factory (75 °C, 70 °C): the board does not use the alarm.</summary>
        public const byte FactoryTh = 0x4B;

        /// <summary>See <see cref="FactoryTh"/>.</summary>
        public const byte FactoryTl = 0x46;

        /// <summary>Conversion time at 12 bits, 750 ms datasheet maximum, plus a margin.</summary>
        public const long ConversionMs = 800;

        /// <summary>Reset, Skip ROM, Convert T: every sensor converts at once (10 units, one slice).</summary>
        public static void QueueConvertAll(OneWireTransaction tx)
        {
            tx.Begin();
            tx.Reset();
            tx.Write(SkipRom);
            tx.Write(ConvertT);
        }

        /// <summary>Reset, Match ROM, Read Scratchpad, 9 bytes read (26 units, three slices).</summary>
        public static void QueueReadScratchpad(OneWireTransaction tx, byte[] rom, int at)
        {
            tx.Begin();
            tx.Reset();
            tx.Write(MatchRom);
            tx.WriteRom(rom, at);
            tx.Write(ReadScratchpad);
            tx.Read(Scratchpad.Length);
        }

        /// <summary>Reset, Match ROM, Write Scratchpad with TH, TL and 12-bit configuration (20 units, two slices).</summary>
        public static void QueueWriteTwelveBit(OneWireTransaction tx, byte[] rom, int at)
        {
            tx.Begin();
            tx.Reset();
            tx.Write(MatchRom);
            tx.WriteRom(rom, at);
            tx.Write(WriteScratchpad);
            tx.Write(FactoryTh);
            tx.Write(FactoryTl);
            tx.Write(TwelveBitConfig);
        }

        /// <summary>Reset, Match ROM, Copy Scratchpad (17 units, two slices); the EEPROM write takes up to 10 ms after it.</summary>
        public static void QueueCopyScratchpad(OneWireTransaction tx, byte[] rom, int at)
        {
            tx.Begin();
            tx.Reset();
            tx.Write(MatchRom);
            tx.WriteRom(rom, at);
            tx.Write(CopyScratchpad);
        }
    }
}
