using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>
/// The bench scripts under tests/bench run through the command line as a user runs them, and a
/// script that goes wrong says where: the failing line with what the bench showed, or the malformed
/// line with what was expected there.
/// </summary>
public class BenchScriptTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hpbench-" + Guid.NewGuid().ToString("N"));

    public BenchScriptTests()
    {
        Directory.CreateDirectory(_dir);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>tests/bench in the source tree.</summary>
    public static string ScriptDir
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "tests", "bench");
                if (Directory.Exists(candidate)) return candidate;
            }

            throw new DirectoryNotFoundException("tests/bench not found above " + AppContext.BaseDirectory);
        }
    }

    public static IEnumerable<object[]> Scripts() =>
        Directory.GetFiles(ScriptDir, "*.bench").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_bench_script_passes(string name)
    {
        var (exit, output, error) = CliTests.Cli("bench", "--script", Path.Combine(ScriptDir, name));
        Assert.True(exit == 0, error);
        Assert.Contains("PASS", output);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_bench_script_passes_on_the_virtual_board_too(string name)
    {
        // The same scripts through the firmware shell: BoardLoop, the byte-level 1-Wire bus, the TM1637 pins.
        var (exit, output, error) = CliTests.Cli("bench", "--board", "--script", Path.Combine(ScriptDir, name));
        Assert.True(exit == 0, error);
        Assert.Contains("PASS", output);
    }

    [Fact]
    public void Each_flow_of_the_issue_has_its_script()
    {
        string[] names = Directory.GetFiles(ScriptDir, "*.bench").Select(Path.GetFileNameWithoutExtension).ToArray()!;
        Assert.Contains("setpoint-change", names);
        Assert.Contains("anti-short-cycle", names);
        Assert.Contains("defrost-sequence", names);
        Assert.Contains("sensor-fault", names);
        Assert.Contains("output-test-walk", names);
    }

    [Fact]
    public void A_failing_expectation_exits_non_zero_with_its_line_and_what_was_seen()
    {
        string path = Write("fails.bench",
            "# heat starts after the power-up delay",
            "set mode heat",
            "wait until state Heat.Running within 0:10:00",
            "expect compressor off",
            "expect led heat on");

        var (exit, _, error) = CliTests.Cli("bench", "--script", path);

        Assert.Equal(1, exit);
        Assert.Contains("fails.bench:4: expect compressor off", error);
        Assert.Contains("but compressor is on", error);
        Assert.Contains("state Heat.Running", error);
        Assert.Contains("HP1 EVT", error);
    }

    [Fact]
    public void A_wait_that_runs_out_names_its_line_and_the_state_it_ended_in()
    {
        string path = Write("timeout.bench", "set mode heat", "wait until state Defrost within 0:01:00");

        var (exit, _, error) = CliTests.Cli("bench", "--script", path);

        Assert.Equal(1, exit);
        Assert.Contains("timeout.bench:2: wait until state Defrost within 0:01:00", error);
        Assert.Contains("state is Heat.Starting", error);
    }

    [Fact]
    public void An_at_time_that_has_already_passed_is_a_failure_of_that_line()
    {
        string path = Write("late.bench", "set mode heat", "wait until compressor on within 0:10:00", "at 0:01:00 press UP");

        var (exit, _, error) = CliTests.Cli("bench", "--script", path);

        Assert.Equal(1, exit);
        Assert.Contains("late.bench:3: at 0:01:00 press UP", error);
        Assert.Contains("already at", error);
    }

    [Theory]
    [InlineData("press SIDEWAYS", "unknown button 'SIDEWAYS'")]
    [InlineData("at 5 press UP", "time '5' is not H:MM:SS")]
    [InlineData("expect display 21.5", "double quotes")]
    [InlineData("fault attic open", "unknown sensor 'attic'")]
    [InlineData("fault coil melted", "unknown fault 'melted'")]
    [InlineData("expect led heat glowing", "LED state 'glowing'")]
    [InlineData("expect state Simmering", "unknown state 'Simmering'")]
    [InlineData("wait until compressor on", "wait until CONDITION within DURATION")]
    [InlineData("hold MODE", "hold BUTTONS DURATION")]
    [InlineData("set outdoor warm", "outdoor temperature 'warm' is not a number")]
    [InlineData("set heat.setpoint 45", "heat.setpoint must be between")]
    [InlineData("frobnicate", "unknown command 'frobnicate'")]
    public void A_malformed_line_is_an_input_error_naming_the_line(string line, string reason)
    {
        string path = Write("bad.bench", "# a comment", "set mode heat", line, "expect compressor on");

        var (exit, _, error) = CliTests.Cli("bench", "--script", path);

        Assert.Equal(2, exit);
        Assert.Contains("bad.bench:3: ", error);
        Assert.Contains(reason, error);
        Assert.Contains("3 | " + line, error);
    }

    [Fact]
    public void The_whole_script_is_read_before_it_runs()
    {
        // Line 2 would fail when run; line 4 is malformed. Reading comes first, so the malformed line is what is reported.
        string path = Write("order.bench", "set mode heat", "expect compressor on", "wait 10s", "expect compressor sideways");

        var (exit, _, error) = CliTests.Cli("bench", "--script", path);

        Assert.Equal(2, exit);
        Assert.Contains("order.bench:4: ", error);
    }

    [Fact]
    public void Times_in_a_script_must_not_go_backwards()
    {
        string path = Write("back.bench", "at 0:20:00 press UP", "at 0:10:00 press DOWN");

        var (exit, _, error) = CliTests.Cli("bench", "--script", path);

        Assert.Equal(2, exit);
        Assert.Contains("back.bench:2: at 0:10:00 is earlier", error);
    }

    [Theory]
    [InlineData("--speed needs 1, 10, 60, 600 or max, got '7'", "--speed", "7")]
    [InlineData("--outdoor must be between -30 and 45", "--outdoor", "60")]
    [InlineData("--humidity must be between 5 and 100", "--humidity", "120")]
    [InlineData("unknown setting 'no.such'", "--set", "no.such=1")]
    [InlineData("duration 'soon' is not H:MM:SS", "--duration", "soon")]
    public void Bad_bench_options_are_one_error_line(string message, params string[] option)
    {
        var (exit, _, error) = CliTests.Cli(new[] { "bench", "--script", Path.Combine(ScriptDir, "output-test-walk.bench") }.Concat(option).ToArray());

        Assert.Equal(2, exit);
        Assert.StartsWith("error: " + message, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_missing_script_is_an_input_error()
    {
        var (exit, _, error) = CliTests.Cli("bench", "--script", Path.Combine(_dir, "none.bench"));

        Assert.Equal(2, exit);
        Assert.Contains("cannot read bench script", error);
    }

    [Fact]
    public void The_log_option_writes_every_line_whole_in_the_firmware_format()
    {
        string script = Write("log.bench", "set mode heat", "wait until compressor on within 0:10:00", "wait 30s");
        string log = Path.Combine(_dir, "serial.log");

        var (exit, _, error) = CliTests.Cli("bench", "--script", script, "--log", log);

        Assert.True(exit == 0, error);
        string[] lines = File.ReadAllLines(log);
        Assert.All(lines, l => Assert.StartsWith("HP1 ", l));
        Assert.Contains(lines, l => l.StartsWith("HP1 BOOT t=0 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("HP1 EVT ", StringComparison.Ordinal) && l.Contains(" comp=1 ") && l.EndsWith(" vetoes=0"));
        Assert.Contains(lines, l => l.StartsWith("HP1 STS ", StringComparison.Ordinal));
    }

    private string Write(string name, params string[] lines)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
