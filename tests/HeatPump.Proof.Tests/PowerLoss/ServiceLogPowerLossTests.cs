using HeatPump.Control;
using HeatPump.Control.Service;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Proof.Tests.PowerLoss;

/// <summary>
/// The fault history the technician needs survives the breaker flip a homeowner tries first, and a
/// power cut in the middle of writing it loses at most the fault being written.
/// </summary>
public class ServiceLogPowerLossTests
{
    /// <summary>Feeds one fault of <paramref name="kind"/> at <paramref name="atS"/> seconds: into Fault, then out again.</summary>
    private static void Fault(ServiceLog log, FaultKind kind, long atS, bool lockout = false)
    {
        log.Observe(TopState.Fault, kind, lockout, false, atS * 1000);
        log.Observe(TopState.Off, FaultKind.None, false, false, atS * 1000 + 1000);
    }

    private static (ServiceLog Log, ServicePersister Persister) Boot(TearableStore store)
    {
        store.PowerLost = false;
        store.CutAt = -1;
        var log = new ServiceLog();
        var persister = new ServicePersister(log, store);
        persister.LoadAtPowerUp(0);
        return (log, persister);
    }

    private static string Entries(ServiceLog log) =>
        string.Join(" ", Enumerable.Range(0, log.Count).Select(i => log.KindAt(i) + "@" + log.PowerUpAt(i) + ":" + log.UptimeSecondsAt(i)));

