using System.Text.Json;
using HeatPump.Simulator.Cli;
using HeatPump.Simulator.Run;
using Spectre.Console;
using Xunit;

namespace HeatPump.Simulator.Tests;

/// <summary>The command line as a user meets it: exit codes, the one error line, help, and the files it writes (on the test plant).</summary>
public class CliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hpsim-cli-" + Guid.NewGuid().ToString("N"));

    public CliTests()
    {
        Directory.CreateDirectory(_dir);
    }

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
    }

    internal static (int Exit, string Out, string Err) Cli(Func<WorldRequest, IWorld> world, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(stdout),
        });
        console.Profile.Width = 200;
        int exit = SimulatorCli.Run(args, console, stderr, world, interactive: false);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    internal static (int Exit, string Out, string Err) Cli(params string[] args) => Cli(_ => new TestWorld(-1), args);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData("unknown climate 'arctic'", "run", "--climate", "arctic")]
    [InlineData("--days must be more than 0, got -3", "run", "--days", "-3")]
    [InlineData("--days must be more than 0, got 0", "compare", "--days", "0")]
    [InlineData("--days needs a number, got 'many'", "run", "--days", "many")]
    [InlineData("--days must cover at least one minute", "run", "--days", "0.0001")]
    [InlineData("--days must be at most 3660", "run", "--days", "4000")]
    [InlineData("unknown controller 'bogus'", "compare", "--controllers", "firmware,bogus")]
    [InlineData("heat.setpoint must be between 10.0 and 30.0 °C", "run", "--set", "heat.setpoint=35")]
    [InlineData("heat.setpoint must be between 10.0 and 30.0 °C", "run", "--setpoint", "35")]
    [InlineData("defrost.interval must be in steps of 30 min", "run", "--set", "defrost.interval=45")]
    [InlineData("unknown setting 'no.such'", "run", "--set", "no.such=1")]
    [InlineData("--set expects NAME=VALUE", "run", "--set", "heat.setpoint")]
    [InlineData("cannot read weather file", "run", "--weather", "/nonexistent/weather.epw")]
    [InlineData("give either --climate or --weather", "run", "--climate", "mild", "--weather", "x.epw")]
    [InlineData("run takes one controller", "run", "--controllers", "firmware,timed-60")]
    [InlineData("Unrecognized command or argument 'frobnicate'", "frobnicate")]
    [InlineData("directory", "run", "--json", "/nonexistent/dir/out.json")]
    public void Bad_input_gives_one_error_line_and_exit_code_2(string expected, params string[] args)
    {
        var (exit, output, err) = Cli(args);
        Assert.Equal(2, exit);
        string[] lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("Exception", err); // no stack trace, no exception type
        Assert.Equal("", output);
    }

    [Fact]
    public void An_error_from_the_weather_file_or_fault_parser_is_passed_on_as_one_line()
    {
        string epw = PathOf("bad.epw");
        File.WriteAllText(epw, "LOCATION,Nowhere\n");
        // The EPW reader and the fault parser live with the plant; whatever they throw reaches the user as one line.
        var (exit, _, err) = Cli(_ => throw new FormatException("bad.epw line 9, field 7 (dry bulb): 'x' is not a number"),
            "run", "--weather", epw);
        Assert.Equal(2, exit);
        Assert.Equal("error: bad.epw line 9, field 7 (dry bulb): 'x' is not a number", err.Trim());

        var faults = Cli(_ => throw new ArgumentException("unknown sensor 'attic' in --faults"), "run", "--faults", "attic:open@1h");
        Assert.Equal(2, faults.Exit);
        Assert.Equal("error: unknown sensor 'attic' in --faults", faults.Err.Trim());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("compare", "--help")]
    [InlineData("settings", "--help")]
    public void Every_command_has_help(params string[] args)
    {
        var (exit, output, err) = Cli(args);
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output);
        Assert.Equal("", err);
        if (args[0] is "run" or "compare")
        {
            Assert.Contains("--climate", output);
            Assert.Contains("--set", output);
            Assert.Contains("--faults", output);
        }
    }

    [Fact]
    public void The_json_report_has_exactly_the_documented_keys()
    {
        string json = PathOf("kpi.json");
        var (exit, _, err) = Cli("compare", "--controllers", "timed-60,hysteresis", "--days", "0.25", "--json", json);
        Assert.Equal("", err);
        Assert.Equal(0, exit);

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement root = doc.RootElement;
        Assert.Equal(new[] { "climate", "days", "controllers" }, root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("humid-cold", root.GetProperty("climate").GetString());
        Assert.Equal(0.25, root.GetProperty("days").GetDouble());
        string[] keys =
        {
            "name", "energyKWh", "auxKWh", "heatDeliveredKWh", "scop", "discomfortKh", "compressorStarts", "startsPerHour",
            "shortCycles", "defrosts", "defrostMinutes", "defrostsOnCleanCoil", "peakFrostFraction", "invariantViolations",
        };
        JsonElement[] controllers = root.GetProperty("controllers").EnumerateArray().ToArray();
        Assert.Equal(new[] { "timed-60", "hysteresis" }, controllers.Select(c => c.GetProperty("name").GetString()).ToArray());
        foreach (JsonElement c in controllers)
        {
            Assert.Equal(keys, c.EnumerateObject().Select(p => p.Name).ToArray());
            foreach (JsonProperty p in c.EnumerateObject().Skip(1))
            {
                Assert.Equal(JsonValueKind.Number, p.Value.ValueKind);
            }

            Assert.True(c.GetProperty("energyKWh").GetDouble() > 0);
            Assert.Equal(0, c.GetProperty("invariantViolations").GetInt32());
        }
    }

    [Fact]
    public void The_table_shows_every_kpi_for_every_controller()
    {
        var (exit, output, _) = Cli("compare", "--controllers", "timed-30,timed-90", "--days", "0.2");
        Assert.Equal(0, exit);
        foreach (string label in new[] { "electricity, kWh", "heat delivered, kWh", "seasonal COP", "discomfort, K·h", "compressor starts",
            "starts per hour", "short cycles", "defrosts", "defrost minutes", "defrosts ended by time", "defrosts on a clean coil",
            "peak frost fraction", "invariant violations", "timed-30", "timed-90" })
        {
            Assert.Contains(label, output);
        }
    }

    [Fact]
    public void The_csv_has_one_row_per_controller_and_minute()
    {
        string csv = PathOf("series.csv");
        var (exit, _, _) = Cli("compare", "--controllers", "timed-60,timed-90", "--days", "0.1", "--csv", csv);
        Assert.Equal(0, exit);
        string[] lines = File.ReadAllLines(csv);
        Assert.Equal(Output.CsvReport.Header, lines[0]);
        Assert.Equal(1 + 2 * 144, lines.Length); // 0.1 day = 144 minutes
        Assert.StartsWith("timed-60,0,0,", lines[1]);
        Assert.StartsWith("timed-90,143,", lines[^1]);
        Assert.Equal(11, lines[1].Split(',').Length);
    }

    [Fact]
    public void The_default_comparison_runs_firmware_the_timed_boards_and_the_oracle_and_writes_a_plot()
    {
        string png = PathOf("plot.png");
        var (exit, output, err) = Cli("--days", "0.05", "--plot", png);
        Assert.Equal("", err);
        Assert.Equal(0, exit);
        foreach (string name in SimulatorCli.DefaultControllers)
        {
            Assert.Contains(name, output);
        }

        byte[] head = File.ReadAllBytes(png).Take(8).ToArray();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, head);
        Assert.Contains("Plot written to " + png, output);
    }
}
