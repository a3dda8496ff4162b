using System.Globalization;
using System.Text;
using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Weather;

namespace HeatPump.Proof.Tests.Faults;

/// <summary>The states a sensor fault can strike in.</summary>
public enum MatrixState
{
    HeatRunning,
    CoolRunning,
    Defrost,
    Idle,
}

/// <summary>What one cell of the matrix measured.</summary>
public sealed record CellResult(
    SensorRole Sensor, SensorFaultKind Fault, MatrixState State, bool Detectable,
    double? DetectedAfterS, bool SensorFailed, int BadSamples, int BadAccepted, string Action,
    int Violations, double? RecoveredAfterS, double WorstErrorK, long DefrostMeltMs, double RoomMinC, double RoomMaxC)
{
    /// <summary>Detected within the design's 30 s (only asked of detectable faults).</summary>
    public bool DetectedInTime => DetectedAfterS.HasValue && DetectedAfterS.Value <= FaultMatrix.DetectWithinS && BadAccepted == 0;

    /// <summary>Back to trusted readings (and, indoors, out of Fault) within 60 s of good readings plus a conversion.</summary>
    public bool Recovered => RecoveredAfterS.HasValue && RecoveredAfterS.Value <= FaultMatrix.RecoverWithinS;
}

/// <summary>
/// Each sensor × each fault × each state → time to detection, the controller's action, invariant
/// breaches, and recovery after the sensor comes back. A cell runs the simulator's physics twice
/// with the same seed: once without faults to find when the state is reached, then with the fault
/// scheduled from that moment for <see cref="FaultS"/> — the runs are identical up to it.
/// </summary>
public static class FaultMatrix
{
    /// <summary>How long a detectable fault lasts, s.</summary>
    public const double FaultS = 600;

    /// <summary>How long a stuck or drifting sensor lasts, s: long enough for the room or coil to move away from the reading.</summary>
    public const double SlowFaultS = 3600;

    /// <summary>The fault's length for <paramref name="kind"/>, s.</summary>
    public static double Duration(SensorFaultKind kind) => IsDetectable(kind) ? FaultS : SlowFaultS;

    /// <summary>docs/safety.md: a sensor with no good sample for 30 s is failed.</summary>
    public const double DetectWithinS = 30;

    /// <summary>60 s of good samples, plus one conversion and the tick it lands in.</summary>
    public const double RecoverWithinS = 62;

    /// <summary>How long recovery is watched after the fault ends, s.</summary>
    public const double WatchAfterS = 600;

    /// <summary>A sample this far from what the sensor body really senses is corrupted, K (noise is 0.02–0.05 K).</summary>
    public const double BadK = 1.0;

    /// <summary>The parameter each fault gets: half the reads fail CRC; every read resets to 85 °C; 30 K spikes; a 3 K/h drift.</summary>
    public static double Parameter(SensorFaultKind kind) => kind switch
    {
        SensorFaultKind.Crc => 0.5,
        SensorFaultKind.Reset85 => 1.0,
        SensorFaultKind.Spike => 30.0,
        SensorFaultKind.Drift => 3.0,
        _ => 0.0,
    };

    /// <summary>Open, CRC, 85 °C and spikes are visible in the samples; stuck and slow drift look like a real temperature.</summary>
    public static bool IsDetectable(SensorFaultKind kind) => kind is not (SensorFaultKind.Stuck or SensorFaultKind.Drift);

    public static IEnumerable<(SensorRole, SensorFaultKind, MatrixState)> Cells()
    {
        // The control roles; the optional supply-air probe is read only by the commissioning run (CommissioningRunTests).
        foreach (SensorRole role in Enum.GetValues<SensorRole>().Where(r => r != SensorRole.Supply))
        {
            foreach (SensorFaultKind kind in Enum.GetValues<SensorFaultKind>())
            {
                foreach (MatrixState state in Enum.GetValues<MatrixState>())
                {
                    yield return (role, kind, state);
                }
            }
        }
    }

    /// <summary>
    /// A lighter house than the simulator's default (10 MJ/K, τ ≈ 14 h), so that within the hour of a
    /// stuck or drifting fault the room moves far enough from the reading to show what the controller does.
    /// </summary>
    public static readonly PlantParameters House = PlantParameters.Default with { CapacitanceJPerK = 10e6 };

    /// <summary>A rig set up for <paramref name="state"/>, with <paramref name="faults"/>.</summary>
    public static FaultRig NewRig(MatrixState state, FaultSchedule faults)
    {
        var s = new ControllerSettings();
        string reason;
        switch (state)
        {
            case MatrixState.CoolRunning:
                s.TrySet(SettingId.Mode, (int)UserMode.Cool, out reason);
                s.TrySet(SettingId.CoolSetpoint, 230, out reason);
                return new FaultRig(s, new SteadyWeather(32, 0.4), faults, 27, plant: House);
            case MatrixState.Idle:
                s.TrySet(SettingId.Mode, (int)UserMode.Heat, out reason);
                s.TrySet(SettingId.HeatSetpoint, 200, out reason);
                return new FaultRig(s, new SteadyWeather(5, 0.7), faults, 23.5, plant: House);
            default:
                s.TrySet(SettingId.Mode, (int)UserMode.Heat, out reason);
                s.TrySet(SettingId.HeatSetpoint, 220, out reason);
                return new FaultRig(s, new SteadyWeather(1, 0.85), faults, 18, plant: House);
        }
    }

