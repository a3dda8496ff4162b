using HeatPump.Control.Board;
using HeatPump.Control.Hal;

namespace HeatPump.Board.Tests.Sim;

/// <summary>
/// The board loop on simulated hardware, paced as the firmware's Program paces it (the next tick
/// starts one period after the last began, or at once after an overrun), with every tick's work
/// time read off the simulated clock.
/// </summary>
public sealed class BoardRig
{
    public readonly SimClock Clock = new();
    public readonly Trace Trace = new();
    public readonly ListLog Log = new();
    public readonly SimulatedOneWireBus Bus;
    public readonly Tm1637Model Display;
    public readonly FakeLeds Leds;
    public readonly FakeOutputs Outputs;
    public readonly FakePanel Panel;
    public readonly FakeWatchdog Watchdog;
    public readonly FakeFlash Flash;
    public readonly PanelDisplay PanelDisplay;
    public BoardLoop Loop;
    private double _nextTick;

    public BoardRig()
    {
        Clock.Advance(400); // nanoCLR's own boot
        Bus = new SimulatedOneWireBus(Clock);
        Display = new Tm1637Model(Clock, Trace.Add);
        Leds = new FakeLeds(Clock);
        Outputs = new FakeOutputs(Clock, Trace);
        Panel = new FakePanel(Clock);
        Watchdog = new FakeWatchdog(Clock, Trace);
        Flash = new FakeFlash(Trace);
        PanelDisplay = new PanelDisplay(Display, Leds, Clock, 4);
    }

    public Ds18b20Model Indoor, Outdoor, Coil;

    /// <summary>The durations of every tick's work, ms, in order.</summary>
    public List<double> TickMs { get; } = new();

    /// <summary>Three sensors on the bus (indoor 21 °C, outdoor 5 °C, coil −2 °C), bound in flash.</summary>
    public BoardRig WithThreeBoundSensors()
    {
        Indoor = new Ds18b20Model(0x11, 21.0);
        Outdoor = new Ds18b20Model(0x22, 5.0);
        Coil = new Ds18b20Model(0x33, -2.0);
        Bus.Devices.AddRange(new[] { Indoor, Outdoor, Coil });
        Bind(Indoor, Outdoor, Coil);
        return this;
    }

    /// <summary>Writes a bindings image naming <paramref name="indoor"/>, <paramref name="outdoor"/>, <paramref name="coil"/> (null = unbound).</summary>
    public void Bind(Ds18b20Model indoor, Ds18b20Model outdoor, Ds18b20Model coil)
    {
        SensorBindings b = new SensorBindings();
        Ds18b20Model[] roles = { indoor, outdoor, coil };
        for (int r = 0; r < 3; r++)
        {
            if (roles[r] != null)
            {
                b.Bind((HeatPump.Control.Sensors.SensorRole)r, roles[r].Rom, 0);
            }
        }

        byte[] image = new byte[BindingRecord.Size];
        BindingRecord.Encode(b, image);
        Flash.Bindings = image;
    }

    public BoardHal Hal() => new BoardHal
    {
        Clock = Clock,
        Log = Log,
        Outputs = Outputs,
        Panel = Panel,
        Display = PanelDisplay,
        Watchdog = Watchdog,
        OneWire = Bus,
        SettingsStore = Flash,
        BindingStore = Flash,
    };

    public BoardRig Boot(bool learn = false)
    {
        Loop = new BoardLoop(Hal());
        Loop.Boot(learn);
        _nextTick = Clock.Ms;
        if (learn)
        {
            // The installer lets go of UP + DOWN: the dialog counts keys from their release.
            Panel.Held = Buttons.None;
            Tick();
        }

        return this;
    }

    public void Tick()
    {
        double start = Clock.Ms;
        Loop.Tick();
        TickMs.Add(Clock.Ms - start);
        _nextTick += BoardLoop.TickMs;
        if (_nextTick > Clock.Ms)
        {
            Clock.AdvanceTo(_nextTick);
        }
        else
        {
            _nextTick = Clock.Ms;
        }
    }

    public void RunFor(double seconds)
    {
        double end = Clock.Ms + (seconds * 1000);
        while (Clock.Ms < end)
        {
            Tick();
        }
    }

    /// <summary>Holds <paramref name="buttons"/> for one tick, then releases them for one.</summary>
    public void Press(int buttons)
    {
        Panel.Held = buttons;
        Tick();
        Panel.Held = Buttons.None;
        Tick();
    }
}
