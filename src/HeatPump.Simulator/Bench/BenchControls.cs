using System.Globalization;
using HeatPump.Control;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Bench;

/// <summary>
/// The keyboard of the live bench (docs/bench.md has the table): panel buttons, the outdoor air,
/// sensor faults, time acceleration, pause and quit. Every key leaves a one-line message saying
/// what it did and what to expect, shown until the next key or for a few seconds.
/// </summary>
public sealed class BenchControls
{
    /// <summary>The time accelerations offered.</summary>
    public static readonly int[] Speeds = { 1, 10, 60, 600 };

    private const long ComboMs = 5000;

    private int _speed;

    /// <summary>Controls starting at <paramref name="speed"/>× (rounded to the nearest offered).</summary>
    public BenchControls(int speed = 1)
    {
        _speed = 0;
        for (int i = 1; i < Speeds.Length; i++)
        {
            if (Math.Abs(Speeds[i] - speed) < Math.Abs(Speeds[_speed] - speed)) _speed = i;
        }
    }

    /// <summary>Simulated seconds per wall-clock second.</summary>
    public int Speed => Speeds[_speed];

    /// <summary>True while time stands still.</summary>
    public bool Paused { get; private set; }

    /// <summary>True once the user asked to leave.</summary>
    public bool Quit { get; private set; }

    /// <summary>The sensor the fault keys act on.</summary>
    public SensorRole Selected { get; private set; } = SensorRole.Coil;

    /// <summary>What the last key did, or "".</summary>
    public string Message { get; private set; } = "press m to choose a mode; keys below, q quits";

    /// <summary>Bumped with every new message, so the view can time it out.</summary>
    public int MessageSerial { get; private set; }

    /// <summary>The speed the bench drops to when something worth watching starts.</summary>
    public const int WatchSpeed = 10;

    /// <summary>
    /// Steps <paramref name="s"/> up to <paramref name="untilMs"/>, but when a defrost starts or a
    /// fault stops the compressor above <see cref="WatchSpeed"/>×, stops there and drops to
    /// <see cref="WatchSpeed"/>× so its steps can be followed (a defrost's 30 s quiet shift is a
    /// twentieth of a second at 600×). Returns false when it stopped early.
    /// </summary>
    public bool Advance(BenchSession s, long untilMs)
    {
        TopState before = s.Core.Controller.State;
        while (s.NowMs + BenchSession.TickMs <= untilMs)
        {
            s.Step();
            TopState now = s.Core.Controller.State;
            if (now != before && (now == TopState.Defrost || now == TopState.Fault) && Speed > WatchSpeed)
            {
                _speed = Array.IndexOf(Speeds, WatchSpeed);
                Say((now == TopState.Defrost ? "defrost started" : "fault: compressor stopped") + ": slowed to ×" + WatchSpeed + " to watch it (+ speeds up)");
                return false;
            }

            before = now;
        }

        return true;
    }

    /// <summary>Acts on one key.</summary>
    public void Handle(ConsoleKeyInfo key, BenchSession s)
    {
        long now = s.NowMs;
        if (key.Key == ConsoleKey.C && (key.Modifiers & ConsoleModifiers.Control) != 0)
        {
            Quit = true;
            return;
        }

        switch (key.Key)
        {
            case ConsoleKey.UpArrow:
                Press(s, Buttons.Up, "UP");
                return;
            case ConsoleKey.DownArrow:
                Press(s, Buttons.Down, "DOWN");
                return;
            case ConsoleKey.LeftArrow:
                s.SetOutdoor(s.OutdoorC - 1);
                Say("outdoor air " + BenchNarrator.Temp(s.OutdoorC) + OutdoorNote(s));
                return;
            case ConsoleKey.RightArrow:
                s.SetOutdoor(s.OutdoorC + 1);
                Say("outdoor air " + BenchNarrator.Temp(s.OutdoorC) + OutdoorNote(s));
                return;
            case ConsoleKey.Spacebar:
                Paused = !Paused;
                Say(Paused ? "paused: time stands still (space to go on)" : "running at " + Speed + "×");
                return;
        }

        switch (key.KeyChar)
        {
            case 'q':
            case 'Q':
                Quit = true;
                return;
            case 'm':
                Press(s, Buttons.Mode, "MODE");
                return;
            case 'u':
                Press(s, Buttons.Up, "UP");
                return;
            case 'd':
                Press(s, Buttons.Down, "DOWN");
                return;
            case 'M':
                Toggle(s, Buttons.Mode, "MODE", "3 s: service page, 10 s: lockout reset");
                return;
            case 'U':
                Toggle(s, Buttons.Up, "UP", "repeats every 0.2 s, faster after 4 s");
                return;
            case 'D':
                Toggle(s, Buttons.Down, "DOWN", "repeats every 0.2 s, faster after 4 s");
                return;
            case 'b':
                s.Buttons.Hold(Buttons.Mode | Buttons.Down, ComboMs, now);
                Say("MODE+DOWN held together for 5 s: output-test mode off (it opens only for the combination held from power-up)");
                return;
            case 'C':
                Say(s.Core.StartCommissioning(now)
                    ? "commissioning run started: cooling, then heating, 6 min each (docs/commissioning.md)"
                    : "no commissioning run in output-test mode");
                return;
            case 'w':
                s.DrainOpen = !s.DrainOpen;
                Say("condensate overflow switch " + (s.DrainOpen ? "open: the pan is full; cooling stops" : "closed"));
                return;
            case 'f':
                s.Buttons.Hold(Buttons.Mode | Buttons.Up, ComboMs, now);
                Say("MODE+UP held together for 5 s: asks for a forced defrost");
                return;
            case '[':
                s.SetHumidity(s.RelativeHumidity - 5);
                Say("outdoor humidity " + s.RelativeHumidity.ToString("0", CultureInfo.InvariantCulture) + " %" + HumidityNote(s));
                return;
            case ']':
                s.SetHumidity(s.RelativeHumidity + 5);
                Say("outdoor humidity " + s.RelativeHumidity.ToString("0", CultureInfo.InvariantCulture) + " %" + HumidityNote(s));
                return;
            case 'i':
                Select(SensorRole.Indoor);
                return;
            case 'o':
                Select(SensorRole.Outdoor);
                return;
            case 'c':
                Select(SensorRole.Coil);
                return;
            case >= '1' and <= '6':
                ToggleFault(s, (SensorFaultKind)(key.KeyChar - '1'));
                return;
            case '0':
                int n = s.Sensors.ClearAll(Selected);
                Say(BenchNarrator.RoleName(Selected) + " sensor: " + (n == 0 ? "no fault to clear" : "faults cleared; trusted again after 60 s of good readings"));
                return;
            case '+':
            case '=':
                _speed = Math.Min(_speed + 1, Speeds.Length - 1);
                Paused = false;
                Say("time ×" + Speed + ": one simulated " + (Speed >= 60 ? (Speed / 60) + " min" : Speed + " s") + " per second");
                return;
            case '-':
            case '_':
                _speed = Math.Max(_speed - 1, 0);
                Paused = false;
                Say("time ×" + Speed);
                return;
        }
    }

