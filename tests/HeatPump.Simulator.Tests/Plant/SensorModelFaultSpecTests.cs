using HeatPump.Control.Sensors;
using HeatPump.Simulator.Plant;
using Xunit;

namespace HeatPump.Simulator.Tests;

public class SensorModelFaultSpecTests
{
    [Fact]
    public void Reads_the_documented_example()
    {
        var schedule = FaultSchedule.Parse("coil:open@2h+30m,indoor:crc@1d+1h,outdoor:drift=0.5@3h");
        Assert.Equal(3, schedule.Faults.Count);

        var open = schedule.Faults[0];
        Assert.Equal(SensorRole.Coil, open.Role);
        Assert.Equal(SensorFaultKind.Open, open.Kind);
        Assert.Equal(7200.0, open.StartSeconds);
        Assert.Equal(1800.0, open.DurationSeconds);

        var crc = schedule.Faults[1];
        Assert.Equal(SensorRole.Indoor, crc.Role);
        Assert.Equal(SensorFaultKind.Crc, crc.Kind);
        Assert.Equal(86400.0, crc.StartSeconds);
        Assert.Equal(3600.0, crc.DurationSeconds);
        Assert.InRange(crc.Parameter, 0.01, 1.0);

        var drift = schedule.Faults[2];
        Assert.Equal(SensorRole.Outdoor, drift.Role);
        Assert.Equal(SensorFaultKind.Drift, drift.Kind);
        Assert.Equal(0.5, drift.Parameter);
        Assert.Equal(10800.0, drift.StartSeconds);
        Assert.True(double.IsPositiveInfinity(drift.DurationSeconds), "no duration: to the end of the run");
    }

    [Theory]
    [InlineData("90s", 90.0)]
    [InlineData("30m", 1800.0)]
    [InlineData("2h", 7200.0)]
    [InlineData("1d", 86400.0)]
    [InlineData("1h30m", 5400.0)]
    [InlineData("1.5h", 5400.0)]
    [InlineData("45", 45.0)]
    public void Reads_times_with_units(string text, double seconds)
    {
        Assert.Equal(seconds, FaultSchedule.ParseTime(text));
    }

    [Fact]
    public void Every_kind_and_role_is_understood_and_spaces_are_forgiven()
    {
        var schedule = FaultSchedule.Parse(" indoor:reset85@0s , outdoor:stuck@1m+1m, coil:spike=40@2m ,COIL:Open@3m");
        Assert.Equal(new[] { SensorFaultKind.Reset85, SensorFaultKind.Stuck, SensorFaultKind.Spike, SensorFaultKind.Open },
            schedule.Faults.Select(f => f.Kind));
        Assert.Equal(40.0, schedule.Faults[2].Parameter);
        Assert.Equal(2, schedule.For(SensorRole.Coil).Length);
    }

    [Fact]
    public void Empty_spec_means_no_faults()
    {
        Assert.Empty(FaultSchedule.Parse(null).Faults);
        Assert.Empty(FaultSchedule.Parse("  ").Faults);
    }

    [Fact]
    public void A_schedule_prints_back_to_a_spec_that_reads_the_same()
    {
        var schedule = FaultSchedule.Parse("coil:open@2h+30m,indoor:crc=0.25@1d+1h,outdoor:drift=-0.5@90s,coil:stuck@1h30m");
        var again = FaultSchedule.Parse(schedule.ToString());
        Assert.Equal(schedule.Faults, again.Faults);
    }

    [Theory]
    [InlineData("attic:open@1h", "'attic'")]
    [InlineData("coil:opn@1h", "'opn'")]
    [InlineData("coil:open@2x", "'2x'")]
    [InlineData("coil:open@1h+soon", "'soon'")]
    [InlineData("coil:open", "'@start'")]
    [InlineData("coilopen@1h", "'coilopen@1h'")]
    [InlineData("coil:open=3@1h", "'open' takes no value")]
    [InlineData("indoor:crc=1.5@1h", "'1.5'")]
    [InlineData("indoor:crc=lots@1h", "'lots'")]
    [InlineData("coil:open@1h+0s", "'0s'")]
    [InlineData("coil:open@1h,,indoor:crc@2h", "empty entry")]
    public void Malformed_specs_are_rejected_naming_the_bad_token(string spec, string named)
    {
        var ex = Assert.Throws<FaultSpecException>(() => FaultSchedule.Parse(spec));
        Assert.Contains(named, ex.Message);
    }
}
