using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Weather;

/// <summary>
/// The built-in climates: synthetic, deterministic weather built from a smooth daily cycle plus
/// multi-day "weather systems" drawn from a seeded generator. The same name, length and seed
/// give the same weather on every machine.
/// </summary>
public static class WeatherLibrary
{
    /// <summary>Near 0 °C and humid: the worst frosting there is (about −2..+3 °C, RH 85–95 %).</summary>
    public const string HumidCold = "humid-cold";

    /// <summary>Deep, dry cold (about −20..−12 °C, RH 40–55 %): the coil hardly frosts.</summary>
    public const string DryCold = "dry-cold";

    /// <summary>Shoulder season (about +2..+13 °C, RH 60–90 %).</summary>
    public const string Mild = "mild";

    /// <summary>Summer heat (about 22..38 °C) for cooling.</summary>
    public const string HotSummer = "hot-summer";

    /// <summary>About 120 days of winter mixing humid-cold, dry-cold and mild spells of a few days each, colder mid-season.</summary>
    public const string HeatingSeason = "heating-season";

    /// <summary>
    /// A cold snap (about −28..−20 °C, dry): colder than a mid-size unit can carry alone, the test
    /// of the second stage of aux heat.
    /// </summary>
    public const string ColdSnap = "cold-snap";

    /// <summary>A year from 1 January: winter, spring, a summer that needs cooling, autumn.</summary>
    public const string Year = "year";

    /// <summary>Every built-in climate name.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { HumidCold, DryCold, Mild, HotSummer, HeatingSeason, Year, ColdSnap };

    /// <summary>The longest run a built-in climate is made for, days.</summary>
    public const double MaxDays = 3660.0;

    /// <summary>The length a climate is meant to be run for when none is given, days.</summary>
    public static double DefaultDays(string name) => name switch
    {
        HeatingSeason => 120.0,
        Year => 365.0,
        _ => 14.0,
    };

    /// <summary>True when <paramref name="name"/> is a built-in climate.</summary>
    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>The climate <paramref name="name"/>, <paramref name="days"/> long, from <paramref name="seed"/>.</summary>
    /// <exception cref="UnknownClimateException">Not a built-in climate.</exception>
    /// <exception cref="WeatherException"><paramref name="days"/> is not a positive length up to <see cref="MaxDays"/>.</exception>
    public static IWeather Create(string name, double days, int seed)
    {
        if (!IsKnown(name)) throw new UnknownClimateException(name);
        if (!(days > 0) || days > MaxDays)
            throw new WeatherException($"days must be more than 0 and at most {MaxDays}, got {days}");
        int hours = Math.Max(1, (int)Math.Ceiling(days * 24.0 - 1e-9));
        var g = new ClimateGenerator(hours, seed, StreamOf(name));
        switch (name)
        {
            case HumidCold:
                g.Steady(meanC: 0.5, halfRangeC: 2.5, dailyAmplitudeK: 1.2, synopticK: 0.9,
                    meanRh: 90, halfRangeRh: 5, dailyRh: 2.5, synopticRh: 2.0, solarPeak: 320, cloudMin: 0.6, cloudMax: 1.0);
                break;
            case DryCold:
                g.Steady(meanC: -16, halfRangeC: 4, dailyAmplitudeK: 2.5, synopticK: 1.6,
                    meanRh: 47, halfRangeRh: 7, dailyRh: 3.0, synopticRh: 2.5, solarPeak: 450, cloudMin: 0.0, cloudMax: 0.4);
                break;
            case Mild:
                g.Steady(meanC: 8, halfRangeC: 6, dailyAmplitudeK: 4.0, synopticK: 2.0,
                    meanRh: 75, halfRangeRh: 20, dailyRh: 8.0, synopticRh: 5.0, solarPeak: 550, cloudMin: 0.2, cloudMax: 0.8);
                break;
            case HotSummer:
                g.Steady(meanC: 30, halfRangeC: 8, dailyAmplitudeK: 5.5, synopticK: 2.0,
                    meanRh: 50, halfRangeRh: 28, dailyRh: 12.0, synopticRh: 6.0, solarPeak: 900, cloudMin: 0.0, cloudMax: 0.4);
                break;
            case HeatingSeason:
                g.HeatingSeason();
                break;
            case ColdSnap:
                g.Steady(meanC: -24, halfRangeC: 4, dailyAmplitudeK: 2.5, synopticK: 1.6,
                    meanRh: 60, halfRangeRh: 10, dailyRh: 3.0, synopticRh: 2.5, solarPeak: 400, cloudMin: 0.0, cloudMax: 0.5);
                break;
            default:
                g.Year();
                break;
        }

        return new HourlyWeather(name, g.OutdoorC, g.RelativeHumidity, g.SolarWm2);
    }

