using System.Globalization;
using HeatPump.Control;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Logging;
using HeatPump.Control.Protection;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Bench;

/// <summary>
/// Plain-language explanations of what the bench shows: the state, why a start waits, what the
/// display code means, what an injected sensor fault does. The live view, the plain-line output and
/// script failures all say it the same way. Figures come from the live settings, so a changed
/// min-off time reads as what it is.
/// </summary>
public static class BenchNarrator
{
    /// <summary>Simulated time as H:MM:SS.</summary>
    public static string Clock(long ms)
    {
        long s = ms / 1000;
        return (s / 3600).ToString(CultureInfo.InvariantCulture) + ":" + (s / 60 % 60).ToString("00", CultureInfo.InvariantCulture)
            + ":" + (s % 60).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>A span as M:SS (seconds rounded up, as the panel's countdown), or H:MM:SS from an hour.</summary>
    public static string Span(long ms)
    {
        long s = Math.Max(0, (ms + 999) / 1000);
        return s >= 3600 ? Clock(s * 1000) : (s / 60).ToString(CultureInfo.InvariantCulture) + ":" + (s % 60).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What holds a start back now and until when (long.MaxValue: until a condition changes): the
    /// controller's hold, or in output-test mode the guard's refusal of an output output-test mode asks for.
    /// </summary>
    public static HoldReason Hold(BenchSession s, out long untilMs)
    {
        Controller c = s.Core.Controller;
        untilMs = c.HoldUntilMs;
        if (!s.Core.Panel.OutputTest.Active) return c.Hold;

        // The guard's own record of why it held back what output-test mode asked for (the panel reads the same).
        SafetyGuard g = s.Core.Guard;
        untilMs = g.Refused ? g.RefusedUntilMs : long.MaxValue;
        return g.Refused ? g.RefusalReason : HoldReason.None;
    }

    /// <summary>The time the hold has left, ms, or -1 when it ends on a condition (or there is none).</summary>
    public static long HoldLeftMs(BenchSession s)
    {
        HoldReason hold = Hold(s, out long until);
        if (hold == HoldReason.None || until == long.MaxValue) return -1;
        return Math.Max(0, until - s.NowMs);
    }

    /// <summary>What the sub-state means, in a few words.</summary>
    public static string StateMeaning(BenchSession s)
    {
        Controller c = s.Core.Controller;
        ControllerSettings set = s.Settings;
        string room = c.State == TopState.Cool ? "cool" : "heat";
        if (s.Core.Panel.OutputTest.Active) return "output-test mode: outputs by hand; the guard still protects the compressor";
        switch (c.Sub)
        {
            case SubState.None:
                return c.State == TopState.Off ? "mode Off: nothing to do (press m for Heat)" : "";
            case SubState.Idle:
                return c.State == TopState.Heat
                    ? "room warm enough: heat starts below " + Temp(set.HeatSetpointC - set.Tenths(SettingId.HeatDeadband))
                    : "room cool enough: cooling starts above " + Temp(set.CoolSetpointC + set.Tenths(SettingId.CoolDeadband));
            case SubState.Starting:
                return room + " wanted: waiting until a compressor start is allowed";
            case SubState.Running:
                return c.State == TopState.Heat
                    ? "compressor heating until " + Temp(set.HeatSetpointC + set.Tenths(SettingId.HeatOverrun))
                      + "; indoor fan " + set.Get(SettingId.IndoorFanHeatDelay) + " s after the start"
                    : "compressor cooling until " + Temp(set.CoolSetpointC - set.Tenths(SettingId.CoolOverrun));
            case SubState.Purging:
                return "compressor stopped; the indoor fan runs on to use the coil's last heat";
            case SubState.ShiftIn:
                return "defrost: compressor off; the valve shifts to cooling after " + set.Get(SettingId.QuietShiftTime) + " s";
            case SubState.Melting:
                return "melting: valve reversed, outdoor fan off; ends at coil "
                    + Temp(set.Tenths(SettingId.DefrostEndCoil)) + " or " + set.Get(SettingId.DefrostMaxTime) / 60 + " min";
            case SubState.Drip:
                return "defrost: everything off " + set.Get(SettingId.DripTime) + " s while the melt water drains";
            case SubState.ShiftOut:
                return "defrost over: valve back to heating, restart after the quiet shift";
            case SubState.Waiting:
                return "fault: compressor stopped; retries after the minimum off time";
            case SubState.Lockout:
                return "locked out: 3 faults of one kind in an hour; hold MODE 10 s to reset";
            default:
                return "";
        }
    }

    /// <summary>Why a start is held, with the time left: "anti-short-cycle: compressor off ≥ 5 min after a stop, 2:13 left".</summary>
    public static string HoldMeaning(BenchSession s)
    {
        ControllerSettings set = s.Settings;
        long left = HoldLeftMs(s);
        string tail = left >= 0 ? ", " + Span(left) + " left" : "";
        HoldReason hold = Hold(s, out _);
        switch (hold)
        {
            case HoldReason.None:
                return "";
            case HoldReason.AntiShortCycle:
                return "anti-short-cycle: compressor stays off " + Minutes(set.Get(SettingId.MinOffTime)) + " after a stop" + tail;
            case HoldReason.PowerUpDelay:
                return "power-up delay: min-off time + " + s.Core.StaggerMs / 1000 + " s stagger after power-up" + tail;
            case HoldReason.StartsPerHour:
                return "starts-per-hour cap (" + set.Get(SettingId.MaxStartsPerHour) + "/h) reached" + tail;
            case HoldReason.QuietShift:
                return "quiet shift: valve moves only " + set.Get(SettingId.QuietShiftTime) + " s after the compressor stopped" + tail;
            case HoldReason.HeatLockout:
                return "outdoor below the heating lockout " + Temp(set.Tenths(SettingId.HeatLockoutOutdoor));
            case HoldReason.CoolLockout:
                return "outdoor below the cooling lockout " + Temp(set.Tenths(SettingId.CoolLockoutOutdoor));
            case HoldReason.NoIndoorReading:
                return "no trusted indoor reading yet";
            default:
                return hold + tail;
        }
    }

    /// <summary>What the four characters on the display mean right now.</summary>
    public static string DisplayMeaning(BenchSession s)
    {
        DisplayModel d = s.Core.Display;
        PanelLogic p = s.Core.Panel;
        Controller c = s.Core.Controller;
        string text = d.Text.Trim();
        switch (p.Screen)
        {
            case PanelScreen.Mode:
                return "the mode just chosen (MODE cycles Off, Heat, Cool, Auto)";
            case PanelScreen.Setpoint:
                return (p.EditingSetpoint == SettingId.HeatSetpoint ? "heating" : "cooling") + " setpoint being set: u/d step 0.5 °C";
            case PanelScreen.Menu:
                return "installer menu, item " + p.CurrentMenuItem.Code + ": u/d change, m next, hold MODE 3 s to close";
            case PanelScreen.Service:
                return "service page " + (p.ServiceIndex + 1) + " of " + p.ServicePageCount + " (read-only): u/d next page, m asks for the installer code";
            case PanelScreen.Code:
                return "installer code: u/d change it, m confirms (docs/front-panel.md)";
            case PanelScreen.Notice:
                return "confirmation: " + NoticeMeaning(p.Notice);
            case PanelScreen.OutputTest:
                HoldReason refused = Hold(s, out _);
                if (refused != HoldReason.None && d.Colon) return "time left before the guard lets the output on (" + LogFormat.HoldName(refused) + ")";
                if (refused != HoldReason.None && text == DisplayCodes.Hold(refused)) return "the guard holds the output: " + LogFormat.HoldName(refused);
                return p.OutputTest.Walking
                    ? "output-test walk: each output alone for 5 s (" + text + ")"
                    : "output test, manual: u/d pick an output, m switches it; b again to leave";
        }

        HoldReason hold = Hold(s, out _);
        if (d.Colon) return "time left before the start is allowed (" + LogFormat.HoldName(hold) + ")";
        if (hold != HoldReason.None && text == DisplayCodes.Hold(hold)) return "why the start waits: " + LogFormat.HoldName(hold);
        if (c.Fault != FaultKind.None && text == DisplayCodes.Lockout(c.Fault)) return "lockout: hold MODE 10 s (M, wait 10 s, M) to reset";
        if (text == DisplayCodes.Fault(FaultKind.IndoorSensor).Trim()) return "E 01: indoor sensor failed, compressor stopped";
        if (c.Fault != FaultKind.None && text == DisplayCodes.Fault(c.Fault)) return "fault " + c.Fault;
        if (text == DisplayCodes.NoReading) return "no trusted indoor reading yet";
        if (text == DisplayCodes.SettingsCorrupt) return "settings unreadable at start-up: defaults in use";
        if (text.StartsWith("bt.", StringComparison.Ordinal)) return "a button held over a minute counts as stuck";
        if (text == DisplayCodes.Mode(s.Settings.Mode).Trim()) return "the mode chosen (shown in turn with the room temperature)";
        if (text == DisplayCodes.DefrostWaiting) return "a forced defrost waits for the next heating run";
        return "room temperature (indoor sensor)";
    }

    /// <summary>
    /// Why a defrost is under way, or how far the coil is from the next one while heating with a
    /// frosting coil; "" otherwise.
    /// </summary>
    public static string DefrostWhy(BenchSession s)
    {
        Controller c = s.Core.Controller;
        ControllerSettings set = s.Settings;
        int interval = set.Get(SettingId.DefrostInterval);
        if (c.State == TopState.Defrost)
        {
            string cause = c.LastDefrostCause switch
            {
                DefrostCause.Interval => interval + " min of compressor run with a frosting coil",
                DefrostCause.Demand => "the coil runs colder than a clean coil would (ice)",
                DefrostCause.Backstop => "the " + set.Get(SettingId.DemandBackstop) / 60 + " h frosting backstop",
                DefrostCause.TimeOnly => interval + " min of run, timed: the coil sensor is lost",
                DefrostCause.Requested => "asked for from the panel (MODE+UP)",
                _ => c.LastDefrostCause.ToString(),
            };
            return "why defrost " + c.DefrostCount + ": " + cause;
        }

        long frostingMin = c.DefrostScheduler.FrostingRunMs / 60_000;
        if (c.State == TopState.Heat && frostingMin > 0)
        {
            return "coil frosting for " + frostingMin + " min of run: defrost at " + interval + " min"
                + (set.DefrostStrategy == DefrostStrategy.Demand ? ", or sooner on demand" : "");
        }

        return "";
    }

    /// <summary>What an injected sensor fault does to the readings.</summary>
    public static string FaultMeaning(SensorFaultKind kind) => kind switch
    {
        SensorFaultKind.Open => "open wire, every read fails",
        SensorFaultKind.Crc => "half the reads fail their CRC and are dropped",
        SensorFaultKind.Reset85 => "reads the 85.0 °C reset value, never trusted",
        SensorFaultKind.Stuck => "reading frozen at its last value",
        SensorFaultKind.Spike => "30 K jumps now and then, rejected",
        SensorFaultKind.Drift => "creeps 0.5 K/h: no check can see it",
        _ => kind.ToString(),
    };

    /// <summary>What the controller does without a sensor (the fallbacks of docs/safety.md).</summary>
    public static string LossMeaning(SensorRole role) => role switch
    {
        SensorRole.Indoor => "Fault E 01, compressor off",
        SensorRole.Outdoor => "timed defrost, heating allowed, cooling locked out",
        _ => "defrost on run time only, 5 min melt",
    };

    /// <summary>The short name of a fault kind, as keys and scripts name it.</summary>
    public static string FaultName(SensorFaultKind kind) => kind switch
    {
        SensorFaultKind.Reset85 => "85",
        _ => FaultSchedule.KindName(kind),
    };

    /// <summary>The name of a sensor: "indoor", "outdoor", "coil".</summary>
    public static string RoleName(SensorRole role) => FaultSchedule.RoleName(role);

    /// <summary>The button names held, for the view: "MODE 2.1 s" when MODE is down.</summary>
    public static string HeldButtons(BenchSession s)
    {
        var parts = new List<string>();
        string[] names = { "MODE", "UP", "DOWN" };
        int[] bits = { Buttons.Mode, Buttons.Up, Buttons.Down };
        for (int i = 0; i < 3; i++)
        {
            long ms = s.Buttons.DownForMs(bits[i], s.NowMs);
            if (s.Buttons.IsDown(bits[i]) && ms >= BenchButtons.PressMs)
                parts.Add(names[i] + " " + (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s");
        }

        return string.Join(" + ", parts);
    }

    /// <summary>What holding the buttons down now will do, for the view while a hold is under way.</summary>
    public static string HoldHint(BenchSession s)
    {
        bool mode = s.Buttons.IsDown(Buttons.Mode), up = s.Buttons.IsDown(Buttons.Up), down = s.Buttons.IsDown(Buttons.Down);
        if (mode && up && !down) return "MODE+UP 5 s: forced defrost";
        if (mode && down && !up) return "MODE+DOWN 5 s: output-test mode on (held from power-up) or off";
        if (mode && !up && !down) return "MODE 3 s: service page, 10 s: lockout reset";
        if ((up || down) && !mode) return "held UP/DOWN repeats, faster after 4 s";
        return "";
    }

    /// <summary>°C with one decimal: "19.5 °C".</summary>
    public static string Temp(double celsius) => celsius.ToString("0.0", CultureInfo.InvariantCulture) + " °C";

    private static string Minutes(int seconds) =>
        seconds % 60 == 0 ? (seconds / 60).ToString(CultureInfo.InvariantCulture) + " min" : seconds.ToString(CultureInfo.InvariantCulture) + " s";

    private static string NoticeMeaning(PanelNotice notice) => notice switch
    {
        PanelNotice.LockoutReset => "lockout reset (MODE held 10 s)",
        PanelNotice.DefrostRequested => "forced defrost asked for (MODE+UP 5 s): starts with a heating run, or is refused",
        PanelNotice.DefrostRefused => "forced defrost refused: the unit is not heating (or no heating run came in 30 min)",
        PanelNotice.WrongCode => "wrong installer code: the menu stays locked",
        PanelNotice.LearnSensors => "sensor search asked for",
        PanelNotice.FactoryReset => "factory defaults restored",
        _ => "",
    };
}
