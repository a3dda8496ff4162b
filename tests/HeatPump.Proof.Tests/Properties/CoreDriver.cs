using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;
using HeatPump.Referee;

namespace HeatPump.Proof.Tests.Properties;

/// <summary>A random run broke a promise: the message says which, where and when.</summary>
public sealed class ProofFailure : Exception
{
    public ProofFailure(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Plays a <see cref="CoreRun"/> through the whole control core as the board's loop would — read
/// inputs, step, drive outputs, persist settings — with an in-memory settings store that can be
/// torn, power cuts that rebuild the core from what the store holds, and after every tick the
/// checks of docs/safety.md: the <see cref="SafetyReferee"/> (I1–I7) at 0, every setting within its
/// limits (I8), and what a power-up must look like (I9: outputs off, first start after min-off plus
/// stagger).
/// </summary>
public sealed class CoreDriver
{
    private readonly RawInputs _in = new();
    private readonly ControllerSettings _refereeSettings = new();
    private readonly ProofSensor _indoor = new();
    private readonly ProofSensor _outdoor = new();
    private readonly ProofSensor _coil = new();
    private readonly int[] _persisted = new int[SettingsCatalog.Count];
    private readonly int[] _inFlight = new int[SettingsCatalog.Count];
    private int _seenWrites;
    private readonly string[] _recent = new string[6];
    private int _recentAt;
    private OutputState _last;
    private long _powerUpMs;
    private bool _awaitingFirstStart;
    private int _episode;
    private int _tick;

    public CoreDriver()
    {
        Referee = new SafetyReferee(_refereeSettings, 0, 0);
    }

    public TearableStore Store { get; } = new();

    public ProofWorld World { get; } = new();

    public SafetyReferee Referee { get; }

    public ControllerSettings Settings { get; private set; }

    public SettingsPersister Persister { get; private set; }

    public ControlCore Core { get; private set; }

    /// <summary>The board's clock: ms since the last power-up (plus the run's starting value before the first).</summary>
    public long NowMs { get; private set; }

    public ProofStats Stats { get; } = new();

    /// <summary>Plays the whole run; throws <see cref="ProofFailure"/> at the first broken promise.</summary>
    public void Play(CoreRun run)
    {
        var first = new ControllerSettings();
        foreach (var s in run.Initial)
        {
            first.TrySet(s.Id, s.Raw, out _);
        }

        int length = SettingsRecord.Encode(first, 1, Store.Slot[0]);
        Store.Length[0] = length;
        NowMs = run.StartMs;
        PowerUp(run.StaggerSeed);
        Snapshot(_persisted);
        _seenWrites = Store.Writes;

        for (_episode = 0; _episode < run.Episodes.Length; _episode++)
        {
            PlayEpisode(run.Episodes[_episode]);
        }
    }

    private void PlayEpisode(Episode e)
    {
        var r = new Random(e.Seed);
        if (e.PowerCutS >= 0)
        {
            PowerCut(e.PowerCutS * 1000L, r);
        }

        foreach (var s in e.Settings)
        {
            if (Settings.TrySet(s.Id, s.Raw, out _))
            {
                Stats.SettingsAccepted++;
            }
            else
            {
                Stats.SettingsRefused++;
            }
        }

        if (e.TearAt >= 0)
        {
            Store.CutAt = e.TearAt;
            Store.Tear = (TearKind)(e.Seed & 3);
            Store.GarbageSeed = e.Seed;
        }

        World.IndoorC = Math.Clamp(World.IndoorC + e.IndoorShiftK, -10f, 40f);
        _indoor.BeginEpisode(NowMs, World.IndoorC);
        _outdoor.BeginEpisode(NowMs, World.OutdoorC);
        _coil.BeginEpisode(NowMs, World.CoilC);

        for (_tick = 0; _tick < e.Ticks; _tick++)
        {
            long dt = StepLength(e.Dt, r);
            Tick(e, dt, r);
            if (Store.PowerLost)
            {
                // The cut came in the middle of a settings write: the board died there.
                Stats.TornWrites++;
                PowerCut(r.Next(0, 120_000), r);
            }
        }

        Store.CutAt = -1;
    }

    private void Tick(Episode e, long dt, Random r)
    {
        NowMs += dt;
        bool heatingPosition = _last.ValveEnergised == Core.Guard.HeatingPositionEnergised();
        World.Advance(dt, _last, heatingPosition, e.OutdoorC);

        _in.NowMs = NowMs;
        _in.Indoor = _indoor.Read(e.Indoor, World.IndoorC, NowMs, r);
        _in.Outdoor = _outdoor.Read(e.Outdoor, World.OutdoorC, NowMs, r);
        _in.Coil = _coil.Read(e.Coil, World.CoilC, NowMs, r);
        _in.Buttons = Buttons(e, r);
        _in.HighPressureTripped = Switch(e.High, r);
        _in.LowPressureTripped = Switch(e.Low, r);
        _in.DefrostRequested = e.DefrostRequest && r.Next(50) == 0;

        // The loop's order: step, drive the outputs, persist, feed the watchdog.
        Core.Step(_in);
        OutputState o = Core.Outputs;
        Persister.Tick(NowMs);
        if (Store.PowerLost)
        {
            // The record being written when the power went: the live settings of this tick.
            Snapshot(_inFlight);
        }
        else if (Store.Writes != _seenWrites)
        {
            Snapshot(_persisted);
        }

        _seenWrites = Store.Writes;

        _refereeSettings.CopyFrom(Settings);
        Referee.Observe(NowMs, o, Core.Indoor.IsValid, Core.Outdoor.IsValid, Core.Outdoor.Celsius);
        if (Referee.Total != 0 || Trace)
        {
            Remember(o);
        }

        Check(o);
        Stats.Count(Core, o);
        _last = o;
    }

    private void Check(in OutputState o)
    {
        if (Referee.Total != 0)
        {
            Fail(Referee.FirstMessage);
        }

        for (int i = 0; i < SettingsCatalog.Count; i++)
        {
            SettingDefinition d = SettingsCatalog.At(i);
            if (!d.IsAllowed(Settings.Get(d.Id)))
            {
                Fail("I8: " + d.Key + " = " + Settings.Get(d.Id) + " outside its limits");
            }
        }

        if (!ControllerSettings.SetpointsApart(Settings.Get(SettingId.HeatSetpoint), Settings.Get(SettingId.CoolSetpoint),
            Settings.Get(SettingId.AutoMinGap)))
        {
            Fail("I8: setpoints closer than the Auto gap");
        }

        if (_awaitingFirstStart && o.Compressor)
        {
            _awaitingFirstStart = false;
            long wait = Settings.SecondsAsMs(SettingId.MinOffTime) + Core.StaggerMs;
            if (NowMs - _powerUpMs < wait)
            {
                Fail("I9: first start " + (NowMs - _powerUpMs) + " ms after power-up, before min-off + stagger " + wait + " ms");
            }
        }

        if (Core.Controller.UnlistedTransitions != 0)
        {
            Fail("a transition not in the table was taken");
        }

        if (!(o.IndoorFanDuty >= 0f && o.IndoorFanDuty <= 1f && o.OutdoorFanDuty >= 0f && o.OutdoorFanDuty <= 1f))
        {
            Fail("fan duty outside 0..1: " + o.IndoorFanDuty + " / " + o.OutdoorFanDuty);
        }

        // I5's fan clause, which the monitor does not judge: in a fault a fan may finish its run-on, not start
        // — except the blower under aux heat, which carries the house through a refrigerant fault.
        if (o.Fault && ((o.IndoorFanDuty > 0f && _last.IndoorFanDuty <= 0f && !o.AuxHeat) || (o.OutdoorFanDuty > 0f && _last.OutdoorFanDuty <= 0f)))
        {
            Fail("I5: a fan started during a fault");
        }
    }

    /// <summary>Power off for <paramref name="offMs"/>, then a boot: the clock starts again near 0.</summary>
    private void PowerCut(long offMs, Random r)
    {
        bool torn = Store.PowerLost;
        // Relays drop with the supply; the world goes on without the unit.
        _last = OutputState.AllOff();
        World.Advance(offMs, _last, false, World.OutdoorC);
        NowMs = r.Next(0, 3000);
        _indoor.Reboot();
        _outdoor.Reboot();
        _coil.Reboot();
        Stats.PowerCycles++;
        PowerUp((uint)r.Next());

        // The settings survive a cut: the last record written, or the one being written when it came.
        bool old = SameAsLive(_persisted);
        if (!old && !(torn && SameAsLive(_inFlight)))
        {
            Stats.SettingsLost++;
            Fail("settings after the power cut are neither the last written record nor the one in flight");
        }

        if (!old)
        {
            Array.Copy(_inFlight, _persisted, _persisted.Length);
        }
    }

    private void Snapshot(int[] into)
    {
        for (int i = 0; i < into.Length; i++)
        {
            into[i] = Settings.Get((SettingId)i);
        }
    }

    private bool SameAsLive(int[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] != Settings.Get((SettingId)i))
            {
                return false;
            }
        }

        return true;
    }

