using System;
using System.Device.Gpio;
using System.Threading;
using HeatPump.Control;
using HeatPump.Control.Board;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Remote;
using HeatPump.Firmware.Hal;
using HeatPump.Firmware.Network;
using HeatPump.Firmware.Storage;
using nanoFramework.Runtime.Native;

namespace HeatPump.Firmware
{
    /// <summary>
    /// The firmware's imperative shell: opens the ESP32 HAL, hands it to the core's
    /// <see cref="BoardLoop"/> (which the desktop tests run against simulated hardware), and paces
    /// it at one tick every <see cref="BoardLoop.TickMs"/>. Everything a tick does is in BoardLoop.
    /// </summary>
    public static class Program
    {
        /// <summary>Shown in Home Assistant as the device's software version.</summary>
        public const string FirmwareVersion = "1.0.0";

        /// <summary>UP + DOWN held this long from power-up start the learn dialog.</summary>
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
            log.Record("BOOT", "firmware=HeatPump.Firmware tick_ms=" + BoardLoop.TickMs.ToString());

            try
            {
                BoardHal hal = new BoardHal();
                hal.Clock = clock;
                hal.Log = log;
                hal.Outputs = outputs;
                hal.Watchdog = new HeartbeatWatchdog(gpio);
                hal.Panel = new PanelButtons(gpio);
                hal.Display = new PanelDisplay(new DisplayPins(gpio, BoardConfig.DisplayClkPin, BoardConfig.DisplayDioPin), new StatusLeds(gpio), clock, BoardConfig.DisplayBrightness);
                hal.OneWire = new EspOneWire();
                hal.SettingsStore = new FlashSettingsStore(log);
                hal.ServiceStore = new FlashSettingsStore(log, "service");
                hal.CommissioningStore = new FlashSettingsStore(log, "commission");
                hal.BindingStore = new FlashBindingStore();
                hal.Runtime = new RuntimeStats();
                hal.PressureSwitchesInSeries = !BoardConfig.PressureSwitchesFitted;

                ShowText(hal.Display, "boot");
                bool learnAtBoot = ComboHeldFromPowerUp(hal, Buttons.Up | Buttons.Down);

                BoardLoop loop = new BoardLoop(hal);
                loop.Boot(learnAtBoot);
                HomeAssistantBridge bridge = StartNetwork(loop.Core, log, clock.NowMs, loop.Search.Fingerprint());
                long nextTick = clock.NowMs;
                while (true)
                {
                    loop.Tick();

                    // Home Assistant: commands in, state out, through bounded queues; the network thread
                    // does the talking, so this never waits (docs/home-assistant.md). After the tick, never in it.
                    if (bridge != null)
                    {
                        bridge.Service(clock.NowMs);
                    }

                    nextTick += BoardLoop.TickMs;
                    long wait = nextTick - clock.NowMs;
                    if (wait > 0)
                    {
                        Thread.Sleep((int)wait);
                    }
                    else
                    {
                        // Overran the period (counted by the loop): start the next tick now, no burst to catch up.
                        nextTick = clock.NowMs;
                    }
                }
            }
            catch (Exception ex)
            {
                // Nothing may keep running after a fault we did not foresee: outputs off, stop feeding
                // the watchdog, and let the supervisor (or, failing that, a software reboot) restart
                // the board into the power-up state with min-off counting again. Flash faults never
                // get here: the storage boundary catches them (docs/safety.md).
                outputs.AllOff();
                log.Record("FATAL", "exception=" + ex.GetType().FullName + " message=" + Safe(ex.Message));
                Thread.Sleep(SelfRebootAfterMs);
                Power.RebootDevice();
            }
        }

        /// <summary>
        /// True when every button in <paramref name="combo"/> is held from power-up for
        /// <see cref="LearnComboMs"/> (the display says "LErn" once it counts). Runs before control
        /// starts, with the watchdog fed, so it delays nothing that matters: the minimum off time
        /// counts from the core's creation after it.
        /// </summary>
        private static bool ComboHeldFromPowerUp(BoardHal hal, int combo)
        {
            if ((hal.Panel.ReadButtons() & combo) != combo)
            {
                return false;
            }

            ShowText(hal.Display, "LErn");
            for (int waited = 0; waited < LearnComboMs; waited += BoardLoop.TickMs)
            {
                Thread.Sleep(BoardLoop.TickMs);
                hal.Watchdog.Feed();
                if ((hal.Panel.ReadButtons() & combo) != combo)
                {
                    ShowText(hal.Display, "boot");
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Starts Wi-Fi and MQTT on their own thread when I:\network.cfg provisions them; null (and a
        /// NET line saying why) when it does not, and the unit runs on its own as before.
        /// </summary>
        private static HomeAssistantBridge StartNetwork(ControlCore core, SerialLog log, long now, uint chipFingerprint)
        {
            NetworkSettings settings = NetworkSettings.Load();
            if (settings == null)
            {
                log.Record("NET", "off=no-config");
                return null;
            }

            if (settings.Problem != null)
            {
                log.Record("NET", "off=config problem=\"" + settings.Problem + "\"");
                return null;
            }

            string node = settings.NodeId != null ? settings.NodeId : "hp" + chipFingerprint.ToString("x8");
            if (!HomeAssistantBridge.IsValidNodeId(node))
            {
                log.Record("NET", "off=config problem=\"node must be 1-32 of a-z 0-9 _ -\"");
                return null;
            }

            HomeAssistantBridge bridge = new HomeAssistantBridge(core, node, "Heat pump", FirmwareVersion, now);
            new NetworkLink(bridge, settings, log).Start();
            log.Record("NET", "node=" + node + " starting");
            return bridge;
        }

        /// <summary>Shows a word at once, all digits in one go: only before control starts.</summary>
        private static void ShowText(PanelDisplay display, string text)
        {
            DisplayModel model = new DisplayModel();
            for (int i = 0; i < 4 && i < text.Length; i++)
            {
                model.Digits[i] = text[i];
            }

            display.Show(model);
            display.Flush();
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