    private static ulong StreamOf(string name)
    {
        ulong h = 1469598103934665603UL;
        foreach (char c in name) h = unchecked((h ^ c) * 1099511628211UL);
        return h;
    }

    /// <summary>Builds the hourly series of one climate.</summary>
    private sealed class ClimateGenerator
    {
        private const int HoursPerDay = 24;
        private const double PeakHour = 14.5;
        private DeterministicRandom _rng;

        public ClimateGenerator(int hours, int seed, ulong stream)
        {
            Hours = hours;
            _rng = new DeterministicRandom(seed, stream);
            OutdoorC = new double[hours];
            RelativeHumidity = new double[hours];
            SolarWm2 = new double[hours];
        }

        public int Hours { get; }

        public double[] OutdoorC { get; }

        public double[] RelativeHumidity { get; }

        public double[] SolarWm2 { get; }

        private int Days => (Hours + HoursPerDay - 1) / HoursPerDay;

        /// <summary>One kind of weather throughout, kept within mean ± half-range by a soft (tanh) limit.</summary>
        public void Steady(double meanC, double halfRangeC, double dailyAmplitudeK, double synopticK,
            double meanRh, double halfRangeRh, double dailyRh, double synopticRh,
            double solarPeak, double cloudMin, double cloudMax)
        {
            double[] synT = Synoptic(synopticK);
            double[] synRh = Synoptic(synopticRh);
            double[] cloud = DailyCloud(cloudMin, cloudMax);
            for (int h = 0; h < Hours; h++)
            {
                double cycle = DailyCycle(h);
                OutdoorC[h] = SoftLimit(meanC + dailyAmplitudeK * cycle + synT[h], meanC, halfRangeC);
                RelativeHumidity[h] = SoftLimit(meanRh - dailyRh * cycle + synRh[h], meanRh, halfRangeRh);
                SolarWm2[h] = Solar(h, solarPeak, 9.0, cloud[h / HoursPerDay]);
            }
        }

        /// <summary>
        /// Winter as spells of 2–6 days, each humid-cold, dry-cold or mild; dry cold is likelier
        /// mid-season, mild spells at the start and end. Spells blend over about half a day.
        /// </summary>
        public void HeatingSeason()
        {
            const double seasonDays = 120.0;
            var meanC = new double[Hours];
            var amplitude = new double[Hours];
            var meanRh = new double[Hours];
            var rhAmplitude = new double[Hours];
            var solarPeak = new double[Hours];
            var cloud = new double[Days];
            int h = 0;
            while (h < Hours)
            {
                int length = (int)(_rng.Uniform(2.0, 6.0) * HoursPerDay);
                double season = Math.Sin(Math.PI * ((h / (double)HoursPerDay) % seasonDays) / seasonDays);
                double draw = _rng.NextDouble();
                double pDry = 0.45 * season;
                double pHumid = 0.35;
                double tMean, tAmp, rh, rhAmp, sun, cloudLo, cloudHi;
                if (draw < pDry)
                {
                    tMean = _rng.Uniform(-18.0, -13.0);
                    tAmp = 2.5; rh = _rng.Uniform(44.0, 50.0); rhAmp = 3.0; sun = 420; cloudLo = 0.0; cloudHi = 0.4;
                }
                else if (draw < pDry + pHumid)
                {
                    tMean = _rng.Uniform(-1.0, 1.5);
                    tAmp = 1.2; rh = _rng.Uniform(88.0, 92.0); rhAmp = 2.5; sun = 300; cloudLo = 0.6; cloudHi = 1.0;
                }
                else
                {
                    tMean = _rng.Uniform(4.0, 10.0) - 4.0 * season;
                    tAmp = 4.0; rh = _rng.Uniform(65.0, 85.0); rhAmp = 8.0; sun = 480; cloudLo = 0.2; cloudHi = 0.8;
                }

                int end = Math.Min(Hours, h + length);
                for (int k = h; k < end; k++)
                {
                    meanC[k] = tMean; amplitude[k] = tAmp; meanRh[k] = rh; rhAmplitude[k] = rhAmp; solarPeak[k] = sun;
                }

                for (int d = h / HoursPerDay; d <= (end - 1) / HoursPerDay; d++) cloud[d] = _rng.Uniform(cloudLo, cloudHi);
                h = end;
            }

            Blend(meanC); Blend(amplitude); Blend(meanRh); Blend(rhAmplitude); Blend(solarPeak);
            double[] synT = Synoptic(0.8);
            double[] synRh = Synoptic(2.0);
            for (int k = 0; k < Hours; k++)
            {
                double cycle = DailyCycle(k);
                OutdoorC[k] = meanC[k] + amplitude[k] * cycle + synT[k];
                RelativeHumidity[k] = Math.Clamp(meanRh[k] - rhAmplitude[k] * cycle + synRh[k], 30.0, 100.0);
                SolarWm2[k] = Solar(k, solarPeak[k], 9.0, cloud[k / HoursPerDay]);
            }
        }

