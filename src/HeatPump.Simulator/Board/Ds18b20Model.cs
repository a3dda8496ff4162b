using HeatPump.Control.Board;

namespace HeatPump.Simulator.Board;

/// <summary>
/// One DS18B20 as its datasheet describes it at the byte level: a 64-bit ROM, a 9-byte scratchpad
/// (temperature, TH, TL, configuration, reserved 0xFF, reserved, 0x10, CRC), 85 °C in the temperature
/// register from power-up until the first conversion ends, a 750 ms conversion at 12 bits, and an
/// EEPROM that Copy Scratchpad writes. Faults: CRC errors, absence, slow replies, a power glitch.
/// </summary>
public sealed class Ds18b20Model
{
    private readonly byte[] _pad = { 0x50, 0x05, 0x4B, 0x46, 0x7F, 0xFF, 0x0C, 0x10, 0x00 };
    private double _conversionDoneAt = double.MaxValue;

    public Ds18b20Model(byte serial, double celsius)
    {
        Rom = MakeRom(serial);
        Celsius = celsius;
        UpdateCrc();
    }

    /// <summary>ROM code in bus order: family 0x28, 48-bit serial, CRC.</summary>
    public byte[] Rom { get; }

    /// <summary>The temperature at the sensor's tip now.</summary>
    public double Celsius { get; set; }

    /// <summary>On the bus (answers resets and searches).</summary>
    public bool Present { get; set; } = true;

    /// <summary>Every scratchpad read comes back with a flipped bit: noise on the cable.</summary>
    public bool CorruptReads { get; set; }

    /// <summary>Extra time each byte this device takes part in costs (a marginal bus stretching each slot).</summary>
    public double ExtraMsPerByte { get; set; }

    /// <summary>Configuration byte held in EEPROM (Copy Scratchpad writes it).</summary>
    public byte EepromConfig { get; private set; } = 0x3F;

    /// <summary>Configuration byte in the scratchpad now.</summary>
    public byte Config => _pad[4];

    public int ScratchpadReads { get; private set; }

    public static byte[] MakeRom(byte serial)
    {
        byte[] rom = { RomCode.Ds18b20Family, serial, 0x4A, 0x1B, 0x05, 0x16, 0x03, 0 };
        rom[7] = DallasCrc8.Compute(rom, 0, 7);
        return rom;
    }

    /// <summary>The sensor lost power and came back: 85 °C in the register until it converts again.</summary>
    public void PowerGlitch()
    {
        SetRegister(0x0550);
        _conversionDoneAt = double.MaxValue;
    }

    public void StartConversion(double nowMs) => _conversionDoneAt = nowMs + 750;

    public void WriteScratchpad(byte th, byte tl, byte config)
    {
        _pad[2] = th;
        _pad[3] = tl;
        _pad[4] = (byte)((config & 0x60) | 0x1F);
        UpdateCrc();
    }

    public void CopyScratchpad() => EepromConfig = _pad[4];

    /// <summary>The scratchpad as the next read sends it.</summary>
    public byte[] ReadScratchpad(double nowMs)
    {
        if (nowMs >= _conversionDoneAt)
        {
            float scaled = (float)Celsius * 16f;
            SetRegister((short)(scaled >= 0 ? scaled + 0.5f : scaled - 0.5f));
            _conversionDoneAt = double.MaxValue;
        }

        ScratchpadReads++;
        byte[] copy = (byte[])_pad.Clone();
        if (CorruptReads)
        {
            copy[0] ^= 0x04;
        }

        return copy;
    }

    private void SetRegister(short value)
    {
        _pad[0] = (byte)(value & 0xFF);
        _pad[1] = (byte)((value >> 8) & 0xFF);
        UpdateCrc();
    }

    private void UpdateCrc() => _pad[8] = DallasCrc8.Compute(_pad, 0, 8);
}
