using HeatPump.Control;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Protection;
using HeatPump.Control.Sensors;
using HeatPump.Control.Service;
using HeatPump.Control.Settings;
using HeatPump.Referee;
using Xunit;
using Xunit.Abstractions;

namespace HeatPump.Proof.Tests.PowerLoss;

/// <summary>
/// A power cut at every byte of a settings write, with every kind of leftover a torn write can
/// leave (a short file, erased flash, the old record's tail, noise): after the reboot the settings
/// are the old record or the new one, never lost while one slot is good, and the compressor waits
/// its minimum off time plus stagger. Both slots corrupt: defaults, the settings fault raised, the
/// controller safe. A cut in the middle of a defrost: documented in docs/reliability.md, tested here.
/// </summary>
public class PowerLossTests
{
    private readonly ITestOutputHelper _output;

    public PowerLossTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>How the slots stood before the torn write: which held valid records.</summary>
    public enum Before
    {
        /// <summary>A new board's first change after its first save: slot 0 valid, slot 1 erased.</summary>
        OneSlot,
        /// <summary>Both slots valid, slot 1 newest: the write goes to slot 0.</summary>
        BothSlotsNewestIn1,
        /// <summary>Both slots valid, slot 0 newest: the write goes to slot 1.</summary>
        BothSlotsNewestIn0,
    }

    [Fact]
    public void A_cut_at_every_byte_of_a_write_leaves_the_old_or_the_new_settings()
    {
        int size = SettingsRecord.Size;
        int cases = 0;
        int lost = 0;
        int gotNew = 0;
        var failures = new List<string>();
        foreach (Before before in Enum.GetValues<Before>())
        {
            foreach (TearKind tear in Enum.GetValues<TearKind>())
            {
                int variants = tear == TearKind.Garbage ? 8 : 1;
                for (int variant = 0; variant < variants; variant++)
                {
                    for (int k = 0; k <= size; k++)
                    {
                        cases++;
                        string outcome = TearOnce(before, tear, variant, k, out bool isNew);
                        if (outcome != null)
                        {
                            lost++;
                            failures.Add($"{before} {tear}#{variant} cut after {k} bytes: {outcome}");
                        }
                        else if (isNew)
                        {
                            gotNew++;
                        }
                    }
                }
            }
        }

        string summary = $"torn-write cases: {cases}, settings lost: {lost}, new record kept: {gotNew}, old record kept: {cases - lost - gotNew}";
        _output.WriteLine(summary);
        Console.WriteLine("[proof] " + summary);
        Assert.True(lost == 0, string.Join("\n", failures.Take(20)));

        // A write cut after its last byte is a complete write: the new settings must be the ones kept.
        Assert.True(gotNew >= 3 * 11, "complete writes keep the new settings");
    }

    /// <summary>Tears one write; returns null when the settings after reboot are the old or new record, else what went wrong.</summary>
    private static string TearOnce(Before before, TearKind tear, int variant, int k, out bool isNew)
    {
        isNew = false;
        var store = new TearableStore();
        var live = new ControllerSettings();
        var persister = new SettingsPersister(live, store);
        persister.LoadAtPowerUp(0);
        long now = 0;

        // Old settings saved, in one slot or two.
        Change(live, 1);
        now = Save(persister, now);
        if (before != Before.OneSlot)
        {
            Change(live, 2);
            now = Save(persister, now);
            if (before == Before.BothSlotsNewestIn0)
            {
                Change(live, 3);
                now = Save(persister, now);
            }
        }

        int[] oldValues = Values(live);
        int expectedSlot = persister.Slots.NextSlot;

        // New settings, and the power goes while they are written.
        Change(live, 4);
        int[] newValues = Values(live);
        store.CutAt = k;
        store.Tear = tear;
        store.GarbageSeed = variant * 7919 + k;
        Save(persister, now);
        if (!store.PowerLost || store.TornSlot != expectedSlot)
        {
            return "the write did not go to the slot without the newest record";
        }

        // Reboot.
        var rebooted = new ControllerSettings();
        var again = new SettingsPersister(rebooted, store);
        bool defaults = again.LoadAtPowerUp(0);
        int[] after = Values(rebooted);
        if (defaults || again.SettingsFault)
        {
            return "defaults loaded although the other slot was good";
        }

        isNew = after.SequenceEqual(newValues);
        if (!isNew && !after.SequenceEqual(oldValues))
        {
            return "settings are neither the old nor the new record";
        }

        if (k >= SettingsRecord.Size && tear != TearKind.Garbage && !isNew)
        {
            return "a complete write was not kept";
        }

        // I8 holds whatever was loaded.
        for (int i = 0; i < SettingsCatalog.Count; i++)
        {
            if (!SettingsCatalog.At(i).IsAllowed(after[i]))
            {
                return "a loaded value is outside its limits";
            }
        }

        return null;
    }

