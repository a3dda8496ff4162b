using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Referee;

namespace HeatPump.Simulator.Kpi;

/// <summary>
/// The safety referee for a simulation, fed from the raw sensor samples: not every simulated
/// controller has the board's validator, so the readings a board could have acted on are rebuilt
/// here. A sample counts when it was read without error and is not the 85.0 °C power-on value; a
/// reading with no such sample for 30 s is not valid (the board fails a sensor then). A spike that
/// the board's validator would have rejected can still look like a lockout breach here, so a lockout
/// breach counts only once it has lasted <see cref="LockoutGraceMs"/>.
/// </summary>
public sealed class SampledReferee
{
    /// <summary>How long a lockout breach must last before it counts, ms.</summary>
    public const long LockoutGraceMs = 60000;

    /// <summary>A reading with no good sample for this long is not one the board could act on, ms.</summary>
    public const long StaleMs = 30000;

    // The DS18B20's power-on value, never a temperature it measured.
    private const int PowerOnSixteenths = 85 * 16;

    private readonly float _outdoorOffsetC;
    private long _indoorAtMs = long.MinValue;
    private long _outdoorAtMs = long.MinValue;
    private float _outdoorC;

    /// <summary>A referee for a unit powered up at <paramref name="powerUpMs"/> with <paramref name="settings"/> as its limits.</summary>
    public SampledReferee(ControllerSettings settings, long powerUpMs = 0)
    {
        _outdoorOffsetC = settings.Tenths(SettingId.OutdoorOffset);
        Referee = new SafetyReferee(settings, powerUpMs, 0) { LockoutGraceMs = LockoutGraceMs };
    }

    /// <summary>The referee itself: counts per rule, the first breach.</summary>
    public SafetyReferee Referee { get; }

    /// <summary>Breaches of every rule so far.</summary>
    public int Violations => Referee.Total;

    /// <summary>The first breaches, each with its rule, time and amount.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            var m = new string[Referee.MessageCount];
            for (int i = 0; i < m.Length; i++)
            {
                m[i] = Referee.Message(i);
            }

            return m;
        }
    }

    /// <summary>Judges the outputs driven at <paramref name="nowMs"/>, given the indoor and outdoor samples the board read this tick.</summary>
    public void Check(long nowMs, in OutputState o, in SensorSample indoor, in SensorSample outdoor)
    {
        if (Counts(indoor))
        {
            _indoorAtMs = nowMs;
        }

        if (Counts(outdoor))
        {
            _outdoorAtMs = nowMs;
            _outdoorC = outdoor.Sixteenths / 16f + _outdoorOffsetC;
        }

        Referee.Observe(nowMs, o, Fresh(_indoorAtMs, nowMs), Fresh(_outdoorAtMs, nowMs), _outdoorC);
    }

    private static bool Counts(in SensorSample s) => s.Status == SampleStatus.Ok && s.Sixteenths != PowerOnSixteenths;

    private static bool Fresh(long atMs, long nowMs) => atMs != long.MinValue && nowMs - atMs < StaleMs;
}