    private void Press(BenchSession s, int button, string name)
    {
        bool wasHeld = s.Buttons.HeldUntilLetGo(button);
        s.Buttons.Press(button, s.NowMs);
        Say(wasHeld ? name + " let go" : name + " pressed: " + PressEffect(s, button));
    }

    /// <summary>What a short press of <paramref name="button"/> does on the screen the panel shows now.</summary>
    private static string PressEffect(BenchSession s, int button)
    {
        PanelLogic p = s.Core.Panel;
        bool mode = button == Buttons.Mode;
        if (p.OutputTest.Active)
        {
            if (p.OutputTest.Walking) return "ends the walk on the output shown";
            return mode ? "switches the selected output on or off" : "selects the " + (button == Buttons.Up ? "next" : "previous") + " output";
        }

        if (p.Screen == PanelScreen.Menu) return mode ? "next menu item" : "value " + (button == Buttons.Up ? "up" : "down");
        if (p.Screen == PanelScreen.Service) return mode ? "asks for the installer code" : (button == Buttons.Up ? "next" : "previous") + " service page";
        if (p.Screen == PanelScreen.Code) return mode ? "confirms the installer code" : "code " + (button == Buttons.Up ? "+1" : "−1");
        if (mode) return "next mode, Off → Heat → Cool → Auto";
        if (s.Settings.Mode == UserMode.Off) return "no setpoint in mode Off (m chooses Heat)";
        if (p.Screen != PanelScreen.Setpoint) return "shows the setpoint (the next press steps it)";
        return "setpoint " + (button == Buttons.Up ? "+" : "−") + "0.5 °C, shown for 3 s";
    }

    private void Toggle(BenchSession s, int button, string name, string hint)
    {
        s.Buttons.Toggle(button, s.NowMs);
        Say(s.Buttons.IsDown(button) ? name + " held down until you press " + char.ToUpperInvariant(name[0]) + " again (" + hint + ")" : name + " let go");
    }

    private void Select(SensorRole role)
    {
        Selected = role;
        Say(BenchNarrator.RoleName(role) + " sensor selected: 1 open 2 crc 3 85°C 4 stuck 5 spike 6 drift toggle a fault, 0 clears");
    }

    private void ToggleFault(BenchSession s, SensorFaultKind kind)
    {
        if (s.Sensors.Has(Selected, kind))
        {
            s.Sensors.Clear(Selected, kind);
            Say(BenchNarrator.RoleName(Selected) + ": " + BenchNarrator.FaultName(kind) + " cleared; trusted again after 60 s of good readings");
            return;
        }

        s.Sensors.Inject(Selected, kind, s.NowMs / 1000.0);
        string effect = kind is SensorFaultKind.Open or SensorFaultKind.Reset85
            ? "; after 30 s: " + BenchNarrator.LossMeaning(Selected)
            : "";
        Say(BenchNarrator.RoleName(Selected) + ": " + BenchNarrator.FaultMeaning(kind) + effect);
    }

    private static string OutdoorNote(BenchSession s)
    {
        float lockoutC = s.Settings.Tenths(SettingId.HeatLockoutOutdoor);
        return s.OutdoorC >= 6 ? " (no frost forms at 6 °C and above)"
            : s.OutdoorC < lockoutC ? " (below the " + BenchNarrator.Temp(lockoutC) + " heating lockout)" : "";
    }

    private static string HumidityNote(BenchSession s) =>
        s.RelativeHumidity < 55 && s.OutdoorC < -10 ? " (dry cold: little frost)" : "";

    private void Say(string message)
    {
        Message = message;
        MessageSerial++;
    }
}
