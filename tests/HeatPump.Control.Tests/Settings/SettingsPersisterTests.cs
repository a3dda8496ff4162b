using HeatPump.Control.Hal;
using HeatPump.Control.Settings;
using Xunit;
using static HeatPump.Control.Tests.SettingsRecordTests;

namespace HeatPump.Control.Tests;

/// <summary>Two slots in memory that can lose power part-way through a write, or fail outright.</summary>
internal sealed class MemoryStore : ISettingsStore
{
    public readonly byte[][] Slot = { new byte[512], new byte[512] };
    public readonly int[] Length = new int[2];
    public readonly int[] WriteLog = new int[1024];
    public int Writes;

    /// <summary>When ≥ 0, the next write stops after this many bytes, as a power cut would.</summary>
    public int TearNextWriteAfter = -1;

    /// <summary>When true, writes throw as a failing file system would.</summary>
    public bool Broken;

    public int ReadSlot(int slot, byte[] buffer)
    {
        int n = Math.Min(Length[slot], buffer.Length);
        Array.Copy(Slot[slot], buffer, n);
        return n;
    }

    public void WriteSlot(int slot, byte[] record, int length)
    {
        if (Broken)
        {
            throw new IOException("flash write failed");
        }

        WriteLog[Writes++] = slot;
        int n = TearNextWriteAfter >= 0 ? Math.Min(TearNextWriteAfter, length) : length;
        TearNextWriteAfter = -1;
        Array.Copy(record, Slot[slot], n);
        Length[slot] = n;
    }

    public uint SequenceIn(int slot) => BitConverter.ToUInt32(Slot[slot], 4);
}

public class SettingsPersisterTests
{
    private readonly MemoryStore _store = new();
    private readonly ControllerSettings _settings = new();
    private readonly SettingsPersister _persister;

    public SettingsPersisterTests()
    {
        _persister = new SettingsPersister(_settings, _store);
    }

    private void TickUntil(long fromMs, long toMs, long stepMs = 100)
    {
        for (long t = fromMs; t <= toMs; t += stepMs)
        {
            _persister.Tick(t);
        }
    }

    /// <summary>A power cycle: fresh settings and persister over the same flash.</summary>
    private (ControllerSettings settings, bool defaults, SettingsPersister persister) PowerCycle()
    {
        var s = new ControllerSettings();
        var p = new SettingsPersister(s, _store);
        bool defaults = p.LoadAtPowerUp(0);
        return (s, defaults, p);
    }

    /// <summary>Power-up on an empty store, then one change saved: slot 0 holds it.</summary>
    private void SavedOnceWithHeatSetpoint(int raw)
    {
        _persister.LoadAtPowerUp(0);
        Set(_settings, SettingId.HeatSetpoint, raw);
        TickUntil(0, 10_000);
        Assert.Equal(1, _store.Writes);
    }

