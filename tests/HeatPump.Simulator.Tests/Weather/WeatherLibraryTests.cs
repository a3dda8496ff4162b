using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Weather;
using Xunit;

namespace HeatPump.Simulator.Tests;

public class WeatherLibraryTests
{
    private static IEnumerable<WeatherSample> EveryTenMinutes(IWeather w)
    {
        for (double t = 0; t < w.Days * 86400.0; t += 600) yield return w.At(t);
    }

    // The ranges the simulator issue promises for each climate ("about": half a kelvin of slack).
    [Theory]
    [InlineData(WeatherLibrary.HumidCold, -2.5, 3.5, 85.0, 95.0)]
    [InlineData(WeatherLibrary.DryCold, -20.5, -11.5, 40.0, 55.0)]
    [InlineData(WeatherLibrary.Mild, 1.5, 14.5, 50.0, 100.0)]
    [InlineData(WeatherLibrary.HotSummer, 21.5, 38.5, 15.0, 85.0)]
    public void Built_in_climates_stay_in_their_ranges(string name, double minC, double maxC, double minRh, double maxRh)
    {
        foreach (int seed in new[] { 1, 2, 3, 4 })
        {
            var w = WeatherLibrary.Create(name, 14, seed);
            Assert.Equal(name, w.Name);
            Assert.Equal(14.0, w.Days);
            var samples = EveryTenMinutes(w).ToList();
            Assert.All(samples, s => Assert.InRange(s.OutdoorC, minC, maxC));
            Assert.All(samples, s => Assert.InRange(s.RelativeHumidity, minRh, maxRh));
            Assert.All(samples, s => Assert.True(s.SolarWm2 >= 0.0));

            // Not a constant: the climate uses a good part of its range.
            Assert.True(samples.Max(s => s.OutdoorC) - samples.Min(s => s.OutdoorC) > 0.4 * (maxC - minC));
        }
    }

    [Fact]
    public void Same_seed_same_weather_other_seed_other_weather()
    {
        foreach (string name in WeatherLibrary.Names)
        {
            var a = WeatherLibrary.Create(name, 10, 7);
            var b = WeatherLibrary.Create(name, 10, 7);
            var c = WeatherLibrary.Create(name, 10, 8);
            Assert.Equal(EveryTenMinutes(a), EveryTenMinutes(b));
            Assert.NotEqual(EveryTenMinutes(a), EveryTenMinutes(c));
        }
    }

    [Fact]
    public void Afternoons_are_warmer_than_nights_and_the_sun_shines_only_by_day()
    {
        var w = WeatherLibrary.Create(WeatherLibrary.Mild, 14, 1);
        double afternoon = 0.0, night = 0.0, noonSun = 0.0;
        for (int d = 0; d < 14; d++)
        {
            afternoon += w.At(d * 86400.0 + 15 * 3600.0).OutdoorC;
            night += w.At(d * 86400.0 + 4 * 3600.0).OutdoorC;
            noonSun += w.At(d * 86400.0 + 12 * 3600.0).SolarWm2;
            Assert.Equal(0.0, w.At(d * 86400.0 + 1 * 3600.0).SolarWm2);
        }

        Assert.True(afternoon / 14 > night / 14 + 3.0, $"afternoon {afternoon / 14:F1} °C, night {night / 14:F1} °C");
        Assert.True(noonSun / 14 > 100.0);
    }

    [Fact]
    public void Weather_changes_smoothly_from_minute_to_minute()
    {
        foreach (string name in WeatherLibrary.Names)
        {
            var w = WeatherLibrary.Create(name, 30, 3);
            var previous = w.At(0);
            for (double t = 60; t < 30 * 86400.0; t += 60)
            {
                var now = w.At(t);
                Assert.True(Math.Abs(now.OutdoorC - previous.OutdoorC) < 0.2, $"{name}: jump of {now.OutdoorC - previous.OutdoorC:F2} K at {t} s");
                previous = now;
            }
        }
    }

    [Fact]
    public void Heating_season_mixes_humid_cold_dry_cold_and_mild_spells_over_multi_day_systems()
    {
        var w = WeatherLibrary.Create(WeatherLibrary.HeatingSeason, 120, 11);
        Assert.Equal(120.0, w.Days);
        int dryColdHours = 0, humidColdHours = 0, mildHours = 0;
        var dailyMeans = new List<double>();
        for (int d = 0; d < 120; d++)
        {
            double sum = 0.0;
            for (int h = 0; h < 24; h++)
            {
                var s = w.At(d * 86400.0 + h * 3600.0);
                sum += s.OutdoorC;
                if (s.OutdoorC <= -12.0 && s.RelativeHumidity <= 55.0) dryColdHours++;
                if (s.OutdoorC >= -2.0 && s.OutdoorC <= 3.0 && s.RelativeHumidity >= 85.0) humidColdHours++;
                if (s.OutdoorC >= 6.0) mildHours++;
            }

            dailyMeans.Add(sum / 24);
        }

        Assert.True(dryColdHours > 24 * 5, $"{dryColdHours} dry-cold hours");
        Assert.True(humidColdHours > 24 * 5, $"{humidColdHours} humid-cold hours");
        Assert.True(mildHours > 24 * 3, $"{mildHours} mild hours");

        // Weather systems last days: neighbouring days are alike far more often than not.
        int similar = 0;
        for (int d = 1; d < 120; d++) if (Math.Abs(dailyMeans[d] - dailyMeans[d - 1]) < 3.0) similar++;
        Assert.True(similar > 70, $"{similar} of 119 day-to-day changes under 3 K");
        Assert.True(dailyMeans.Max() - dailyMeans.Min() > 15.0);
    }

    [Fact]
    public void Weather_wraps_around_after_its_last_day()
    {
        var w = WeatherLibrary.Create(WeatherLibrary.HumidCold, 2, 1);
        Assert.Equal(w.At(3600.0), w.At(2 * 86400.0 + 3600.0));
    }

    [Fact]
    public void Unknown_climate_is_refused_with_the_list_of_names()
    {
        var ex = Assert.Throws<UnknownClimateException>(() => WeatherLibrary.Create("tropical", 14, 1));
        Assert.Contains("'tropical'", ex.Message);
        foreach (string name in WeatherLibrary.Names) Assert.Contains(name, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    [InlineData(double.NaN)]
    [InlineData(1e6)]
    public void Impossible_lengths_are_refused(double days)
    {
        var ex = Assert.Throws<WeatherException>(() => WeatherLibrary.Create(WeatherLibrary.Mild, days, 1));
        Assert.Contains("days", ex.Message);
    }

    [Fact]
    public void A_year_has_winter_and_summer()
    {
        var w = WeatherLibrary.Create(WeatherLibrary.Year, 365, 1);
        double january = Enumerable.Range(0, 31).Average(d => w.At(d * 86400.0 + 12 * 3600.0).OutdoorC);
        double july = Enumerable.Range(181, 31).Average(d => w.At(d * 86400.0 + 12 * 3600.0).OutdoorC);
        Assert.True(january < 3.0, $"January noon mean {january:F1} °C");
        Assert.True(july > 20.0, $"July noon mean {july:F1} °C");
    }
}
