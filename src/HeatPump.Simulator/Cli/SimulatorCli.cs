using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Controllers;
using HeatPump.Simulator.Kpi;
using HeatPump.Simulator.Output;
using HeatPump.Simulator.Remote;
using HeatPump.Simulator.Run;
using Spectre.Console;

namespace HeatPump.Simulator.Cli;

/// <summary>
/// The command line: <c>run</c> one controller, <c>compare</c> several on the same weather,
/// <c>settings</c> lists what <c>--set</c> accepts; with no arguments, the default comparison with a
/// plot. Every input error ends as one line on stderr and exit code 2; a failure while running or
/// writing ends as one line and exit code 1. Never a stack trace.
/// </summary>
public static class SimulatorCli
{
    /// <summary>Exit code for bad input.</summary>
    public const int InputError = 2;

    /// <summary>Exit code for a failure while running or writing the outputs.</summary>
    public const int RunError = 1;

    /// <summary>Where the default comparison writes its plot (in the working directory).</summary>
    public const string DefaultPlot = "simulation.png";

    /// <summary>The controllers of the default comparison (no arguments).</summary>
    public static readonly string[] DefaultControllers = { ControllerCatalog.Firmware, "timed-30", "timed-60", "timed-90", ControllerCatalog.Oracle };

    /// <summary>Runs the command line with the real plant on the real terminal.</summary>
    public static int RunOnTerminal(string[] args)
    {
        IAnsiConsole console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // A file or a pipe has no width: do not wrap the table at 80 columns.
            console.Profile.Width = 200;
        }