    [Fact]
    public void After_a_cut_mid_write_the_compressor_waits_min_off_plus_stagger()
    {
        // Every cut point of one write, each rebooted into a cold room in Heat: no start before min-off + stagger.
        for (int k = 0; k <= SettingsRecord.Size; k += 7)
        {
            var store = new TearableStore();
            var live = new ControllerSettings();
            var persister = new SettingsPersister(live, store);
            persister.LoadAtPowerUp(0);
            Assert.True(live.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
            long now = Save(persister, 0);
            Assert.True(live.TrySet(SettingId.MinOffTime, 420, out _));
            store.CutAt = k;
            store.Tear = (TearKind)(k % 4);
            Save(persister, now);
            Assert.True(store.PowerLost);

            var boot = new Board(store, (uint)k * 977u) { IndoorC = 15f };
            long firstStart = boot.RunUntilStart(30 * 60_000);
            long minOff = boot.Settings.SecondsAsMs(SettingId.MinOffTime);
            Assert.True(firstStart >= minOff + boot.Core.StaggerMs,
                $"cut after {k} bytes: first start at {firstStart} ms, min-off {minOff} + stagger {boot.Core.StaggerMs}");
            Assert.True(firstStart <= minOff + boot.Core.StaggerMs + 5_000, "and starts once the wait is over (a cold room calls for heat)");
            Assert.True(boot.Referee.Total == 0, boot.Referee.FirstMessage);
        }
    }

    [Fact]
    public void Both_slots_corrupt_means_defaults_a_settings_fault_and_a_safe_controller()
    {
        var rnd = new Random(5);
        for (int trial = 0; trial < 50; trial++)
        {
            var store = new TearableStore();
            var live = new ControllerSettings();
            var persister = new SettingsPersister(live, store);
            persister.LoadAtPowerUp(0);
            Assert.True(live.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
            Assert.True(live.TrySet(SettingId.HeatSetpoint, 250, out _));
            long now = Save(persister, 0);
            Assert.True(live.TrySet(SettingId.HeatSetpoint, 260, out _));
            Save(persister, now);

            // Spoil both: flip a byte, or write noise, or truncate.
            for (int s = 0; s < 2; s++)
            {
                switch ((trial + s) % 3)
                {
                    case 0:
                        store.Slot[s][rnd.Next(store.Length[s])] ^= (byte)(1 << rnd.Next(8));
                        break;
                    case 1:
                        rnd.NextBytes(store.Slot[s]);
                        break;
                    default:
                        store.Length[s] = rnd.Next(1, SettingsRecord.Size);
                        break;
                }
            }

            var board = new Board(store, (uint)trial);
            Assert.True(board.Defaults, "defaults in use");
            Assert.True(board.Persister.SettingsFault, "the settings fault is raised");
            for (int i = 0; i < SettingsCatalog.Count; i++)
            {
                Assert.Equal(SettingsCatalog.At(i).Default, board.Settings.Get((SettingId)i));
            }

            // The panel says so: "E SE" among the pages of the home screen, with the Fault LED dark (no controller fault).
            Assert.True(board.RunUntil(b => b.Core.Display.Text == DisplayCodes.SettingsCorrupt, 10_000), "E SE shown");

            // Defaults are mode Off: a board that lost its settings heats nothing until someone sets it up.
            board.IndoorC = 12f;
            Assert.Equal(-1, board.RunUntilStart(20 * 60_000));
            Assert.True(board.Referee.Total == 0, board.Referee.FirstMessage);
            Assert.Equal(TopState.Off, board.Core.Controller.State);

            // The fault clears once good settings are written again.
            Assert.True(board.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
            board.Run(10_000);
            Assert.False(board.Persister.SettingsFault, "a verified write clears the settings fault");
            Assert.False(board.RunUntil(b => b.Core.Display.Text == DisplayCodes.SettingsCorrupt, 20_000), "and the code leaves the display");
        }
    }

    [Fact]
    public void Two_erased_slots_are_a_new_board_not_a_fault()
    {
        var board = new Board(new TearableStore(), 1);
        Assert.True(board.Defaults);
        Assert.False(board.Persister.SettingsFault);
    }

    [Fact]
    public void A_cut_in_the_middle_of_a_defrost_restarts_off_with_the_valve_at_rest_and_min_off_running()
    {
        // Heat at 0 °C outdoor, then a defrost forced while running; cut while melting.
        var store = new TearableStore();
        var board = new Board(store, 42) { IndoorC = 18f, OutdoorC = 0f, CoilC = -6f };
        Assert.True(board.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _));
        Assert.True(board.RunUntil(b => b.Core.Controller.Sub == SubState.Running && b.Core.Outputs.IndoorFanDuty > 0f, 30 * 60_000));
        board.DefrostRequest = true;
        Assert.True(board.RunUntil(b => b.Core.Controller.Sub == SubState.Melting && b.Core.Outputs.Compressor, 5 * 60_000));
        board.Run(20_000);
        Assert.Equal(SubState.Melting, board.Core.Controller.Sub);
        Assert.True(board.Core.Outputs.Compressor && board.Core.Outputs.Defrost);

        // Power cut: the relays drop; 20 s later the board boots from the same store.
        var rebooted = new Board(store, 43) { IndoorC = 18f, OutdoorC = 0f, CoilC = -2f };

        // Power-up state: everything off, the valve de-energised, Off until the first tick.
        Assert.False(rebooted.Core.Outputs.Compressor || rebooted.Core.Outputs.ValveEnergised || rebooted.Core.Outputs.Defrost);
        Assert.Equal(UserMode.Heat, rebooted.Settings.Mode);
        rebooted.Tick();
        Assert.Equal(TopState.Heat, rebooted.Core.Controller.State);
        Assert.False(rebooted.Core.Outputs.ValveEnergised == !rebooted.Core.Guard.HeatingPositionEnergised(), "valve rests in heating position");
        Assert.Equal(HoldReason.PowerUpDelay, rebooted.Core.Controller.Hold);

        // Nothing of the interrupted defrost survives: heating resumes after min-off + stagger...
        long start = rebooted.RunUntilStart(30 * 60_000);
        Assert.True(start >= rebooted.Settings.SecondsAsMs(SettingId.MinOffTime) + rebooted.Core.StaggerMs);
        Assert.False(rebooted.Core.Outputs.Defrost);
        Assert.Equal(0, rebooted.Core.Controller.DefrostCount);

        // ...and the next defrost comes on the time-temperature interval of frosting run time, not
        // at once: the scheduler starts uncalibrated, and a clean-coil ΔT learned on a coil that may
        // still carry ice is only provisional, so the interval is the bound (docs/reliability.md).
        long interval = rebooted.Settings.MinutesAsMs(SettingId.DefrostInterval);
        long runStart = rebooted.NowMs;
        Assert.True(rebooted.RunUntil(b => b.Core.Controller.State == TopState.Defrost, 3 * interval));
        Assert.Equal(DefrostCause.Interval, rebooted.Core.Controller.LastDefrostCause);
        Assert.True(rebooted.NowMs - runStart >= interval, "not before one interval of run time");
        Assert.True(rebooted.Referee.Total == 0, rebooted.Referee.FirstMessage);
    }

    private static void Change(ControllerSettings s, int generation)
    {
        Assert.True(s.TrySet(SettingId.HeatSetpoint, 180 + 5 * generation, out _));
        Assert.True(s.TrySet(SettingId.MinOffTime, 180 + 30 * generation, out _));
        Assert.True(s.TrySet(SettingId.Mode, generation % 4, out _));
    }

    /// <summary>Ticks the persister past its quiet time so the change is written; returns the time after.</summary>
    private static long Save(SettingsPersister p, long now)
    {
        long end = now + SettingsPersister.QuietMs + 2000;
        for (; now <= end; now += 500)
        {
            p.Tick(now);
        }

        return now;
    }

    private static int[] Values(ControllerSettings s) =>
        Enumerable.Range(0, SettingsCatalog.Count).Select(i => s.Get((SettingId)i)).ToArray();
}

/// <summary>A board booted from a store: persister, core and monitor, stepped at 1 s with steady sensors.</summary>
internal sealed class Board : ITicking
{
    private readonly RawInputs _in = new();

    public Board(TearableStore store, uint staggerSeed, TearableStore serviceStore = null)
    {
        store.PowerLost = false;
        store.CutAt = -1;
        Settings = new ControllerSettings();
        Persister = new SettingsPersister(Settings, store);
        Defaults = Persister.LoadAtPowerUp(0);
        Core = new ControlCore(Settings, 0, staggerSeed);
        Referee = new SafetyReferee(Settings, 0, Core.StaggerMs);
        if (serviceStore != null)
        {
            // As the firmware does: the service log loads into the core's own log before the first tick.
            serviceStore.PowerLost = false;
            serviceStore.CutAt = -1;
            ServicePersister = new ServicePersister(Core.Service, serviceStore);
            ServicePersister.LoadAtPowerUp(0);
        }
    }

    /// <summary>Keeps the service log in its own two slots; null when the board was made without a service store.</summary>
    public ServicePersister ServicePersister { get; }

    public ControllerSettings Settings { get; }

    public SettingsPersister Persister { get; }

    public ControlCore Core { get; }

    public SafetyReferee Referee { get; }

    public bool Defaults { get; }

    public long NowMs { get; private set; }

    public float IndoorC = 20f;
    public float OutdoorC = 5f;
    public float CoilC = 5f;
    public bool DefrostRequest;
    public bool HighPressureTripped;
    public bool LowPressureTripped;
    public int Buttons;

    /// <summary>When set, the indoor sensor does not answer.</summary>
    public bool IndoorSilent;

    /// <summary>When set, the outdoor sensor does not answer.</summary>
    public bool OutdoorSilent;

    public void Tick()
    {
        NowMs += 1000;
        _in.NowMs = NowMs;
        _in.Indoor = IndoorSilent ? SensorSample.Failed(SampleStatus.NoResponse) : SensorSample.Good(SensorSample.ToSixteenths(IndoorC));
        _in.Outdoor = OutdoorSilent ? SensorSample.Failed(SampleStatus.NoResponse) : SensorSample.Good(SensorSample.ToSixteenths(OutdoorC));
        _in.Coil = SensorSample.Good(SensorSample.ToSixteenths(CoilC));
        _in.DefrostRequested = DefrostRequest;
        _in.HighPressureTripped = HighPressureTripped;
        _in.LowPressureTripped = LowPressureTripped;
        _in.Buttons = Buttons;
        DefrostRequest = false;
        // As the firmware loop does: the persister's settings fault goes to the panel.
        Core.SettingsFault = Persister.SettingsFault;
        Core.Step(_in);
        Persister.Tick(NowMs);
        ServicePersister?.Tick(NowMs);
        Referee.Observe(NowMs, Core.Outputs, Core.Indoor.IsValid, Core.Outdoor.IsValid, Core.Outdoor.Celsius);

        // A coarse coil: below outdoor while heating, above it while cooling, warming in the reverse
        // cycle, at outdoor when off.
        OutputState o = Core.Outputs;
        bool heating = Settings.IsHeatingPosition(o.ValveEnergised);
        float target = !o.Compressor ? OutdoorC : o.Defrost ? 20f : heating ? OutdoorC - 7f : OutdoorC + 10f;
        CoilC += (target - CoilC) / 60f;
    }

    /// <summary>Runs until the compressor starts; the time of the start, or −1 if it did not within <paramref name="maxMs"/>.</summary>
    public long RunUntilStart(long maxMs) => this.RunUntil(b => b.Core.Outputs.Compressor, maxMs) ? NowMs : -1;
}
