using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Logging;
using HeatPump.Control.Sensors;
using HeatPump.Control.Service;
using HeatPump.Control.Settings;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// The body of the firmware loop, nano-safe and talking only to the HAL, so the desktop runs the
    /// very code the board runs. <see cref="Boot"/> loads settings and bindings and searches the bus
    /// before control starts; each <see cref="Tick"/> then, in this order: reads the buttons and
    /// switches; does at most one slow job - a display slice, a 1-Wire slice, a flash write or the
    /// memory figures (docs/safety.md, tick budget); steps the control core; drives the outputs the
    /// guard allowed; runs the learn dialog; updates the panel; logs; and only then feeds the
    /// watchdog (I9). Pacing (sleeping to the next tick) stays with the caller.
    /// </summary>
    public sealed class BoardLoop
    {
        /// <summary>
        /// Loop period, ms: ten times faster than anything the plant or the guard resolves (their
        /// times are seconds), and twice the worst-case tick counted in docs/safety.md.
        /// </summary>
        public const int TickMs = 100;

        private readonly BoardHal _hal;
        private readonly StorageGuard _storage;
        private readonly SensorBindings _bindings = new SensorBindings();
        private readonly BusSearch _search = new BusSearch();
        private readonly TemperaturePoller _poller;
        private readonly LearnDialog _learn;
        private readonly OneWireTransaction _config = new OneWireTransaction();
        private readonly RawInputs _inputs = new RawInputs();
        private readonly StatusLines _due = new StatusLines();
        private readonly LoopHealth _health = new LoopHealth();
        private readonly byte[] _bindingImage = new byte[BindingRecord.Size];
        private ControllerSettings _settings;
        private SettingsPersister _persister;
        private ServicePersister _service;
        private Commissioning.CommissioningPersister _commissioning;
        private int _reportLogged;
        private ControlCore _core;
        private bool _waitForRelease;
        private bool _learnWasActive;
        private bool _searching;
        private int _configRole;
        private bool _configCopy;
        private bool _memoryStale = true;

        // Filled by reference: on nanoCLR a struct local or a property read is a heap copy.
        private OutputState _driven;

        /// <summary>Creates the loop over <paramref name="hal"/>; nothing is read or driven until <see cref="Boot"/>.</summary>
        public BoardLoop(BoardHal hal)
        {
            _hal = hal;
            _storage = new StorageGuard(hal.SettingsStore, hal.BindingStore);
            _poller = new TemperaturePoller(_bindings);
            _learn = new LearnDialog(_bindings, hal.Log);
        }

        /// <summary>The control core (after <see cref="Boot"/>).</summary>
        public ControlCore Core
        {
            get { return _core; }
        }

        /// <summary>The live sensor bindings.</summary>
        public SensorBindings Bindings
        {
            get { return _bindings; }
        }

        /// <summary>The last bus search.</summary>
        public BusSearch Search
        {
            get { return _search; }
        }

        /// <summary>The learn dialog.</summary>
        public LearnDialog Learn
        {
            get { return _learn; }
        }

        /// <summary>The loop's own figures.</summary>
        public LoopHealth Health
        {
            get { return _health; }
        }

        /// <summary>The inputs handed to the core in the last tick.</summary>
        public RawInputs Inputs
        {
            get { return _inputs; }
        }

        /// <summary>The settings persister (after <see cref="Boot"/>).</summary>
        public SettingsPersister Persister
        {
            get { return _persister; }
        }

        /// <summary>
        /// Power-up: settings and bindings from flash (a flash fault reads as "nothing stored"), a
        /// search of the bus one device per step with the watchdog fed between steps, then the core
        /// in its power-up state. <paramref name="learnAtBoot"/> opens the learn dialog at once.
        /// </summary>
        public void Boot(bool learnAtBoot)
        {
            IMonotonicClock clock = _hal.Clock;
            _settings = new ControllerSettings();
            _persister = new SettingsPersister(_settings, _storage);
            bool defaults = _persister.LoadAtPowerUp(clock.NowMs);
            _hal.Watchdog.Feed();
            Record("SETTINGS", "source=" + (defaults ? "defaults" : "flash") + " fault=" + (_persister.SettingsFault ? "1" : "0")
                + " record_bytes=" + SettingsRecord.Size.ToString());

            bool romsLoaded = BindingRecord.Decode(_bindingImage, _storage.Read(_bindingImage), _bindings);
            int dropped = _bindings.DropInvalid();
            _hal.Watchdog.Feed();
            Record("SENSORS", "file=" + (romsLoaded ? "ok" : "none") + " dropped=" + dropped.ToString());

            ScanAtBoot();

            _core = new ControlCore(_settings, clock.NowMs, _search.Fingerprint());
            _core.PressureSwitchesInSeries = _hal.PressureSwitchesInSeries;
            Record("START", "stagger_s=" + (_core.StaggerMs / 1000).ToString()
                + " min_off_s=" + _settings.Get(SettingId.MinOffTime).ToString()
                + " pressure_switches=" + (_hal.PressureSwitchesInSeries ? "series" : "inputs"));
            LoadServiceLog(clock.NowMs);
            LoadCommissioningReport(clock.NowMs);
            ReadMemory();
            _poller.Restart();
            if (learnAtBoot)
            {
                _learn.Start(clock.NowMs);
            }
        }

        /// <summary>One tick of the board, in the order the class summary gives.</summary>
        public void Tick()
        {
            IMonotonicClock clock = _hal.Clock;
            long now = clock.NowMs;
            int buttons = _hal.Panel.ReadButtons();

            // While learning, and until its last key is released, the buttons belong to the dialog.
            if (_waitForRelease && buttons == Buttons.None)
            {
                _waitForRelease = false;
            }

            bool panelTaken = _learn.Active || _waitForRelease;
            _inputs.NowMs = now;
            _inputs.Buttons = panelTaken ? Buttons.None : buttons;
            _inputs.HighPressureTripped = _hal.Panel.HighPressureTripped;
            _inputs.LowPressureTripped = _hal.Panel.LowPressureTripped;
            _inputs.DrainOpen = _hal.Panel.DrainOpen;

            // A tick with a display slice due leaves the bus alone, and so does the tick that writes
            // the bindings to flash: each is the one slow job of its tick (docs/safety.md).
            bool displayTurn = _hal.Display.Pending;
            LearnAction action = _learn.Action;
            bool saveTurn = action == LearnAction.Save && !displayTurn;
            bool busTurn = !displayTurn && !saveTurn;
            bool busUsed;
            if (_learn.UsesBus)
            {
                _poller.Service(_hal.OneWire, clock, _inputs, false);
                busUsed = busTurn;
                if (busTurn)
                {
                    LearnBusWork(action, now);

                    // A search resets the bus in the middle of whatever the poller had under way:
                    // it starts afresh with a new conversion once the dialog lets go of the bus.
                    _poller.Restart();
                }
            }
            else
            {
                busUsed = _poller.Service(_hal.OneWire, clock, _inputs, busTurn);
            }

            if (saveTurn)
            {
                _bindings.CopyFrom(_learn.Work);
                int imageLength = BindingRecord.Encode(_bindings, _bindingImage);
                _learn.Saved(_storage.Write(_bindingImage, imageLength), now);
                _configRole = 0;
                _configCopy = false;
            }

            _core.SettingsFault = _persister.SettingsFault;
            _core.Step(_inputs);
            _core.CopyOutputsTo(ref _driven);
            _hal.Outputs.Write(ref _driven);

            if (_core.Panel.OutputTestToggleRequested)
            {
                // Output-test mode shows readings on the panel; the ROM codes only fit in the log.
                LogBindings();
            }

            if (_core.Panel.LearnSensorsRequested && !_learn.Active)
            {
                // Chosen from the settings menu (LrnS, YES): the same dialog as UP + DOWN at power-up.
                _learn.Start(now);
            }

            _learn.Tick(now, buttons);
            if (_learnWasActive && !_learn.Active)
            {
                _waitForRelease = true;
                _poller.Restart();
            }

            _learnWasActive = _learn.Active;

            if (_learn.Active)
            {
                DisplayModel shown = _learn.Display;
                DisplayModel core = _core.Display;
                shown.Heat = core.Heat;
                shown.Cool = core.Cool;
                shown.Defrost = core.Defrost;
                shown.Fault = core.Fault;
                _hal.Display.Show(shown);
            }
            else
            {
                _hal.Display.Show(_core.Display);
            }

            if (displayTurn)
            {
                _hal.Display.WriteSlice();
            }

            if (!displayTurn && !busUsed && !saveTurn)
            {
                // A quiet tick (no slice: the 800 ms of each conversion give eight of them every
                // cycle) takes one of the other slow jobs: the collection nanoCLR runs to report free
                // memory, or else a settings write to flash. Neither is urgent by a few ticks.
                if (_memoryStale)
                {
                    ReadMemory();
                }
                else if (_core.CommissioningReport.Revision != _reportLogged)
                {
                    ReportCommissioning(now);
                }
                else if (_service == null || _persister.Pending)
                {
                    _persister.Tick(now);
                }
                else
                {
                    // The service log's writes (a new fault, or counters every 6 h) wait for settings
                    // that are being changed, so one tick never writes both.
                    _service.Tick(now);
                }
            }

            long workMs = clock.NowMs - now;
            if (workMs > _health.MaxTickMs)
            {
                _health.MaxTickMs = workMs;
            }

            if (workMs > TickMs / 2)
            {
                _health.OverBudget++;
            }

            if (workMs >= TickMs)
            {
                _health.Overruns++;
            }

            Report(now);

            // I9: the watchdog hears from a tick only once all of it has run.
            _hal.Watchdog.Feed();
        }

        private void LearnBusWork(LearnAction action, long now)
        {
            if (action == LearnAction.Search)
            {
                if (!_searching)
                {
                    _search.Begin();
                    _searching = true;
                }

                // One device per tick: each native search step holds the bus about 200 ms.
                if (_search.Step(_hal.OneWire))
                {
                    _searching = false;
                    _learn.SearchDone(_search, now);
                }
            }
            else if (action == LearnAction.Configure)
            {
                ConfigureSlice(now);
            }
        }

        /// <summary>Sets each bound sensor to 12 bits: Write Scratchpad then Copy Scratchpad, a slice per tick.</summary>
        private void ConfigureSlice(long now)
        {
            while (_configRole < SensorBindings.RoleCount && !_bindings.IsBound((SensorRole)_configRole))
            {
                _configRole++;
            }

            if (_configRole >= SensorBindings.RoleCount)
            {
                _bindings.Classify(_search);
                _learn.Configured(now);
                return;
            }

            int at = SensorBindings.OffsetOf((SensorRole)_configRole);
            if (!_config.Running)
            {
                if (_configCopy)
                {
                    Ds18b20Commands.QueueCopyScratchpad(_config, _bindings.Roms, at);
                }
                else
                {
                    Ds18b20Commands.QueueWriteTwelveBit(_config, _bindings.Roms, at);
                }
            }

            if (_config.RunSlice(_hal.OneWire, _hal.Clock))
            {
                if (_config.State != TransactionState.Done)
                {
                    // The sensor keeps the resolution it had (12-bit from the factory); reads still work.
                    Record("WARN", "learn.config-failed role=" + SensorBindings.RoleKey(_configRole));
                    _configCopy = true;
                }

                if (_configCopy)
                {
                    _configRole++;
                }

                _configCopy = !_configCopy;
            }
        }

        private void Report(long now)
        {
            _due.Check(now, _core);
            if (_due.EventDue)
            {
                Record("EVT", LogFormat.StatusBody(now, _core));
            }

            if (_due.StatusDue)
            {
                _health.SlowReads = _poller.SlowReads;
                _health.BusErrors = _poller.BusErrors;
                _health.DisplayErrors = _hal.Display.DisplayErrors;
                _health.SettingsWrites = _persister.WriteCount;
                _health.FlashFaults = _storage.Faults;
                Record("STS", LogFormat.StatusBody(now, _core) + _health.Describe());
                _memoryStale = true;
            }

            if (_due.FaultLogDue)
            {
                Record("FAULTLOG", LogFormat.FaultLogBody(_core.Service, 0));
            }
        }

        /// <summary>
        /// Loads the service log from its two flash slots into the core before its first tick and logs
        /// it: one SERVICE line and a FAULTLOG line per stored fault, so the evidence is on the serial
        /// port before anyone opens the panel. Without a service store the log lives in RAM only.
        /// </summary>
        private void LoadServiceLog(long now)
        {
            if (_hal.ServiceStore == null)
            {
                return;
            }

            _service = new ServicePersister(_core.Service, _hal.ServiceStore);
            bool loaded = _service.LoadAtPowerUp(now);
            _hal.Watchdog.Feed();
            Record("SERVICE", "source=" + (loaded ? "flash" : "new") + " " + LogFormat.ServiceBody(_core.Service));
            for (int i = 0; i < _core.Service.Count; i++)
            {
                Record("FAULTLOG", LogFormat.FaultLogBody(_core.Service, i));
            }
        }

        /// <summary>A run just finished: its report goes to flash (when there is a store) and to the log, once.</summary>
        private void ReportCommissioning(long now)
        {
            if (_commissioning != null)
            {
                _commissioning.Tick(now);
            }

            _reportLogged = _core.CommissioningReport.Revision;
            Record("COMM", LogFormat.CommissioningBody(_core.CommissioningReport));
        }

        /// <summary>
        /// Loads the last commissioning report from its two flash slots and logs it (a COMM line), so the
        /// installer's result can be read back after any number of power cycles. Without a store the
        /// report lives in RAM only and is logged when a run finishes.
        /// </summary>
        private void LoadCommissioningReport(long now)
        {
            _reportLogged = _core.CommissioningReport.Revision;
            if (_hal.CommissioningStore == null)
            {
                return;
            }

            _commissioning = new Commissioning.CommissioningPersister(_core.CommissioningReport, _hal.CommissioningStore);
            bool loaded = _commissioning.LoadAtPowerUp(now);
            _hal.Watchdog.Feed();
            _reportLogged = _core.CommissioningReport.Revision;
            if (loaded)
            {
                Record("COMM", "source=flash " + LogFormat.CommissioningBody(_core.CommissioningReport));
            }
        }

        /// <summary>Memory figures for the next STS line, read in a quiet tick (on nanoCLR this runs a collection).</summary>
        private void ReadMemory()
        {
            _memoryStale = false;
            if (_hal.Runtime != null)
            {
                _health.FreeBytes = _hal.Runtime.FreeBytes();
                _health.Collections = _hal.Runtime.Collections;
            }
        }

        /// <summary>The whole-bus search before control starts, one device per step with the watchdog fed between steps.</summary>
        private void ScanAtBoot()
        {
            _search.Begin();
            while (!_search.Step(_hal.OneWire))
            {
                _hal.Watchdog.Feed();
            }

            _hal.Watchdog.Feed();
            _bindings.Classify(_search);
            Record("BUS", "devices=" + _search.Found.ToString());
            LogBindings();

            for (int i = 0; i < _search.Kept; i++)
            {
                int at = i * RomCode.Length;
                if (!RomCode.IsDs18b20(_search.Roms, at))
                {
                    Record("SENSOR", "role=- rom=" + RomCode.ToHex(_search.Roms, at) + " status=foreign");
                }
                else if (_bindings.RoleOf(_search.Roms, at) < 0)
                {
                    Record("SENSOR", "role=- rom=" + RomCode.ToHex(_search.Roms, at) + " status=unknown");
                }
            }

            if (_search.Found > _search.Kept)
            {
                Record("WARN", "bus.too-many devices=" + _search.Found.ToString());
            }
        }

        private void LogBindings()
        {
            for (int r = 0; r < SensorBindings.RoleCount; r++)
            {
                SensorRole role = (SensorRole)r;
                string rom = _bindings.IsBound(role) ? RomCode.ToHex(_bindings.Roms, SensorBindings.OffsetOf(role)) : "-";
                BindingStatus s = _bindings.StatusOf(role);
                Record("SENSOR", "role=" + SensorBindings.RoleKey(r) + " rom=" + rom + " status="
                    + (s == BindingStatus.Present ? "present" : s == BindingStatus.Missing ? "missing" : "unbound"));
            }
        }

        private void Record(string kind, string body)
        {
            _hal.Log.Line(LogFormat.Line(kind, _hal.Clock.NowMs, body));
        }
    }
}
