namespace HeatPump.Control.Sensors
{
}

namespace HeatPump.Control.Sensors
{
    /// <summary>
    /// Validates one DS18B20 channel and tracks its health (docs/safety.md, sensor fallbacks). A sample is rejected on a CRC
    /// error, no response, a reading outside −55..125 °C, the 85.0 °C power-on value where it cannot be
    /// trusted, or a change faster than the air or coil at this position can move. A sensor with no
    /// good sample for <see cref="StaleMs"/> is failed; after a failure it must give good samples with
    /// no rejection between them for <see cref="RecoveryMs"/> before it is trusted again.
    /// Allocates nothing.
    /// </summary>
    /// <remarks>
    /// Rate limits, per minute, on top of a fixed <see cref="NoiseAllowanceSixteenths"/> allowance for
    /// quantisation and noise:
    /// indoor air 3 K/min (a room with a 25 MJ/K house behind it moves a few tenths of a kelvin per
    /// minute even with full heat; return air right after a fan start moves faster, never several K in
    /// seconds);
    /// outdoor air 6 K/min (sun reaching the sensor or the outdoor fan starting moves it faster than the
    /// weather does);
    /// coil 30 K/min (the coil drops 10–15 K within a minute when the compressor starts in heat, and hot
    /// gas at the start of a defrost warms it about 20 K in a few minutes, fastest in the first minute);
    /// supply air 20 K/min (the air leaving the indoor coil follows the coil: 15–20 K above return air
    /// within two or three minutes of a start in heat, and as fast the other way when the valve reverses
    /// for a defrost or the unit changes mode; the room's 3 K/min would hold the commissioning run's
    /// split behind the real one for minutes).
    /// A bus glitch that passes the CRC typically reads tens of kelvin away within one second and is still
    /// rejected. Each sample is compared with the last accepted one and with an anchor accepted
    /// <see cref="AnchorMs"/> to twice that earlier: with samples a second apart the noise allowance alone
    /// would let any ramp under 1 K/s through, so the anchor is what holds a ramp to the role's rate. After a genuine step (a sensor reconnected, moved, or a first reading that was itself a
    /// glitch), <see cref="StepConfirmSamples"/> mutually consistent samples in a row are accepted as the new level.
    /// 85.0 °C is accepted only when the last accepted reading was within <see cref="PowerOnWindowSixteenths"/>
    /// of it and the rise was plausible: a real 85 °C reached by a smooth rise is kept, an 85 °C out of
    /// nowhere is the power-on value of a sensor that reset or could not finish its conversion, and
    /// never becomes a new level through the step rule.
    /// </remarks>
    public sealed class SensorValidator
    {
        /// <summary>No good sample for this long: the sensor is failed.</summary>
        public const long StaleMs = 30000;

        /// <summary>Good samples for this long after a failure: the sensor is trusted again.</summary>
        public const long RecoveryMs = 60000;

        /// <summary>Lowest valid DS18B20 reading, −55 °C, in 1/16 °C.</summary>
        public const int MinSixteenths = -55 * 16;

        /// <summary>Highest valid DS18B20 reading, 125 °C, in 1/16 °C.</summary>
        public const int MaxSixteenths = 125 * 16;

        /// <summary>The power-on reset value of the temperature register, 85.0 °C, in 1/16 °C.</summary>
        public const int PowerOnSixteenths = 85 * 16;

        /// <summary>An 85.0 °C reading is believed only within this distance of the last accepted one (2 K), 1/16 °C.</summary>
        public const int PowerOnWindowSixteenths = 32;

        /// <summary>Any change up to this is accepted whatever the rate (1 K: quantisation and noise), 1/16 °C.</summary>
        public const int NoiseAllowanceSixteenths = 16;

        /// <summary>Least age of the anchor a sample is also compared with, so slow ramps meet the rate limit too, ms.</summary>
        public const long AnchorMs = 30000;

        /// <summary>Consistent samples in a row that establish a new level after an implausible step.</summary>
        public const int StepConfirmSamples = 5;

