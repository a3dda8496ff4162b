using HeatPump.Control;
using HeatPump.Control.Board;
using HeatPump.Control.Hal;
using HeatPump.Control.Logging;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Referee;
using HeatPump.Simulator.Board;
using HeatPump.Simulator.Cli;
using HeatPump.Simulator.Commissioning;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Run;
using HeatPump.Simulator.Weather;

namespace HeatPump.Simulator.Bench;

/// <summary>How the bench starts.</summary>
/// <param name="OutdoorC">Outdoor air, °C (changed later by keys or a script).</param>
/// <param name="RelativeHumidity">Outdoor relative humidity, %.</param>
/// <param name="IndoorC">The house's temperature at power-up, °C.</param>
/// <param name="Seed">Seed of the sensor noise and the power-up stagger.</param>
/// <param name="Settings">Setting overrides NAME=VALUE, as the simulator's --set takes them.</param>
/// <param name="Board">Run the firmware's board loop on a virtual board (byte-level 1-Wire, TM1637 pins, flash) instead of stepping the core directly.</param>
/// <param name="InstallFault">An installation mistake the plant is built with (docs/commissioning.md), or null for a correct install.</param>
/// <param name="SupplyProbe">The optional supply-air probe is fitted (with <see cref="Board"/>: a fourth DS18B20 on the bus, bound to the supply role).</param>
public sealed record BenchOptions(double OutdoorC = BenchOptions.DefaultOutdoorC, double RelativeHumidity = BenchOptions.DefaultHumidity,
    double IndoorC = BenchOptions.DefaultIndoorC, int Seed = 1, IReadOnlyList<string>? Settings = null, bool Board = false,
    string? InstallFault = null, bool SupplyProbe = false)
{
    /// <summary>Default outdoor air: just above freezing, where the coil frosts fastest.</summary>
    public const double DefaultOutdoorC = 2.0;

    /// <summary>Default humidity: a damp winter day.</summary>
    public const double DefaultHumidity = 85.0;

    /// <summary>Default indoor temperature at power-up: below the default heating setpoint, so heat is wanted at once.</summary>
    public const double DefaultIndoorC = 18.5;
}

/// <summary>
/// The virtual bench: the firmware's <see cref="ControlCore"/> stepped every <see cref="TickMs"/>
/// exactly as the board's loop steps it, with the simulator's <see cref="PlantLoop"/> (plant and
/// DS18B20 models) in place of the heat pump, the buttons driven by <see cref="BenchButtons"/>, the outdoor air set by hand, and
/// the serial log written in the firmware's format by the core's own formatter. Time is simulated:
/// the live view paces it against the wall clock, a script runs it as fast as it can. With
/// <see cref="BenchOptions.Board"/> the firmware shell runs too: the core's <see cref="BoardLoop"/>
/// on a <see cref="VirtualBoard"/>, its sensors DS18B20 models on a byte-level 1-Wire bus that
/// follow the bench's sensor models, its log lines the board's own.
/// </summary>
public sealed class BenchSession : IDisposable
{
    /// <summary>The bench's tick: as the board's loop, fine enough for debounce and long presses.</summary>
    public const long TickMs = 100;

    /// <summary>Outdoor air the keys can set, °C.</summary>
    public const double MinOutdoorC = -30, MaxOutdoorC = 45;

    private readonly StatusLines _lines = new();
    private readonly VirtualBoard? _board;
    private readonly LogToBench? _boardLog;
    private readonly SteadyWeather _weather = new(BenchOptions.DefaultOutdoorC, BenchOptions.DefaultHumidity);
    private readonly PlantLoop _loop;
    private long _eventsBefore;
    private int _reportLogged;
    private readonly double _indoorAtPowerUpC;

