using System.Text.Json;
using HeatPump.Control;
using HeatPump.Control.Hal;
using HeatPump.Control.Remote;
using HeatPump.Control.Settings;

namespace HeatPump.Remote.Tests;

/// <summary>What Home Assistant is told: the state's content, how often it goes out, and that remote edits are saved like panel edits.</summary>
public class BridgeStateTests
{
    private static List<string> States(UnitRig rig) =>
        rig.TakeOutgoing().Where(m => m.Topic == rig.Bridge.StateTopic).Select(m => m.Payload).ToList();

    [Fact]
    public void The_state_names_every_value_an_entity_reads()
    {
        var rig = new UnitRig { IndoorC = 18.25f, OutdoorC = -3.5f, CoilC = -9f };
        rig.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat);
        rig.Run(40_000);
        rig.TakeOutgoing();
        rig.Bridge.Link.RequestState();
        rig.Tick();

        JsonElement s = UnitRig.Json(States(rig).Single());
        Assert.Equal("heat", s.GetProperty("mode").GetString());
        Assert.Contains(s.GetProperty("action").GetString(), new[] { "off", "idle", "heating", "cooling", "defrosting" });
        Assert.Equal(18.3, s.GetProperty("indoor").GetDouble(), 1);
        Assert.Equal(-3.5, s.GetProperty("outdoor").GetDouble(), 1);
        Assert.Equal(-9.0, s.GetProperty("coil").GetDouble(), 1);
        Assert.Equal(20.0, s.GetProperty("heat_setpoint").GetDouble());
        Assert.Equal(24.0, s.GetProperty("cool_setpoint").GetDouble());
        Assert.Equal("OFF", s.GetProperty("compressor").GetString());
        Assert.Equal("OFF", s.GetProperty("defrost").GetString());
        Assert.Equal("OFF", s.GetProperty("fault").GetString());
        Assert.Equal("PowerUpDelay", s.GetProperty("hold").GetString());
        Assert.True(s.GetProperty("hold_s").GetInt32() > 0);
        Assert.Equal("none", s.GetProperty("fault_text").GetString());
        Assert.Equal(0, s.GetProperty("defrosts").GetInt32());
        Assert.Equal(0, s.GetProperty("starts_last_hour").GetInt32());
        Assert.Equal(40, s.GetProperty("uptime_s").GetInt32());
        Assert.Equal("test-1.0", s.GetProperty("firmware").GetString());
        Assert.Equal("Heat.Starting", s.GetProperty("state").GetString());
    }

    [Fact]
    public void A_sensor_without_a_trusted_reading_is_null_so_Home_Assistant_shows_unknown()
    {
        var rig = new UnitRig { IndoorAnswers = false };
        rig.Tick();
        JsonElement s = UnitRig.Json(States(rig).First());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("indoor").ValueKind);
    }

    [Fact]
    public void The_heating_run_shows_as_heating_with_the_start_counted()
    {
        var rig = new UnitRig { IndoorC = 16f };
        rig.Settings.TrySet(SettingId.Mode, (int)UserMode.Heat);
        rig.Run(8 * 60_000);
        Assert.True(rig.Core.Outputs.Compressor);
        rig.TakeOutgoing();
        rig.Bridge.Link.RequestState();
        rig.Tick();

        JsonElement s = UnitRig.Json(States(rig).Single());
        Assert.Equal("heating", s.GetProperty("action").GetString());
        Assert.Equal("ON", s.GetProperty("compressor").GetString());
        Assert.Equal(1, s.GetProperty("starts_last_hour").GetInt32());
    }

    [Fact]
    public void State_goes_out_on_change_at_most_every_five_seconds()
    {
        var rig = new UnitRig();
        rig.Run(1000);
        rig.TakeOutgoing();

        // The panel moves the setpoint every tick for 20 s: many changes, few messages.
        int sent = 0;
        for (int i = 0; i < 200; i++)
        {
            rig.Settings.TrySetSetpoint(SettingId.HeatSetpoint, i % 2 == 0 ? 200 : 205);
            rig.Tick();
            sent += States(rig).Count;
        }

        Assert.InRange(sent, 3, 20_000 / (int)HomeAssistantBridge.MinStateIntervalMs + 1);
    }

    [Fact]
    public void An_unchanged_unit_still_reports_every_minute()
    {
        var rig = new UnitRig();
        rig.Run(60_000);
        rig.TakeOutgoing();
        int sent = 0;
        for (int i = 0; i < 3 * 600; i++)
        {
            rig.Tick();
            sent += States(rig).Count;
        }

        // Readings settle at once here (steady sensors), so only the heartbeat and the uptime remain.
        Assert.InRange(sent, 3, 4);
    }

    [Fact]
    public void A_remote_setpoint_is_saved_to_flash_like_a_panel_edit()
    {
        var rig = new UnitRig();
        var store = new MemoryStore();
        var persister = new SettingsPersister(rig.Settings, store);
        persister.LoadAtPowerUp(0);
        int writes = store.Writes;

        rig.Send(rig.Bridge.HeatSetpointCommandTopic, "22.5");
        for (int i = 0; i < 70; i++)
        {
            rig.Tick();
            persister.Tick(rig.NowMs);
        }

        Assert.Equal(writes + 1, store.Writes);
        var reloaded = new ControllerSettings();
        new SettingsPersister(reloaded, store).LoadAtPowerUp(0);
        Assert.Equal(225, reloaded.Get(SettingId.HeatSetpoint));
    }

    [Fact]
    public void Servicing_the_bridge_and_publishing_state_allocates_nothing_on_the_desktop()
    {
        var rig = new UnitRig();
        rig.Run(10_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20_000; i++)
        {
            rig.Tick();
            if (i % 50 == 0)
            {
                rig.Bridge.Link.RequestState();
            }

            rig.Bridge.Link.Outbox.Clear();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private sealed class MemoryStore : ISettingsStore
    {
        private readonly byte[][] _slots = { Array.Empty<byte>(), Array.Empty<byte>() };

        public int Writes { get; private set; }

        public int ReadSlot(int slot, byte[] buffer)
        {
            byte[] s = _slots[slot];
            Array.Copy(s, buffer, Math.Min(s.Length, buffer.Length));
            return Math.Min(s.Length, buffer.Length);
        }

        public void WriteSlot(int slot, byte[] record, int length)
        {
            _slots[slot] = record[..length];
            Writes++;
        }
    }
}
