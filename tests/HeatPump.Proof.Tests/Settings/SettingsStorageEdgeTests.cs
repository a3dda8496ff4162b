using HeatPump.Control.Hal;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Proof.Tests.Settings;

/// <summary>
/// The settings store at its edges: a write that does not read back as written is not trusted,
/// odd lengths are judged without reading past the buffer, and the slot bookkeeping after a write.
/// </summary>
public class SettingsStorageEdgeTests
{
    /// <summary>A store whose read-back differs from what was written (a flash cell stuck at 0).</summary>
    private sealed class LyingStore : ISettingsStore
    {
        public readonly TearableStore Inner = new();
        public bool FlipOnRead;
        public int Writes;

        public int ReadSlot(int slot, byte[] buffer)
        {
            int n = Inner.ReadSlot(slot, buffer);
            if (FlipOnRead && n > 10)
            {
                buffer[10] ^= 0x01;
            }

            return n;
        }

        public void WriteSlot(int slot, byte[] record, int length)
        {
            Writes++;
            Inner.WriteSlot(slot, record, length);
        }
    }

    [Fact]
    public void A_write_that_reads_back_wrong_is_a_failure_retried_a_minute_later()
    {
        var store = new LyingStore();
        var s = new ControllerSettings();
        var p = new SettingsPersister(s, store);
        p.LoadAtPowerUp(0);
        Assert.True(s.TrySet(SettingId.DripTime, 120, out _));
        store.FlipOnRead = true;
        for (long t = 0; t <= 10_000; t += 500)
        {
            p.Tick(t);
        }

        Assert.Equal(1, store.Writes);
        Assert.Equal(1, p.WriteFailures);
        Assert.Equal(0, p.WriteCount);
        Assert.True(p.Pending);

        // Nothing until the retry time; then, with the flash healthy again, the write holds.
        store.FlipOnRead = false;
        for (long t = 10_500; t < 5_000 + SettingsPersister.RetryMs; t += 500)
        {
            p.Tick(t);
        }

        Assert.Equal(1, store.Writes);
        for (long t = 5_000 + SettingsPersister.RetryMs; t <= 20_000 + SettingsPersister.RetryMs; t += 500)
        {
            p.Tick(t);
        }

        Assert.Equal(2, store.Writes);
        Assert.Equal(1, p.WriteCount);
        Assert.False(p.Pending);
    }

    [Fact]
    public void Each_slot_is_verified_against_its_own_read_back()
    {
        var store = new TearableStore();
        var s = new ControllerSettings();
        var p = new SettingsPersister(s, store);
        p.LoadAtPowerUp(0);
        long t = 0;
        for (int change = 0; change < 4; change++)
        {
            Assert.True(s.TrySet(SettingId.DripTime, 40 + 10 * change, out _));
            for (long end = t + 8000; t <= end; t += 500)
            {
                p.Tick(t);
            }

            Assert.Equal(change + 1, p.WriteCount);
            Assert.Equal(0, p.WriteFailures);
            Assert.Equal(change % 2, p.Slots.NewestSlot);
            Assert.Equal((uint)(change + 1), p.Slots.NewestSequence);
        }
    }

    [Fact]
    public void Encoding_needs_a_buffer_that_holds_a_record()
    {
        var s = new ControllerSettings();
        Assert.Throws<ArgumentException>(() => SettingsRecord.Encode(s, 1, new byte[SettingsRecord.Size - 1]));
        Assert.Throws<ArgumentException>(() => SettingsRecord.Encode(s, 1, null));
        Assert.Equal(SettingsRecord.Size, SettingsRecord.Encode(s, 1, new byte[SettingsRecord.Size]));
    }

    [Fact]
    public void Odd_lengths_are_judged_without_reading_past_the_buffer()
    {
        var s = new ControllerSettings();
        var buffer = new byte[SettingsRecord.Size + 8];
        SettingsRecord.Encode(s, 7, buffer);
        Assert.Equal(RecordCheck.Empty, SettingsRecord.Check(buffer, 0, out _));
        Assert.Equal(RecordCheck.Empty, SettingsRecord.Check(buffer, -5, out _));
        Assert.Equal(RecordCheck.Empty, SettingsRecord.Check(null, 10, out _));
        Assert.Equal(RecordCheck.WrongLength, SettingsRecord.Check(buffer, buffer.Length + 1, out _));
        Assert.Equal(RecordCheck.WrongLength, SettingsRecord.Check(buffer, SettingsRecord.HeaderSize - 1, out _));
        Assert.Equal(RecordCheck.Ok, SettingsRecord.Check(buffer, SettingsRecord.Size, out uint seq));
        Assert.Equal(7u, seq);

        // Erased flash longer than the buffer is still erased flash.
        var erased = new byte[16];
        Array.Fill(erased, (byte)0xFF);
        Assert.Equal(RecordCheck.Empty, SettingsRecord.Check(erased, 16, out _));
        Assert.Equal(RecordCheck.Empty, SettingsRecord.Check(erased, 64, out _));
        erased[15] = 0;
        Assert.NotEqual(RecordCheck.Empty, SettingsRecord.Check(erased, 64, out _));
        Assert.NotEqual(RecordCheck.Empty, SettingsRecord.Check(erased, 16, out _));
    }

    [Fact]
    public void Slot_bookkeeping_after_writes_and_sequence_order()
    {
        var slots = new SettingsSlots();
        Assert.Equal(SettingsSlots.NoSlot, slots.NewestSlot);
        Assert.Equal(0, slots.NextSlot);
        Assert.Equal(1u, slots.NextSequence);

        slots.Written(0, 41);
        Assert.Equal(RecordCheck.Ok, slots.Check0);
        Assert.Equal(RecordCheck.Empty, slots.Check1);
        Assert.Equal(1, slots.NextSlot);
        Assert.Equal(42u, slots.NextSequence);

        slots.Written(1, 42);
        Assert.Equal(RecordCheck.Ok, slots.Check1);
        Assert.Equal(1, slots.NewestSlot);
        Assert.Equal(0, slots.NextSlot);
        Assert.Equal(43u, slots.NextSequence);

        Assert.False(SettingsSlots.IsNewer(5, 5));
        Assert.True(SettingsSlots.IsNewer(6, 5));
        Assert.True(SettingsSlots.IsNewer(0, uint.MaxValue));
        Assert.False(SettingsSlots.IsNewer(uint.MaxValue, 0));
    }
}
