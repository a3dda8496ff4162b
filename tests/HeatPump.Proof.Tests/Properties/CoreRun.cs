using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;
using HeatPump.Control.Settings;

namespace HeatPump.Proof.Tests.Properties;

/// <summary>What one sensor reports during an episode. The truth comes from <see cref="ProofWorld"/>; the mode spoils it.</summary>
public enum SensorMode
{
    /// <summary>The truth, quantised, ±1/16 °C.</summary>
    Good = 0,
    /// <summary>The truth ±1.5 K of noise on every read.</summary>
    Noisy,
    /// <summary>An error growing by Param/10 K per minute (a slow drift, or a fast implausible ramp).</summary>
    Ramp,
    /// <summary>The truth shifted by Param K for the whole episode (a sensor swapped, moved or reconnected).</summary>
    Jump,
    /// <summary>The value read at the start of the episode, forever.</summary>
    Stuck,
    /// <summary>Readings outside −55..125 °C (the binding's −999.99, a shorted line).</summary>
    OutOfRange,
    /// <summary>Every read fails its CRC.</summary>
    Crc,
    /// <summary>Param % of reads fail their CRC.</summary>
    CrcSometimes,
    /// <summary>Every read is the 85.0 °C power-on value.</summary>
    PowerOn85,
    /// <summary>Param % of reads are the 85.0 °C power-on value.</summary>
    PowerOn85Sometimes,
    /// <summary>The sensor does not answer.</summary>
    NoResponse,
    /// <summary>Param % of reads get no answer.</summary>
    NoResponseSometimes,
    /// <summary>No read is made at all (the bus task stalled): the last sample goes stale.</summary>
    NoRead,
    /// <summary>Any 16-bit value, with a good CRC.</summary>
    Garbage,
}

/// <summary>A sensor's behaviour for one episode.</summary>
public sealed record SensorPlan(SensorMode Mode, int Param);

/// <summary>How long the ticks of an episode are.</summary>
public enum DtKind
{
    /// <summary>1 s, the board's loop period.</summary>
    Second = 0,
    /// <summary>100–400 ms: a fast loop, most ticks without a sensor read (conversions take 750 ms).</summary>
    Fast,
    /// <summary>2–60 s: a loop that stalls.</summary>
    Slow,
    /// <summary>1–10 min between ticks.</summary>
    Minutes,
    /// <summary>Any of the above, tick by tick.</summary>
    Mixed,
}

/// <summary>What the buttons do during an episode.</summary>
public enum ButtonPlan
{
    /// <summary>Nothing pressed.</summary>
    None = 0,
    /// <summary>The mask held for the whole episode (an hour when the episode is that long).</summary>
    Hold,
    /// <summary>Contact bounce: a random subset of the mask on every tick.</summary>
    Chatter,
    /// <summary>Presses of a few ticks with gaps of a few ticks.</summary>
    Taps,
}

/// <summary>A pressure switch during an episode.</summary>
public enum PressurePlan
{
    /// <summary>Closed (normal).</summary>
    None = 0,
    /// <summary>Open for the whole episode.</summary>
    Tripped,
    /// <summary>Open on a random third of the ticks.</summary>
    Intermittent,
}

/// <summary>A setting change tried through <see cref="ControllerSettings.TrySet"/>; it may be refused.</summary>
public sealed record SettingTry(SettingId Id, int Raw);

/// <summary>
/// A stretch of ticks with one set of conditions. <see cref="PowerCutS"/> ≥ 0 cuts the power at the
/// start for that many seconds; <see cref="TearAt"/> ≥ 0 cuts it during the next settings write of
/// the episode, after that many bytes.
/// </summary>
public sealed record Episode(
    int Ticks, DtKind Dt, float OutdoorC, float IndoorShiftK,
    SensorPlan Indoor, SensorPlan Outdoor, SensorPlan Coil,
    ButtonPlan Buttons, int ButtonMask, SettingTry[] Settings,
    PressurePlan High, PressurePlan Low, bool DefrostRequest,
    int PowerCutS, int TearAt, int Seed);

/// <summary>One random run: the settings stored before the first power-up, the clock at power-up, and the episodes.</summary>
public sealed record CoreRun(SettingTry[] Initial, long StartMs, uint StaggerSeed, Episode[] Episodes)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The run as one line of JSON: what a failure prints and a regression test replays.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a run printed by <see cref="ToJson"/>.</summary>
    public static CoreRun FromJson(string json) => JsonSerializer.Deserialize<CoreRun>(json, Json);

    /// <summary>Ticks the run will take (power cuts and their reboots aside).</summary>
    [JsonIgnore]
    public long Ticks => Episodes.Sum(e => (long)e.Ticks);
}

/// <summary>Generators for <see cref="CoreRun"/>: weighted toward the conditions that reach every state.</summary>
public static class CoreGen
{
    /// <summary>A setting change: usually valid, sometimes off its step or outside its range; modes and setpoints most often.</summary>
    public static readonly Gen<SettingTry> Setting =
        from index in Gen.Frequency(
            (4, Gen.Const((int)SettingId.Mode)),
            (3, Gen.OneOf((int)SettingId.HeatSetpoint, (int)SettingId.CoolSetpoint)),
            (6, Gen.Int[0, SettingsCatalog.Count - 1]))
        from kind in Gen.Int[0, 9]
        from k in Gen.Int[0, 100_000]
        select new SettingTry((SettingId)index, RawFor(SettingsCatalog.At(index), kind, k));

