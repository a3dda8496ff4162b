using System.Text;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Control.Tests;

public class SettingsRecordTests
{
    /// <summary>Settings that differ from the defaults in several places, negative values included.</summary>
    internal static ControllerSettings Customised()
    {
        var s = new ControllerSettings();
        Set(s, SettingId.Mode, 3);
        Set(s, SettingId.HeatSetpoint, 215);
        Set(s, SettingId.CoolSetpoint, 255);
        Set(s, SettingId.HeatLockoutOutdoor, -255);
        Set(s, SettingId.MinOffTime, 900);
        Set(s, SettingId.IndoorOffset, -7);
        Set(s, SettingId.CoilOffset, 30);
        Set(s, SettingId.ValvePolarity, 1);
        return s;
    }

    internal static void Set(ControllerSettings s, SettingId id, int raw)
    {
        Assert.True(s.TrySet(id, raw, out string reason), reason);
    }

    internal static int[] Values(ControllerSettings s)
    {
        var v = new int[SettingsCatalog.Count];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = s.Get((SettingId)i);
        }

        return v;
    }

    internal static byte[] Record(ControllerSettings s, uint sequence)
    {
        var buffer = new byte[SettingsRecord.Size];
        Assert.Equal(SettingsRecord.Size, SettingsRecord.Encode(s, sequence, buffer));
        return buffer;
    }

    /// <summary>Rewrites the trailing CRC so a deliberately edited record passes the CRC check.</summary>
    private static void Reseal(byte[] record)
    {
        int at = record.Length - 4;
        uint crc = Crc32.Compute(record, 0, at);
        record[at] = (byte)crc;
        record[at + 1] = (byte)(crc >> 8);
        record[at + 2] = (byte)(crc >> 16);
        record[at + 3] = (byte)(crc >> 24);
    }

    private static void PutValue(byte[] record, SettingId id, int raw)
    {
        int at = SettingsRecord.HeaderSize + 2 * (int)id;
        record[at] = (byte)raw;
        record[at + 1] = (byte)(raw >> 8);
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        // The published check value of CRC-32/IEEE for the ASCII digits 1..9.
        byte[] digits = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0xCBF43926u, Crc32.Compute(digits, 0, digits.Length));
    }

    [Fact]
    public void Record_size_follows_the_documented_layout()
    {
        // magic 2 + version 1 + count 1 + sequence 4, two bytes per setting, CRC 4.
        Assert.Equal(2 + 1 + 1 + 4 + 2 * SettingsCatalog.Count + 4, SettingsRecord.Size);
    }

    [Fact]
    public void Header_carries_magic_version_count_and_little_endian_sequence()
    {
        byte[] r = Record(new ControllerSettings(), 0x01020304u);
        Assert.Equal((byte)'H', r[0]);
        Assert.Equal((byte)'P', r[1]);
        Assert.Equal(SettingsRecord.FormatVersion, r[2]);
        Assert.Equal(SettingsCatalog.Count, r[3]);
        Assert.Equal(new byte[] { 4, 3, 2, 1 }, r[4..8]);
    }

    [Fact]
    public void Round_trip_restores_every_value_and_the_sequence()
    {
        ControllerSettings saved = Customised();
        byte[] r = Record(saved, 77);

        var loaded = new ControllerSettings();
        Assert.Equal(RecordCheck.Ok, SettingsRecord.TryDecode(r, r.Length, loaded, out uint sequence));
        Assert.Equal(77u, sequence);
        Assert.Equal(Values(saved), Values(loaded));
        Assert.Equal(-255, loaded.Get(SettingId.HeatLockoutOutdoor));
    }

    [Fact]
    public void Every_single_corrupted_byte_is_rejected_and_leaves_the_settings_untouched()
    {
        byte[] good = Record(Customised(), 12345);
        foreach (byte flip in new byte[] { 0x01, 0x10, 0x80, 0xFF })
        {
            for (int i = 0; i < good.Length; i++)
            {
                byte[] bad = (byte[])good.Clone();
                bad[i] ^= flip;
                var into = new ControllerSettings();
                int revision = into.Revision;

                RecordCheck check = SettingsRecord.TryDecode(bad, bad.Length, into, out uint sequence);

                Assert.True(check != RecordCheck.Ok, $"byte {i} xor 0x{flip:X2} was accepted");
                Assert.Equal(0u, sequence);
                Assert.Equal(Values(new ControllerSettings()), Values(into));
                Assert.Equal(revision, into.Revision);
            }
        }
    }

    [Fact]
    public void A_damaged_value_or_sequence_is_a_crc_mismatch()
    {
        byte[] r = Record(Customised(), 5);
        r[SettingsRecord.HeaderSize + 2 * (int)SettingId.HeatSetpoint] ^= 0x04;
        Assert.Equal(RecordCheck.CrcMismatch, SettingsRecord.Check(r, r.Length, out _));

        r = Record(Customised(), 5);
        r[4] = 6;
        Assert.Equal(RecordCheck.CrcMismatch, SettingsRecord.Check(r, r.Length, out _));
    }

    [Fact]
    public void Another_format_version_is_rejected_even_with_a_valid_crc()
    {
        byte[] r = Record(Customised(), 5);
        r[2] = SettingsRecord.FormatVersion + 1;
        Reseal(r);
        var into = new ControllerSettings();
        Assert.Equal(RecordCheck.WrongVersion, SettingsRecord.TryDecode(r, r.Length, into, out _));
        Assert.Equal(Values(new ControllerSettings()), Values(into));
    }

    [Fact]
    public void Wrong_length_and_wrong_count_are_rejected()
    {
        byte[] r = Record(Customised(), 5);
        Assert.Equal(RecordCheck.WrongLength, SettingsRecord.Check(r, r.Length - 1, out _));
        Assert.Equal(RecordCheck.WrongLength, SettingsRecord.Check(r, 3, out _));

        byte[] longer = new byte[r.Length + 1];
        r.CopyTo(longer, 0);
        Assert.Equal(RecordCheck.WrongLength, SettingsRecord.Check(longer, longer.Length, out _));

        r[3] = (byte)(SettingsCatalog.Count - 1);
        Reseal(r);
        Assert.Equal(RecordCheck.WrongLength, SettingsRecord.Check(r, r.Length, out _));
    }

    [Fact]
    public void Nothing_stored_or_erased_flash_is_empty_not_corrupt()
    {
        Assert.Equal(RecordCheck.Empty, SettingsRecord.Check(new byte[SettingsRecord.Size], 0, out _));
        byte[] erased = new byte[SettingsRecord.Size];
        Array.Fill(erased, (byte)0xFF);
        Assert.Equal(RecordCheck.Empty, SettingsRecord.Check(erased, erased.Length, out _));
    }

    [Fact]
    public void Foreign_data_is_wrong_magic()
    {
        byte[] r = Record(Customised(), 5);
        r[0] = (byte)'{';
        Assert.Equal(RecordCheck.WrongMagic, SettingsRecord.Check(r, r.Length, out _));
    }

    [Theory]
    [InlineData(SettingId.HeatSetpoint, 350)]   // above its 30 °C maximum
    [InlineData(SettingId.HeatSetpoint, 201)]   // off its 0.5 K step
    [InlineData(SettingId.MinOffTime, 60)]      // an anti-short-cycle time below 180 s would be unsafe
    [InlineData(SettingId.Mode, 7)]             // no such mode
    [InlineData(SettingId.CoolSetpoint, 205)]   // in range, but closer to heat than the Auto gap
    public void A_crc_valid_record_with_a_value_outside_its_limits_is_rejected(SettingId id, int raw)
    {
        byte[] r = Record(Customised(), 5);
        PutValue(r, id, raw);
        Reseal(r);
        var into = new ControllerSettings();
        int revision = into.Revision;

        Assert.Equal(RecordCheck.ValueOutOfRange, SettingsRecord.TryDecode(r, r.Length, into, out _));
        Assert.Equal(Values(new ControllerSettings()), Values(into));
        Assert.Equal(revision, into.Revision);
    }
}
