using System.Text.Json;
using HeatPump.Control;
using HeatPump.Control.Remote;
using HeatPump.Control.Settings;

namespace HeatPump.Remote.Tests;

/// <summary>Commands from Home Assistant: what is applied, what is refused and why, and that a refusal changes nothing.</summary>
public class BridgeCommandTests
{
    private static string ErrorReason(UnitRig rig)
    {
        var errors = rig.TakeOutgoing().Where(m => m.Topic == rig.Bridge.ErrorTopic).ToList();
        Assert.Single(errors);
        return UnitRig.Json(errors[0].Payload).GetProperty("reason").GetString()!;
    }

    [Theory]
    [InlineData("off", UserMode.Off)]
    [InlineData("heat", UserMode.Heat)]
    [InlineData("cool", UserMode.Cool)]
    [InlineData("heat_cool", UserMode.Auto)]
    [InlineData("auto", UserMode.Auto)]
    public void A_mode_command_sets_the_mode_as_the_panel_does(string word, UserMode mode)
    {
        var rig = new UnitRig();
        rig.Settings.TrySet(SettingId.Mode, (int)UserMode.Cool);
        if (mode == UserMode.Cool)
        {
            rig.Settings.TrySet(SettingId.Mode, (int)UserMode.Off);
        }

        rig.Send(rig.Bridge.ModeCommandTopic, word);
        rig.Tick();

        Assert.Equal(mode, rig.Settings.Mode);
        var state = rig.TakeOutgoing().Single(m => m.Topic == rig.Bridge.StateTopic);
        Assert.Equal(SettingCommands.ModeWord(mode), UnitRig.Json(state.Payload).GetProperty("mode").GetString());
    }

    [Fact]
    public void A_heating_setpoint_that_crowds_the_cooling_one_pushes_it_as_on_the_panel()
    {
        var rig = new UnitRig();
        var panel = new ControllerSettings();
        Assert.True(panel.TrySetSetpoint(SettingId.HeatSetpoint, 235, out _));

        rig.Send(rig.Bridge.HeatSetpointCommandTopic, "23.5");
        rig.Tick();

        Assert.Equal(235, rig.Settings.Get(SettingId.HeatSetpoint));
        Assert.Equal(panel.Get(SettingId.CoolSetpoint), rig.Settings.Get(SettingId.CoolSetpoint));
        Assert.Equal(255, rig.Settings.Get(SettingId.CoolSetpoint));
    }

    /// <summary>Every setpoint from −5 to 40 °C in tenths: the remote path accepts exactly what the panel's check accepts, with the same result.</summary>
    [Theory]
    [InlineData(SettingId.HeatSetpoint)]
    [InlineData(SettingId.CoolSetpoint)]
    public void Setpoint_commands_accept_exactly_what_the_panels_check_accepts(SettingId which)
    {
        for (int tenths = -50; tenths <= 400; tenths++)
        {
            var rig = new UnitRig();
            var twin = new ControllerSettings();
            bool panelOk = twin.TrySetSetpoint(which, tenths, out string? panelReason);
            string text = (tenths < 0 ? "-" : "") + (Math.Abs(tenths) / 10) + "." + (Math.Abs(tenths) % 10);

            rig.Send(which == SettingId.HeatSetpoint ? rig.Bridge.HeatSetpointCommandTopic : rig.Bridge.CoolSetpointCommandTopic, text);
            rig.Tick();

            var errors = rig.TakeOutgoing().Where(m => m.Topic == rig.Bridge.ErrorTopic).ToList();
            Assert.Equal(panelOk, errors.Count == 0);
            if (!panelOk)
            {
                Assert.Equal(panelReason, UnitRig.Json(errors[0].Payload).GetProperty("reason").GetString());
            }

            Assert.Equal(twin.Get(SettingId.HeatSetpoint), rig.Settings.Get(SettingId.HeatSetpoint));
            Assert.Equal(twin.Get(SettingId.CoolSetpoint), rig.Settings.Get(SettingId.CoolSetpoint));
        }
    }

