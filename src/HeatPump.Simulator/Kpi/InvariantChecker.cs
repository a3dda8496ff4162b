using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;

namespace HeatPump.Simulator.Kpi;

/// <summary>The safety invariants of DESIGN §5 that can be judged from the driven outputs.</summary>
public enum Invariant
{
    /// <summary>I1: a start needs the minimum off time (power-up counts as a stop); a restart completing a quiet shift around a defrost needs the quiet-shift time.</summary>
    I1MinOff = 1,

    /// <summary>I2: the valve moves only with the compressor off for at least the quiet-shift time.</summary>
    I2QuietShift = 2,

    /// <summary>I3: the reverse cycle of a defrost never outlasts the maximum defrost time.</summary>
    I3DefrostMax = 3,

    /// <summary>I5: in Fault, compressor and aux off, the valve de-energised once I2 allows, fans only finishing a purge.</summary>
    I5Fault = 5,

    /// <summary>I6: no heating below the low-ambient lockout, no cooling below the cooling lockout (by the outdoor reading the board had).</summary>
    I6Lockout = 6,

    /// <summary>I7: ordinary starts in any hour never exceed the maximum.</summary>
    I7StartsPerHour = 7,
}

/// <summary>
/// An independent judge of every tick: it sees only the outputs as driven and the outdoor samples the
/// board received, keeps its own timers, and counts each breach of an invariant once (a breach that
/// lasts several ticks is one violation). It shares no code with the guard it checks.
/// </summary>
public sealed class InvariantChecker
{
    /// <summary>How long a lockout breach must last before it counts: a reading the board's validator rejected as a spike must not be blamed on the controller.</summary>
    public const long LockoutGraceMs = 60000;

    /// <summary>An outdoor reading older than this is not one the board could act on (the validator fails a sensor after 30 s).</summary>
    public const long OutdoorStaleMs = 30000;

    private const long HourMs = 3600000L;
    private const int MaxMessages = 20;

    private readonly long _minOffMs;
    private readonly long _quietShiftMs;
    private readonly long _defrostMaxMs;
    private readonly int _maxStarts;
    private readonly long _purgeMaxMs;
    private readonly float _heatLockoutC;
    private readonly float _coolLockoutC;
    private readonly float _outdoorOffsetC;
    private readonly bool _heatingEnergised;
    private readonly long[] _starts = new long[16];
    private readonly int[] _byKind = new int[8];
    private readonly List<string> _messages = new List<string>();
    private readonly CompressorTracker _tracker;

    private int _startCount;
    private int _startNext;
    private bool _melting;
    private long _meltStartMs;
    private bool _meltFlagged;
    private OutputState _previous;
    private long _faultSinceMs;
    private bool _faultFlagged;
    private bool _hasOutdoor;
    private float _outdoorC;
    private long _outdoorAtMs;
    private long _lockoutBreachSinceMs = -1;
    private bool _lockoutFlagged;

    /// <summary>A checker for a unit powered up at <paramref name="powerUpMs"/> with <paramref name="settings"/> as its limits.</summary>
    public InvariantChecker(ControllerSettings settings, long powerUpMs = 0)
    {
        _minOffMs = settings.SecondsAsMs(SettingId.MinOffTime);
        _quietShiftMs = settings.SecondsAsMs(SettingId.QuietShiftTime);
        _defrostMaxMs = settings.SecondsAsMs(SettingId.DefrostMaxTime);
        _maxStarts = settings.Get(SettingId.MaxStartsPerHour);
        _purgeMaxMs = settings.SecondsAsMs(SettingId.IndoorFanRunOn);
        _heatLockoutC = settings.Tenths(SettingId.HeatLockoutOutdoor);
        _coolLockoutC = settings.Tenths(SettingId.CoolLockoutOutdoor);
        _outdoorOffsetC = settings.Tenths(SettingId.OutdoorOffset);
        _heatingEnergised = settings.Get(SettingId.ValvePolarity) == 1;
        _tracker = new CompressorTracker(powerUpMs, _minOffMs);
    }

    /// <summary>Violations of every kind so far.</summary>
    public int Violations { get; private set; }

    /// <summary>Violations of <paramref name="kind"/> so far.</summary>
    public int Count(Invariant kind) => _byKind[(int)kind];

    /// <summary>The first violations, each with its time and what was seen.</summary>
    public IReadOnlyList<string> Messages => _messages;

    /// <summary>Judges the outputs driven at <paramref name="nowMs"/>, given the outdoor sample the board read this tick.</summary>
    public void Check(long nowMs, in OutputState o, in SensorSample outdoor)
    {
        ObserveOutdoor(nowMs, outdoor);
        CompressorEdge edge = _tracker.Update(nowMs, o);

        if (edge == CompressorEdge.Start)
        {
            if (_tracker.OffBeforeStartMs < _minOffMs)
            {
                Flag(Invariant.I1MinOff, nowMs, "compressor started after " + _tracker.OffBeforeStartMs / 1000 + " s off (minimum " + _minOffMs / 1000 + " s)");
            }

            CheckStartsPerHour(nowMs);
        }
        else if (edge == CompressorEdge.ShiftRestart && _tracker.OffBeforeStartMs < _quietShiftMs)
        {
            Flag(Invariant.I1MinOff, nowMs, "defrost shift restart after " + _tracker.OffBeforeStartMs / 1000 + " s off (minimum " + _quietShiftMs / 1000 + " s)");
        }

        if (_tracker.ValveMoved && (_tracker.ValveMoveOffMs < 0 || _tracker.ValveMoveOffMs < _quietShiftMs))
        {
            Flag(Invariant.I2QuietShift, nowMs, _tracker.ValveMoveOffMs < 0
                ? "valve moved with the compressor running"
                : "valve moved " + _tracker.ValveMoveOffMs / 1000 + " s after the compressor stopped (minimum " + _quietShiftMs / 1000 + " s)");
        }

        CheckDefrostLength(nowMs, o);
        CheckFault(nowMs, o);
        CheckLockouts(nowMs, o);
        _previous = o;
    }