        return Run(args, console, Console.Error, PhysicsWorld.Create, interactive: !Console.IsOutputRedirected);
    }

    /// <summary>Runs the command line.</summary>
    /// <param name="args">Arguments.</param>
    /// <param name="console">Where the table and messages go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="worldFactory">Builds the plant, sensors and weather for a request (tests pass their own).</param>
    /// <param name="interactive">True when stdout is a terminal: shows a progress bar.</param>
    public static int Run(string[] args, IAnsiConsole console, TextWriter stderr, Func<WorldRequest, IWorld> worldFactory, bool interactive)
    {
        var context = new Context(console, stderr, worldFactory, interactive);
        RootCommand root = Build(context);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            stderr.WriteLine("error: " + parsed.Errors[0].Message);
            return InputError;
        }

        var invocation = new InvocationConfiguration
        {
            Output = new ConsoleWriter(console),
            Error = stderr,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parsed.Invoke(invocation);
        }
        catch (Exception e)
        {
            stderr.WriteLine("error: " + OneLine(e));
            return RunError;
        }
    }

    private static RootCommand Build(Context context)
    {
        var root = new RootCommand(
            "Heat pump simulator: the firmware's control core against a house, a heat pump and a frosting coil, "
            + "scored against reference controllers. With no arguments: compare " + string.Join(", ", DefaultControllers)
            + " on " + Climates.Default + " for " + Climates.DefaultDays(Climates.Default) + " days and write ./" + DefaultPlot + ".");
        var rootOptions = new CommonOptions(root, multiple: true, defaultControllers: DefaultControllers, defaultPlot: DefaultPlot);
        root.SetAction(p => context.Execute(p, rootOptions));

        var run = new Command("run", "Simulate one controller and print its KPIs.");
        var runOptions = new CommonOptions(run, multiple: false, defaultControllers: new[] { ControllerCatalog.Firmware }, defaultPlot: null);
        run.SetAction(p => context.Execute(p, runOptions));
        root.Add(run);

        var compare = new Command("compare", "Simulate several controllers on the same weather and compare their KPIs.");
        var compareOptions = new CommonOptions(compare, multiple: true, defaultControllers: ControllerCatalog.DefaultNames, defaultPlot: null);
        compare.SetAction(p => context.Execute(p, compareOptions));
        root.Add(compare);

        var settings = new Command("settings", "List the controller settings --set accepts, with defaults and ranges.");
        settings.SetAction(_ => context.ListSettings());
        root.Add(settings);

        root.Add(Bench.BenchCommand.Create(context.Console, context.Stderr, context.Interactive));
        root.Add(Sweep.SweepCommand.Create(context.Console, context.Stderr, context.Interactive));
        return root;
    }

    private static string OneLine(Exception e)
    {
        while (e is AggregateException a && a.InnerException != null)
        {
            e = a.InnerException;
        }

        while (e is System.Reflection.TargetInvocationException t && t.InnerException != null)
        {
            e = t.InnerException;
        }

        return e.Message.Replace('\n', ' ').Replace("\r", "");
    }

    /// <summary>The options every simulating command takes.</summary>
    private sealed class CommonOptions
    {
        public CommonOptions(Command command, bool multiple, string[] defaultControllers, string? defaultPlot)
        {
            DefaultControllers = defaultControllers;
            DefaultPlot = defaultPlot;
            Climate = new Option<string?>("--climate")
            {
                Description = "Built-in climate: " + string.Join(", ", Climates.Names) + " (default " + Climates.Default + "; hot-summer runs in cool mode, year in auto)",
                HelpName = "NAME",
            };
            Weather = new Option<string?>("--weather")
            {
                Description = "EnergyPlus weather file to use instead of a built-in climate (runs in auto mode)",
                HelpName = "FILE.epw",
            };
            Days = new Option<string?>("--days")
            {
                Description = "Days to simulate (default: 120 for heating-season, 365 for year or an EPW file, else 14)",
                HelpName = "DAYS",
            };
            Seed = new Option<int>("--seed")
            {
                Description = "Seed of the weather, the sensor noise and the power-up stagger",
                HelpName = "N",
                DefaultValueFactory = _ => 1,
            };
            Setpoint = new Option<string?>("--setpoint")
            {
                Description = "Setpoint of the mode in force, °C (heating setpoint in auto)",
                HelpName = "°C",
            };
            Controllers = multiple
                ? new Option<string?>("--controllers")
                {
                    Description = "Comma-separated controllers: " + string.Join(", ", ControllerCatalog.Names)
                        + " (default " + string.Join(",", defaultControllers) + ")",
                    HelpName = "a,b,...",
                }
                : new Option<string?>("--controller", "--controllers")
                {
                    Description = "The controller: " + string.Join(", ", ControllerCatalog.Names) + " (default " + defaultControllers[0] + ")",
                    HelpName = "NAME",
                };
            Set = new Option<string[]>("--set")
            {
                Description = "Controller setting NAME=VALUE in the setting's unit, repeatable (see the settings command)",
                HelpName = "NAME=VALUE",
                Arity = ArgumentArity.ZeroOrMore,
                AllowMultipleArgumentsPerToken = false,
            };
            Plant = new Option<string[]>("--plant")
            {
                Description = "Plant figure NAME=VALUE (a PlantParameters property, e.g. RatedHeatingCapacityW=14000, UaWPerK=250), repeatable",
                HelpName = "NAME=VALUE",
                Arity = ArgumentArity.ZeroOrMore,
                AllowMultipleArgumentsPerToken = false,
            };
            Faults = new Option<string?>("--faults")
            {
                Description = "Sensor faults, e.g. coil:open@2h+30m,indoor:crc@1d+1h",
                HelpName = "SPEC",
            };
            Json = new Option<string?>("--json") { Description = "Write the KPIs as JSON to FILE", HelpName = "FILE" };
            Csv = new Option<string?>("--csv") { Description = "Write the per-minute time series as CSV to FILE", HelpName = "FILE" };
            Plot = new Option<string?>("--plot")
            {
                Description = "Write a PNG plot of the run(s) to FILE" + (defaultPlot != null ? " (default ./" + defaultPlot + ")" : ""),
                HelpName = "FILE.png",
            };
            foreach (Option o in new Option[] { Climate, Weather, Days, Seed, Setpoint, Controllers, Set, Plant, Faults, Json, Csv, Plot })
            {
                command.Add(o);
            }

            if (!multiple)
            {
                Mqtt = new Option<string?>("--mqtt")
                {
                    Description = "Publish the simulated unit to Home Assistant through the MQTT broker at HOST[:PORT] (firmware controller only; docs/home-assistant.md)",
                    HelpName = "HOST[:PORT]",
                };
                command.Add(Mqtt);
            }
        }

        /// <summary>--mqtt, on the run command only.</summary>
        public Option<string?>? Mqtt { get; }

        public string[] DefaultControllers { get; }

        public string? DefaultPlot { get; }

        public Option<string?> Climate { get; }

        public Option<string?> Weather { get; }

        public Option<string?> Days { get; }

        public Option<int> Seed { get; }

        public Option<string?> Setpoint { get; }

        public Option<string?> Controllers { get; }

        public Option<string[]> Set { get; }

        public Option<string?> Faults { get; }

        /// <summary>--plant NAME=VALUE, repeatable.</summary>
        public Option<string[]> Plant { get; }

        public Option<string?> Json { get; }

        public Option<string?> Csv { get; }

        public Option<string?> Plot { get; }
    }

    /// <summary>What the actions need: the console, stderr, the world factory.</summary>
    private sealed class Context
    {
        private readonly IAnsiConsole _console;
        private readonly TextWriter _stderr;
        private readonly Func<WorldRequest, IWorld> _worldFactory;
        private readonly bool _interactive;

        public Context(IAnsiConsole console, TextWriter stderr, Func<WorldRequest, IWorld> worldFactory, bool interactive)
        {
            _console = console;
            _stderr = stderr;
            _worldFactory = worldFactory;
            _interactive = interactive;
        }

        public IAnsiConsole Console => _console;

        public TextWriter Stderr => _stderr;

        public bool Interactive => _interactive;

        public int Execute(ParseResult p, CommonOptions o)
        {
            SimulationPlan plan;
            MqttEndpoint? endpoint = null;
            string? json = p.GetValue(o.Json);
            string? csv = p.GetValue(o.Csv);
            string? plot = p.GetValue(o.Plot) ?? o.DefaultPlot;
            try
            {
                string? list = p.GetValue(o.Controllers);
                string[] controllers = list == null
                    ? o.DefaultControllers
                    : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (o.DefaultPlot == null && o.DefaultControllers.Length == 1 && controllers.Length > 1)
                {
                    throw new SimulatorInputException("run takes one controller; use compare for several");
                }

                CheckWritable(json, "--json");
                CheckWritable(csv, "--csv");
                CheckWritable(plot, "--plot");
                var options = new SimulationOptions(
                    p.GetValue(o.Climate),
                    p.GetValue(o.Weather),
                    Number(p.GetValue(o.Days), "--days"),
                    p.GetValue(o.Seed),
                    Number(p.GetValue(o.Setpoint), "--setpoint"),
                    controllers,
                    p.GetValue(o.Set) ?? Array.Empty<string>(),
                    p.GetValue(o.Faults),
                    p.GetValue(o.Plant) ?? Array.Empty<string>());
                plan = SimulationPlan.Create(options, _worldFactory);
                string? mqtt = o.Mqtt == null ? null : p.GetValue(o.Mqtt);
                if (mqtt != null)
                {
                    endpoint = MqttEndpoint.Parse(mqtt);
                    if (plan.Controllers.Count != 1 || plan.Controllers[0] != ControllerCatalog.Firmware)
                    {
                        throw new SimulatorInputException("--mqtt publishes the firmware controller only, not '" + string.Join(",", plan.Controllers) + "'");
                    }
                }
            }
            catch (Exception e)
            {
                _stderr.WriteLine("error: " + OneLine(e));
                return InputError;
            }

            var shells = new List<MqttShell>();
            try
            {
                var clock = Stopwatch.StartNew();
                var comparison = new Comparison(plan, record: csv != null || plot != null)
                {
                    Wrap = endpoint == null ? null : c => WithMqtt(c, endpoint, shells),
                };
                RunResult[] results = RunWithProgress(plan, comparison);
                ResultTable.Write(_console, plan, results, clock.Elapsed.TotalSeconds);
                WriteOutputs(plan, results, json, csv, plot);
                return 0;
            }
            catch (Exception e)
            {
                _stderr.WriteLine("error: " + OneLine(e));
                return RunError;
            }
            finally
            {
                foreach (MqttShell shell in shells)
                {
                    shell.Dispose();
                }
            }
        }

        /// <summary>
        /// Adds the Home Assistant bridge to the firmware controller and starts its MQTT shell. The
        /// broker user and password come from HEATPUMP_MQTT_USER and HEATPUMP_MQTT_PASSWORD, never
        /// from the command line (which shell history and process lists keep).
        /// </summary>
        private ISimController WithMqtt(ISimController controller, MqttEndpoint endpoint, List<MqttShell> shells)
        {
            var wrapped = new MqttController((FirmwareController)controller, "simulator");
            var shell = new MqttShell(wrapped.Bridge, endpoint, Environment.GetEnvironmentVariable("HEATPUMP_MQTT_USER"),
                Environment.GetEnvironmentVariable("HEATPUMP_MQTT_PASSWORD"), _stderr);
            lock (shells)
            {
                shells.Add(shell);
            }

            shell.Start();

            // A run simulates days in seconds: give the broker a moment so the run is seen at all.
            SpinWait.SpinUntil(() => shell.IsConnected, TimeSpan.FromSeconds(5));
            if (!shell.IsConnected)
            {
                _stderr.WriteLine("mqtt: not connected to " + endpoint + " yet; the run goes on and publishes once it is");
            }

            return wrapped;
        }

        public int ListSettings()
        {
            var table = new Table { Border = TableBorder.Rounded };
            table.AddColumn("NAME");
            table.AddColumn(new TableColumn("default").RightAligned());
            table.AddColumn(new TableColumn("range").RightAligned());
            table.AddColumn(new TableColumn("step").RightAligned());
            table.AddColumn("unit");
            for (int i = 0; i < SettingsCatalog.Count; i++)
            {
                SettingDefinition d = SettingsCatalog.At(i);
                table.AddRow(
                    Markup.Escape(d.Key),
                    SettingFormat.Scaled(d.Default, d.Scale),
                    Markup.Escape(SettingFormat.Scaled(d.Min, d.Scale) + " .. " + SettingFormat.Scaled(d.Max, d.Scale)),
                    SettingFormat.Scaled(d.Step, d.Scale),
                    Markup.Escape(d.Unit));
            }

            _console.Write(table);
            _console.MarkupLine(Markup.Escape("mode also takes off/heat/cool/auto, valve.polarity O/B. Example: --set defrost.interval=90 --set heat.deadband=0.3"));
            return 0;
        }

        private static double? Number(string? text, string option)
        {
            if (text == null)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw new SimulatorInputException(option + " needs a number, got '" + text + "'");
            }

            return value;
        }

        private static void CheckWritable(string? path, string option)
        {
            if (path == null)
            {
                return;
            }

            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir != null && !Directory.Exists(dir))
            {
                throw new SimulatorInputException("cannot write " + option + " file '" + path + "': directory '" + dir + "' does not exist");
            }
        }

        private RunResult[] RunWithProgress(SimulationPlan plan, Comparison comparison)
        {
            int cores = Environment.ProcessorCount;
            if (!_interactive)
            {
                return comparison.Run(cores);
            }

            RunResult[]? results = null;
            _console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var tasks = new ProgressTask[plan.Controllers.Count];
                    for (int i = 0; i < tasks.Length; i++)
                    {
                        tasks[i] = ctx.AddTask(Markup.Escape(plan.Controllers[i]), maxValue: comparison.TotalTicksOf(i));
                    }

                    Task<RunResult[]> work = Task.Run(() => comparison.Run(cores));
                    while (!work.IsCompleted)
                    {
                        work.Wait(150);
                        for (int i = 0; i < tasks.Length; i++)
                        {
                            tasks[i].Value = comparison.ProgressOf(i).Ticks;
                        }

                        ctx.Refresh();
                    }

                    results = work.GetAwaiter().GetResult();
                });
            return results!;
        }

        private void WriteOutputs(SimulationPlan plan, RunResult[] results, string? json, string? csv, string? plot)
        {
            if (json != null)
            {
                var kpis = new KpiResult[results.Length];
                for (int i = 0; i < results.Length; i++)
                {
                    kpis[i] = results[i].Kpi;
                }

                JsonReport.WriteFile(json, plan.ClimateName, plan.Days, kpis);
                _console.MarkupLine(Markup.Escape("KPIs written to " + Path.GetFullPath(json)));
            }

            if (csv != null)
            {
                CsvReport.WriteFile(csv, results);
                _console.MarkupLine(Markup.Escape("Per-minute series written to " + Path.GetFullPath(csv)));
            }

            if (plot != null)
            {
                KpiAccumulator.ComfortBand(plan.Settings, out double low, out double high);
                PlotReport.WriteFile(plot, plan.ClimateName, results, low, high);
                _console.MarkupLine(Markup.Escape("Plot written to " + Path.GetFullPath(plot)));
            }
        }
    }

    /// <summary>Lets System.CommandLine's help text go to the same console as everything else.</summary>
    private sealed class ConsoleWriter : TextWriter
    {
        private readonly IAnsiConsole _console;

        public ConsoleWriter(IAnsiConsole console)
        {
            _console = console;
        }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => _console.Profile.Out.Writer.Write(value);

        public override void Write(string? value) => _console.Profile.Out.Writer.Write(value);

        public override void WriteLine(string? value) => _console.Profile.Out.Writer.WriteLine(value);
    }
}
