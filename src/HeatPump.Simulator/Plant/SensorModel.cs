using HeatPump.Control.Sensors;

namespace HeatPump.Simulator.Plant;

/// <summary>
/// The three DS18B20s as the board reads them: each follows the true temperature with a
/// first-order lag (its housing and mounting), adds seeded noise, quantises to the 12-bit
/// register's 1/16 °C, and suffers the faults its <see cref="FaultSchedule"/> lists.
/// Reads closer together than a conversion (750 ms) return no sample, as on the real bus.
/// Each sensor draws from its own random stream, so a fault on one never changes the noise of
/// another, and the same seed gives the same samples. Reading allocates nothing.
/// </summary>
public sealed class SensorModel : ISensorModel
{
    /// <summary>The 85.0 °C power-on reset value of the temperature register.</summary>
    public const short PowerOnResetSixteenths = 1360;

    private const double MinReadableC = -55.0;
    private const double MaxReadableC = 125.0;

    private readonly Channel[] _channels;
    private readonly double _conversionS;
    private readonly double _spikeProbability;

    /// <summary>Sensors with the lags and noise of <paramref name="parameters"/>, faults from <paramref name="faults"/>, noise from <paramref name="seed"/>.</summary>
    public SensorModel(PlantParameters? parameters = null, FaultSchedule? faults = null, int seed = 1)
    {
        var p = parameters ?? PlantParameters.Default;
        p.Validate();
        faults ??= FaultSchedule.Empty;
        Faults = faults;
        _conversionS = p.SensorConversionS;
        _spikeProbability = p.SpikeProbability;
        _channels = new[]
        {
            new Channel(p.IndoorSensorLagS, p.IndoorSensorNoiseK, faults.For(SensorRole.Indoor), seed, 1),
            new Channel(p.OutdoorSensorLagS, p.OutdoorSensorNoiseK, faults.For(SensorRole.Outdoor), seed, 2),
            new Channel(p.CoilSensorLagS, p.CoilSensorNoiseK, faults.For(SensorRole.Coil), seed, 3),
            new Channel(p.SupplySensorLagS, p.IndoorSensorNoiseK, faults.For(SensorRole.Supply), seed, 4),
        };
        _channels[(int)SensorRole.Coil].OffsetK = p.CoilSensorOffsetK;
    }

    /// <summary>The faults this model injects.</summary>
    public FaultSchedule Faults { get; }

    /// <summary>The lagged temperature the sensor body has reached (before noise and faults), °C.</summary>
    public double SensedC(SensorRole role) => _channels[(int)role].LaggedC;

    /// <summary>True when a fault is in effect on <paramref name="role"/> at <paramref name="seconds"/>.</summary>
    public bool HasActiveFault(SensorRole role, double seconds)
    {
        var faults = _channels[(int)role].Faults;
        for (int i = 0; i < faults.Length; i++)
        {
            if (faults[i].IsActive(seconds)) return true;
        }

        return false;
    }

    /// <inheritdoc />
    public SensorSample Read(SensorRole role, double trueC, double seconds)
    {
        var c = _channels[(int)role];
        if (double.IsNaN(trueC)) return SensorSample.Failed(SampleStatus.NoResponse); // nothing there to measure yet
        c.Follow(trueC, seconds);
        if (seconds - c.LastSampleS < _conversionS) return SensorSample.Failed(SampleStatus.None);
        c.LastSampleS = seconds;

        double value = c.LaggedC + c.OffsetK + c.NoiseK * c.Noise.NextGaussian();
        SampleStatus status = SampleStatus.Ok;
        bool reset = false;
        var faults = c.Faults;
        for (int i = 0; i < faults.Length; i++)
        {
            var fault = faults[i];
            if (!fault.IsActive(seconds))
            {
                c.StuckKnown[i] = false;
                continue;
            }

            switch (fault.Kind)
            {
                case SensorFaultKind.Open:
                    status = SampleStatus.NoResponse;
                    break;
                case SensorFaultKind.Crc:
                    if (c.FaultDraws.NextDouble() < fault.Parameter && status == SampleStatus.Ok) status = SampleStatus.CrcError;
                    break;
                case SensorFaultKind.Reset85:
                    if (c.FaultDraws.NextDouble() < fault.Parameter) reset = true;
                    break;
                case SensorFaultKind.Stuck:
                    if (!c.StuckKnown[i])
                    {
                        c.StuckKnown[i] = true;
                        c.StuckC[i] = value;
                    }

                    value = c.StuckC[i];
                    break;
                case SensorFaultKind.Spike:
                    if (c.FaultDraws.NextDouble() < _spikeProbability)
                        value += c.FaultDraws.NextDouble() < 0.5 ? -fault.Parameter : fault.Parameter;
                    break;
                case SensorFaultKind.Drift:
                    value += fault.Parameter * (seconds - fault.StartSeconds) / 3600.0;
                    break;
            }
        }

        if (status != SampleStatus.Ok) return SensorSample.Failed(status);
        if (reset) return SensorSample.Good(PowerOnResetSixteenths);
        value = Math.Clamp(value, MinReadableC, MaxReadableC);
        return SensorSample.Good(SensorSample.ToSixteenths((float)value));
    }

    private sealed class Channel
    {
        public readonly double LagS;
        public readonly double NoiseK;
        public readonly SensorFault[] Faults;
        public readonly bool[] StuckKnown;
        public readonly double[] StuckC;
        public DeterministicRandom Noise;
        public DeterministicRandom FaultDraws;
        public double LaggedC = double.NaN;

        // Calibration error added to every reading, K.
        public double OffsetK;
        public double LastFollowS = double.NaN;
        public double LastSampleS = double.NegativeInfinity;
        private double _cachedDt = double.NaN;
        private double _cachedGain;

        public Channel(double lagS, double noiseK, SensorFault[] faults, int seed, ulong stream)
        {
            LagS = lagS;
            NoiseK = noiseK;
            Faults = faults;
            StuckKnown = new bool[faults.Length];
            StuckC = new double[faults.Length];
            Noise = new DeterministicRandom(seed, stream);
            FaultDraws = new DeterministicRandom(seed, stream + 100);
        }

        /// <summary>Moves the sensor body toward the true temperature (exact first-order step).</summary>
        public void Follow(double trueC, double seconds)
        {
            if (double.IsNaN(LaggedC))
            {
                LaggedC = trueC;
                LastFollowS = seconds;
                return;
            }

            double dt = seconds - LastFollowS;
            if (dt <= 0) return;
            if (dt != _cachedDt)
            {
                _cachedDt = dt;
                _cachedGain = 1.0 - Math.Exp(-dt / LagS);
            }

            LaggedC += (trueC - LaggedC) * _cachedGain;
            LastFollowS = seconds;
        }
    }
}