        /// <summary>A year from 1 January: coldest around 20 January, warmest around 21 July.</summary>
        public void Year()
        {
            double[] synT = Synoptic(3.5);
            double[] synRh = Synoptic(6.0);
            double[] cloud = DailyCloud(0.0, 0.9);
            for (int h = 0; h < Hours; h++)
            {
                double day = h / (double)HoursPerDay;
                double winter = Math.Cos(2.0 * Math.PI * (day - 20.0) / 365.0); // 1 mid-winter, −1 mid-summer
                double summer = 0.5 * (1.0 - winter);
                double cycle = DailyCycle(h);
                OutdoorC[h] = 9.0 - 13.0 * winter + (3.0 + 3.0 * summer) * cycle + synT[h];
                RelativeHumidity[h] = Math.Clamp(78.0 + 10.0 * winter - 10.0 * cycle + synRh[h], 20.0, 100.0);
                SolarWm2[h] = Solar(h, 250.0 + 650.0 * summer, 8.0 + 8.0 * summer, cloud[h / HoursPerDay]);
            }
        }

        /// <summary>+1 at mid-afternoon, −1 before dawn.</summary>
        private static double DailyCycle(int hour) => Math.Cos(2.0 * Math.PI * ((hour % HoursPerDay) - PeakHour) / HoursPerDay);

        /// <summary>Maps x into mean ± half-range smoothly: linear near the mean, flattening toward the limits.</summary>
        private static double SoftLimit(double x, double mean, double halfRange) => mean + halfRange * Math.Tanh((x - mean) / halfRange);

        /// <summary>Clear-sky bell between sunrise and sunset, dimmed by the day's cloud (0 clear .. 1 overcast).</summary>
        private static double Solar(int hour, double peakWm2, double dayLengthH, double cloud)
        {
            double sunrise = 12.0 - dayLengthH / 2.0;
            double x = ((hour % HoursPerDay) - sunrise) / dayLengthH;
            if (x <= 0.0 || x >= 1.0) return 0.0;
            return peakWm2 * Math.Pow(Math.Sin(Math.PI * x), 1.3) * (1.0 - 0.75 * cloud);
        }

        /// <summary>
        /// Slow weather-system variation with standard deviation <paramref name="sd"/>: an AR(1)
        /// sequence every 12 h (correlation about 2 days) joined by cosine easing, so it is smooth.
        /// </summary>
        private double[] Synoptic(double sd)
        {
            const int knotHours = 12;
            const double phi = 0.78;
            int knots = Hours / knotHours + 2;
            var values = new double[knots];
            double innovation = sd * Math.Sqrt(1.0 - phi * phi);
            values[0] = sd * _rng.NextGaussian();
            for (int k = 1; k < knots; k++) values[k] = phi * values[k - 1] + innovation * _rng.NextGaussian();
            var hourly = new double[Hours];
            for (int h = 0; h < Hours; h++)
            {
                int k = h / knotHours;
                double f = (h % knotHours) / (double)knotHours;
                double ease = 0.5 - 0.5 * Math.Cos(Math.PI * f);
                hourly[h] = values[k] + ease * (values[k + 1] - values[k]);
            }

            return hourly;
        }

        private double[] DailyCloud(double min, double max)
        {
            var cloud = new double[Days];
            for (int d = 0; d < cloud.Length; d++) cloud[d] = _rng.Uniform(min, max);
            return cloud;
        }

        /// <summary>Two passes of a 13-hour moving average: steps between spells become smooth S-curves about a day wide.</summary>
        private static void Blend(double[] series)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                var copy = (double[])series.Clone();
                for (int i = 0; i < series.Length; i++)
                {
                    int lo = Math.Max(0, i - 6);
                    int hi = Math.Min(series.Length - 1, i + 6);
                    double sum = 0.0;
                    for (int j = lo; j <= hi; j++) sum += copy[j];
                    series[i] = sum / (hi - lo + 1);
                }
            }
        }
    }
}
