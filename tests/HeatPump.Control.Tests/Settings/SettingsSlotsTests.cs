using HeatPump.Control.Settings;
using Xunit;
using static HeatPump.Control.Tests.SettingsRecordTests;

namespace HeatPump.Control.Tests;

public class SettingsSlotsTests
{
    private static readonly byte[] Nothing = new byte[SettingsRecord.Size];

    /// <summary>
    /// Powers up a persister over two slots holding <paramref name="length0"/> bytes of <paramref name="slot0"/>
    /// and <paramref name="length1"/> of <paramref name="slot1"/>, loading into <paramref name="into"/>;
    /// returns true when defaults are in use, and the slot choice it made.
    /// </summary>
    private static bool Load(byte[] slot0, int length0, byte[] slot1, int length1, ControllerSettings into, out SettingsSlots slots)
    {
        var store = new MemoryStore();
        Array.Copy(slot0, store.Slot[0], length0);
        store.Length[0] = length0;
        Array.Copy(slot1, store.Slot[1], length1);
        store.Length[1] = length1;
        var persister = new SettingsPersister(into, store);
        bool defaults = persister.LoadAtPowerUp(0);
        slots = persister.Slots;
        return defaults;
    }

    private static ControllerSettings WithHeatSetpoint(int raw)
    {
        var s = new ControllerSettings();
        Set(s, SettingId.HeatSetpoint, raw);
        return s;
    }

    [Fact]
    public void Two_empty_slots_give_defaults_without_a_fault()
    {
        var into = WithHeatSetpoint(250);

        Assert.True(Load(Nothing, 0, Nothing, 0, into, out SettingsSlots slots));

        Assert.False(slots.SettingsFault);
        Assert.Equal(Values(new ControllerSettings()), Values(into));
        Assert.Equal(0, slots.NextSlot);
        Assert.Equal(1u, slots.NextSequence);
    }

    [Fact]
    public void Both_slots_bad_give_defaults_and_a_settings_fault()
    {
        byte[] torn = Record(Customised(), 3);
        torn[20] ^= 0x55;
        byte[] garbage = new byte[SettingsRecord.Size];
        new Random(1).NextBytes(garbage);
        var into = WithHeatSetpoint(250);

        Assert.True(Load(torn, torn.Length, garbage, garbage.Length, into, out SettingsSlots slots));

        Assert.True(slots.SettingsFault);
        Assert.Equal(SettingsSlots.NoSlot, slots.NewestSlot);
        Assert.Equal(RecordCheck.CrcMismatch, slots.Check0);
        Assert.NotEqual(RecordCheck.Ok, slots.Check1);
        Assert.Equal(Values(new ControllerSettings()), Values(into));
    }

    [Fact]
    public void One_corrupt_slot_and_nothing_else_is_a_fault_too()
    {
        byte[] torn = Record(Customised(), 1)[..40];
        Assert.True(Load(torn, torn.Length, Nothing, 0, new ControllerSettings(), out SettingsSlots slots));
        Assert.True(slots.SettingsFault);
    }

    [Theory]
    [InlineData(7u, 8u, 1)]
    [InlineData(9u, 8u, 0)]
    [InlineData(0xFFFFFFFFu, 0u, 1)]          // the counter wrapped: 0 follows 0xFFFFFFFF
    [InlineData(1u, 0xFFFFFFFEu, 0)]
    [InlineData(0x7FFFFFFFu, 0x80000000u, 1)]
    public void The_newest_valid_record_wins_and_the_next_write_goes_to_the_other_slot(uint seq0, uint seq1, int newest)
    {
        byte[] r0 = Record(WithHeatSetpoint(180), seq0);
        byte[] r1 = Record(WithHeatSetpoint(190), seq1);
        var into = new ControllerSettings();

        Assert.False(Load(r0, r0.Length, r1, r1.Length, into, out SettingsSlots slots));

        Assert.Equal(newest, slots.NewestSlot);
        Assert.Equal(newest == 0 ? 180 : 190, into.Get(SettingId.HeatSetpoint));
        Assert.Equal(1 - newest, slots.NextSlot);
        Assert.Equal(unchecked((newest == 0 ? seq0 : seq1) + 1u), slots.NextSequence);
        Assert.False(slots.SettingsFault);
    }

    [Fact]
    public void A_valid_slot_beside_a_corrupt_one_is_used_and_the_corrupt_one_is_overwritten_next()
    {
        byte[] good = Record(WithHeatSetpoint(225), 41);
        byte[] bad = Record(WithHeatSetpoint(180), 42);
        bad[bad.Length - 1] ^= 1;
        var into = new ControllerSettings();

        Assert.False(Load(bad, bad.Length, good, good.Length, into, out SettingsSlots slots));

        Assert.Equal(225, into.Get(SettingId.HeatSetpoint));
        Assert.Equal(1, slots.NewestSlot);
        Assert.Equal(0, slots.NextSlot);
        Assert.Equal(42u, slots.NextSequence);
        Assert.False(slots.SettingsFault);
    }

    public enum FlashModel
    {
        /// <summary>A file rewritten from the start: the power cut leaves a short file.</summary>
        Truncated,
        /// <summary>Raw flash erased then programmed: the rest of the slot reads 0xFF.</summary>
        ErasedRemainder,
        /// <summary>Programmed over the old record in place: the rest is the older record's bytes.</summary>
        OldRemainder,
    }

    [Theory]
    [InlineData(FlashModel.Truncated)]
    [InlineData(FlashModel.ErasedRemainder)]
    [InlineData(FlashModel.OldRemainder)]
    public void A_write_torn_at_any_byte_leaves_the_last_good_record_in_charge(FlashModel model)
    {
        // Slot 0 holds the newest good record; slot 1 an older one, which the next write replaces.
        ControllerSettings lastGood = WithHeatSetpoint(215);
        byte[] slot0 = Record(lastGood, 10);
        byte[] older = Record(WithHeatSetpoint(170), 9);
        byte[] inFlight = Record(WithHeatSetpoint(260), 11);
        Load(slot0, slot0.Length, older, older.Length, new ControllerSettings(), out SettingsSlots slots);
        Assert.Equal(1, slots.NextSlot);

        for (int written = 0; written < inFlight.Length; written++)
        {
            byte[] slot1 = model == FlashModel.OldRemainder ? (byte[])older.Clone() : new byte[inFlight.Length];
            if (model == FlashModel.ErasedRemainder)
            {
                Array.Fill(slot1, (byte)0xFF);
            }

            Array.Copy(inFlight, slot1, written);
            int length = model == FlashModel.Truncated ? written : slot1.Length;
            var into = new ControllerSettings();

            Load(slot0, slot0.Length, slot1, length, into, out slots);

            Assert.True(slots.NewestSlot == 0, $"torn after {written} bytes: slot {slots.NewestSlot} chosen");
            Assert.Equal(Values(lastGood), Values(into));
            Assert.False(slots.SettingsFault);
        }

        // The complete write is the new newest record.
        var after = new ControllerSettings();
        Load(slot0, slot0.Length, inFlight, inFlight.Length, after, out slots);
        Assert.Equal(1, slots.NewestSlot);
        Assert.Equal(260, after.Get(SettingId.HeatSetpoint));
    }
}