    /// <summary>A bench at power-up, time 0.</summary>
    public BenchSession(BenchOptions? options = null, TextWriter? logFile = null)
    {
        options ??= new BenchOptions();
        var settings = new ControllerSettings();
        foreach (string s in options.Settings ?? Array.Empty<string>()) SettingOverrides.Apply(settings, s);

        _indoorAtPowerUpC = options.IndoorC;
        Plant = new HeatPumpPlant(InstallFaults.Apply(PlantParameters.Default, options.InstallFault ?? "correct"), options.IndoorC, 0.0, options.OutdoorC);
        Sensors = new BenchSensors(PlantParameters.Default, options.Seed);
        _loop = new PlantLoop(_weather, Plant, Sensors, options.SupplyProbe);
        Buttons = new BenchButtons();
        Log = new BenchLog(logFile);
        SetOutdoor(options.OutdoorC);
        SetHumidity(options.RelativeHumidity);

        if (options.Board)
        {
            // The board boots as the firmware does: settings and bindings from its flash, a bus search.
            Log.Write(LogFormat.Line("BOOT", 0, "firmware=HeatPump.Simulator.Bench board=virtual tick_ms=" + TickMs));
            _boardLog = new LogToBench(Log);
            _board = new VirtualBoard(_boardLog).WithThreeBoundSensors();
            if (options.SupplyProbe) _board.WithSupplySensor();
            _board.Store(settings);
            _board.Boot();
            Core = _board.Loop.Core;
            Referee = new SafetyReferee(Core.Settings, 0, Core.StaggerMs);
            Settings = Core.Settings;
            NowMs = (_board.Clock.NowMs / TickMs) * TickMs;
            return;
        }

        Settings = settings;
        Core = new ControlCore(Settings, 0, (uint)options.Seed);
        Referee = new SafetyReferee(Settings, 0, Core.StaggerMs);
        Log.Write(LogFormat.Line("BOOT", 0, "firmware=HeatPump.Simulator.Bench tick_ms=" + TickMs));
        Log.Write(LogFormat.Line("SETTINGS", 0, "source=defaults fault=0 record_bytes=" + SettingsRecord.Size));
        Log.Write(LogFormat.Line("START", 0, "stagger_s=" + Core.StaggerMs / 1000 + " min_off_s=" + Settings.Get(SettingId.MinOffTime)));
    }

    /// <summary>The virtual board under the bench (null unless <see cref="BenchOptions.Board"/>).</summary>
    public VirtualBoard? Board => _board;

    /// <summary>Simulated time since power-up, ms.</summary>
    public long NowMs { get; private set; }

    /// <summary>The control core under test.</summary>
    public ControlCore Core { get; }

    /// <summary>The live settings (the panel edits them).</summary>
    public ControllerSettings Settings { get; }

    /// <summary>Judges the driven outputs by the safety rules; each breach is also a SAFETY line in the log.</summary>
    public SafetyReferee Referee { get; }

    /// <summary>The heat pump and house.</summary>
    public HeatPumpPlant Plant { get; private set; }

    /// <summary>The condensate overflow switch is open (the pan is full): set by a key or a script.</summary>
    public bool DrainOpen
    {
        get => _loop.DrainOpen;
        set => _loop.DrainOpen = value;
    }

    /// <summary>
    /// Installs the unit again with <paramref name="fault"/> (docs/commissioning.md), and
    /// <paramref name="supplyProbe"/> fitted or not: only before the first tick, as an installer's mistake
    /// is made before power-up.
    /// </summary>
    /// <exception cref="InvalidOperationException">Time has already run, or the supply probe asked for on a virtual board that booted without one.</exception>
    /// <exception cref="ArgumentException">An unknown fault name.</exception>
    public void Install(string fault, bool supplyProbe)
    {
        if (NowMs != 0 && _board == null) throw new InvalidOperationException("a unit is installed before power-up: 'install' must come before any time passes");
        // The virtual board learned its sensors at boot: a probe it has can be left off the bus (it then
        // reads as missing, as an unplugged one would), one it never learned cannot be added.
        if (_board != null && supplyProbe && _board.Supply == null)
            throw new InvalidOperationException("the virtual board learned its sensors at boot: fit the supply-air probe with --supply-probe, not in the script");
        Plant = new HeatPumpPlant(InstallFaults.Apply(PlantParameters.Default, fault), _indoorAtPowerUpC, 0.0, OutdoorC);
        _loop.Replace(Plant);
        _loop.SupplyFitted = supplyProbe;
    }

    /// <summary>The sensors, with hand-injected faults.</summary>
    public BenchSensors Sensors { get; }

    /// <summary>The front-panel buttons.</summary>
    public BenchButtons Buttons { get; }

    /// <summary>The serial log.</summary>
    public BenchLog Log { get; }

    /// <summary>Outdoor air, °C.</summary>
    public double OutdoorC => _weather.Sample.OutdoorC;

    /// <summary>Outdoor relative humidity, %.</summary>
    public double RelativeHumidity => _weather.Sample.RelativeHumidity;

    /// <summary>The raw button levels of the last tick.</summary>
    public int ButtonLevels { get; private set; }

    /// <summary>True when the last tick wrote an EVT line: something a user would notice changed.</summary>
    public bool Changed { get; private set; }

    /// <summary>Sets the outdoor air temperature, °C (kept within <see cref="MinOutdoorC"/>..<see cref="MaxOutdoorC"/>).</summary>
    public void SetOutdoor(double celsius) =>
        _weather.Sample = _weather.Sample with { OutdoorC = Math.Clamp(Math.Round(celsius, 1), MinOutdoorC, MaxOutdoorC) };