        private readonly int _maxRatePerMinute;
        private bool _hasReference;
        private int _reference;
        private long _referenceMs;
        private int _anchor;
        private long _anchorMs;
        private int _nextAnchor;
        private long _nextAnchorMs;
        private int _candidate;
        private long _candidateMs;
        private int _candidateCount;
        private long _recoveringSinceMs;
        private bool _recoveryRunning;

        /// <summary>Creates a validator for <paramref name="role"/>, starting at <paramref name="nowMs"/>.</summary>
        public SensorValidator(SensorRole role, long nowMs)
        {
            Role = role;
            _maxRatePerMinute = MaxRateSixteenthsPerMinute(role);
            Reset(nowMs);
        }

        /// <summary>Which sensor.</summary>
        public SensorRole Role { get; }

        /// <summary>Current health.</summary>
        public SensorHealth Health { get; private set; }

        /// <summary>When <see cref="Health"/> last changed (or the validator was reset), ms.</summary>
        public long HealthSinceMs { get; private set; }

        /// <summary>True when <see cref="Celsius"/> may be used for control.</summary>
        public bool IsValid
        {
            get { return Health == SensorHealth.Ok; }
        }

        /// <summary>Last accepted temperature, calibration offset applied, °C.</summary>
        public float Celsius { get; private set; }

        /// <summary>Last accepted reading as the sensor gave it, 1/16 °C, no offset.</summary>
        public int RawSixteenths
        {
            get { return _reference; }
        }

        /// <summary>When the last sample was accepted, or the reset time if none has been since; staleness counts from here, ms.</summary>
        public long LastGoodMs { get; private set; }

        /// <summary>Why the last sample was rejected, or None. A tick without a read leaves it unchanged.</summary>
        public SampleRejection LastRejection { get; private set; }

        /// <summary>The fastest plausible change for <paramref name="role"/>, 1/16 °C per minute (see the remarks on the class).</summary>
        public static int MaxRateSixteenthsPerMinute(SensorRole role)
        {
            if (role == SensorRole.Coil)
            {
                return 30 * 16;
            }

            if (role == SensorRole.Supply)
            {
                return 20 * 16;
            }

            return role == SensorRole.Outdoor ? 6 * 16 : 3 * 16;
        }

        /// <summary>Back to the power-up state.</summary>
        public void Reset(long nowMs)
        {
            Health = SensorHealth.Starting;
            HealthSinceMs = nowMs;
            LastGoodMs = nowMs;
            LastRejection = SampleRejection.None;
            Celsius = 0f;
            _hasReference = false;
            _reference = 0;
            _referenceMs = nowMs;
            _candidateCount = 0;
            _recoveryRunning = false;
        }

        /// <summary>Takes this tick's sample (Status None when no read happened this tick).</summary>
        public void Update(SensorSample sample, long nowMs, float offsetC)
        {
            Update(sample.Status, sample.Sixteenths, nowMs, offsetC);
        }

        /// <summary>
        /// Takes this tick's sample as its two fields: the control step passes them so, because on
        /// nanoCLR a struct passed by value is a heap copy (docs/testing.md).
        /// </summary>
        /// <param name="status">Outcome of the read (None when no read happened this tick).</param>
        /// <param name="sixteenths">Temperature register in 1/16 °C, meaningful when <paramref name="status"/> is Ok.</param>
        /// <param name="nowMs">Monotonic time, ms.</param>
        /// <param name="offsetC">Calibration offset added to the reading, °C.</param>
        public void Update(SampleStatus status, short sixteenths, long nowMs, float offsetC)
        {
            switch (status)
            {
                case SampleStatus.None:
                    break;
                case SampleStatus.Ok:
                    Judge(sixteenths, nowMs);
                    break;
                case SampleStatus.CrcError:
                    Reject(SampleRejection.CrcError);
                    break;
                default:
                    Reject(SampleRejection.NoResponse);
                    break;
            }

            UpdateHealthForTime(nowMs);
            if (_hasReference)
            {
                // The offset is applied on every update, so a changed calibration shows at once;
                // a failed sensor keeps showing its last value, which IsValid marks as unusable.
                Celsius = _reference / 16f + offsetC;
            }
        }

