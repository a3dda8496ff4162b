using HeatPump.Control.Board;
using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;

namespace HeatPump.Simulator.Board;

/// <summary>
/// The firmware's board loop (<see cref="BoardLoop"/>) on simulated hardware: a byte-level 1-Wire
/// bus with DS18B20 models, a TM1637 at its pins, fake relays, buttons, LEDs, watchdog and flash.
/// Paced as the firmware's Program paces it (the next tick one period after the last began, or at
/// once after an overrun), with every tick's work time read off the simulated clock, which every
/// hardware call advances by its cost on the ESP32 (<see cref="Costs"/>). The board tests and
/// <c>bench --board</c> run it.
/// </summary>
public sealed class VirtualBoard
{
    public readonly SimClock Clock = new();
    public readonly Trace Trace = new();
    public readonly SimulatedOneWireBus Bus;
    public readonly Tm1637Model Display;
    public readonly FakeLeds Leds;
    public readonly FakeOutputs Outputs;
    public readonly FakePanel Panel;
    public readonly FakeWatchdog Watchdog;
    public readonly FakeFlash Flash;
    public readonly PanelDisplay PanelDisplay;
    public readonly ILog Log;
    public BoardLoop Loop = null!;
    private double _nextTick;

    /// <summary>A board with nothing on its bus and an empty flash, logging to <paramref name="log"/> (a <see cref="ListLog"/> when null).</summary>
    public VirtualBoard(ILog? log = null)
    {
        Log = log ?? new ListLog();
        Clock.Advance(400); // nanoCLR's own boot before the application starts
        Bus = new SimulatedOneWireBus(Clock);
        Display = new Tm1637Model(Clock, Trace.Add);
        Leds = new FakeLeds(Clock);
        Outputs = new FakeOutputs(Clock, Trace);
        Panel = new FakePanel(Clock);
        Watchdog = new FakeWatchdog(Clock, Trace);
        Flash = new FakeFlash(Trace);
        PanelDisplay = new PanelDisplay(Display, Leds, Clock, 4);
    }

    public Ds18b20Model Indoor = null!, Outdoor = null!, Coil = null!;

    /// <summary>The optional supply-air sensor (null until <see cref="WithSupplySensor"/>).</summary>
    public Ds18b20Model? Supply;

    /// <summary>The log as a list, when the board keeps its own.</summary>
    public ListLog ListLog => (ListLog)Log;

    /// <summary>The durations of every tick's work, ms, in order.</summary>
    public List<double> TickMs { get; } = new();

    /// <summary>Three sensors on the bus (indoor 21 °C, outdoor 5 °C, coil −2 °C), bound in flash.</summary>
    public VirtualBoard WithThreeBoundSensors()
    {
        Indoor = new Ds18b20Model(0x11, 21.0);
        Outdoor = new Ds18b20Model(0x22, 5.0);
        Coil = new Ds18b20Model(0x33, -2.0);
        Bus.Devices.AddRange(new[] { Indoor, Outdoor, Coil });
        Bind(Indoor, Outdoor, Coil);
        return this;
    }

    /// <summary>
    /// Adds the optional supply-air sensor (15 °C) to a board with three bound sensors and binds it
    /// beside them, as the learn dialog's fourth role would.
    /// </summary>
    public VirtualBoard WithSupplySensor()
    {
        Supply = new Ds18b20Model(0x44, 15.0);
        Bus.Devices.Add(Supply);
        Bind(Indoor, Outdoor, Coil, Supply);
        return this;
    }

    /// <summary>
    /// Writes the bindings image the board would write for <paramref name="indoor"/>, <paramref name="outdoor"/>,
    /// <paramref name="coil"/> and <paramref name="supply"/> (null = unbound).
    /// </summary>
    public void Bind(Ds18b20Model? indoor, Ds18b20Model? outdoor, Ds18b20Model? coil, Ds18b20Model? supply = null)
    {
        SensorBindings b = new SensorBindings();
        Ds18b20Model?[] roles = { indoor, outdoor, coil, supply };
        for (int r = 0; r < roles.Length; r++)
        {
            if (roles[r] != null)
            {
                b.Bind((SensorRole)r, roles[r]!.Rom, 0);
            }
        }

        byte[] image = new byte[BindingRecord.Size];
        int length = BindingRecord.Encode(b, image);
        Flash.Bindings = image[..length];
    }

    /// <summary>Stores <paramref name="settings"/> in the first settings slot, as a board that saved them would hold them.</summary>
    public void Store(ControllerSettings settings)
    {
        byte[] record = new byte[SettingsRecord.Size];
        int length = SettingsRecord.Encode(settings, 1, record);
        Flash.WriteSlot(0, record, length);
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

    public VirtualBoard Boot(bool learn = false)
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

    /// <summary>A short press: holds <paramref name="buttons"/> for three ticks (past the panel's debounce), then releases them for three.</summary>
    public void Press(int buttons)
    {
        Panel.Held = buttons;
        Tick();
        Tick();
        Tick();
        Panel.Held = Buttons.None;
        Tick();
        Tick();
        Tick();
    }

    /// <summary>
    /// Makes <paramref name="model"/> give on the bus what <paramref name="sample"/> says a sensor
    /// read gives (the bench's sensor models with their faults): no response = off the bus, a CRC
    /// error = a corrupted scratchpad, a reading = that temperature at the tip.
    /// </summary>
    public static void Follow(Ds18b20Model model, SensorSample sample)
    {
        switch (sample.Status)
        {
            case SampleStatus.NoResponse:
                model.Present = false;
                break;
            case SampleStatus.CrcError:
                model.Present = true;
                model.CorruptReads = true;
                break;
            case SampleStatus.Ok:
                model.Present = true;
                model.CorruptReads = false;
                model.Celsius = sample.Sixteenths / 16.0;
                break;
        }
    }
}
