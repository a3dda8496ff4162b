using HeatPump.Control;
using HeatPump.Control.Sensors;

namespace HeatPump.Proof.Tests.Properties;

/// <summary>
/// A coarse house and outdoor coil for the random runs, stepped with whatever tick length the run
/// uses: the room warms while the compressor heats and cools while it cools, the coil runs below
/// outdoor while heating, frosts below 0 °C and holds at 0 °C while a defrost melts the ice. Only
/// good enough that random runs reach every state — thermostat cycles, defrosts, lockouts — so the
/// invariants are tested where they matter; the simulator's plant is the physical model.
/// </summary>
public sealed class ProofWorld
{
    public float IndoorC = 19f;
    public float OutdoorC = 0f;
    public float CoilC = 0f;

    /// <summary>Frost on the coil as the extra outdoor−coil ΔT it causes, K.</summary>
    public float FrostK;

    public void Advance(long dtMs, in OutputState o, bool heatingPosition, float outdoorTargetC)
    {
        float dtMin = dtMs / 60000f;
        OutdoorC = Toward(OutdoorC, outdoorTargetC, 0.5f * dtMin);

        if (o.Compressor && !o.Defrost)
        {
            IndoorC += (heatingPosition ? 0.4f : -0.4f) * dtMin;
        }
        else
        {
            IndoorC = Toward(IndoorC, OutdoorC, 0.03f * dtMin);
        }

        IndoorC = Math.Clamp(IndoorC, -10f, 40f);

        float target;
        if (o.Compressor && heatingPosition)
        {
            if (CoilC < 0f)
            {
                FrostK = Math.Min(FrostK + 4f * dtMin / 60f, 12f);
            }

            target = OutdoorC - 6f - FrostK;
        }
        else if (o.Compressor)
        {
            // Reverse cycle: the coil holds at 0 °C while ice melts, then warms quickly.
            if (FrostK > 0f)
            {
                FrostK = Math.Max(0f, FrostK - 1.5f * dtMin);
                target = 0f;
            }
            else
            {
                target = 30f;
            }
        }
        else
        {
            target = OutdoorC;
        }

        // First-order lag, 60 s time constant, exact for any step length.
        CoilC += (target - CoilC) * (1f - MathF.Exp(-dtMs / 60000f));
    }

    private static float Toward(float from, float to, float maxStep)
    {
        float d = to - from;
        return d > maxStep ? from + maxStep : d < -maxStep ? from - maxStep : to;
    }
}

/// <summary>One sensor as the random run reports it: the truth spoiled by the episode's <see cref="SensorPlan"/>.</summary>
public sealed class ProofSensor
{
    /// <summary>A DS18B20 at 12 bits needs this long per conversion; a faster loop gets no new sample in between.</summary>
    public const long ConversionMs = 750;

    private static readonly short[] Wild = { -16000, 2001, -881, short.MaxValue };

    private long _lastReadMs = long.MinValue / 2;
    private long _episodeStartMs;
    private short _stuck;

    public void BeginEpisode(long nowMs, float truthC)
    {
        _episodeStartMs = nowMs;
        _stuck = SensorSample.ToSixteenths(truthC);
    }

    /// <summary>After a reboot the clock starts again: the next conversion is due at once.</summary>
    public void Reboot()
    {
        _lastReadMs = long.MinValue / 2;
    }

    public SensorSample Read(SensorPlan plan, float truthC, long nowMs, Random r)
    {
        if (plan.Mode == SensorMode.NoRead || nowMs - _lastReadMs < ConversionMs)
        {
            return SensorSample.Failed(SampleStatus.None);
        }

        _lastReadMs = nowMs;
        short good = (short)(SensorSample.ToSixteenths(truthC) + r.Next(-1, 2));
        switch (plan.Mode)
        {
            case SensorMode.Noisy:
                return SensorSample.Good(SensorSample.ToSixteenths(truthC + (float)(r.NextDouble() * 3 - 1.5)));
            case SensorMode.Ramp:
                float minutes = (nowMs - _episodeStartMs) / 60000f;
                return SensorSample.Good(SensorSample.ToSixteenths(Math.Clamp(truthC + plan.Param / 10f * minutes, -60f, 130f)));
            case SensorMode.Jump:
                return SensorSample.Good(SensorSample.ToSixteenths(truthC + plan.Param));
            case SensorMode.Stuck:
                return SensorSample.Good(_stuck);
            case SensorMode.OutOfRange:
                return SensorSample.Good(Wild[plan.Param & 3]);
            case SensorMode.Crc:
                return SensorSample.Failed(SampleStatus.CrcError);
            case SensorMode.CrcSometimes:
                return r.Next(100) < plan.Param ? SensorSample.Failed(SampleStatus.CrcError) : SensorSample.Good(good);
            case SensorMode.PowerOn85:
                return SensorSample.Good(1360);
            case SensorMode.PowerOn85Sometimes:
                return r.Next(100) < plan.Param ? SensorSample.Good(1360) : SensorSample.Good(good);
            case SensorMode.NoResponse:
                return SensorSample.Failed(SampleStatus.NoResponse);
            case SensorMode.NoResponseSometimes:
                return r.Next(100) < plan.Param ? SensorSample.Failed(SampleStatus.NoResponse) : SensorSample.Good(good);
            case SensorMode.Garbage:
                return SensorSample.Good((short)r.Next(short.MinValue, short.MaxValue + 1));
            default:
                return SensorSample.Good(good);
        }
    }
}
