using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HeatPump.Control.Remote;
using HeatPump.Simulator.Cli;
using HeatPump.Simulator.Remote;
using Spectre.Console;

namespace HeatPump.Simulator.Bench;

/// <summary>
/// The <c>bench</c> command: the virtual bench live on the terminal, as plain lines when the output
/// is not a terminal, or a script run with <c>--script FILE</c> (exit 0 when every expectation
/// holds, 1 with the failing line when one does not, 2 for a malformed script or bad options).
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command; <paramref name="terminal"/> is true when stdout is a terminal.</summary>
    public static Command Create(IAnsiConsole console, TextWriter stderr, bool terminal)
    {
        var command = new Command("bench", "The virtual bench: the front panel, LEDs and outputs of the real control core driving the simulated heat pump, "
            + "live in the terminal (keys in docs/bench.md), or a bench script with --script.");
        var script = new Option<string?>("--script") { Description = "Run a bench script (timed keys and expectations) as fast as possible and exit", HelpName = "FILE" };
        var outdoor = new Option<double>("--outdoor") { Description = "Outdoor air at the start, °C", HelpName = "°C", DefaultValueFactory = _ => BenchOptions.DefaultOutdoorC };
        var humidity = new Option<double>("--humidity") { Description = "Outdoor relative humidity at the start, %", HelpName = "%", DefaultValueFactory = _ => BenchOptions.DefaultHumidity };
        var indoor = new Option<double>("--indoor") { Description = "Room temperature at power-up, °C", HelpName = "°C", DefaultValueFactory = _ => BenchOptions.DefaultIndoorC };
        var seed = new Option<int>("--seed") { Description = "Seed of the sensor noise and the power-up stagger", HelpName = "N", DefaultValueFactory = _ => 1 };
        var set = new Option<string[]>("--set")
        {
            Description = "Controller setting NAME=VALUE, repeatable (see the settings command)",
            HelpName = "NAME=VALUE",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var speed = new Option<string>("--speed") { Description = "Time acceleration at the start: 1, 10, 60, 600 (or max without a terminal)", HelpName = "N", DefaultValueFactory = _ => "1" };
        var duration = new Option<string?>("--duration") { Description = "Stop after this much simulated time, e.g. 2h (plain output)", HelpName = "TIME" };
        var log = new Option<string?>("--log") { Description = "Also write every serial-log line, full length, to FILE", HelpName = "FILE" };
        var board = new Option<bool>("--board") { Description = "Run the firmware's board loop on a virtual board (byte-level 1-Wire bus, TM1637 pins, flash) under the core" };
        var mqtt = new Option<string?>("--mqtt") { Description = "Publish the bench unit to Home Assistant through the MQTT broker at HOST[:PORT], and take its commands (docs/home-assistant.md)", HelpName = "HOST[:PORT]" };
        var installFault = new Option<string?>("--install-fault")
        {
            Description = "Install the unit wrongly: " + string.Join(", ", Commissioning.InstallFaults.Names) + " (docs/commissioning.md)",
            HelpName = "FAULT",
        };
        var supplyProbe = new Option<bool>("--supply-probe") { Description = "Fit the optional supply-air probe (the commissioning run's temperature split)" };
        foreach (Option o in new Option[] { script, outdoor, humidity, indoor, seed, set, speed, duration, log, board, mqtt, installFault, supplyProbe })
        {
            command.Add(o);
        }

        command.SetAction(p =>
        {
            BenchOptions options;
            int speedValue;
            long? durationMs;
            MqttEndpoint? endpoint;
            try
            {
                string? mqttText = p.GetValue(mqtt);
                endpoint = mqttText == null ? null : MqttEndpoint.Parse(mqttText);
                string? fault = p.GetValue(installFault);
                if (fault != null && Array.IndexOf(Commissioning.InstallFaults.Names, fault) < 0)
                    throw new SimulatorInputException("--install-fault needs one of " + string.Join(", ", Commissioning.InstallFaults.Names) + ", got '" + fault + "'");
                options = new BenchOptions(p.GetValue(outdoor), p.GetValue(humidity), p.GetValue(indoor), p.GetValue(seed), p.GetValue(set) ?? Array.Empty<string>(), p.GetValue(board),
                    fault, p.GetValue(supplyProbe));
                if (options.OutdoorC < BenchSession.MinOutdoorC || options.OutdoorC > BenchSession.MaxOutdoorC)
                    throw new SimulatorInputException("--outdoor must be between " + BenchSession.MinOutdoorC + " and " + BenchSession.MaxOutdoorC + " °C");
                if (options.RelativeHumidity < 5 || options.RelativeHumidity > 100)
                    throw new SimulatorInputException("--humidity must be between 5 and 100 %");
                if (options.IndoorC < 0 || options.IndoorC > 40)
                    throw new SimulatorInputException("--indoor must be between 0 and 40 °C");
                string speedText = p.GetValue(speed) ?? "1";
                speedValue = speedText == "max" ? 0
                    : int.TryParse(speedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && Array.IndexOf(BenchControls.Speeds, v) >= 0 ? v
                    : throw new SimulatorInputException("--speed needs 1, 10, 60, 600 or max, got '" + speedText + "'");
                string? d = p.GetValue(duration);
                durationMs = d == null ? null : DurationMs(d);
            }
            catch (Exception e) when (e is SimulatorInputException or FormatException)
            {
                stderr.WriteLine("error: " + e.Message);
                return SimulatorCli.InputError;
            }

            string? scriptPath = p.GetValue(script);
            if (scriptPath != null) return RunScript(scriptPath, options, p.GetValue(log), console, stderr);

            using BenchSession session = Open(options, p.GetValue(log), stderr, out int error);
            if (error != 0) return error;
            // The live screen owns the terminal: connection lines would tear it, so they go only to plain output.
            using MqttShell? shell = endpoint == null ? null : Attach(session, endpoint, terminal && !Console.IsInputRedirected ? TextWriter.Null : stderr);
            var controls = new BenchControls(speedValue == 0 ? 600 : speedValue);
            if (terminal && !Console.IsInputRedirected)
            {
                int code = BenchScreen.Run(session, controls, console.Profile.Capabilities.ColorSystem);
                console.MarkupLine(Markup.Escape("bench stopped at " + BenchNarrator.Clock(session.NowMs) + " simulated; "
                    + session.Core.Controller.DefrostCount + " defrosts, " + session.Plant.CompressorStarts + " compressor starts."));
                return code;
            }

            return BenchPlain.Run(session, controls, Console.Out, speedValue, durationMs);
        });
        return command;
    }

    /// <summary>Runs one script file; prints a PASS line, or the failing line with what was seen and the last log lines.</summary>
    public static int RunScript(string path, BenchOptions options, string? logPath, IAnsiConsole console, TextWriter stderr)
    {
        BenchScript script;
        try
        {
            script = BenchScript.Load(path);
        }
        catch (BenchScriptException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return SimulatorCli.InputError;
        }
        catch (IOException e)
        {
            stderr.WriteLine("error: cannot read bench script '" + path + "': " + e.Message);
            return SimulatorCli.InputError;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine("error: cannot read bench script '" + path + "': " + e.Message);
            return SimulatorCli.InputError;
        }

        using BenchSession session = Open(options, logPath, stderr, out int error);
        if (error != 0) return error;
        var clock = Stopwatch.StartNew();
        BenchScriptResult result = BenchScriptRunner.Run(script, session);
        if (result.Passed)
        {
            console.MarkupLine(Markup.Escape("PASS " + path + ": " + result.Checks + " checks, " + BenchNarrator.Clock(result.AtMs)
                + " simulated in " + clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"));
            return 0;
        }

        stderr.WriteLine("FAIL " + path + ":" + result.Line + ": " + result.LineText);
        stderr.WriteLine("    " + result.Message);
        stderr.WriteLine("    last log lines:");
        foreach (string line in session.Log.Last(4, "STS")) stderr.WriteLine("      " + line);
        return SimulatorCli.RunError;
    }

    private static BenchSession Open(BenchOptions options, string? logPath, TextWriter stderr, out int error)
    {
        error = 0;
        StreamWriter? file = null;
        try
        {
            if (logPath != null) file = new StreamWriter(logPath) { AutoFlush = true };
            return new BenchSession(options, file);
        }
        catch (Exception e) when (e is SimulatorInputException or IOException or UnauthorizedAccessException)
        {
            file?.Dispose();
            stderr.WriteLine("error: " + e.Message);
            error = SimulatorCli.InputError;
            return null!;
        }
    }

    /// <summary>
    /// Puts a Home Assistant bridge on the bench's core, serviced after every tick as on the board, and
    /// starts its MQTT shell (broker user and password from HEATPUMP_MQTT_USER and HEATPUMP_MQTT_PASSWORD).
    /// </summary>
    private static MqttShell Attach(BenchSession session, MqttEndpoint endpoint, TextWriter stderr)
    {
        var bridge = new HomeAssistantBridge(session.Core, "bench", "Virtual bench heat pump", FirmwareVersion.Simulator, session.NowMs);
        session.AfterStep = bridge.Service;
        var shell = new MqttShell(bridge, endpoint, Environment.GetEnvironmentVariable("HEATPUMP_MQTT_USER"),
            Environment.GetEnvironmentVariable("HEATPUMP_MQTT_PASSWORD"), stderr);
        shell.Start();
        return shell;
    }

    private static long DurationMs(string text) => BenchScript.DurationMs(text.ToLowerInvariant());
}
