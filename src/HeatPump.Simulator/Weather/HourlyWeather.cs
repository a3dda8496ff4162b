using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Weather;

/// <summary>
/// Weather held as hourly values and interpolated linearly between them; past its last hour it
/// wraps around to the first, as an EPW year does. <see cref="At"/> allocates nothing.
/// </summary>
public class HourlyWeather : IWeather
{
    private readonly double[] _outdoorC;
    private readonly double[] _relativeHumidity;
    private readonly double[] _solarWm2;
    private readonly double _firstHourS;
    private readonly double _periodS;
    private readonly int _hours;

    /// <summary>
    /// Weather from hourly values: value k applies at <paramref name="firstHourS"/> + k hours; the
    /// series repeats every <paramref name="outdoorC"/>.Length hours.
    /// </summary>
    /// <param name="name">Climate or location name.</param>
    /// <param name="outdoorC">Dry bulb, °C, one per hour.</param>
    /// <param name="relativeHumidity">Relative humidity, %, one per hour.</param>
    /// <param name="solarWm2">Global horizontal irradiance, W/m², one per hour.</param>
    /// <param name="firstHourS">Time of the first value, s (EPW values stand at the end of their hour: 3600).</param>
    public HourlyWeather(string name, double[] outdoorC, double[] relativeHumidity, double[] solarWm2, double firstHourS = 0.0)
    {
        if (outdoorC.Length == 0) throw new ArgumentException("weather needs at least one hourly value", nameof(outdoorC));
        if (relativeHumidity.Length != outdoorC.Length || solarWm2.Length != outdoorC.Length)
            throw new ArgumentException("hourly series must be the same length");
        Name = name;
        _hours = outdoorC.Length;
        _outdoorC = Closed(outdoorC);
        _relativeHumidity = Closed(relativeHumidity);
        _solarWm2 = Closed(solarWm2);
        _firstHourS = firstHourS;
        _periodS = _hours * 3600.0;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public double Days => _hours / 24.0;

    /// <summary>Number of hourly values.</summary>
    public int Hours => _hours;

    /// <inheritdoc />
    public WeatherSample At(double seconds)
    {
        double t = seconds - _firstHourS;
        if (t < 0 || t >= _periodS)
        {
            t %= _periodS;
            if (t < 0) t += _periodS;
        }

        double position = t * (1.0 / 3600.0);
        int i = (int)position;
        if (i >= _hours) i = _hours - 1;
        double f = position - i;
        return new WeatherSample(
            _outdoorC[i] + f * (_outdoorC[i + 1] - _outdoorC[i]),
            _relativeHumidity[i] + f * (_relativeHumidity[i + 1] - _relativeHumidity[i]),
            _solarWm2[i] + f * (_solarWm2[i + 1] - _solarWm2[i]));
    }

    // One extra value, a copy of the first, so interpolation across the wrap needs no modulo.
    private static double[] Closed(double[] values)
    {
        var closed = new double[values.Length + 1];
        Array.Copy(values, closed, values.Length);
        closed[values.Length] = values[0];
        return closed;
    }
}
