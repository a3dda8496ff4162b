using HeatPump.Control.Board;
using HeatPump.Simulator.Board;
using HeatPump.Control.Sensors;
using Xunit;

namespace HeatPump.Board.Tests;

/// <summary>CRC-8, ROM codes, scratchpad decoding and the bindings image: the bytes a sensor reading rests on.</summary>
public class OneWireCodeTests
{
    [Fact]
    public void Crc8_matches_the_worked_example_of_the_1_wire_application_note()
    {
        // Maxim application note 27's example ROM: family 02, serial 00 00 00 01 B8 1C, CRC A2.
        byte[] rom = { 0x02, 0x1C, 0xB8, 0x01, 0x00, 0x00, 0x00, 0xA2 };
        Assert.Equal(0xA2, DallasCrc8.Compute(rom, 0, 7));
        Assert.True(DallasCrc8.Check(rom, 0, 8));
    }

    [Fact]
    public void Crc8_catches_every_single_bit_error_in_a_scratchpad()
    {
        byte[] pad = { 0x91, 0x01, 0x4B, 0x46, 0x7F, 0xFF, 0x0C, 0x10, 0 };
        pad[8] = DallasCrc8.Compute(pad, 0, 8);
        for (int bit = 0; bit < 72; bit++)
        {
            byte[] hit = (byte[])pad.Clone();
            hit[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(DallasCrc8.Check(hit, 0, 9), $"bit {bit} flipped but the CRC still matched");
        }
    }

    [Theory]
    // The DS18B20 datasheet's temperature/data table.
    [InlineData(0x07D0, 125.0)]
    [InlineData(0x0550, 85.0)]
    [InlineData(0x0191, 25.0625)]
    [InlineData(0x00A2, 10.125)]
    [InlineData(0x0008, 0.5)]
    [InlineData(0x0000, 0.0)]
    [InlineData(0xFFF8, -0.5)]
    [InlineData(0xFF5E, -10.125)]
    [InlineData(0xFE6F, -25.0625)]
    [InlineData(0xFC90, -55.0)]
    public void Scratchpad_decodes_the_datasheet_temperatures(int register, double celsius)
    {
        byte[] pad = Pad((byte)(register & 0xFF), (byte)(register >> 8));
        Assert.Equal(SampleStatus.Ok, Scratchpad.Decode(pad, out short sixteenths));
        Assert.Equal(celsius, sixteenths / 16.0);
    }

    [Fact]
    public void Scratchpad_with_a_bad_crc_is_a_crc_error_not_a_reading()
    {
        byte[] pad = Pad(0x91, 0x01);
        pad[0] ^= 0x01;
        Assert.Equal(SampleStatus.CrcError, Scratchpad.Decode(pad, out _));
    }

    [Fact]
    public void All_ones_is_nobody_answering_and_all_zeros_a_shorted_bus_not_0_degrees()
    {
        Assert.Equal(SampleStatus.NoResponse, Scratchpad.Decode(Enumerable.Repeat((byte)0xFF, 9).ToArray(), out _));
        // All zeros has a matching CRC (0) and would read as 0 °C.
        Assert.Equal(SampleStatus.NoResponse, Scratchpad.Decode(new byte[9], out _));
    }

    [Fact]
    public void A_frame_with_a_good_crc_but_an_impossible_configuration_byte_is_rejected()
    {
        byte[] pad = Pad(0x91, 0x01, config: 0x80);
        Assert.Equal(SampleStatus.CrcError, Scratchpad.Decode(pad, out _));
    }

    [Fact]
    public void Rom_codes_need_the_ds18b20_family_and_their_crc()
    {
        byte[] rom = Ds18b20Model.MakeRom(0x42);
        Assert.True(RomCode.IsDs18b20(rom, 0));
        Assert.Equal("2842" + "4A1B05160" + "3", RomCode.ToHex(rom, 0)[..14]);
        byte[] foreign = (byte[])rom.Clone();
        foreign[0] = 0x10; // DS18S20 family
        foreign[7] = DallasCrc8.Compute(foreign, 0, 7);
        Assert.False(RomCode.IsDs18b20(foreign, 0));
        byte[] bad = (byte[])rom.Clone();
        bad[3] ^= 0x10;
        Assert.False(RomCode.IsDs18b20(bad, 0));
    }

    [Fact]
    public void A_rom_bound_to_two_roles_keeps_only_the_first_and_a_malformed_rom_is_dropped()
    {
        SensorBindings b = new SensorBindings();
        byte[] rom = Ds18b20Model.MakeRom(1);
        b.Bind(SensorRole.Indoor, rom, 0);
        b.Bind(SensorRole.Outdoor, rom, 0);
        byte[] bad = Ds18b20Model.MakeRom(2);
        bad[7] ^= 0xFF;
        b.Bind(SensorRole.Coil, bad, 0);

        Assert.Equal(2, b.DropInvalid());
        Assert.True(b.IsBound(SensorRole.Indoor));
        Assert.False(b.IsBound(SensorRole.Outdoor));
        Assert.False(b.IsBound(SensorRole.Coil));
    }

    [Fact]
    public void The_bindings_image_round_trips_and_a_torn_or_corrupt_image_reads_as_none()
    {
        SensorBindings b = new SensorBindings();
        b.Bind(SensorRole.Coil, Ds18b20Model.MakeRom(7), 0);
        byte[] image = new byte[BindingRecord.Size];
        int length = BindingRecord.Encode(b, image);

        SensorBindings back = new SensorBindings();
        Assert.True(BindingRecord.Decode(image, length, back));
        Assert.Equal(b.Roms, back.Roms);

        Assert.False(BindingRecord.Decode(image, length - 3, back));
        Assert.False(back.IsBound(SensorRole.Coil));
        image[10] ^= 0x01;
        Assert.False(BindingRecord.Decode(image, length, back));
    }

    [Fact]
    public void A_bindings_file_written_by_the_three_role_firmware_still_binds_its_sensors_and_leaves_supply_unbound()
    {
        // The image as the firmware before the supply role wrote it: "HPS1", indoor, outdoor, coil, CRC-8.
        byte[] indoor = Ds18b20Model.MakeRom(1), outdoor = Ds18b20Model.MakeRom(2), coil = Ds18b20Model.MakeRom(3);
        byte[] old = "HPS1"u8.ToArray().Concat(indoor).Concat(outdoor).Concat(coil).ToArray();
        old = old.Append(DallasCrc8.Compute(old, 0, old.Length)).ToArray();
        Assert.Equal(29, old.Length);

        SensorBindings back = new SensorBindings();
        byte[] read = new byte[BindingRecord.Size];
        old.CopyTo(read, 0);
        Assert.True(BindingRecord.Decode(read, old.Length, back));
        Assert.Equal(indoor, back.Roms.Take(8).ToArray());
        Assert.Equal(outdoor, back.Roms.Skip(8).Take(8).ToArray());
        Assert.Equal(coil, back.Roms.Skip(16).Take(8).ToArray());
        Assert.False(back.IsBound(SensorRole.Supply));

        // Saved again without a supply sensor, the file is byte for byte the one the old firmware wrote.
        byte[] again = new byte[BindingRecord.Size];
        int length = BindingRecord.Encode(back, again);
        Assert.Equal(old, again.Take(length).ToArray());
    }

    [Fact]
    public void With_a_supply_sensor_the_image_carries_four_roles_and_a_torn_write_never_reads_as_the_three_role_image()
    {
        SensorBindings b = new SensorBindings();
        for (int r = 0; r < SensorBindings.RoleCount; r++)
        {
            b.Bind((SensorRole)r, Ds18b20Model.MakeRom((byte)(r + 1)), 0);
        }

        byte[] image = new byte[BindingRecord.Size];
        int length = BindingRecord.Encode(b, image);
        Assert.Equal(BindingRecord.Size, length);
        SensorBindings back = new SensorBindings();
        Assert.True(BindingRecord.Decode(image, length, back));
        Assert.Equal(b.Roms, back.Roms);
        Assert.True(back.IsBound(SensorRole.Supply));

        // A power cut after any number of bytes: nothing half-bound, in particular not the first
        // 29 bytes (the three-role image's length, whose CRC position holds a ROM byte).
        for (int cut = 0; cut < length; cut++)
        {
            byte[] torn = new byte[BindingRecord.Size];
            Array.Copy(image, torn, cut);
            Assert.False(BindingRecord.Decode(torn, cut, back), "cut at " + cut);
            Assert.All(back.Roms, x => Assert.Equal(0, x));
        }

        // The same bytes relabelled as a three-role image (the CRC made to fit) are still refused by the magic.
        byte[] relabelled = image.Take(BindingRecord.ThreeRoleSize).ToArray();
        relabelled[^1] = DallasCrc8.Compute(relabelled, 0, relabelled.Length - 1);
        Assert.False(BindingRecord.Decode(relabelled, relabelled.Length, back));
    }

    private static byte[] Pad(byte lsb, byte msb, byte config = 0x7F)
    {
        byte[] pad = { lsb, msb, 0x4B, 0x46, config, 0xFF, 0x0C, 0x10, 0 };
        pad[8] = DallasCrc8.Compute(pad, 0, 8);
        return pad;
    }
}