    /// <summary>Steps <paramref name="rig"/> until it is settled in <paramref name="state"/>; false if it never gets there.</summary>
    public static bool Reach(FaultRig rig, MatrixState state)
    {
        const long Max = 4 * 3600_000L;
        Controller c = rig.Core.Controller;
        switch (state)
        {
            case MatrixState.HeatRunning:
                return rig.RunUntil(r => c.State == TopState.Heat && c.Sub == SubState.Running && r.Core.Guard.Feedback(r.NowMs).CompressorSinceMs <= r.NowMs - 300_000, Max);
            case MatrixState.CoolRunning:
                return rig.RunUntil(r => c.State == TopState.Cool && c.Sub == SubState.Running && r.Core.Guard.Feedback(r.NowMs).CompressorSinceMs <= r.NowMs - 300_000, Max);
            case MatrixState.Defrost:
                if (!Reach(rig, MatrixState.HeatRunning))
                {
                    return false;
                }

                // The first defrost the controller starts itself (after the defrost interval of
                // frosting run), so the coil carries the ice of a real frosting run.
                if (!rig.RunUntil(r => c.Sub == SubState.Melting && r.Core.Outputs.Compressor, Max))
                {
                    return false;
                }

                rig.Run(5_000);
                return c.Sub == SubState.Melting;
            default:
                return rig.RunUntil(r => r.NowMs >= 600_000 && c.State == TopState.Heat && c.Sub == SubState.Idle && !r.Core.Outputs.Compressor, Max);
        }
    }

    public static CellResult Run(SensorRole role, SensorFaultKind kind, MatrixState state)
    {
        var probe = NewRig(state, FaultSchedule.Empty);
        if (!Reach(probe, state))
        {
            throw new InvalidOperationException($"{state} not reached");
        }

        long reachedMs = probe.NowMs;
        double start = reachedMs / 1000.0 + 0.5;
        var fault = new SensorFault(role, kind, Parameter(kind), start, Duration(kind));
        var rig = NewRig(state, new FaultSchedule(new[] { fault }));
        if (!Reach(rig, state) || rig.NowMs != reachedMs || rig.Core.Controller.State != probe.Core.Controller.State || rig.Core.Controller.Sub != probe.Core.Controller.Sub)
        {
            throw new InvalidOperationException("the faulted run did not follow the probe up to the fault");
        }

        SensorValidator v = rig.Validator(role);
        Controller c = rig.Core.Controller;
        double end = start + Duration(kind);
        double roomMin = double.MaxValue, roomMax = double.MinValue;
        double? firstBad = null, firstRejected = null, failedAt = null, recoveredAt = null;
        int bad = 0, badAccepted = 0;
        bool enteredFault = false, timeOnly = false, failSafe = false;
        double worst = 0;
        long meltStart = c.Sub == SubState.Melting ? rig.Core.Guard.Feedback(rig.NowMs).CompressorSinceMs : -1;
        long meltMs = 0;
        DefrostEnd defrostEnd = DefrostEnd.None;
        int defrostsBefore = c.DefrostCount;

        while (rig.Seconds < end + WatchAfterS)
        {
            double t = rig.Seconds;
            rig.Tick();
            SensorSample sample = rig.LastSample(role);
            double sensed = rig.Sensors.SensedC(role);
            bool inFault = t >= start && t < end;

            if (meltStart >= 0 && c.Sub != SubState.Melting && meltMs == 0)
            {
                meltMs = rig.NowMs - meltStart;
            }

            if (meltStart >= 0 && c.State != TopState.Defrost && defrostEnd == DefrostEnd.None)
            {
                defrostEnd = c.LastDefrostEnd;
            }

            if (inFault)
            {
                roomMin = Math.Min(roomMin, rig.Plant.IndoorC);
                roomMax = Math.Max(roomMax, rig.Plant.IndoorC);
                bool isBad = sample.Status == SampleStatus.CrcError || sample.Status == SampleStatus.NoResponse
                    || (sample.Status == SampleStatus.Ok && Math.Abs(sample.Sixteenths / 16.0 - sensed) > BadK);
                if (isBad)
                {
                    bad++;
                    firstBad ??= t;
                    bool rejected = sample.Status != SampleStatus.Ok || v.LastRejection != SampleRejection.None;
                    if (rejected)
                    {
                        firstRejected ??= t;
                    }
                    else
                    {
                        badAccepted++;
                    }
                }

                if (v.Health == SensorHealth.Failed)
                {
                    failedAt ??= t;
                }

                enteredFault |= c.State == TopState.Fault;
                timeOnly |= c.DefrostScheduler.TimeOnly;
                failSafe |= !c.HeatLockedOut && c.CoolLockedOut && !v.IsValid;
                if (v.IsValid)
                {
                    worst = Math.Max(worst, Math.Abs(v.RawSixteenths / 16.0 - sensed));
                }
            }
            else if (t >= end && recoveredAt == null && v.IsValid && Math.Abs(v.RawSixteenths / 16.0 - sensed) <= BadK
                && (role != SensorRole.Indoor || c.State != TopState.Fault))
            {
                recoveredAt = t - end;
            }
        }

        double? detected = null;
        if (firstBad.HasValue)
        {
            double? at = failedAt ?? firstRejected;
            detected = at.HasValue ? Math.Max(0, at.Value - firstBad.Value) : null;
        }

        string action = Action(role, state, failedAt.HasValue, enteredFault, timeOnly, failSafe, bad, badAccepted, defrostEnd);
        return new CellResult(role, kind, state, IsDetectable(kind), detected, failedAt.HasValue, bad, badAccepted, action,
            rig.Referee.Total, recoveredAt, worst, meltMs, roomMin, roomMax);
    }