    [Theory]
    [InlineData("set/heat_setpoint", "abc", SettingCommands.NotANumber)]
    [InlineData("set/heat_setpoint", "", SettingCommands.NotANumber)]
    [InlineData("set/heat_setpoint", "21,5", SettingCommands.NotANumber)]
    [InlineData("set/heat_setpoint", "2e1", SettingCommands.NotANumber)]
    [InlineData("set/heat_setpoint", "NaN", SettingCommands.NotANumber)]
    [InlineData("set/heat_setpoint", "21.25", SettingCommands.TooPrecise)]
    [InlineData("set/heat_setpoint", "45", "heat.setpoint must be between 10.0 and 30.0 °C")]
    [InlineData("set/heat_setpoint", "21.3", "heat.setpoint must be in steps of 0.5 °C")]
    [InlineData("set/cool_setpoint", "-40", "cool.setpoint must be between 16.0 and 32.0 °C")]
    [InlineData("set/mode", "HEAT", SettingCommands.UnknownMode)]
    [InlineData("set/mode", "emergency", SettingCommands.UnknownMode)]
    [InlineData("set/mode", "dry", SettingCommands.UnknownMode)]
    [InlineData("set/fan", "on", HomeAssistantBridge.UnknownTopic)]
    [InlineData("set/heat_setpoint", "21.0000000000000000", HomeAssistantBridge.TooLong)]
    public void A_bad_command_is_answered_with_its_reason_and_changes_nothing(string suffix, string payload, string reason)
    {
        var rig = new UnitRig();
        rig.Run(1000);
        rig.TakeOutgoing();
        int[] before = rig.Snapshot();

        rig.Send(rig.Bridge.BaseTopic + "/" + suffix, payload);
        rig.Tick();

        Assert.Equal(reason, ErrorReason(rig));
        Assert.Equal(before, rig.Snapshot());
        Assert.Equal(1, rig.Bridge.CommandsRejected);
    }

    [Fact]
    public void A_retained_command_is_refused_so_an_old_one_cannot_replay_on_reconnect()
    {
        var rig = new UnitRig();
        int[] before = rig.Snapshot();

        rig.Send(rig.Bridge.ModeCommandTopic, "heat", retain: true);
        rig.Tick();

        Assert.Equal(HomeAssistantBridge.RetainedCommand, ErrorReason(rig));
        Assert.Equal(before, rig.Snapshot());
    }

    [Fact]
    public void A_burst_gets_four_commands_through_then_one_every_two_seconds()
    {
        var rig = new UnitRig();
        for (int i = 0; i < 8; i++)
        {
            rig.Send(rig.Bridge.HeatSetpointCommandTopic, (18 + (i * 0.5)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        }

        rig.Tick();

        Assert.Equal(4, rig.Bridge.CommandsAccepted);
        Assert.Equal(4, rig.Bridge.CommandsRejected);
        Assert.Equal(195, rig.Settings.Get(SettingId.HeatSetpoint));
        var reasons = rig.TakeOutgoing().Where(m => m.Topic == rig.Bridge.ErrorTopic)
            .Select(m => UnitRig.Json(m.Payload).GetProperty("reason").GetString()).ToList();
        Assert.All(reasons, r => Assert.Equal(HomeAssistantBridge.RateLimited, r));

        rig.Run(HomeAssistantBridge.CommandRefillMs);
        rig.Send(rig.Bridge.HeatSetpointCommandTopic, "22");
        rig.Tick();
        Assert.Equal(220, rig.Settings.Get(SettingId.HeatSetpoint));
    }

    [Fact]
    public void A_flood_cannot_grow_the_queues_it_is_dropped_and_counted()
    {
        var rig = new UnitRig();
        int accepted = 0;
        for (int i = 0; i < 100; i++)
        {
            if (rig.Bridge.Link.Inbox.Put(rig.Bridge.ModeCommandTopic, "heat"u8.ToArray(), 4, false))
            {
                accepted++;
            }
        }

        Assert.Equal(RemoteLink.InboxSlots, accepted);
        Assert.Equal(100 - RemoteLink.InboxSlots, rig.Bridge.Link.Inbox.Dropped);
        rig.Tick();
        Assert.True(rig.Bridge.Link.Outbox.Count <= RemoteLink.OutboxSlots);
    }

    [Fact]
    public void Commands_are_refused_while_output_test_mode_has_the_unit()
    {
        var rig = new UnitRig();
        rig.Buttons = HeatPump.Control.FrontPanel.ButtonDecoder.OutputTestCombination; // held from power-up, as the installer enters output-test mode
        rig.Run(HeatPump.Control.FrontPanel.ButtonDecoder.ComboMs + 300);
        rig.Buttons = 0;
        rig.Run(500);
        Assert.True(rig.Core.Panel.OutputTest.Active);
        rig.TakeOutgoing();
        int[] before = rig.Snapshot();

        rig.Send(rig.Bridge.ModeCommandTopic, "cool");
        rig.Tick();

        Assert.Equal(HomeAssistantBridge.OutputTestActive, ErrorReason(rig));
        Assert.Equal(before, rig.Snapshot());
    }

    [Fact]
    public void A_command_changes_settings_only_never_an_output_the_guard_decides()
    {
        var rig = new UnitRig { IndoorC = 15f };
        rig.Run(2000);
        rig.Send(rig.Bridge.ModeCommandTopic, "heat");
        rig.Run(1000);

        // Heat asked for with a cold room: the compressor still waits out the power-up delay.
        Assert.Equal(UserMode.Heat, rig.Settings.Mode);
        Assert.False(rig.Core.Outputs.Compressor);
        Assert.Equal(HoldReason.PowerUpDelay, rig.Core.Controller.Hold);
    }
}
