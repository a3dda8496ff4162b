using System.Text.RegularExpressions;
using HeatPump.Control.Logging;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Control.Tests;

/// <summary>
/// The serial log's lines as the firmware and the virtual bench write them (one formatter in the
/// core): when EVT and STS lines are due, and that a status line carries the keys docs/serial-log.md
/// lists, in its order, in a form a parser splitting on spaces can read.
/// </summary>
public class SerialLogFormatTests
{
    private static RawInputs Inputs(long nowMs, float indoorC, int buttons = 0) => new()
    {
        NowMs = nowMs,
        Indoor = SensorSample.Good(SensorSample.ToSixteenths(indoorC)),
        Outdoor = SensorSample.Good(SensorSample.ToSixteenths(2f)),
        Coil = SensorSample.Good(SensorSample.ToSixteenths(1f)),
        Buttons = buttons,
    };

    [Fact]
    public void A_line_is_the_marker_the_kind_the_time_and_the_body()
    {
        Assert.Equal("HP1 WARN t=1234 pwm.unavailable pin=18", LogFormat.Line("WARN", 1234, "pwm.unavailable pin=18"));
    }

    [Fact]
    public void A_status_line_has_the_documented_keys_in_the_documented_order()
    {
        var core = new ControlCore(new ControllerSettings(), 0, 7);
        for (long t = 100; t <= 5_000; t += 100) core.Step(Inputs(t, 19f));

        string body = LogFormat.StatusBody(5_000, core);
        string[] keys = body.Split(' ').Select(pair => pair.Split('=')[0]).ToArray();

        Assert.Equal(DocumentedStatusKeys(), keys);
        Assert.All(body.Split(' '), pair => Assert.Matches("^[a-z_]+=[^= ]+$", pair));
        Assert.Contains("in=19.0:Ok", body);
        Assert.Contains("state=Off.None", body);
    }

    [Fact]
    public void A_hold_that_ends_on_a_time_carries_the_seconds_left()
    {
        var settings = new ControllerSettings();
        settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _);
        var core = new ControlCore(settings, 0, 7);
        for (long t = 100; t <= 10_000; t += 100) core.Step(Inputs(t, 18f));

        long left = (core.Controller.HoldUntilMs - 10_000 + 999) / 1000;
        Assert.Contains("hold=PowerUpDelay:" + left + " ", LogFormat.StatusBody(10_000, core));
    }

    [Fact]
    public void An_event_line_is_due_on_the_first_tick_and_on_a_change_and_a_status_line_every_10_s()
    {
        var settings = new ControllerSettings();
        var core = new ControlCore(settings, 0, 7);
        var due = new StatusLines();
        var events = new List<long>();
        var statuses = new List<long>();
        for (long t = 100; t <= 30_000; t += 100)
        {
            if (t == 12_000) settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _);
            core.Step(Inputs(t, 18f));
            due.Check(t, core);
            if (due.EventDue) events.Add(t);
            if (due.StatusDue) statuses.Add(t);
        }

        Assert.Equal(100, events[0]);
        Assert.Contains(12_000, events);
        Assert.DoesNotContain(events, t => t > 6_000 && t < 12_000);   // nothing changed there, so nothing was logged
        Assert.Equal(new long[] { 100, 10_100, 20_100 }, statuses);
    }

    [Fact]
    public void The_indoor_fan_starting_after_the_compressor_and_a_setpoint_change_each_write_an_event_line()
    {
        var settings = new ControllerSettings();
        settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _);
        var core = new ControlCore(settings, 0, 7);
        var due = new StatusLines();
        var events = new List<(long T, string Body)>();
        for (long t = 100; t <= 500_000; t += 100)
        {
            if (t == 450_000) settings.TrySet(SettingId.HeatSetpoint, settings.Get(SettingId.HeatSetpoint) + 5, out _);
            core.Step(Inputs(t, 18f));
            due.Check(t, core);
            if (due.EventDue) events.Add((t, LogFormat.StatusBody(t, core)));
        }

        long compressorOn = events.First(e => e.Body.Contains(" comp=1 ")).T;
        var fanStart = events.First(e => e.Body.Contains(" fan_in=100 "));
        Assert.Equal(compressorOn + 30_000, fanStart.T);
        Assert.Contains(events, e => e.T == 450_000 && e.Body.Contains(" sp_heat=20.5 "));

        // A running fan's duty is in STS lines only; nothing else changed between these two events.
        Assert.DoesNotContain(events, e => e.T > fanStart.T && e.T < 450_000);
    }

    [Fact]
    public void A_pressure_trip_writes_one_faultlog_line_with_the_documented_keys()
    {
        var settings = new ControllerSettings();
        settings.TrySet(SettingId.Mode, (int)UserMode.Heat, out _);
        var core = new ControlCore(settings, 0, 7);
        var lines = new StatusLines();
        var faultLogs = new List<string>();
        bool tripped = false;
        for (long t = 100; t <= 900_000; t += 100)
        {
            RawInputs i = Inputs(t, 18f);
            i.HighPressureTripped = !tripped && core.Outputs.Compressor && t > 500_000;   // one trip
            tripped |= i.HighPressureTripped;
            core.Step(i);
            lines.Check(t, core);
            if (lines.FaultLogDue)
            {
                faultLogs.Add(LogFormat.FaultLogBody(core.Service, 0));
            }
        }

        string body = Assert.Single(faultLogs);
        Assert.Matches("^n=1 fault=HighPressure lockout=0 power_up=0 uptime_s=[0-9]+ count=1$", body);
        string doc = File.ReadAllText(Path.Combine(DocsSync.RepoRoot(), "docs", "serial-log.md"));
        string row = doc.Split('\n').Single(l => l.StartsWith("| `FAULTLOG` |", StringComparison.Ordinal));
        foreach (string key in body.Split(' ').Select(pair => pair.Split('=')[0]))
        {
            Assert.Contains("`" + key + "`", row);
        }

        Assert.Matches("^power_up=0 run_h=0 starts=[1-9][0-9]* defrosts=0 faults=1$", LogFormat.ServiceBody(core.Service));
    }

    /// <summary>The status keys as docs/serial-log.md's table lists them: "| `in`, `out`, `coil` |" is three keys.</summary>
    private static string[] DocumentedStatusKeys()
    {
        string doc = File.ReadAllText(Path.Combine(DocsSync.RepoRoot(), "docs", "serial-log.md"));
        string table = doc[doc.IndexOf("Status keys", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", table.IndexOf("| key", StringComparison.Ordinal), StringComparison.Ordinal)];
        var keys = new List<string>();
        foreach (string row in table.Split('\n').Where(r => r.StartsWith("| `", StringComparison.Ordinal)))
        {
            string first = row.Split('|')[1];
            keys.AddRange(Regex.Matches(first, "`([a-z_]+)`").Select(m => m.Groups[1].Value));
        }

        return keys.ToArray();
    }
}
