using HeatPump.Control;
using HeatPump.Control.Remote;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Controllers;
using HeatPump.Simulator.Remote;
using HeatPump.Simulator.Run;
using Xunit.Abstractions;

namespace HeatPump.Remote.Tests;

/// <summary>
/// A simulated week in humid cold (defrost weather) with the unit publishing to a broker that is
/// killed and restarted at random: the outputs tick by tick are those of the same week without MQTT,
/// the safety referee sees no violation, and the unit announces itself again after
/// every restart.
/// </summary>
public class BrokerWeekTests
{
    private const int Seed = 5;
    private const double Days = 7;
    /// <summary>
    /// How long the harness waits for a reconnection: the longest backoff, then a connection, a
    /// subscription and the announcement, each bounded by the shell's timeout, with as much again
    /// for a machine busy with other work. The shell reconnects by itself; this only bounds a failure.
    /// </summary>
    private static readonly TimeSpan ReconnectionBound = MqttShell.MaxBackoff + MqttShell.MaxBackoff + (MqttShell.DefaultOperationTimeout * 6);

    private readonly ITestOutputHelper _output;

    public BrokerWeekTests(ITestOutputHelper output) => _output = output;

    private static ControllerSettings HeatAt20()
    {
        var s = new ControllerSettings();
        Assert.True(s.TrySet(SettingId.Mode, (int)UserMode.Heat));
        return s;
    }

    [Fact]
    public void A_week_with_the_broker_killed_at_random_drives_the_same_outputs_with_no_violation()
    {
        IWorld world = PhysicsWorld.Create(new WorldRequest("humid-cold", null, Days, Seed, null));

        var plain = new Tracing(new FirmwareController(HeatAt20(), Seed));
        RunResult without = SimulationRunner.Run(plain, world, HeatAt20(), Days, 20.0);
        _output.WriteLine($"without MQTT: {without.WallSeconds:0.0} s wall");

        using var broker = new Broker();
        var unit = new MqttController(new FirmwareController(HeatAt20(), Seed), "week");
        using var shell = new MqttShell(unit.Bridge, new MqttEndpoint("127.0.0.1", broker.Port));
        shell.Start();
        Assert.True(SpinWait.SpinUntil(() => shell.Connects == 1, ReconnectionBound), "the unit did not announce itself");

        // Twelve outages at random simulated times, each a random few minutes to hours long.
        var random = new Random(Seed);
        var toggles = new SortedSet<long>();
        while (toggles.Count < 24)
        {
            toggles.Add(random.NextInt64(SimulationRunner.TicksFor(Days)) * 1000);
        }

        long[] at = toggles.ToArray();
        int next = 0;
        bool up = true;
        int restarts = 0;
        int connectsAtStop = 0;
        unit.AfterTick = nowMs =>
        {
            if (next >= at.Length || nowMs < at[next])
            {
                return;
            }

            next++;
            if (up)
            {
                broker.Stop();
                connectsAtStop = shell.Connects;
            }
            else
            {
                // The harness, not the loop, waits for the reconnection, so that each one is seen: a
                // connection announced after the stop can only be to the restarted broker.
                broker.Start();
                restarts++;
                Assert.True(SpinWait.SpinUntil(() => shell.Connects > connectsAtStop, ReconnectionBound), "no reconnection after restart " + restarts);
            }

            up = !up;
        };

        var traced = new Tracing(unit);
        RunResult with = SimulationRunner.Run(traced, world, HeatAt20(), Days, 20.0);

        _output.WriteLine($"{traced.Ticks} ticks; {restarts} broker restarts; {shell.Connects} connections; {shell.Published} messages published; "
            + $"{unit.Bridge.StatesQueued} states queued, {unit.Bridge.Link.Outbox.Dropped} dropped while the broker was away or busy; "
            + $"{with.Kpi.Defrosts} defrosts, {with.Kpi.CompressorStarts} starts; {with.WallSeconds:0.0} s wall");
        Assert.Equal(12, restarts);
        Assert.True(shell.Connects >= 13, shell.Connects + " connections");
        Assert.Equal(plain.Ticks, traced.Ticks);
        Assert.Equal(plain.Hash, traced.Hash);
        Assert.Equal(without.Kpi, with.Kpi);
        Assert.Equal(0, with.Kpi.InvariantViolations);
        Assert.True(with.Kpi.Defrosts > 0, "the week should include defrosts");
        // How many states the network takes depends on how fast this machine runs the week against the
        // network thread (the simulation races ahead of it): so the week asserts what does not — a
        // state offered at least every heartbeat, queued or dropped — and that states got through across
        // the reconnections, many times over.
        long offered = unit.Bridge.StatesQueued + unit.Bridge.Link.Outbox.Dropped;
        Assert.True(offered >= (long)(Days * 24 * 3600 * 1000 / HomeAssistantBridge.HeartbeatMs), offered + " states offered");
        Assert.True(unit.Bridge.StatesQueued > 10 * restarts, unit.Bridge.StatesQueued + " states queued");
    }

    /// <summary>Hashes every output of every tick, so two runs compare tick by tick.</summary>
    private sealed class Tracing : ISimController
    {
        private readonly ISimController _inner;

        public Tracing(ISimController inner) => _inner = inner;

        public long Ticks { get; private set; }

        public ulong Hash { get; private set; } = 1469598103934665603UL;

        public string Name => _inner.Name;

        public DefrostEnd LastDefrostEnd => _inner.LastDefrostEnd;

        public OutputState Step(RawInputs reading, double trueFrostFraction)
        {
            OutputState o = _inner.Step(reading, trueFrostFraction);
            ulong word = (o.Compressor ? 1UL : 0) | (o.ValveEnergised ? 2UL : 0) | (o.AuxHeat ? 4UL : 0) | (o.Defrost ? 8UL : 0)
                | (o.Fault ? 16UL : 0) | (o.QuietShiftRestart ? 32UL : 0)
                | ((ulong)BitConverter.SingleToUInt32Bits(o.IndoorFanDuty) << 6) ^ ((ulong)BitConverter.SingleToUInt32Bits(o.OutdoorFanDuty) << 31);
            Hash = (Hash ^ word) * 1099511628211UL;
            Ticks++;
            return o;
        }
    }
}