    [Fact]
    public void A_high_pressure_trip_is_still_in_the_service_log_after_the_breaker_is_flipped()
    {
        var settingsStore = new TearableStore();
        var serviceStore = new TearableStore();
        var board = new Board(settingsStore, 11, serviceStore) { IndoorC = 15f };
        Assert.True(board.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        long started = board.RunUntilStart(20 * 60_000);
        Assert.True(started > 0);
        board.RunTo(started + 60_000);
        board.HighPressureTripped = true;
        Assert.True(board.RunUntil(b => b.Core.Controller.State == TopState.Fault, 5000));
        long trippedS = board.NowMs / 1000;
        board.RunTo(board.NowMs + 10_000);
        Assert.Equal(1, board.ServicePersister.WriteCount);

        // The breaker: everything in RAM is gone; only the two stores remain.
        var rebooted = new Board(settingsStore, 12, serviceStore) { IndoorC = 15f };
        ServiceLog log = rebooted.Core.Service;
        Assert.Equal(1, log.Count);
        Assert.Equal(FaultKind.HighPressure, log.KindAt(0));
        Assert.Equal(1u, log.PowerUpAt(0));
        Assert.InRange(log.UptimeSecondsAt(0), (uint)trippedS - 1, (uint)trippedS);
        Assert.Equal(1, log.CountOf(FaultKind.HighPressure));
        Assert.Equal(2u, log.PowerUps);
        Assert.True(log.Starts >= 1);
    }

    [Theory]
    [InlineData(TearKind.Truncated)]
    [InlineData(TearKind.Erased)]
    [InlineData(TearKind.OldTail)]
    [InlineData(TearKind.Garbage)]
    public void A_power_cut_at_any_byte_of_a_fault_write_loses_at_most_that_fault(TearKind tear)
    {
        var store = new TearableStore();
        var (log, persister) = Boot(store);
        FaultKind[] earlier = { FaultKind.HighPressure, FaultKind.LowPressure, FaultKind.IndoorSensor };
        for (int i = 0; i < earlier.Length; i++)
        {
            Fault(log, earlier[i], 100 * (i + 1), lockout: i == 2);
            persister.Tick(100_000L * (i + 1) + 2000);
        }

        Assert.Equal(3, persister.WriteCount);
        string before = Entries(log);

        for (int cut = 0; cut <= ServiceRecord.Size; cut++)
        {
            TearableStore copy = store.Clone();
            var (l, p) = Boot(copy);
            Fault(l, FaultKind.HighPressure, 900);
            copy.Tear = tear;
            copy.GarbageSeed = cut;
            copy.CutAt = cut;
            p.Tick(902_000);
            Assert.True(copy.PowerLost);

            var (after, afterPersister) = Boot(copy);
            string kept = Entries(after);
            Assert.True(after.Count == 3 || after.Count == 4, "cut at " + cut + ": " + kept);
            if (after.Count == 3)
            {
                Assert.Equal(before, kept);
                Assert.Equal(1, after.CountOf(FaultKind.HighPressure));
            }
            else
            {
                // The write was complete in all but its last bytes' appearance: the new fault is there, whole.
                Assert.Equal("HighPressure@2:900 " + before, kept);
                Assert.Equal(2, after.CountOf(FaultKind.HighPressure));
            }

            Assert.True(after.LockoutAt(after.Count - 3)); // the newest of the earlier three locked out

            // The next fault after the cut is written, next to the good record, never over it.
            Fault(after, FaultKind.LowPressure, 50);
            afterPersister.Tick(52_000);
            Assert.Equal(1, afterPersister.WriteCount);
            var (again, _) = Boot(copy);
            Assert.Equal(FaultKind.LowPressure, again.KindAt(0));
            Assert.EndsWith(before, Entries(again));
        }
    }

    [Fact]
    public void Only_the_newest_eight_faults_are_kept_but_every_fault_is_counted()
    {
        var store = new TearableStore();
        var (log, persister) = Boot(store);
        for (int i = 0; i < 11; i++)
        {
            Fault(log, i % 2 == 0 ? FaultKind.HighPressure : FaultKind.LowPressure, 10 * (i + 1));
            persister.Tick(10_000L * (i + 1) + 2000);
        }

        var (after, _) = Boot(store);
        Assert.Equal(ServiceLog.MaxEntries, after.Count);
        Assert.Equal(110u, after.UptimeSecondsAt(0));
        Assert.Equal(40u, after.UptimeSecondsAt(ServiceLog.MaxEntries - 1));
        Assert.Equal(6, after.CountOf(FaultKind.HighPressure));
        Assert.Equal(5, after.CountOf(FaultKind.LowPressure));
    }

    [Fact]
    public void Counters_alone_are_written_every_six_hours_not_every_tick()
    {
        var store = new TearableStore();
        var (log, persister) = Boot(store);
        long now = 0;
        for (; now < 7 * 3_600_000L; now += 1000)
        {
            bool on = now % 3_600_000L >= 1_800_000L; // the second half of each hour: one start an hour
            log.Observe(TopState.Heat, FaultKind.None, false, on, now);
            persister.Tick(now);
        }

        Assert.Equal(1, persister.WriteCount);   // at 6 h
        var (after, _) = Boot(store);
        Assert.Equal(6u, after.Starts);
        Assert.Equal(3u, after.RunHours);        // 6 × 30 min, the counters of the last save
        Assert.Equal(2u, after.PowerUps);
    }

    /// <summary>A store whose next <see cref="FailingWrites"/> writes throw, as LittleFS does on a flash error.</summary>
    private sealed class FailingStore : HeatPump.Control.Hal.ISettingsStore
    {
        public readonly TearableStore Inner = new();
        public int FailingWrites;

        public int ReadSlot(int slot, byte[] buffer) => Inner.ReadSlot(slot, buffer);

        public void WriteSlot(int slot, byte[] record, int length)
        {
            if (FailingWrites > 0)
            {
                FailingWrites--;
                throw new Exception("LittleFS error (simulated)");
            }

            Inner.WriteSlot(slot, record, length);
        }
    }

    [Fact]
    public void A_fault_the_flash_refused_is_counted_written_again_a_minute_later_and_kept()
    {
        var store = new FailingStore { FailingWrites = 1 };
        var log = new ServiceLog();
        var persister = new ServicePersister(log, store);
        persister.LoadAtPowerUp(0);
        Fault(log, FaultKind.LowPressure, 10);

        persister.Tick(12_000);
        Assert.Equal(1, persister.WriteFailures);
        Assert.True(persister.FaultPending);

        // Not hammered every tick while the flash is unhappy: nothing until the retry time.
        for (long t = 12_100; t < 12_000 + ServicePersister.RetryMs; t += 100)
        {
            persister.Tick(t);
        }

        Assert.Equal(0, store.Inner.Writes);
        persister.Tick(12_000 + ServicePersister.RetryMs);
        Assert.Equal(1, persister.WriteCount);
        Assert.False(persister.FaultPending);

        var (after, _) = Boot(store.Inner);
        Assert.Equal(FaultKind.LowPressure, after.KindAt(0));
    }
}

/// <summary>A service record is believed only when every check passes, as a settings record is.</summary>
public class ServiceRecordCheckTests
{
    private static byte[] Record(out ServiceLog log)
    {
        log = new ServiceLog();
        log.Observe(TopState.Fault, FaultKind.LowPressure, true, false, 5000);
        var buffer = new byte[ServiceRecord.Size];
        ServiceRecord.Encode(log, 7, buffer);
        return buffer;
    }