    private void PowerUp(uint staggerSeed)
    {
        Store.PowerLost = false;
        Store.CutAt = -1;
        Settings = new ControllerSettings();
        Persister = new SettingsPersister(Settings, Store);
        Persister.LoadAtPowerUp(NowMs);
        Core = new ControlCore(Settings, NowMs, staggerSeed);

        OutputState o = Core.Outputs;
        if (o.Compressor || o.ValveEnergised || o.AuxHeat || o.IndoorFanDuty != 0f || o.OutdoorFanDuty != 0f)
        {
            Fail("I9: outputs not all off at power-up");
        }

        if (Core.StaggerMs < 0 || Core.StaggerMs > Settings.SecondsAsMs(SettingId.PowerUpStaggerMax))
        {
            Fail("I9: stagger " + Core.StaggerMs + " ms outside 0..power-up.stagger");
        }

        _refereeSettings.CopyFrom(Settings);
        Referee.PowerUp(NowMs, Core.StaggerMs);
        _powerUpMs = NowMs;
        _awaitingFirstStart = true;
        _last = OutputState.AllOff();
    }

    private int Buttons(Episode e, Random r)
    {
        switch (e.Buttons)
        {
            case ButtonPlan.Hold:
                return e.ButtonMask;
            case ButtonPlan.Chatter:
                return r.Next(8) & e.ButtonMask;
            case ButtonPlan.Taps:
                return (_tick / (1 + (e.Seed & 7))) % 2 == 0 ? e.ButtonMask : 0;
            default:
                return 0;
        }
    }

