using System;
using System.Device.Gpio;
using System.Threading;
using HeatPump.Control;
using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Firmware.Hal;
using HeatPump.Firmware.OneWire;
using HeatPump.Firmware.Storage;
using nanoFramework.Runtime.Native;

namespace HeatPump.Firmware
{
    /// <summary>
    /// The firmware loop: cooperative, single-threaded, one tick every <see cref="TickMs"/>. Each tick
    /// reads the buttons and at most one sensor scratchpad, steps the control core (sensor validation,
    /// panel, controller, guard), drives the outputs the guard allowed, draws the panel, lets the
    /// settings persister write if the settings have been quiet, logs, and only then feeds the watchdog.
    /// </summary>
    public static class Program
    {
        /// <summary>
        /// Loop period, ms. 100 ms is ten times faster than anything the plant or the guard resolves
        /// (their times are seconds), leaves room for the longest tick by design (one 1-Wire scratchpad
        /// read, about 15 ms, plus a display frame and the core step, under 50 ms in all), and keeps
        /// the panel responsive: key presses are also latched between samples by pin events.
        /// </summary>
        public const int TickMs = 100;

        /// <summary>UP + DOWN held this long from power-up start the learn procedure.</summary>
        private const int LearnComboMs = 2000;

        /// <summary>After an unexpected exception the external watchdog should reset the board within its 1.6 s; if it has not after this long, the firmware reboots itself.</summary>
        private const int SelfRebootAfterMs = 3000;

        /// <summary>Entry point: boot, then run the loop for ever.</summary>
        public static void Main()
        {
            EspClock clock = new EspClock();
            SerialLog log = new SerialLog(clock);
            GpioController gpio = new GpioController();

            // Outputs first: from here the relays are driven off, not just held off by pull-downs.
            BoardOutputs outputs = new BoardOutputs(gpio, log);
            log.Record("BOOT", "firmware=HeatPump.Firmware tick_ms=" + TickMs.ToString());

            HeartbeatWatchdog watchdog = new HeartbeatWatchdog(gpio);
            FrontPanelIndicators indicators = new FrontPanelIndicators(gpio, clock);
            PanelButtons panel = new PanelButtons(gpio);

            try
            {
                Run(clock, log, outputs, watchdog, indicators, panel);
            }
            catch (Exception ex)
            {
                // Nothing may keep running after a fault we did not foresee: outputs off, stop feeding
                // the watchdog, and let the supervisor (or, failing that, a software reboot) restart
                // the board into the power-up state with min-off counting again.
                outputs.AllOff();
                log.Record("FATAL", "exception=" + ex.GetType().FullName + " message=" + Safe(ex.Message));
                Thread.Sleep(SelfRebootAfterMs);
                Power.RebootDevice();
            }
        }

        private static void Run(EspClock clock, SerialLog log, BoardOutputs outputs, HeartbeatWatchdog watchdog, FrontPanelIndicators indicators, PanelButtons panel)
        {
            ShowText(indicators, "boot");
            bool learnAtBoot = ComboHeldFromPowerUp(panel, watchdog, indicators, Buttons.Up | Buttons.Down);

            ControllerSettings settings = new ControllerSettings();
            SettingsPersister persister = new SettingsPersister(settings, new FlashSettingsStore(log));
            bool defaults = persister.LoadAtPowerUp(clock.NowMs);
            watchdog.Feed();
            log.Record("SETTINGS", "source=" + (defaults ? "defaults" : "flash") + " fault=" + (persister.SettingsFault ? "1" : "0")
                + " record_bytes=" + SettingsRecord.Size.ToString());

            SensorBindings bindings = new SensorBindings();
            bool romsLoaded = SensorRomFile.Load(bindings);
            int dropped = bindings.DropInvalid();
            watchdog.Feed();
            log.Record("SENSORS", "file=" + (romsLoaded ? "ok" : "none") + " dropped=" + dropped.ToString());

            Ds18b20Bus bus = new Ds18b20Bus(clock, bindings);
            BusSearch search = new BusSearch();
            ScanAtBoot(bus, search, bindings, watchdog, log);

            long now = clock.NowMs;
            ControlCore core = new ControlCore(settings, now, search.Fingerprint());
            core.PressureSwitchesInSeries = !BoardConfig.PressureSwitchesFitted;
            log.Record("START", "stagger_s=" + (core.StaggerMs / 1000).ToString()
                + " min_off_s=" + settings.Get(SettingId.MinOffTime).ToString()
                + " pressure_switches=" + (BoardConfig.PressureSwitchesFitted ? "inputs" : "series"));

            TemperaturePoller poller = new TemperaturePoller(bus);
            SensorLearn learn = new SensorLearn(bus, search, bindings, log);
            StatusReporter status = new StatusReporter(log);
            LoopHealth health = new LoopHealth();
            ControlInputs inputs = new ControlInputs();
            bool waitForRelease = false;
            if (learnAtBoot)
            {
                learn.Start(clock.NowMs);
            }

            long nextTick = clock.NowMs;

            while (true)
            {
                long tickStart = clock.NowMs;
                now = tickStart;
                int buttons = panel.ReadButtons();

                // While learning, and until its last key is released, the buttons belong to the procedure.
                if (waitForRelease && buttons == Buttons.None)
                {
                    waitForRelease = false;
                }

                bool panelTaken = learn.Active || waitForRelease;
                inputs.NowMs = now;
                inputs.Buttons = panelTaken ? Buttons.None : buttons;
                inputs.HighPressureTripped = panel.HighPressureTripped;
                inputs.LowPressureTripped = panel.LowPressureTripped;
                if (learn.UsesBus)
                {
                    inputs.Indoor = default(SensorSample);
                    inputs.Outdoor = default(SensorSample);
                    inputs.Coil = default(SensorSample);
                }
                else
                {
                    poller.Service(inputs);
                }

                core.SettingsFault = persister.SettingsFault;
                core.Step(inputs);
                OutputState driven = core.Outputs;
                outputs.Write(ref driven);

                if (core.Panel.BenchToggleRequested)
                {
                    // Bench mode shows readings on the panel; the ROM codes only fit in the log.
                    LogBindings(bindings, log);
                }

                if (core.Panel.LearnSensorsRequested && !learn.Active)
                {
                    // Chosen from the settings menu (LrnS, YES): the same procedure as UP + DOWN at power-up.
                    learn.Start(now);
                }

                if (learn.Active)
                {
                    if (learn.Tick(now, buttons))
                    {
                        bindings.Classify(search);
                        poller.Restart();
                    }

                    if (!learn.Active)
                    {
                        waitForRelease = true;
                        poller.Restart();
                    }
                }

                if (learn.Active)
                {
                    CopyLeds(core, learn);
                    indicators.Show(learn.Display);
                }
                else
                {
                    indicators.Show(core.Display);
                }

                persister.Tick(now);

                long workMs = clock.NowMs - tickStart;
                if (workMs > health.MaxTickMs)
                {
                    health.MaxTickMs = workMs;
                }

                health.SlowReads = bus.SlowReads;
                health.BusErrors = bus.BusErrors;
                health.DisplayErrors = indicators.DisplayErrors;
                health.SettingsWrites = persister.WriteCount;
                status.Tick(now, core, health);

                // I9: the watchdog hears from a tick only once all of it has run.
                watchdog.Feed();

                nextTick += TickMs;
                long wait = nextTick - clock.NowMs;
                if (wait > 0)
                {
                    Thread.Sleep((int)wait);
                }
                else
                {
                    // Overran the period: start the next tick now and do not try to catch up in a burst.
                    health.Overruns++;
                    nextTick = clock.NowMs;
                }
            }
        }