    private void ObserveOutdoor(long nowMs, in SensorSample s)
    {
        // 85.0 °C is the DS18B20's power-on value, never an outdoor temperature.
        if (s.Status == SampleStatus.Ok && s.Sixteenths != 1360)
        {
            _hasOutdoor = true;
            _outdoorC = s.Sixteenths / 16f + _outdoorOffsetC;
            _outdoorAtMs = nowMs;
        }
    }

    private void CheckStartsPerHour(long nowMs)
    {
        int inHour = 1;
        for (int k = 0; k < _startCount; k++)
        {
            int i = (_startNext - 1 - k + 2 * _starts.Length) % _starts.Length;
            if (_starts[i] > nowMs - HourMs)
            {
                inHour++;
            }
        }

        if (inHour > _maxStarts)
        {
            Flag(Invariant.I7StartsPerHour, nowMs, inHour + " starts within an hour (maximum " + _maxStarts + ")");
        }

        _starts[_startNext] = nowMs;
        _startNext = (_startNext + 1) % _starts.Length;
        if (_startCount < _starts.Length)
        {
            _startCount++;
        }
    }

    private void CheckDefrostLength(long nowMs, in OutputState o)
    {
        if (o.Defrost && o.Compressor)
        {
            if (!_melting)
            {
                _melting = true;
                _meltStartMs = nowMs;
                _meltFlagged = false;
            }

            // Running at the tick that reaches the maximum means running past it.
            if (!_meltFlagged && nowMs - _meltStartMs >= _defrostMaxMs)
            {
                _meltFlagged = true;
                Flag(Invariant.I3DefrostMax, nowMs, "defrost reverse cycle still running after " + (nowMs - _meltStartMs) / 1000 + " s (maximum " + _defrostMaxMs / 1000 + " s)");
            }
        }
        else
        {
            _melting = false;
        }
    }

    private void CheckFault(long nowMs, in OutputState o)
    {
        if (!o.Fault)
        {
            _faultFlagged = false;
            return;
        }

        if (!_previous.Fault)
        {
            _faultSinceMs = nowMs;
            _faultFlagged = false;
        }

        if (_faultFlagged)
        {
            return;
        }

        string? breach = null;
        if (o.Compressor || o.AuxHeat)
        {
            breach = o.Compressor ? "compressor running in Fault" : "aux heat on in Fault";
        }
        else if (o.ValveEnergised && !_tracker.On && nowMs - _tracker.SinceMs > _quietShiftMs && _previous.Fault)
        {
            breach = "valve still energised in Fault after the quiet-shift time";
        }
        else if ((o.IndoorFanDuty > 0f && _previous.IndoorFanDuty <= 0f) || (o.OutdoorFanDuty > 0f && _previous.OutdoorFanDuty <= 0f))
        {
            breach = "fan started in Fault";
        }
        else if ((o.IndoorFanDuty > 0f || o.OutdoorFanDuty > 0f) && nowMs - _faultSinceMs > _purgeMaxMs)
        {
            breach = "fan still running in Fault after the run-on time";
        }

        if (breach != null)
        {
            _faultFlagged = true;
            Flag(Invariant.I5Fault, nowMs, breach);
        }
    }

    private void CheckLockouts(long nowMs, in OutputState o)
    {
        bool breach = false;
        if (o.Compressor && !o.Defrost && _hasOutdoor && nowMs - _outdoorAtMs <= OutdoorStaleMs)
        {
            bool heating = o.ValveEnergised == _heatingEnergised;
            breach = heating ? _outdoorC < _heatLockoutC : _outdoorC < _coolLockoutC;
        }

        if (!breach)
        {
            _lockoutBreachSinceMs = -1;
            _lockoutFlagged = false;
            return;
        }

        if (_lockoutBreachSinceMs < 0)
        {
            _lockoutBreachSinceMs = nowMs;
        }

        if (!_lockoutFlagged && nowMs - _lockoutBreachSinceMs >= LockoutGraceMs)
        {
            _lockoutFlagged = true;
            bool heating = o.ValveEnergised == _heatingEnergised;
            Flag(Invariant.I6Lockout, nowMs, (heating ? "heating" : "cooling") + " at an outdoor reading of "
                + _outdoorC.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " °C for "
                + LockoutGraceMs / 1000 + " s (lockout below "
                + (heating ? _heatLockoutC : _coolLockoutC).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " °C)");
        }
    }

    private void Flag(Invariant kind, long nowMs, string what)
    {
        Violations++;
        _byKind[(int)kind]++;
        if (_messages.Count < MaxMessages)
        {
            _messages.Add(kind.ToString().Substring(0, 2) + " at " + Clock.Format(nowMs) + ": " + what);
        }
    }
}