    private static bool Switch(PressurePlan p, Random r)
    {
        return p == PressurePlan.Tripped || (p == PressurePlan.Intermittent && r.Next(3) == 0);
    }

    private static long StepLength(DtKind kind, Random r)
    {
        if (kind == DtKind.Mixed)
        {
            kind = (DtKind)r.Next(0, 4);
        }

        switch (kind)
        {
            case DtKind.Fast:
                return r.Next(100, 401);
            case DtKind.Slow:
                return r.Next(2000, 60_001);
            case DtKind.Minutes:
                return r.Next(60_000, 600_001);
            default:
                return 1000;
        }
    }

    /// <summary>When set, every tick is remembered for the failure message (a replayed regression run sets it).</summary>
    public bool Trace { get; set; }

    private void Remember(in OutputState o)
    {
        _recent[_recentAt++ % _recent.Length] = $"t={NowMs} {Core.Controller.State}/{Core.Controller.Sub} outputTest={Core.Panel.OutputTest.Active} "
            + $"comp={o.Compressor} valve={o.ValveEnergised} defrost={o.Defrost} fault={o.Fault} wanted comp={Core.Requested.Compressor} valve={Core.Requested.ValveEnergised}";
    }

    private void Fail(string what)
    {
        var recent = new System.Text.StringBuilder();
        for (int i = 0; i < _recent.Length; i++)
        {
            string line = _recent[(_recentAt + i) % _recent.Length];
            if (line != null)
            {
                recent.Append("\n  ").Append(line);
            }
        }

        throw new ProofFailure(what + " at t=" + NowMs + " ms (episode " + _episode + ", tick " + _tick + ", state "
            + Core?.Controller.State + "/" + Core?.Controller.Sub + ")" + recent);
    }
}