        /// <summary>
        /// True when every button in <paramref name="combo"/> is held from power-up for
        /// <see cref="LearnComboMs"/> (the display says "LErn" once it counts). Runs before control
        /// starts, with the watchdog fed, so it delays nothing that matters: the minimum off time
        /// counts from the core's creation after it.
        /// </summary>
        private static bool ComboHeldFromPowerUp(PanelButtons panel, HeartbeatWatchdog watchdog, FrontPanelIndicators indicators, int combo)
        {
            if ((panel.ReadButtons() & combo) != combo)
            {
                return false;
            }

            ShowText(indicators, "LErn");
            for (int waited = 0; waited < LearnComboMs; waited += TickMs)
            {
                Thread.Sleep(TickMs);
                watchdog.Feed();
                if ((panel.ReadButtons() & combo) != combo)
                {
                    ShowText(indicators, "boot");
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Searches the bus before control starts (outputs are off, nothing to keep in time), one device
        /// per step with the watchdog fed between steps, and logs how each role and each device stands.
        /// </summary>
        private static void ScanAtBoot(Ds18b20Bus bus, BusSearch search, SensorBindings bindings, HeartbeatWatchdog watchdog, SerialLog log)
        {
            search.Begin();
            while (!search.Step(bus.Host))
            {
                watchdog.Feed();
            }

            watchdog.Feed();
            bindings.Classify(search);
            log.Record("BUS", "devices=" + search.Found.ToString());
            LogBindings(bindings, log);

            for (int i = 0; i < search.Kept; i++)
            {
                int at = i * RomCode.Length;
                if (!RomCode.IsDs18b20(search.Roms, at))
                {
                    log.Record("SENSOR", "role=- rom=" + RomCode.ToHex(search.Roms, at) + " status=foreign");
                }
                else if (bindings.RoleOf(search.Roms, at) < 0)
                {
                    log.Record("SENSOR", "role=- rom=" + RomCode.ToHex(search.Roms, at) + " status=unknown");
                }
            }

            if (search.Found > search.Kept)
            {
                log.Warn("bus.too-many devices=" + search.Found.ToString());
            }
        }

        private static void LogBindings(SensorBindings bindings, SerialLog log)
        {
            for (int r = 0; r < SensorBindings.RoleCount; r++)
            {
                SensorRole role = (SensorRole)r;
                string rom = bindings.IsBound(role) ? RomCode.ToHex(bindings.Roms, SensorBindings.OffsetOf(role)) : "-";
                BindingStatus s = bindings.StatusOf(role);
                log.Record("SENSOR", "role=" + SensorBindings.RoleKey(r) + " rom=" + rom + " status="
                    + (s == BindingStatus.Present ? "present" : s == BindingStatus.Missing ? "missing" : "unbound"));
            }
        }

        private static void CopyLeds(ControlCore core, SensorLearn learn)
        {
            learn.Display.Heat = core.Display.Heat;
            learn.Display.Cool = core.Display.Cool;
            learn.Display.Defrost = core.Display.Defrost;
            learn.Display.Fault = core.Display.Fault;
        }

        private static void ShowText(FrontPanelIndicators indicators, string text)
        {
            Control.FrontPanel.DisplayModel model = new Control.FrontPanel.DisplayModel();
            for (int i = 0; i < 4 && i < text.Length; i++)
            {
                model.Digits[i] = text[i];
            }

            indicators.Show(model);
        }

        private static string Safe(string text)
        {
            if (text == null || text.Length == 0)
            {
                return "-";
            }

            // Keep the FATAL line parseable: no spaces inside a value.
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == ' ')
                {
                    chars[i] = '_';
                }
            }

            return new string(chars);
        }
    }
}
