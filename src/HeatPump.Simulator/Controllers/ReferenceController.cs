using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;

namespace HeatPump.Simulator.Controllers;

/// <summary>
/// The baselines the firmware is judged against, written here and not in the core: a plain
/// thermostat (on below SP − tolerance, off above SP + tolerance) with an anti-short-cycle timer,
/// and a time-temperature defrost board (coil at or below −1 °C accumulates compressor run time;
/// at the interval it defrosts: compressor off, quiet shift to the cooling position, restart with
/// both fans off, end at coil ≥ 15 °C or after 10 min, compressor off, quiet shift back).
/// It reads the quantised sensor samples as a real board would: a reading is kept until the
/// next good one, with no rate check and no failure detection. Two of them add a second stage of
/// aux heat as plain thermostats wire it (see <see cref="AuxStage"/>); aux always runs with the
/// blower at full duty, which then purges the strips for a minute after they stop.
/// </summary>
public sealed class ReferenceController : ISimController
{
    private enum Call
    {
        None,
        Heat,
        Cool,
    }

    /// <summary>How a baseline brings in its aux heat (W2).</summary>
    public enum AuxStage
    {
        /// <summary>No aux heat.</summary>
        None,

        /// <summary>A two-stage heat-pump thermostat: W2 on at a fixed droop below setpoint, off once the room is back at setpoint.</summary>
        Droop,

        /// <summary>An outdoor thermostat on the strips: W2 with every heat call below a fixed outdoor temperature.</summary>
        OutdoorLockout,
    }

    /// <summary>Droop of the two-stage thermostat, K (2 °F, the common factory setting).</summary>
    public const float TwoStageDroopK = 1.0f;

    /// <summary>Outdoor temperature below which the outdoor-thermostat baseline adds the strips to every call, °C.</summary>
    public const float AuxOutdoorBelowC = -10f;

    /// <summary>Blower purge after the strips stop, ms.</summary>
    private const long AuxPurgeMs = 60000;

    private enum Phase
    {
        Normal,
        ShiftIn,
        Melting,
        ShiftOut,
    }

    private readonly float _toleranceK;
    private readonly long _minRunMs;
    private readonly long _minOffMs;
    private readonly long _defrostIntervalMs;
    private readonly long _quietShiftMs;
    private readonly long _defrostMaxMs;
    private readonly float _frostingCoilC;
    private readonly float _defrostEndCoilC;
    private readonly float _heatLockoutC;
    private readonly float _coolLockoutC;
    private readonly float _heatSetpointC;
    private readonly float _coolSetpointC;
    private readonly bool _heatModeOn;
    private readonly bool _coolModeOn;
    private readonly bool _heatingEnergised;
    private readonly AuxStage _auxStage;

    private bool _aux;
    private long _auxPurgeUntilMs;

    private bool _hasIndoor;
    private bool _hasOutdoor;
    private bool _hasCoil;
    private float _indoorC;
    private float _outdoorC;
    private float _coilC;

    private Call _call;
    private Phase _phase;
    private bool _compressorOn;
    private long _compressorSinceMs;
    private bool _valve;
    private long _frostRunMs;
    private long _meltStartMs;
    private long _lastNowMs;
    private DefrostEnd _lastEnd;

    private ReferenceController(string name, ControllerSettings s, float toleranceK, long minRunMs, int defrostIntervalMin,
        AuxStage auxStage = AuxStage.None)
    {
        Name = name;
        _auxStage = auxStage;
        _toleranceK = toleranceK;
        _minRunMs = minRunMs;
        _minOffMs = s.SecondsAsMs(SettingId.MinOffTime);
        _defrostIntervalMs = defrostIntervalMin * 60000L;
        _quietShiftMs = s.SecondsAsMs(SettingId.QuietShiftTime);
        _defrostMaxMs = s.SecondsAsMs(SettingId.DefrostMaxTime);
        _frostingCoilC = s.Tenths(SettingId.DefrostCoilFrosting);
        _defrostEndCoilC = s.Tenths(SettingId.DefrostEndCoil);
        _heatLockoutC = s.Tenths(SettingId.HeatLockoutOutdoor);
        _coolLockoutC = s.Tenths(SettingId.CoolLockoutOutdoor);
        _heatSetpointC = s.HeatSetpointC;
        _coolSetpointC = s.CoolSetpointC;
        _heatModeOn = s.Mode == UserMode.Heat || s.Mode == UserMode.Auto;
        _coolModeOn = s.Mode == UserMode.Cool || s.Mode == UserMode.Auto;
        // Every output is off at power-up, the valve included; it shifts when first needed.
        _heatingEnergised = s.ValveEnergisedInHeat;
    }

