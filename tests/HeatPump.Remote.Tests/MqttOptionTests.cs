using HeatPump.Simulator.Cli;
using HeatPump.Simulator.Remote;
using HeatPump.Simulator.Run;
using Spectre.Console;

namespace HeatPump.Remote.Tests;

/// <summary><c>--mqtt HOST[:PORT]</c>: what it accepts, and the one clear line for what it does not.</summary>
public class MqttOptionTests
{
    [Theory]
    [InlineData("localhost", "localhost", 1883)]
    [InlineData("192.168.1.10:1884", "192.168.1.10", 1884)]
    [InlineData(" broker.lan ", "broker.lan", 1883)]
    [InlineData("[::1]:8883", "::1", 8883)]
    [InlineData("[fe80::1]", "fe80::1", 1883)]
    public void A_host_with_or_without_a_port_is_read(string text, string host, int port)
    {
        Assert.Equal(new MqttEndpoint(host, port), MqttEndpoint.Parse(text));
    }

    [Theory]
    [InlineData("", "--mqtt needs HOST[:PORT]")]
    [InlineData("host:", "port must be a number from 1 to 65535, got ''")]
    [InlineData("host:0", "port must be a number from 1 to 65535, got '0'")]
    [InlineData("host:99999", "port must be a number from 1 to 65535, got '99999'")]
    [InlineData("host:18x3", "got '18x3'")]
    [InlineData(":1883", "the host is missing")]
    [InlineData("mqtt://host:1883", "more than one ':'")]
    [InlineData("user@host", "is not a host name or address")]
    [InlineData("::1", "write an IPv6 address as [ADDRESS]:PORT")]
    [InlineData("[::1", "does not close it")]
    [InlineData("[::1]1883", "expected ':PORT' after ']'")]
    public void A_bad_value_is_refused_with_what_is_wrong(string text, string message)
    {
        var e = Assert.Throws<SimulatorInputException>(() => MqttEndpoint.Parse(text));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void The_run_command_refuses_a_bad_value_with_one_line_and_exit_code_2()
    {
        var stderr = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(new StringWriter()) });
        int exit = SimulatorCli.Run(new[] { "run", "--days", "0.01", "--mqtt", "localhost:70000" }, console, stderr, PhysicsWorld.Create, interactive: false);

        Assert.Equal(SimulatorCli.InputError, exit);
        Assert.Equal("error: --mqtt: port must be a number from 1 to 65535, got '70000'", stderr.ToString().Trim());
    }

    [Fact]
    public void Only_the_firmware_controller_can_be_published()
    {
        var stderr = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(new StringWriter()) });
        int exit = SimulatorCli.Run(new[] { "run", "--days", "0.01", "--controller", "timed-60", "--mqtt", "localhost" }, console, stderr, PhysicsWorld.Create, interactive: false);

        Assert.Equal(SimulatorCli.InputError, exit);
        Assert.Contains("--mqtt publishes the firmware controller only", stderr.ToString());
    }
}