    /// <summary>Sets the outdoor relative humidity, % (kept within 5..100).</summary>
    public void SetHumidity(double percent) =>
        _weather.Sample = _weather.Sample with { RelativeHumidity = Math.Clamp(Math.Round(percent), 5, 100) };

    /// <summary>One tick: buttons and the loop's reading in, the core, the log, then the plant with the outputs as driven.</summary>
    public void Step()
    {
        NowMs += TickMs;
        ButtonLevels = Buttons.Levels(NowMs);
        RawInputs i = _loop.Read(NowMs);
        i.Buttons = ButtonLevels;

        if (_board != null)
        {
            StepBoard(i);
            AfterStep?.Invoke(NowMs);
            return;
        }

        Core.Step(i);

        _lines.Check(NowMs, Core);
        Changed = _lines.EventDue;
        if (_lines.EventDue) Log.Write(LogFormat.Line("EVT", NowMs, LogFormat.StatusBody(NowMs, Core)));
        if (_lines.StatusDue) Log.Write(LogFormat.Line("STS", NowMs, LogFormat.StatusBody(NowMs, Core)));
        if (_lines.FaultLogDue) Log.Write(LogFormat.Line("FAULTLOG", NowMs, LogFormat.FaultLogBody(Core.Service, 0)));
        if (Core.CommissioningReport.Revision != _reportLogged)
        {
            _reportLogged = Core.CommissioningReport.Revision;
            Log.Write(LogFormat.Line("COMM", NowMs, LogFormat.CommissioningBody(Core.CommissioningReport)));
        }

        OutputState o = Core.Outputs;
        Judge(o);
        _loop.Advance(TickMs / 1000.0, o);
        AfterStep?.Invoke(NowMs);
    }

    /// <summary>Called at the end of every tick with the time, after the core has stepped (the Home Assistant bridge's place in the loop).</summary>
    public Action<long>? AfterStep { get; set; }

    /// <summary>The board's tick: the loop's reading on the virtual board's bus and input pins, then the board loop as the firmware runs it.</summary>
    private void StepBoard(RawInputs reading)
    {
        VirtualBoard b = _board!;
        VirtualBoard.Follow(b.Indoor, reading.Indoor);
        VirtualBoard.Follow(b.Outdoor, reading.Outdoor);
        VirtualBoard.Follow(b.Coil, reading.Coil);
        if (b.Supply != null && _loop.SupplyFitted) VirtualBoard.Follow(b.Supply, reading.Supply);
        else if (b.Supply != null) b.Supply.Present = false;
        b.Panel.Held = reading.Buttons;
        b.Panel.HighPressure = reading.HighPressureTripped;
        b.Panel.LowPressure = reading.LowPressureTripped;
        b.Panel.Drain = reading.DrainOpen;
        b.Clock.AdvanceTo(NowMs);
        b.Loop.Tick();
        Changed = _eventsBefore != _boardLog!.Events;
        _eventsBefore = _boardLog.Events;
        OutputState o = b.Outputs.Driven;
        Judge(o);
        _loop.Advance(TickMs / 1000.0, o);
    }

    /// <summary>The safety referee on the outputs as driven this tick; a breach it sees becomes a SAFETY line.</summary>
    private void Judge(OutputState driven)
    {
        int kept = Referee.MessageCount;
        Referee.Observe(NowMs, driven, Core.Indoor.IsValid, Core.Outdoor.IsValid, Core.Outdoor.Celsius, DrainOpen);
        if (Referee.MessageCount != kept)
        {
            Log.Write(LogFormat.Line("SAFETY", NowMs, Referee.Message(Referee.MessageCount - 1)));
        }
    }

    /// <summary>The board loop's log lines into the bench's log; counts EVT lines so the bench knows when something changed.</summary>
    private sealed class LogToBench : ILog
    {
        private readonly BenchLog _log;

        public LogToBench(BenchLog log) => _log = log;

        public long Events { get; private set; }

        public void Line(string text)
        {
            if (text.StartsWith(LogFormat.Marker + " EVT ", StringComparison.Ordinal)) Events++;
            _log.Write(text);
        }
    }

    /// <summary>Steps until <paramref name="untilMs"/> (simulated).</summary>
    public void RunUntil(long untilMs)
    {
        while (NowMs + TickMs <= untilMs) Step();
    }

    /// <summary>Steps until every button gesture under way has finished and the panel has seen the last release.</summary>
    public void RunUntilButtonsIdle()
    {
        while (!Buttons.Idle(NowMs)) Step();
    }

    /// <inheritdoc />
    public void Dispose() => Log.Dispose();
}