    private static string Action(SensorRole role, MatrixState state, bool failed, bool enteredFault,
        bool timeOnly, bool failSafe, int bad, int badAccepted, DefrostEnd defrostEnd)
    {
        string melt = state != MatrixState.Defrost ? ""
            : defrostEnd == DefrostEnd.MaxTime ? "; melting ended on time"
            : defrostEnd == DefrostEnd.CoilTemperature ? "; melting ended on coil temperature"
            : defrostEnd == DefrostEnd.Aborted ? "; defrost aborted" : "; melting did not end";
        if (failed)
        {
            switch (role)
            {
                case SensorRole.Indoor:
                    return (state == MatrixState.Defrost ? "defrost finished, then " : "") + (enteredFault ? "Fault E1, compressor off" : "sensor failed");
                case SensorRole.Outdoor:
                    return (failSafe ? "sensor failed: cooling locked out, heating allowed, defrost on the interval" : "sensor failed") + melt;
                default:
                    return (state == MatrixState.CoolRunning ? "sensor failed: not used in cooling" : timeOnly ? "sensor failed: time-only defrost" : "sensor failed") + melt;
            }
        }

        if (bad == 0)
        {
            return "no reading off by more than 1 K" + melt;
        }

        if (badAccepted == 0)
        {
            return "every bad sample rejected; control on the good ones" + melt;
        }

        return "not detectable by one sensor: control follows the reading" + melt;
    }

    /// <summary>The generated table of docs/reliability.md.</summary>
    public static string Table(IReadOnlyList<CellResult> cells)
    {
        var sb = new StringBuilder();
        int detectable = cells.Count(c => c.Detectable);
        sb.Append(CultureInfo.InvariantCulture, $"{cells.Count} cells: {cells.Count(c => c.Detectable && c.DetectedInTime)} of {detectable} detectable faults detected within {DetectWithinS:0} s, ");
        sb.Append(CultureInfo.InvariantCulture, $"{cells.Count(c => c.Recovered)} of {cells.Count} recovered within {RecoverWithinS:0} s of the sensor's return, ");
        sb.Append(CultureInfo.InvariantCulture, $"{cells.Sum(c => c.Violations)} invariant violations.\n\n");
        sb.Append("| sensor | fault | state | detectable | detected after | bad samples (accepted) | worst error used | room during fault | action | I1–I7 | recovered after |\n");
        sb.Append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var c in cells)
        {
            string detected = !c.Detectable && c.BadAccepted > 0 ? "not detectable"
                : c.DetectedAfterS.HasValue ? c.DetectedAfterS.Value.ToString("0", CultureInfo.InvariantCulture) + " s"
                : c.BadSamples == 0 ? "—" : "never";
            sb.Append(CultureInfo.InvariantCulture,
                $"| {c.Sensor.ToString().ToLowerInvariant()} | {Name(c.Fault)} | {StateName(c.State)} | {(c.Detectable ? "yes" : "no")} | {detected} | {c.BadSamples} ({c.BadAccepted}) | {c.WorstErrorK:0.0} K | {c.RoomMinC:0.0}–{c.RoomMaxC:0.0} °C | {c.Action} | {c.Violations} | {(c.RecoveredAfterS.HasValue ? c.RecoveredAfterS.Value.ToString("0", CultureInfo.InvariantCulture) + " s" : "no")} |\n");
        }

        return sb.ToString();
    }

    public static string Name(SensorFaultKind kind) => kind switch
    {
        SensorFaultKind.Open => "open",
        SensorFaultKind.Crc => "CRC errors (50 %)",
        SensorFaultKind.Reset85 => "85 °C reset value",
        SensorFaultKind.Stuck => "stuck (1 h)",
        SensorFaultKind.Spike => "30 K spikes",
        _ => "slow drift (3 K/h, 1 h)",
    };

    private static string StateName(MatrixState s) => s switch
    {
        MatrixState.HeatRunning => "heat running",
        MatrixState.CoolRunning => "cool running",
        MatrixState.Defrost => "defrost",
        _ => "idle",
    };
}