    /// <summary>
    /// A ±0.5 K thermostat with a 5-minute anti-short-cycle (the min-off setting) and no minimum
    /// run, driving a time-temperature defrost board set to <paramref name="intervalMinutes"/>.
    /// </summary>
    public static ReferenceController Timed(int intervalMinutes, ControllerSettings settings)
    {
        return new ReferenceController("timed-" + intervalMinutes, settings, 0.5f, 0, intervalMinutes);
    }

    /// <summary>
    /// A generic hysteresis thermostat (tolerance 0.3 K, each on and off period at least 5 min, as
    /// Home Assistant's generic_thermostat with min_cycle_duration) on a 90-minute timed defrost board.
    /// </summary>
    public static ReferenceController Hysteresis(ControllerSettings settings)
    {
        return new ReferenceController("hysteresis", settings, 0.3f, 300000, 90);
    }

    /// <summary>
    /// The 60-minute timed board under a two-stage heat-pump thermostat (±0.5 K first stage): the
    /// strips join at a fixed 1 K droop and drop when the room is back at setpoint.
    /// </summary>
    public static ReferenceController TwoStage(ControllerSettings settings)
    {
        return new ReferenceController("thermostat-2stage", settings, 0.5f, 0, 60, AuxStage.Droop);
    }

    /// <summary>
    /// The 60-minute timed board under a ±0.5 K thermostat with an outdoor thermostat on the strips:
    /// below −10 °C they run with every heat call, above it never.
    /// </summary>
    public static ReferenceController AuxLockoutOnly(ControllerSettings settings)
    {
        return new ReferenceController("aux-lockout-only", settings, 0.5f, 0, 60, AuxStage.OutdoorLockout);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public DefrostEnd LastDefrostEnd => _lastEnd;

    /// <summary>Compressor run time with a frosting coil counted toward the next defrost, ms.</summary>
    public long FrostingRunMs => _frostRunMs;

    /// <inheritdoc />
    /// <remarks>
    /// The baselines stand for boards with the pressure switches in series with the contactor coil:
    /// a trip stops the compressor through the plant, and they leave the reading's switches unread.
    /// </remarks>
    public OutputState Step(RawInputs reading, double trueFrostFraction)
    {
        long nowMs = reading.NowMs;
        Read(reading.Indoor, ref _hasIndoor, ref _indoorC);
        Read(reading.Outdoor, ref _hasOutdoor, ref _outdoorC);
        Read(reading.Coil, ref _hasCoil, ref _coilC);

        // Run time with a cold coil over the tick that just ended counts toward the next defrost.
        long dt = nowMs - _lastNowMs;
        _lastNowMs = nowMs;
        if (_phase == Phase.Normal && _compressorOn && _valve == _heatingEnergised && _hasCoil && _coilC <= _frostingCoilC)
        {
            _frostRunMs += dt;
        }

        UpdateCall();
        bool shiftRestart = false;
        switch (_phase)
        {
            case Phase.Normal:
                StepNormal(nowMs);
                break;
            case Phase.ShiftIn:
                if (_valve == _heatingEnergised)
                {
                    if (nowMs - _compressorSinceMs >= _quietShiftMs)
                    {
                        _valve = !_heatingEnergised;
                    }
                }
                else
                {
                    // The valve moved on an earlier tick; the restart completes the quiet shift.
                    SetCompressor(true, nowMs);
                    shiftRestart = true;
                    _phase = Phase.Melting;
                    _meltStartMs = nowMs;
                }

                break;
            case Phase.Melting:
                bool coilClear = _hasCoil && _coilC >= _defrostEndCoilC;
                if (coilClear || nowMs - _meltStartMs >= _defrostMaxMs)
                {
                    _lastEnd = coilClear ? DefrostEnd.CoilTemperature : DefrostEnd.MaxTime;
                    SetCompressor(false, nowMs);
                    _phase = Phase.ShiftOut;
                }

                break;
            case Phase.ShiftOut:
                if (_valve != _heatingEnergised)
                {
                    if (nowMs - _compressorSinceMs >= _quietShiftMs)
                    {
                        _valve = _heatingEnergised;
                    }
                }
                else
                {
                    _phase = Phase.Normal;
                    if (_call == Call.Heat && HeatAllowed())
                    {
                        SetCompressor(true, nowMs);
                        shiftRestart = true;
                    }
                }

                break;
        }

        OutputState o = default;
        o.Compressor = _compressorOn;
        o.ValveEnergised = _valve;
        float fan = _compressorOn && _phase == Phase.Normal ? 1f : 0f;
        o.IndoorFanDuty = fan;
        o.OutdoorFanDuty = fan;
        o.Defrost = _phase != Phase.Normal;
        o.QuietShiftRestart = shiftRestart;
        StepAux(nowMs, ref o);
        return o;
    }

    /// <summary>The second stage: the strips with the blower at full duty, and a purge after they stop.</summary>
    private void StepAux(long nowMs, ref OutputState o)
    {
        bool heatCall = _call == Call.Heat && _phase == Phase.Normal && _hasIndoor;
        bool want = _auxStage switch
        {
            AuxStage.Droop => heatCall && (_aux ? _indoorC < _heatSetpointC : _indoorC <= _heatSetpointC - TwoStageDroopK),
            AuxStage.OutdoorLockout => heatCall && _hasOutdoor && _outdoorC < AuxOutdoorBelowC,
            _ => false,
        };
        if (_aux && !want)
        {
            _auxPurgeUntilMs = nowMs + AuxPurgeMs;
        }

        _aux = want;
        if (want || nowMs < _auxPurgeUntilMs)
        {
            o.AuxHeat = want;
            o.IndoorFanDuty = 1f;
        }
    }

    private static void Read(in SensorSample sample, ref bool has, ref float celsius)
    {
        if (sample.Status == SampleStatus.Ok)
        {
            has = true;
            celsius = sample.Sixteenths / 16f;
        }
    }

    private bool HeatAllowed() => !_hasOutdoor || _outdoorC >= _heatLockoutC;

    private bool CoolAllowed() => !_hasOutdoor || _outdoorC >= _coolLockoutC;

    private void UpdateCall()
    {
        if (!_hasIndoor)
        {
            _call = Call.None;
            return;
        }

        float t = _indoorC;
        if (_call == Call.Heat && (!_heatModeOn || t >= _heatSetpointC + _toleranceK))
        {
            _call = Call.None;
        }
        else if (_call == Call.Cool && (!_coolModeOn || t <= _coolSetpointC - _toleranceK))
        {
            _call = Call.None;
        }

        if (_call == Call.None)
        {
            if (_heatModeOn && t <= _heatSetpointC - _toleranceK)
            {
                _call = Call.Heat;
            }
            else if (_coolModeOn && t >= _coolSetpointC + _toleranceK)
            {
                _call = Call.Cool;
            }
        }
    }

    private void StepNormal(long nowMs)
    {
        bool heatAllowed = HeatAllowed();
        bool coolAllowed = CoolAllowed();
        bool wantHeat = _call == Call.Heat && heatAllowed;
        bool wantCool = _call == Call.Cool && coolAllowed;
        long inState = nowMs - _compressorSinceMs;
        if (_compressorOn)
        {
            bool heating = _valve == _heatingEnergised;
            if (heating && _frostRunMs >= _defrostIntervalMs)
            {
                // Defrost time: stop, so the valve can shift quietly.
                _frostRunMs = 0;
                SetCompressor(false, nowMs);
                _phase = Phase.ShiftIn;
                return;
            }

            bool keep = heating ? wantHeat : wantCool;
            bool lockedOut = heating ? !heatAllowed : !coolAllowed;
            if (!keep && (inState >= _minRunMs || lockedOut))
            {
                SetCompressor(false, nowMs);
            }
        }
        else if (wantHeat || wantCool)
        {
            bool wantValve = wantHeat ? _heatingEnergised : !_heatingEnergised;
            if (_valve != wantValve)
            {
                if (inState >= _quietShiftMs)
                {
                    _valve = wantValve;
                }
            }
            else if (inState >= _minOffMs)
            {
                SetCompressor(true, nowMs);
            }
        }
    }

    private void SetCompressor(bool on, long nowMs)
    {
        _compressorOn = on;
        _compressorSinceMs = nowMs;
    }
}
