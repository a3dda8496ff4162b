using System.Runtime.CompilerServices;
using HeatPump.Simulator.Weather;
using Xunit;

namespace HeatPump.Simulator.Tests;

public class EpwWeatherTests
{
    /// <summary>A fixture in Fixtures/ next to this source file (found through the compiler, so no copy to the output is needed).</summary>
    private static string Fixture(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", name);

    [Fact]
    public void Reads_a_well_formed_file()
    {
        var w = EpwWeather.Load(Fixture("synthetic-3day.epw"));
        Assert.Equal("Testville Synthetic, ZZ, XTS", w.Name);
        Assert.Equal(72, w.Hours);
        Assert.Equal(3.0, w.Days);

        // Values written into the fixture by hand: record 1 (01:00) −1.5 °C, 88 %, 0 W/m²;
        // record 2 (02:00) −0.5 °C, 86 %; record 13 (13:00) 3.0 °C, 80 %, 240; record 14 4.0 °C, 78 %, 220.
        var one = w.At(3600.0);
        Assert.Equal(-1.5, one.OutdoorC, 1e-9);
        Assert.Equal(88.0, one.RelativeHumidity, 1e-9);
        Assert.Equal(0.0, one.SolarWm2, 1e-9);
        var thirteen = w.At(13 * 3600.0);
        Assert.Equal(3.0, thirteen.OutdoorC, 1e-9);
        Assert.Equal(240.0, thirteen.SolarWm2, 1e-9);
    }

    [Fact]
    public void Interpolates_between_hours_and_wraps_after_the_last_record()
    {
        var w = EpwWeather.Load(Fixture("synthetic-3day.epw"));
        var half = w.At(1.5 * 3600.0);
        Assert.Equal(-1.0, half.OutdoorC, 1e-9);
        Assert.Equal(87.0, half.RelativeHumidity, 1e-9);
        var afternoon = w.At(13.5 * 3600.0);
        Assert.Equal(3.5, afternoon.OutdoorC, 1e-9);
        Assert.Equal(79.0, afternoon.RelativeHumidity, 1e-9);
        Assert.Equal(230.0, afternoon.SolarWm2, 1e-9);

        Assert.Equal(w.At(3600.0), w.At(3 * 86400.0 + 3600.0));
        // Between the last record (72:00) and the first (01:00 of the next lap).
        var wrap = w.At(3 * 86400.0 + 1800.0);
        Assert.InRange(wrap.OutdoorC, Math.Min(-1.5, w.At(72 * 3600.0).OutdoorC), Math.Max(-1.5, w.At(72 * 3600.0).OutdoorC));
    }

    [Fact]
    public void Missing_values_are_filled_from_their_neighbours()
    {
        var w = EpwWeather.Load(Fixture("synthetic-missing.epw"));

        // Dry bulb 99.9 at 06:00 and 07:00 between 1.0 °C at 05:00 and 4.0 °C at 08:00.
        Assert.Equal(2.0, w.At(6 * 3600.0).OutdoorC, 1e-9);
        Assert.Equal(3.0, w.At(7 * 3600.0).OutdoorC, 1e-9);

        // RH 999 at 21:00 between 89 % and 91 %; radiation 9999 at 12:00 between 217 and 240.
        Assert.Equal(90.0, w.At(21 * 3600.0).RelativeHumidity, 1e-9);
        Assert.Equal(228.5, w.At(12 * 3600.0).SolarWm2, 1e-9);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_reported_with_line_and_field()
    {
        var ex = Assert.Throws<EpwFormatException>(() => EpwWeather.Load(Fixture("bad-drybulb.epw")));
        Assert.Equal(17, ex.Line);
        Assert.Contains("line 17, field 7 (dry bulb): 'abc' is not a number", ex.Message);
        Assert.Contains("bad-drybulb.epw", ex.Message);
    }

    [Fact]
    public void A_short_record_is_reported_with_its_line()
    {
        var ex = Assert.Throws<EpwFormatException>(() => EpwWeather.Load(Fixture("short-record.epw")));
        Assert.Equal(12, ex.Line);
        Assert.Contains("line 12", ex.Message);
        Assert.Contains("35", ex.Message);
        Assert.Contains("found 10", ex.Message);
    }

    [Fact]
    public void A_file_without_the_EPW_header_is_refused()
    {
        var ex = Assert.Throws<EpwFormatException>(() => EpwWeather.Load(Fixture("bad-header.epw")));
        Assert.Equal(1, ex.Line);
        Assert.Contains("LOCATION", ex.Message);
    }

    private static List<string> GoodLines() => File.ReadAllLines(Fixture("synthetic-3day.epw")).ToList();

    private static List<string> WithField(int lineNumber, int fieldIndex, string value)
    {
        var lines = GoodLines();
        var fields = lines[lineNumber - 1].Split(',');
        fields[fieldIndex] = value;
        lines[lineNumber - 1] = string.Join(",", fields);
        return lines;
    }

    [Theory]
    [InlineData(20, 6, "85.5", "field 7 (dry bulb)")]
    [InlineData(21, 8, "-4", "field 9 (relative humidity)")]
    [InlineData(22, 13, "x1", "field 14 (global horizontal radiation)")]
    [InlineData(23, 3, "25", "field 4 (hour)")]
    public void Out_of_range_and_garbled_fields_name_line_and_field(int line, int index, string value, string field)
    {
        var ex = Assert.Throws<EpwFormatException>(() => EpwWeather.Parse(WithField(line, index, value), "test.epw"));
        Assert.Equal(line, ex.Line);
        Assert.Contains($"line {line}, {field}", ex.Message);
    }

    [Fact]
    public void A_header_without_records_is_refused()
    {
        var ex = Assert.Throws<EpwFormatException>(() => EpwWeather.Parse(GoodLines().Take(8).ToList(), "empty.epw"));
        Assert.Contains("no hourly records", ex.Message);
    }

    [Fact]
    public void A_day_of_missing_temperatures_is_an_error_not_a_guess()
    {
        var lines = GoodLines();
        for (int line = 20; line < 20 + 30; line++)
        {
            var fields = lines[line - 1].Split(',');
            fields[6] = "99.9";
            lines[line - 1] = string.Join(",", fields);
        }

        var ex = Assert.Throws<EpwFormatException>(() => EpwWeather.Parse(lines, "gap.epw"));
        Assert.Equal(20, ex.Line);
        Assert.Contains("field 7 (dry bulb)", ex.Message);
        Assert.Contains("30 hours", ex.Message);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_weather_error()
    {
        var ex = Assert.Throws<WeatherException>(() => EpwWeather.Load(Fixture("no-such-file.epw")));
        Assert.Contains("no-such-file.epw", ex.Message);
        Assert.IsNotType<EpwFormatException>(ex);
    }

    [Fact]
    public void Trailing_blank_lines_are_ignored()
    {
        var lines = GoodLines();
        lines.Add("");
        lines.Add("   ");
        Assert.Equal(72, EpwWeather.Parse(lines, "blank.epw").Hours);
    }
}