    [Fact]
    public void A_new_board_starts_on_defaults_without_a_fault_and_writes_nothing_unasked()
    {
        Set(_settings, SettingId.HeatSetpoint, 250);
        Assert.True(_persister.LoadAtPowerUp(0));
        Assert.Equal(200, _settings.Get(SettingId.HeatSetpoint));
        Assert.False(_persister.SettingsFault);

        TickUntil(0, 120_000, 1000);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public void Nothing_is_written_before_the_slots_have_been_read()
    {
        Set(_settings, SettingId.HeatSetpoint, 250);
        TickUntil(0, 20_000);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public void A_change_is_written_once_the_settings_have_been_quiet_for_five_seconds()
    {
        _persister.LoadAtPowerUp(0);
        TickUntil(0, 900);
        Set(_settings, SettingId.HeatSetpoint, 215);

        TickUntil(1000, 5900);
        Assert.Equal(0, _store.Writes);
        Assert.True(_persister.Pending);

        // First seen at 1000 ms, written QuietMs later.
        _persister.Tick(1000 + SettingsPersister.QuietMs);
        Assert.Equal(1, _store.Writes);
        Assert.False(_persister.Pending);
    }

    [Fact]
    public void A_user_pressing_up_repeatedly_costs_one_write_after_the_last_press()
    {
        _persister.LoadAtPowerUp(0);
        long t = 0;
        for (int press = 1; press <= 8; press++)
        {
            Set(_settings, SettingId.HeatSetpoint, 200 + 5 * press);
            TickUntil(t, t + 1900);
            t += 2000;
        }

        // Last press at 14 000 ms: nothing until 19 000 ms.
        TickUntil(t, 18_900);
        Assert.Equal(0, _store.Writes);
        TickUntil(19_000, 30_000);
        Assert.Equal(1, _store.Writes);
        Assert.Equal(240, PowerCycle().settings.Get(SettingId.HeatSetpoint));
    }

    [Fact]
    public void Writes_alternate_slots_with_a_rising_sequence_and_survive_a_power_cycle()
    {
        _persister.LoadAtPowerUp(0);
        long t = 0;
        foreach (int sp in new[] { 210, 220, 230 })
        {
            Set(_settings, SettingId.HeatSetpoint, sp);
            TickUntil(t, t + 10_000);
            t += 10_000;
        }

        Assert.Equal(3, _store.Writes);
        Assert.Equal(new[] { 0, 1, 0 }, _store.WriteLog[..3]);
        Assert.Equal(3u, _store.SequenceIn(0));
        Assert.Equal(2u, _store.SequenceIn(1));

        var (settings, defaults, persister) = PowerCycle();
        Assert.False(defaults);
        Assert.Equal(230, settings.Get(SettingId.HeatSetpoint));
        Assert.Equal(1, persister.Slots.NextSlot);
        Assert.Equal(4u, persister.Slots.NextSequence);
    }

    [Fact]
    public void A_power_cut_mid_write_loses_only_the_change_in_flight()
    {
        SavedOnceWithHeatSetpoint(215);
        byte[] slot0Before = _store.Slot[0][..SettingsRecord.Size];

        for (int cutAfter = 0; cutAfter < SettingsRecord.Size; cutAfter++)
        {
            Set(_settings, SettingId.HeatSetpoint, cutAfter % 2 == 0 ? 260 : 265);
            _store.TearNextWriteAfter = cutAfter;
            TickUntil(20_000 + 100_000L * cutAfter, 30_000 + 100_000L * cutAfter);

            var (settings, defaults, _) = PowerCycle();
            Assert.False(defaults);
            Assert.Equal(215, settings.Get(SettingId.HeatSetpoint));
        }

        // The good record was never touched.
        Assert.Equal(slot0Before, _store.Slot[0][..SettingsRecord.Size]);
        Assert.All(_store.WriteLog[1.._store.Writes], slot => Assert.Equal(1, slot));
    }

    [Fact]
    public void A_change_undone_before_the_quiet_time_costs_no_write()
    {
        SavedOnceWithHeatSetpoint(215);

        Set(_settings, SettingId.HeatSetpoint, 220);
        TickUntil(10_100, 12_000);
        Set(_settings, SettingId.HeatSetpoint, 215);
        TickUntil(12_100, 30_000);

        Assert.Equal(1, _store.Writes);
        Assert.False(_persister.Pending);
    }

    [Fact]
    public void A_failing_store_does_not_stop_the_loop_and_is_retried_a_minute_later()
    {
        _persister.LoadAtPowerUp(0);
        _store.Broken = true;
        Set(_settings, SettingId.HeatSetpoint, 215);
        TickUntil(0, 5000);
        Assert.Equal(1, _persister.WriteFailures);

        _store.Broken = false;
        TickUntil(5100, 5000 + SettingsPersister.RetryMs - 100);
        Assert.Equal(0, _store.Writes);
        _persister.Tick(5000 + SettingsPersister.RetryMs);
        Assert.Equal(1, _store.Writes);
        Assert.Equal(1, _persister.WriteCount);
        Assert.Equal(215, PowerCycle().settings.Get(SettingId.HeatSetpoint));
    }

    [Fact]
    public void Lost_settings_show_a_fault_until_good_settings_are_written_again()
    {
        new Random(7).NextBytes(_store.Slot[0]);
        _store.Length[0] = SettingsRecord.Size;
        _store.Length[1] = 17;

        Assert.True(_persister.LoadAtPowerUp(0));
        Assert.True(_persister.SettingsFault);
        Assert.Equal(Values(new ControllerSettings()), Values(_settings));

        Set(_settings, SettingId.Mode, 1);
        TickUntil(0, 10_000);

        Assert.False(_persister.SettingsFault);
        Assert.Equal(1, _store.Writes);
        var (settings, defaults, persister) = PowerCycle();
        Assert.False(defaults);
        Assert.False(persister.SettingsFault);
        Assert.Equal(1, settings.Get(SettingId.Mode));
    }

    [Fact]
    public void Ticks_and_writes_allocate_nothing()
    {
        _persister.LoadAtPowerUp(0);
        // One write first, so one-time costs (the CRC table built at class load, JIT) are not counted.
        Set(_settings, SettingId.HeatSetpoint, 210);
        TickUntil(0, 10_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long t = 10_100;
        for (int i = 0; i < 20; i++)
        {
            Set(_settings, SettingId.HeatSetpoint, i % 2 == 0 ? 215 : 225);
            for (int k = 0; k < 100; k++, t += 100)
            {
                _persister.Tick(t);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(21, _persister.WriteCount);
    }
}
