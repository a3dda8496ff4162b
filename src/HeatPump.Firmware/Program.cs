using System;
using System.Device.Gpio;
using System.Threading;
using HeatPump.Control.Board;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Firmware.Hal;
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
                hal.BindingStore = new FlashBindingStore();
                hal.Runtime = new RuntimeStats();
                hal.PressureSwitchesInSeries = !BoardConfig.PressureSwitchesFitted;

                ShowText(hal.Display, "boot");
                bool learnAtBoot = ComboHeldFromPowerUp(hal, Buttons.Up | Buttons.Down);

                BoardLoop loop = new BoardLoop(hal);
                loop.Boot(learnAtBoot);
                long nextTick = clock.NowMs;
                while (true)
                {
                    loop.Tick();
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