        private void Judge(int raw, long nowMs)
        {
            if (raw < MinSixteenths || raw > MaxSixteenths)
            {
                Reject(SampleRejection.OutOfRange);
                return;
            }

            if (raw == PowerOnSixteenths
                && (!_hasReference || Distance(raw, _reference) > PowerOnWindowSixteenths || !PlausibleFromReference(raw, nowMs)))
            {
                Reject(SampleRejection.PowerOnReset);
                return;
            }

            if (_hasReference && !PlausibleFromReference(raw, nowMs))
            {
                if (!ConfirmsNewLevel(raw, nowMs))
                {
                    Reject(SampleRejection.RateOfChange);
                    return;
                }

                // A new level: the old history says nothing about how fast it may move from here.
                _hasReference = false;
            }

            Accept(raw, nowMs);
        }

        /// <summary>Follows a run of samples that agree with each other but not with the reference.</summary>
        private bool ConfirmsNewLevel(int raw, long nowMs)
        {
            if (_candidateCount > 0 && Plausible(raw, _candidate, nowMs - _candidateMs))
            {
                _candidateCount++;
            }
            else
            {
                _candidateCount = 1;
            }

            _candidate = raw;
            _candidateMs = nowMs;
            return _candidateCount >= StepConfirmSamples;
        }

        private bool PlausibleFromReference(int raw, long nowMs)
        {
            return Plausible(raw, _reference, nowMs - _referenceMs) && Plausible(raw, _anchor, nowMs - _anchorMs);
        }

        private bool Plausible(int raw, int from, long elapsedMs)
        {
            long limit = NoiseAllowanceSixteenths + _maxRatePerMinute * elapsedMs / 60000L;
            return Distance(raw, from) <= limit;
        }

        private void Accept(int raw, long nowMs)
        {
            if (!_hasReference)
            {
                _anchor = raw;
                _anchorMs = nowMs;
                _nextAnchor = raw;
                _nextAnchorMs = nowMs;
            }
            else if (nowMs - _nextAnchorMs >= AnchorMs)
            {
                // Two staggered anchors keep one that is always between AnchorMs and twice that old.
                _anchor = _nextAnchor;
                _anchorMs = _nextAnchorMs;
                _nextAnchor = raw;
                _nextAnchorMs = nowMs;
            }

            _hasReference = true;
            _reference = raw;
            _referenceMs = nowMs;
            _candidateCount = 0;
            LastGoodMs = nowMs;
            LastRejection = SampleRejection.None;
            if (Health == SensorHealth.Starting)
            {
                SetHealth(SensorHealth.Ok, nowMs);
            }
            else if (Health == SensorHealth.Failed)
            {
                SetHealth(SensorHealth.Recovering, nowMs);
            }

            if (Health == SensorHealth.Recovering && !_recoveryRunning)
            {
                _recoveryRunning = true;
                _recoveringSinceMs = nowMs;
            }
        }

        private void Reject(SampleRejection why)
        {
            LastRejection = why;

            // Recovery needs an unbroken run of good samples: any rejection starts it again.
            _recoveryRunning = false;
        }

        private void UpdateHealthForTime(long nowMs)
        {
            if (Health != SensorHealth.Failed && nowMs - LastGoodMs >= StaleMs)
            {
                // The last accepted reading is too old to compare against: after a failure the next
                // good reading starts afresh (but an 85 °C one is still the power-on value).
                SetHealth(SensorHealth.Failed, nowMs);
                _hasReference = false;
                _candidateCount = 0;
                _recoveryRunning = false;
                return;
            }

            if (Health == SensorHealth.Recovering && _recoveryRunning && nowMs - _recoveringSinceMs >= RecoveryMs)
            {
                SetHealth(SensorHealth.Ok, nowMs);
                _recoveryRunning = false;
            }
        }

        private void SetHealth(SensorHealth health, long nowMs)
        {
            Health = health;
            HealthSinceMs = nowMs;
        }

        private static int Distance(int a, int b)
        {
            return a > b ? a - b : b - a;
        }
    }
}