    private static void Recrc(byte[] b)
    {
        uint crc = Crc32.Compute(b, 0, b.Length - 4);
        for (int i = 0; i < 4; i++) b[b.Length - 4 + i] = (byte)(crc >> (8 * i));
    }

    [Fact]
    public void A_settings_record_a_future_version_or_an_impossible_entry_count_is_not_a_service_record()
    {
        byte[] good = Record(out _);
        Assert.Equal(RecordCheck.Ok, ServiceRecord.Check(good, good.Length, out uint seq));
        Assert.Equal(7u, seq);

        var settings = new byte[SettingsRecord.Size];
        SettingsRecord.Encode(new ControllerSettings(), 1, settings);
        Assert.Equal(RecordCheck.WrongMagic, ServiceRecord.Check(settings, settings.Length, out _));

        byte[] future = (byte[])good.Clone();
        future[2] = ServiceRecord.FormatVersion + 1;
        Recrc(future);
        Assert.Equal(RecordCheck.WrongVersion, ServiceRecord.Check(future, future.Length, out _));

        byte[] tooMany = (byte[])good.Clone();
        tooMany[3] = ServiceLog.MaxEntries + 1;
        Recrc(tooMany);
        Assert.Equal(RecordCheck.WrongLength, ServiceRecord.Check(tooMany, tooMany.Length, out _));

        byte[] flipped = (byte[])good.Clone();
        flipped[30] ^= 0x01;
        Assert.Equal(RecordCheck.CrcMismatch, ServiceRecord.Check(flipped, flipped.Length, out _));

        var untouched = new ServiceLog();
        untouched.Observe(TopState.Fault, FaultKind.HighPressure, false, false, 1000);
        Assert.Equal(RecordCheck.CrcMismatch, ServiceRecord.TryDecode(flipped, flipped.Length, untouched, out _));
        Assert.Equal(FaultKind.HighPressure, untouched.KindAt(0)); // a bad record changes nothing
    }

    [Fact]
    public void A_record_round_trips_every_entry_and_count()
    {
        byte[] b = Record(out ServiceLog written);
        var read = new ServiceLog();
        Assert.Equal(RecordCheck.Ok, ServiceRecord.TryDecode(b, b.Length, read, out _));
        Assert.Equal(1, read.Count);
        Assert.Equal(FaultKind.LowPressure, read.KindAt(0));
        Assert.True(read.LockoutAt(0));
        Assert.Equal(5u, read.UptimeSecondsAt(0));
        Assert.Equal(written.CountOf(FaultKind.LowPressure), read.CountOf(FaultKind.LowPressure));
        Assert.Equal(FaultKind.None, read.KindAt(1));   // past Count: nothing, and no throw in the tick
        Assert.False(read.LockoutAt(-1));
    }
}
