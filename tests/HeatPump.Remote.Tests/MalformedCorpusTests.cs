using System.Text;
using HeatPump.Control.Remote;
using HeatPump.Control.Settings;
using Xunit.Abstractions;

namespace HeatPump.Remote.Tests;

/// <summary>
/// A generated corpus of malformed commands (seeded, so a failure names a reproducible case): each is
/// refused on the error topic with a reason, and no setting changes.
/// </summary>
public class MalformedCorpusTests
{
    private const int Seed = 17;
    private readonly ITestOutputHelper _output;

    public MalformedCorpusTests(ITestOutputHelper output) => _output = output;

    /// <summary>(topic suffix, payload, retained) triples, every one malformed by construction.</summary>
    internal static List<(string Suffix, byte[] Payload, bool Retain)> Corpus()
    {
        var random = new Random(Seed);
        var list = new List<(string, byte[], bool)>();
        string[] setpoints = { "set/heat_setpoint", "set/cool_setpoint" };
        string[] topics = { "set/mode", "set/heat_setpoint", "set/cool_setpoint" };

        // Not numbers.
        string[] words =
        {
            "", " ", "abc", "21,5", "2e1", "1e-3", "NaN", "nan", "Infinity", "-Infinity", "+", "-", ".", "5.", ".5", "--5", "+-5",
            "21.5.0", "0x15", "21 ", " 21", "21\n", "\t21", "２１", "21°", "21C", "twenty", "null", "true", "[21]", "{\"t\":21}",
            "\"21\"", "21;", "21\0", "١٢", "%s", "${x}", "' OR 1=1", "\\", "/", "#", "+21.5x",
        };
        foreach (string topic in setpoints)
        {
            foreach (string w in words)
            {
                list.Add((topic, Encoding.UTF8.GetBytes(w), false));
            }
        }

        // Numbers the panel refuses: off range, off step, past the tenths, and pushes that leave the other range.
        for (int i = 0; i < 400; i++)
        {
            string topic = setpoints[random.Next(2)];
            SettingDefinition d = SettingsCatalog.Get(topic.EndsWith("heat_setpoint") ? SettingId.HeatSetpoint : SettingId.CoolSetpoint);
            int tenths = random.Next(4) switch
            {
                0 => d.Max + 1 + random.Next(2000),
                1 => d.Min - 1 - random.Next(2000),
                2 => d.Min + (random.Next((d.Max - d.Min) / d.Step) * d.Step) + 1 + random.Next(d.Step - 1),
                _ => int.MaxValue,
            };
            string text = tenths == int.MaxValue
                ? (random.Next(100) + 10) + "." + (random.Next(9) + 1) + (random.Next(9) + 1)
                : (tenths < 0 ? "-" : "") + (Math.Abs(tenths) / 10) + "." + (Math.Abs(tenths) % 10);
            list.Add((topic, Encoding.ASCII.GetBytes(text), false));
        }

        // Modes that do not exist, or differ in case or spacing.
        string[] modes = { "HEAT", "Heat", "heat ", " heat", "heating", "fan_only", "dry", "emergency", "eco", "on", "0", "1", "3", "", "off\n", "cool\0", "hea", "heat_cool_", "Auto" };
        foreach (string m in modes)
        {
            list.Add(("set/mode", Encoding.UTF8.GetBytes(m), false));
        }

        // Random bytes on every command topic.
        for (int i = 0; i < 400; i++)
        {
            byte[] b = new byte[random.Next(1, HomeAssistantBridge.MaxCommandBytes + 1)];
            random.NextBytes(b);
            b[0] = (byte)random.Next(0x80, 0x100); // a leading non-ASCII byte: never a number or a mode word
            list.Add((topics[random.Next(3)], b, false));
        }

        // Oversized payloads: a valid command padded past the limit, and big blobs.
        for (int i = 0; i < 100; i++)
        {
            int length = i < 50 ? HomeAssistantBridge.MaxCommandBytes + 1 + i : 1000 + (i * 997);
            byte[] b = new byte[length];
            byte[] head = Encoding.ASCII.GetBytes(i % 2 == 0 ? "21.0" : "heat");
            Array.Copy(head, b, head.Length);
            for (int k = head.Length; k < length; k++)
            {
                b[k] = (byte)'0';
            }

            list.Add((i % 2 == 0 ? "set/heat_setpoint" : "set/mode", b, false));
        }

        // Valid commands on topics that are not command topics, and valid ones retained.
        string[] wrong = { "set/Mode", "set/mode/", "set/mode/x", "set/temperature", "set/heat_setpoint2", "set/", "set//mode", "set/cool", "set/+", "set/#" };
        foreach (string w in wrong)
        {
            list.Add((w, "heat"u8.ToArray(), false));
            list.Add((w, "21.0"u8.ToArray(), false));
        }

        for (int i = 0; i < 60; i++)
        {
            list.Add((topics[i % 3], Encoding.ASCII.GetBytes(i % 3 == 0 ? "heat" : "21.0"), true));
        }

        return list;
    }

    [Fact]
    public void Every_malformed_command_is_refused_with_a_reason_and_no_setting_changes()
    {
        var corpus = Corpus();
        Assert.True(corpus.Count >= 1000, corpus.Count + " cases");

        var rig = new UnitRig();
        rig.Run(1000);
        rig.TakeOutgoing();
        int[] before = rig.Snapshot();
        var reasons = new Dictionary<string, int>();
        for (int i = 0; i < corpus.Count; i++)
        {
            (string suffix, byte[] payload, bool retain) = corpus[i];
            rig.Send(rig.Bridge.BaseTopic + "/" + suffix, payload, retain);
            rig.Tick();
            var errors = rig.TakeOutgoing().Where(m => m.Topic == rig.Bridge.ErrorTopic).ToList();
            string shown = Encoding.UTF8.GetString(payload[..Math.Min(payload.Length, 24)]);
            Assert.True(errors.Count == 1, $"case {i} ({suffix} '{shown}'): {errors.Count} error replies");
            string reason = UnitRig.Json(errors[0].Payload).GetProperty("reason").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(reason), $"case {i}: empty reason");
            Assert.True(before.SequenceEqual(rig.Snapshot()), $"case {i} ({suffix} '{shown}') changed a setting");
            reasons[reason] = reasons.GetValueOrDefault(reason) + 1;

            // Space the commands past the rate limit, so each is judged on its own content.
            rig.Run(HomeAssistantBridge.CommandRefillMs);
        }

        _output.WriteLine($"{corpus.Count} malformed commands, {rig.Bridge.CommandsRejected} refused, {rig.Bridge.CommandsAccepted} accepted; reasons:");
        foreach (var r in reasons.OrderByDescending(r => r.Value))
        {
            _output.WriteLine($"  {r.Value,5} × {r.Key}");
        }

        Assert.Equal(0, rig.Bridge.CommandsAccepted);
        Assert.Equal(corpus.Count, rig.Bridge.CommandsRejected);
        Assert.DoesNotContain(HomeAssistantBridge.RateLimited, reasons.Keys);
        Assert.True(reasons.Count >= 8, string.Join("\n", reasons.Select(r => r.Value + " × " + r.Key)));
    }
}
