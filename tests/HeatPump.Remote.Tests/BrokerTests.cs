using System.Diagnostics;
using System.Text.Json;
using HeatPump.Control;
using HeatPump.Control.Remote;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Remote;

namespace HeatPump.Remote.Tests;

/// <summary>
/// The unit against a real broker (MQTTnet, in process, loopback only) with a client playing Home
/// Assistant: discovery, commands both ways, bad input, a broker that dies and comes back.
/// </summary>
public sealed class BrokerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Broker _broker = new Broker();
    private readonly UnitRig _rig = new UnitRig("unit1");
    private readonly MqttShell _shell;

    public BrokerTests()
    {
        _shell = new MqttShell(_rig.Bridge, new MqttEndpoint("127.0.0.1", _broker.Port));
    }

    public void Dispose()
    {
        _shell.Dispose();
        _broker.Dispose();
    }

    /// <summary>Steps the unit (100 ms simulated per tick, about 2 ms real) until <paramref name="done"/> or the patience runs out.</summary>
    private bool Pump(Func<bool> done) => Pump(_rig, done);

    private static bool Pump(UnitRig rig, Func<bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            rig.Tick();
            if (done())
            {
                return true;
            }

            Thread.Sleep(2);
        }

        return false;
    }

    private HomeAssistantClient ConnectedHomeAssistant()
    {
        var ha = new HomeAssistantClient(_broker.Port, "homeassistant/#", "heatpump/#");
        _shell.Start();
        Assert.True(Pump(() => ha.On(_rig.Bridge.StateTopic).Count > 0), "no state arrived");
        return ha;
    }

    private static JsonElement Json(string payload) => JsonDocument.Parse(payload).RootElement;

    [Fact]
    public void Discovery_announces_every_entity_retained_with_keys_Home_Assistant_knows()
    {
        using HomeAssistantClient ha = ConnectedHomeAssistant();

        // A Home Assistant that starts later finds the discovery kept by the broker.
        using var late = new HomeAssistantClient(_broker.Port, "homeassistant/#");
        Assert.True(Pump(() => late.Messages.Count == _rig.Bridge.DiscoveryCount));
        var configs = late.Messages.ToList();
        Assert.All(configs, c => Assert.True(c.Retain, c.Topic + " not retained"));

        var uniqueIds = new HashSet<string>();
        foreach (var (topic, payload, _) in configs)
        {
            string component = topic.Split('/')[1];
            JsonElement config = Json(payload);
            string[] allowed = HomeAssistantSchema.KeysOf(component);
            foreach (JsonProperty p in config.EnumerateObject())
            {
                Assert.True(allowed.Contains(p.Name), $"{topic}: '{p.Name}' is not a key of Home Assistant's MQTT {component}");
            }

            foreach (JsonProperty p in config.GetProperty("device").EnumerateObject())
            {
                Assert.Contains(p.Name, HomeAssistantSchema.Device);
            }

            Assert.True(uniqueIds.Add(config.GetProperty("unique_id").GetString()!), "unique_id repeated");
            Assert.Equal(_rig.Bridge.AvailabilityTopic, config.GetProperty("availability_topic").GetString());
            if (component != "climate")
            {
                Assert.Equal(_rig.Bridge.StateTopic, config.GetProperty("state_topic").GetString());
            }
        }

        JsonElement climate = Json(configs.Single(c => c.Topic == "homeassistant/climate/unit1/climate/config").Payload);
        Assert.All(climate.GetProperty("modes").EnumerateArray(), m => Assert.Contains(m.GetString(), HomeAssistantSchema.Modes));
        Assert.Equal(_rig.Bridge.ModeCommandTopic, climate.GetProperty("mode_command_topic").GetString());
        Assert.Equal(_rig.Bridge.HeatSetpointCommandTopic, climate.GetProperty("temperature_low_command_topic").GetString());
        Assert.Equal(_rig.Bridge.CoolSetpointCommandTopic, climate.GetProperty("temperature_high_command_topic").GetString());
        Assert.Equal(10.0, climate.GetProperty("min_temp").GetDouble());
        Assert.Equal(32.0, climate.GetProperty("max_temp").GetDouble());
        Assert.Equal(0.5, climate.GetProperty("temp_step").GetDouble());

        // Every template names a key the state has.
        JsonElement state = Json(ha.On(_rig.Bridge.StateTopic).Last().Payload);
        foreach (var (_, payload, _) in configs)
        {
            foreach (JsonProperty p in Json(payload).EnumerateObject().Where(p => p.Name.EndsWith("template", StringComparison.Ordinal)))
            {
                string key = p.Value.GetString()!.Replace("{{ value_json.", "").Replace(" }}", "");
                Assert.True(state.TryGetProperty(key, out _), p.Name + " reads '" + key + "', which the state lacks");
            }
        }

        Assert.Contains(state.GetProperty("action").GetString(), HomeAssistantSchema.Actions);
        Assert.Equal(HomeAssistantBridge.Online, ha.On(_rig.Bridge.AvailabilityTopic).Last().Payload);
    }

    [Fact]
    public void Mode_and_setpoints_round_trip_through_the_broker()
    {
        using HomeAssistantClient ha = ConnectedHomeAssistant();

        ha.Publish(_rig.Bridge.ModeCommandTopic, "heat_cool");
        ha.Publish(_rig.Bridge.HeatSetpointCommandTopic, "21.5");
        ha.Publish(_rig.Bridge.CoolSetpointCommandTopic, "25");

        Assert.True(Pump(() => ha.On(_rig.Bridge.StateTopic).Select(m => Json(m.Payload)).Any(s =>
            s.GetProperty("mode").GetString() == "heat_cool" && s.GetProperty("heat_setpoint").GetDouble() == 21.5
            && s.GetProperty("cool_setpoint").GetDouble() == 25.0)), "the change never showed in the state");
        Assert.Equal(UserMode.Auto, _rig.Settings.Mode);
        Assert.Equal(215, _rig.Settings.Get(SettingId.HeatSetpoint));
        Assert.Equal(250, _rig.Settings.Get(SettingId.CoolSetpoint));
        Assert.Empty(ha.On(_rig.Bridge.ErrorTopic));
    }

    [Fact]
    public void Bad_input_through_the_broker_gets_a_reason_and_changes_nothing()
    {
        // Junk retained on the command topic before the unit ever connects: replayed at subscription, and refused.
        using (var early = new HomeAssistantClient(_broker.Port))
        {
            early.Publish(_rig.Bridge.ModeCommandTopic, "cool", retain: true);
        }

        int[] before = _rig.Snapshot();
        using HomeAssistantClient ha = ConnectedHomeAssistant();
        Assert.True(Pump(() => ha.On(_rig.Bridge.ErrorTopic).Count == 1));

        var cases = new (string Topic, byte[] Payload, string Reason)[]
        {
            (_rig.Bridge.HeatSetpointCommandTopic, "warm"u8.ToArray(), SettingCommands.NotANumber),
            (_rig.Bridge.HeatSetpointCommandTopic, "35"u8.ToArray(), "heat.setpoint must be between 10.0 and 30.0 °C"),
            (_rig.Bridge.ModeCommandTopic, "turbo"u8.ToArray(), SettingCommands.UnknownMode),
            (_rig.Bridge.ModeCommandTopic, new byte[64 * 1024], HomeAssistantBridge.TooLong),
            (_rig.Bridge.BaseTopic + "/set/valve", "1"u8.ToArray(), HomeAssistantBridge.UnknownTopic),
        };
        foreach (var c in cases)
        {
            int judged = _rig.Bridge.CommandsRejected;
            ha.Publish(c.Topic, c.Payload);
            Assert.True(Pump(() => _rig.Bridge.CommandsRejected > judged), "command never judged");
            _rig.Run(HomeAssistantBridge.CommandRefillMs);
        }

        Assert.True(Pump(() => ha.On(_rig.Bridge.ErrorTopic).Count == 1 + cases.Length), "missing error replies");
        var reasons = ha.On(_rig.Bridge.ErrorTopic).Select(m => Json(m.Payload).GetProperty("reason").GetString()).ToList();
        Assert.Equal(HomeAssistantBridge.RetainedCommand, reasons[0]);
        Assert.Equal(cases.Select(c => c.Reason), reasons.Skip(1));

        // A burst: the first four pass, the rest are refused with the rate limit's reason.
        for (int i = 0; i < 12; i++)
        {
            ha.Publish(_rig.Bridge.ModeCommandTopic, i % 2 == 0 ? "off" : "cool");
        }

        // More than the inbox holds between two ticks is dropped on arrival, and counted.
        Assert.True(Pump(() => _rig.Bridge.CommandsAccepted + _rig.Bridge.CommandsRejected + _rig.Bridge.Link.Inbox.Dropped == 1 + cases.Length + 12));
        Assert.True(_rig.Bridge.CommandsAccepted <= HomeAssistantBridge.CommandBurst + 3, _rig.Bridge.CommandsAccepted + " accepted");
        Assert.True(Pump(() => ha.On(_rig.Bridge.ErrorTopic).Any(m => Json(m.Payload).GetProperty("reason").GetString() == HomeAssistantBridge.RateLimited)));

        // Nothing but the mode moved, and only through accepted commands.
        int[] after = _rig.Snapshot();
        after[(int)SettingId.Mode] = before[(int)SettingId.Mode];
        Assert.Equal(before, after);
    }

    [Fact]
    public void When_the_broker_dies_control_goes_on_and_the_unit_reconnects()
    {
        using (HomeAssistantClient ha = ConnectedHomeAssistant())
        {
        }

        _rig.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat);
        _rig.IndoorC = 16f;
        _broker.Stop();

        // Ten simulated minutes without a broker: the loop never waits, and the unit starts heating by itself.
        var clock = Stopwatch.StartNew();
        _rig.Run(10 * 60_000);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the loop waited for the network: " + clock.Elapsed);
        Assert.True(_rig.Core.Outputs.Compressor);
        Assert.False(_shell.IsConnected);

        _broker.Start();
        using var back = new HomeAssistantClient(_broker.Port, "homeassistant/#", "heatpump/#");
        Assert.True(Pump(() => _shell.Connects > 1 && back.On(_rig.Bridge.StateTopic).Count > 0), "did not reconnect");
        Assert.Equal(_rig.Bridge.DiscoveryCount, back.Messages.Count(m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal)));
        Assert.Equal("heating", Json(back.On(_rig.Bridge.StateTopic).Last().Payload).GetProperty("action").GetString());
    }

    [Fact]
    public void The_last_will_says_offline_when_the_unit_vanishes()
    {
        using HomeAssistantClient ha = ConnectedHomeAssistant();
        _shell.Dispose();
        Assert.True(Pump(() => ha.On(_rig.Bridge.AvailabilityTopic).LastOrDefault().Payload == HomeAssistantBridge.Offline));
    }

    [Fact]
    public void A_broker_that_goes_silent_is_noticed_and_the_unit_reconnects_once_it_answers()
    {
        using var link = new SilentLink(_broker.Port);
        var rig = new UnitRig("silent");
        // Shorter than the defaults to keep the test short, long enough for a busy machine to answer in time.
        using var shell = new MqttShell(rig.Bridge, new MqttEndpoint("127.0.0.1", link.Port))
        {
            OperationTimeout = TimeSpan.FromSeconds(3),
            ProbePeriod = TimeSpan.FromSeconds(1),
        };
        shell.Start();

        // The room warms and cools a little, so the unit publishes its state every few seconds, as
        // it does while it runs: the connection is never idle long enough for a keep-alive ping.
        int tick = 0;
        bool Wobbling(Func<bool> done)
        {
            rig.IndoorC = 19.0f + (tick++ / 30 % 2);
            return done();
        }

        Assert.True(Pump(rig, () => Wobbling(() => shell.Connects == 1)), "did not connect");
        int published = shell.Published;

        link.Silent = true;
        Assert.True(Pump(rig, () => Wobbling(() => !shell.IsConnected)), "a silent broker went unnoticed");
        Assert.True(shell.Published > published, "the unit published nothing while the broker was silent");

        // Connections the silent link accepts are never answered: each attempt ends at the timeout and the next one follows.
        int failures = shell.Failures;
        Assert.True(Pump(rig, () => Wobbling(() => shell.Failures >= failures + 2)), "a connection attempt waited for ever");
        Assert.Equal(1, shell.Connects);

        link.Silent = false;
        Assert.True(Pump(rig, () => Wobbling(() => shell.Connects == 2 && shell.IsConnected)), "did not reconnect");
    }
}