    private static readonly Gen<SensorPlan> Sensor =
        Gen.Frequency(
            (30, Gen.Const(new SensorPlan(SensorMode.Good, 0))),
            (2, Gen.Int[1, 20].Select(p => new SensorPlan(SensorMode.Noisy, p))),
            (1, Gen.Int[-600, 600].Select(p => new SensorPlan(SensorMode.Ramp, p))),
            (1, Gen.Int[-40, 40].Select(p => new SensorPlan(SensorMode.Jump, p))),
            (1, Gen.Const(new SensorPlan(SensorMode.Stuck, 0))),
            (1, Gen.Int[0, 3].Select(p => new SensorPlan(SensorMode.OutOfRange, p))),
            (1, Gen.Const(new SensorPlan(SensorMode.Crc, 0))),
            (1, Gen.Int[1, 90].Select(p => new SensorPlan(SensorMode.CrcSometimes, p))),
            (1, Gen.Const(new SensorPlan(SensorMode.PowerOn85, 0))),
            (1, Gen.Int[1, 90].Select(p => new SensorPlan(SensorMode.PowerOn85Sometimes, p))),
            (1, Gen.Const(new SensorPlan(SensorMode.NoResponse, 0))),
            (1, Gen.Int[1, 90].Select(p => new SensorPlan(SensorMode.NoResponseSometimes, p))),
            (1, Gen.Const(new SensorPlan(SensorMode.NoRead, 0))),
            (1, Gen.Const(new SensorPlan(SensorMode.Garbage, 0))));

    private static readonly Gen<int> Ticks =
        Gen.Frequency((5, Gen.Int[1, 60]), (8, Gen.Int[60, 900]), (3, Gen.Int[900, 4000]));

    private static readonly Gen<(ButtonPlan, int)> Buttons =
        Gen.Frequency(
            (10, Gen.Const((ButtonPlan.None, 0))),
            (3, Gen.Select(Gen.Enum<ButtonPlan>(), Gen.Int[1, 7], (p, m) => (p, m))));

    private static readonly Gen<(PressurePlan, PressurePlan, bool)> Switches =
        Gen.Frequency(
            (12, Gen.Const((PressurePlan.None, PressurePlan.None, false))),
            (3, Gen.Select(Gen.Enum<PressurePlan>(), Gen.Enum<PressurePlan>(), Gen.Bool, (h, l, d) => (h, l, d))));

    private static readonly Gen<(int Cut, int Tear)> Power =
        Gen.Frequency(
            (20, Gen.Const((-1, -1))),
            (1, Gen.Int[0, 1200].Select(s => (s, -1))),
            (1, Gen.Int[0, 100].Select(k => (-1, k))));

    /// <summary>One episode.</summary>
    public static readonly Gen<Episode> Episode =
        from ticks in Ticks
        from dt in Gen.Frequency((8, Gen.Const(DtKind.Second)), (4, Gen.Enum<DtKind>()))
        from outdoor in Gen.Frequency((3, Gen.Int[-30, 8]), (2, Gen.Int[-35, 45]))
        from shift in Gen.Frequency((6, Gen.Const(0)), (1, Gen.Int[-10, 10]))
        from indoor in Sensor
        from outdoorSensor in Sensor
        from coil in Sensor
        from buttons in Buttons
        from settings in Gen.Frequency((6, Gen.Const(Array.Empty<SettingTry>())), (3, Setting.Array[1, 3]))
        from switches in Switches
        from power in Power
        from seed in Gen.Int
        select new Episode(ticks, dt, outdoor, shift, indoor, outdoorSensor, coil, buttons.Item1, buttons.Item2, settings,
            switches.Item1, switches.Item2, switches.Item3, power.Cut, power.Tear, seed);

    /// <summary>A clock at power-up of 0, or just below the 32- and 31-bit wraps, or a long uptime.</summary>
    private static readonly Gen<long> Start = Gen.OneOf(0L, (1L << 31) - 600_000, (1L << 32) - 600_000, 1_000_000_000_000L);

    /// <summary>A whole run.</summary>
    public static readonly Gen<CoreRun> Run =
        from initial in Gen.Select(Gen.OneOf(1, 1, 1, 2, 3, 0, 4), Setting.Array[0, 4],
            (mode, more) => more.Prepend(new SettingTry(SettingId.Mode, mode)).ToArray())
        from start in Start
        from stagger in Gen.UInt
        from episodes in Episode.Array[1, 30]
        select new CoreRun(initial, start, stagger, episodes);

    /// <summary>A raw value for <paramref name="d"/>: kinds 0–6 valid, 7 off its step, 8 below, 9 above or anywhere.</summary>
    private static int RawFor(SettingDefinition d, int kind, int k)
    {
        int steps = (d.Max - d.Min) / d.Step;
        int valid = d.Min + k % (steps + 1) * d.Step;
        switch (kind)
        {
            case 7:
                return d.Step > 1 ? valid + 1 + k % (d.Step - 1) : d.Max + 1;
            case 8:
                return d.Min - d.Step * (1 + k % 3);
            case 9:
                return k % 2 == 0 ? d.Max + d.Step * (1 + k % 3) : k - 50_000;
            default:
                return valid;
        }
    }
}
