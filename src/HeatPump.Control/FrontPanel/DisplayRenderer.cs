using HeatPump.Control.Sensors;
using HeatPump.Control.Service;
using HeatPump.Control.Settings;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>
    /// Fills the <see cref="DisplayModel"/> every tick from the settings, the panel (screen, menu,
    /// output-test mode) and <see cref="DisplayInputs"/>. When there is more than one thing to say — a held
    /// start, a fault, a warning — the home screen shows them in turn, <see cref="PageMs"/> each,
    /// starting with the newest situation, so the user sees why the unit waits and for how long.
    /// docs/front-panel.md describes every screen. Allocates nothing after construction.
    /// </summary>
    public sealed class DisplayRenderer
    {
        /// <summary>How long each page of an alternating screen shows.</summary>
        public const long PageMs = 2000;

        private const int MaxPages = 10;

        private const int PageTemperature = 0;
        private const int PageHoldCode = 1;
        private const int PageHoldCountdown = 2;
        private const int PageFault = 3;
        private const int PageLockout = 4;
        private const int PageIndoorFailed = 5;
        private const int PageSettingsCorrupt = 6;
        private const int PageStuckButton = 7;
        private const int PageOutputTestStep = 8;
        private const int PageIndoor = 9;
        private const int PageOutdoor = 10;
        private const int PageCoil = 11;
        private const int PageMode = 12;
        private const int PageDefrostWaiting = 13;
        private const int PageSwitchesInSeries = 14;
        private const int PageAux = 15;

        private readonly int[] _pages = new int[MaxPages];
        private int _count;
        private long _signature = -1;
        private long _signatureSinceMs;
        private HoldReason _hold;
        private long _holdUntilMs;
        private UserMode _mode;
        private AuxReason _auxReason;

        /// <summary>Rewrites <paramref name="display"/> for this tick.</summary>
        public void Render(DisplayModel display, ControllerSettings settings, PanelLogic panel, ref DisplayInputs inputs)
        {
            SevenSegment.Clear(display);
            bool fahrenheit = settings.DisplaysFahrenheit;
            if (panel.OutputTest.Active)
            {
                RenderOutputTest(display, settings, panel, ref inputs, fahrenheit);
                return;
            }

            SetLeds(display, ref inputs);
            if (panel.Screen == PanelScreen.Home && inputs.CommissioningStep != Commissioning.CommissioningStep.Idle)
            {
                RenderCommissioning(display, ref inputs);
                return;
            }

            switch (panel.Screen)
            {
                case PanelScreen.Mode:
                    SevenSegment.Text(display, DisplayCodes.Mode(settings.Mode), 0);
                    break;
                case PanelScreen.Setpoint:
                    RenderSetpoint(display, settings, panel.EditingSetpoint, fahrenheit);
                    break;
                case PanelScreen.Menu:
                    RenderMenu(display, settings, panel, ref inputs, fahrenheit);
                    break;
                case PanelScreen.Service:
                    RenderService(display, panel, ref inputs, fahrenheit);
                    break;
                case PanelScreen.Code:
                    SevenSegment.Text(display, DisplayCodes.CodePrefix, 0);
                    SevenSegment.Number(display, panel.CodeEntry, false, 2);
                    break;
                case PanelScreen.Notice:
                    SevenSegment.Text(display, DisplayCodes.Notice(panel.Notice), 0);
                    break;
                default:
                    _mode = settings.Mode;
                    RenderHome(display, panel, ref inputs, fahrenheit);
                    break;
            }
        }

        /// <summary>Heat/Cool: on while the compressor runs in that state, blinking while a start there is held back. Defrost on in Defrost. Fault on in Fault, blinking in lockout.</summary>
        private static void SetLeds(DisplayModel d, ref DisplayInputs x)
        {
            d.Heat = StateLed(x.State == TopState.Heat, ref x);
            d.Cool = StateLed(x.State == TopState.Cool, ref x);
            d.Defrost = x.State == TopState.Defrost ? LedState.On : LedState.Off;
            d.Fault = x.State != TopState.Fault ? LedState.Off : (x.LockedOut ? LedState.Blink : LedState.On);
        }

        private static LedState StateLed(bool inState, ref DisplayInputs x)
        {
            if (!inState)
            {
                return LedState.Off;
            }

            if (x.Sub == SubState.Running)
            {
                return LedState.On;
            }

            return x.Sub == SubState.Starting || x.Hold != HoldReason.None ? LedState.Blink : LedState.Off;
        }

        private static void RenderSetpoint(DisplayModel d, ControllerSettings settings, SettingId which, bool fahrenheit)
        {
            d.Digits[0] = which == SettingId.HeatSetpoint ? 'H' : 'C';
            int raw = settings.Get(which);
            if (fahrenheit)
            {
                SevenSegment.Number(d, Fahrenheit.WholeFromRaw(raw), false, 1);
            }
            else
            {
                SevenSegment.Number(d, raw, true, 1);
            }
        }

        /// <summary>
        /// The commissioning run on the home screen: its step while it runs ("Co.C" cooling, "Co.H"
        /// heating, "Co.CP"/"Co.HP" waiting for the valve and min-off); when done, each finding's code in
        /// turn, <see cref="PageMs"/> each, or "PASS", until a key is pressed.
        /// </summary>
        private static void RenderCommissioning(DisplayModel d, ref DisplayInputs x)
        {
            if (x.CommissioningStep != Commissioning.CommissioningStep.Done)
            {
                SevenSegment.Text(d, DisplayCodes.CommissioningStep(x.CommissioningStep), 0);
                return;
            }

            FindingPage(d, x.CommissioningFindings, x.NowMs / PageMs);
        }

        /// <summary>Finding number <paramref name="turn"/> (modulo their count) of <paramref name="findings"/>, or "PASS" when there are none.</summary>
        private static void FindingPage(DisplayModel d, int findings, long turn)
        {
            int count = 0;
            for (int i = 1; i <= Commissioning.CommissioningCodes.LastFinding; i++)
            {
                if ((findings & (1 << i)) != 0)
                {
                    count++;
                }
            }

            // A run with notes only (no supply probe) passed: "PASS" leads, the note follows.
            bool passed = (findings & ~(1 << (int)Commissioning.CommissioningFinding.SplitNotChecked)) == 0;
            long want = turn % (passed ? count + 1 : count);
            if (passed && want-- == 0)
            {
                SevenSegment.Text(d, DisplayCodes.CommissioningPassed, 0);
                return;
            }

            for (int i = 1; i <= Commissioning.CommissioningCodes.LastFinding; i++)
            {
                if ((findings & (1 << i)) != 0 && want-- == 0)
                {
                    SevenSegment.Text(d, DisplayCodes.Finding((Commissioning.CommissioningFinding)i), 0);
                    return;
                }
            }
        }

        private static void RenderMenu(DisplayModel d, ControllerSettings settings, PanelLogic panel, ref DisplayInputs x, bool fahrenheit)
        {
            MenuItem item = panel.CurrentMenuItem;
            if (panel.MenuShowsCode)
            {
                SevenSegment.Text(d, item.Code, 0);
                return;
            }

            if (item.Action == MenuAction.Commission && !panel.MenuConfirm)
            {
                // The last report read back: its findings in turn ("PASS"), or "----" when none was ever kept.
                if (!x.ReportPresent)
                {
                    SevenSegment.Text(d, DisplayCodes.NoReading, 0);
                    return;
                }

                FindingPage(d, x.ReportFindings, (x.NowMs - panel.ItemSinceMs) / PageMs);
                return;
            }

            if (item.Action != MenuAction.None)
            {
                SevenSegment.TextRight(d, panel.MenuConfirm ? PanelMenu.Yes : PanelMenu.No);
                return;
            }

            int raw = settings.Get(item.Setting);
            if (item.ValueNames != null && raw >= 0 && raw < item.ValueNames.Length)
            {
                SevenSegment.TextRight(d, item.ValueNames[raw]);
                return;
            }

            SettingDefinition def = SettingsCatalog.Get(item.Setting);
            if (fahrenheit && PanelMenu.IsTemperature(def))
            {
                SevenSegment.Number(d, Fahrenheit.WholeFromRaw(raw), false, 0);
            }
            else if (fahrenheit && PanelMenu.IsDifference(def))
            {
                SevenSegment.Number(d, Fahrenheit.DifferenceTenthsFromRaw(raw), true, 0);
            }
            else
            {
                SevenSegment.Number(d, raw, def.Scale == 10, 0);
            }
        }

        /// <summary>
        /// The read-only service page: the outdoor and coil readings, then each counter and each kept
        /// fault, its label first for <see cref="PanelLogic.MenuCodeShowMs"/>; a fault then shows its
        /// code, when it happened (uptime of that power-up) and how often its kind happened, in turn.
        /// </summary>
        private static void RenderService(DisplayModel d, PanelLogic panel, ref DisplayInputs x, bool fahrenheit)
        {
            int page = panel.ServiceIndex;
            if (page == 0)
            {
                SensorPage(d, SensorRole.Outdoor, x.OutdoorHealth, x.OutdoorC, fahrenheit);
                return;
            }

            if (page == 1)
            {
                SensorPage(d, SensorRole.Coil, x.CoilHealth, x.CoilC, fahrenheit);
                return;
            }

            long age = x.NowMs - panel.ItemSinceMs;
            bool label = age < PanelLogic.MenuCodeShowMs;
            ServiceLog log = panel.Service;
            if (page < PanelLogic.ServiceFixedPages)
            {
                if (label)
                {
                    SevenSegment.Text(d, DisplayCodes.ServiceLabel(page), 0);
                    return;
                }

                uint value = log == null ? 0u : (page == 2 ? log.RunHours : (page == 3 ? log.Starts : log.Defrosts));
                SevenSegment.Number(d, value > 9999u ? 9999 : (int)value, false, 0);
                return;
            }

            int entry = page - PanelLogic.ServiceFixedPages;
            if (label)
            {
                // "F.1" … "F.8": at most ServiceLog.MaxEntries, so one digit.
                SevenSegment.Text(d, DisplayCodes.FaultPagePrefix, 0);
                d.Digits[1] = (char)('1' + entry);
                return;
            }

            if (log == null || entry >= log.Count)
            {
                SevenSegment.Text(d, DisplayCodes.NoReading, 0);
                return;
            }

            FaultKind kind = log.KindAt(entry);
            long turn = ((age - PanelLogic.MenuCodeShowMs) / PageMs) % 3;
            if (turn == 0)
            {
                SevenSegment.Text(d, !DisplayCodes.HasFaultCode(kind) ? DisplayCodes.UnknownFault
                    : (log.LockoutAt(entry) ? DisplayCodes.Lockout(kind) : DisplayCodes.Fault(kind)), 0);
            }
            else if (turn == 1)
            {
                Uptime(d, log.UptimeSecondsAt(entry));
            }
            else
            {
                d.Digits[0] = DisplayCodes.CountLetter;
                int n = log.CountOf(kind);
                SevenSegment.Number(d, n > 999 ? 999 : n, false, 1);
            }
        }

        /// <summary>An uptime as hours:minutes with the colon ("12:34") below 100 h, else whole hours ("h123", "1234").</summary>
        private static void Uptime(DisplayModel d, uint seconds)
        {
            uint minutes = seconds / 60u;
            if (minutes < 100u * 60u)
            {
                // Countdown draws minutes:seconds; fed minutes as if seconds it draws hours:minutes.
                SevenSegment.Countdown(d, minutes * 1000L);
                return;
            }

            uint hours = minutes / 60u;
            if (hours < 1000u)
            {
                d.Digits[0] = DisplayCodes.HoursLetter;
                SevenSegment.Number(d, (int)hours, false, 1);
                return;
            }

            SevenSegment.Number(d, hours > 9999u ? 9999 : (int)hours, false, 0);
        }

        private void RenderHome(DisplayModel d, PanelLogic panel, ref DisplayInputs x, bool fahrenheit)
        {
            _count = 0;
            bool inFault = x.State == TopState.Fault;
            if (inFault)
            {
                Add(x.LockedOut ? PageLockout : PageFault);
            }

            bool indoorFailed = x.IndoorHealth == SensorHealth.Failed;
            if (indoorFailed && !(inFault && !x.LockedOut && x.Fault == FaultKind.IndoorSensor))
            {
                Add(PageIndoorFailed);
            }

            if (!inFault && x.Hold != HoldReason.None)
            {
                _hold = x.Hold;
                _holdUntilMs = x.HoldUntilMs;
                AddHold(x.NowMs);
            }

            if (panel.DefrostPending)
            {
                Add(PageDefrostWaiting);
            }

            if (x.Driven.AuxHeat && x.AuxReason != AuxReason.None)
            {
                // Resistance heat costs three times what the compressor does: the panel says why it runs.
                _auxReason = x.AuxReason;
                Add(PageAux);
            }

            if (x.SettingsCorrupt)
            {
                Add(PageSettingsCorrupt);
            }

            if (x.SwitchesInSeries)
            {
                Add(PageSwitchesInSeries);
            }

            if (panel.StuckButtons != 0)
            {
                Add(PageStuckButton);
            }

            if (!indoorFailed)
            {
                Add(PageTemperature);
            }

            // The mode is always among the pages, so Off and a satisfied Heat never look the same.
            Add(PageMode);
            DrawPage(d, CurrentPage(x.NowMs, panel.ScreenSinceMs), panel, ref x, fahrenheit);
        }

        private void RenderOutputTest(DisplayModel d, ControllerSettings settings, PanelLogic panel, ref DisplayInputs x, bool fahrenheit)
        {
            OutputTestMode outputTest = panel.OutputTest;
            bool refused = OutputTestRefusal(ref x);

            // The LEDs show which way the compressor pumps, so the valve polarity setting can be checked at the board.
            bool heating = HeatingPosition(settings, ref x);
            d.Heat = x.Driven.Compressor && heating ? LedState.On : LedState.Off;
            d.Cool = x.Driven.Compressor && !heating ? LedState.On : LedState.Off;
            d.Defrost = LedState.Off;
            d.Fault = refused || x.LockedOut ? LedState.Blink : LedState.Off;

            _count = 0;
            Add(PageOutputTestStep);
            if (x.LockedOut)
            {
                // A locked-out unit runs nothing that moves heat until MODE held 10 s acknowledges it.
                Add(PageLockout);
            }

            if (refused)
            {
                AddHold(x.NowMs);
            }

            if (!outputTest.Walking)
            {
                Add(PageIndoor);
                Add(PageOutdoor);
                Add(PageCoil);
            }

            DrawPage(d, CurrentPage(x.NowMs, outputTest.PhaseSinceMs), panel, ref x, fahrenheit);
        }

        /// <summary>True when the guard holds back an output output-test mode asks for; takes the reason and its end from the guard's record.</summary>
        private bool OutputTestRefusal(ref DisplayInputs x)
        {
            _hold = x.GuardRefusal;
            _holdUntilMs = x.GuardRefusedUntilMs;
            return x.GuardRefused;
        }

        /// <summary>True when the valve as driven sends the compressor's heat indoors (O polarity: de-energised; B: energised).</summary>
        private static bool HeatingPosition(ControllerSettings settings, ref DisplayInputs x)
        {
            return settings.IsHeatingPosition(x.Driven.ValveEnergised);
        }

        private void AddHold(long nowMs)
        {
            Add(PageHoldCode);
            if (_holdUntilMs != long.MaxValue && _holdUntilMs > nowMs)
            {
                Add(PageHoldCountdown);
            }
        }

        private void Add(int page)
        {
            if (_count < MaxPages)
            {
                _pages[_count++] = page;
            }
        }

        /// <summary>
        /// The page to show now: the cycle restarts when the set of pages changes (a new hold or
        /// fault shows first) or at <paramref name="baseMs"/> (the screen was entered, an output-test step began).
        /// </summary>
        private int CurrentPage(long nowMs, long baseMs)
        {
            long signature = 0;
            for (int i = 0; i < _count; i++)
            {
                signature = signature * 32 + _pages[i] + 1;
            }

            if (signature != _signature)
            {
                _signature = signature;
                _signatureSinceMs = nowMs;
            }

            if (_count == 0)
            {
                return PageTemperature;
            }

            long start = baseMs > _signatureSinceMs ? baseMs : _signatureSinceMs;
            long elapsed = nowMs > start ? nowMs - start : 0;
            return _pages[(int)((elapsed / PageMs) % _count)];
        }

        private void DrawPage(DisplayModel d, int page, PanelLogic panel, ref DisplayInputs x, bool fahrenheit)
        {
            switch (page)
            {
                case PageTemperature:
                    Temperature(d, x.IndoorHealth, x.IndoorC, fahrenheit, 0);
                    break;
                case PageHoldCode:
                    SevenSegment.Text(d, DisplayCodes.Hold(_hold), 0);
                    break;
                case PageHoldCountdown:
                    SevenSegment.Countdown(d, _holdUntilMs - x.NowMs);
                    break;
                case PageFault:
                    SevenSegment.Text(d, DisplayCodes.Fault(x.Fault), 0);
                    break;
                case PageLockout:
                    SevenSegment.Text(d, DisplayCodes.Lockout(x.Fault), 0);
                    break;
                case PageIndoorFailed:
                    SevenSegment.Text(d, DisplayCodes.Fault(FaultKind.IndoorSensor), 0);
                    break;
                case PageSwitchesInSeries:
                    SevenSegment.Text(d, DisplayCodes.SwitchesInSeries, 0);
                    break;
                case PageSettingsCorrupt:
                    SevenSegment.Text(d, DisplayCodes.SettingsCorrupt, 0);
                    break;
                case PageStuckButton:
                    SevenSegment.Text(d, DisplayCodes.StuckButton(panel.StuckButtons), 0);
                    break;
                case PageMode:
                    SevenSegment.Text(d, DisplayCodes.Mode(_mode), 0);
                    break;
                case PageDefrostWaiting:
                    SevenSegment.Text(d, DisplayCodes.DefrostWaiting, 0);
                    break;
                case PageAux:
                    SevenSegment.Text(d, DisplayCodes.Aux(_auxReason), 0);
                    break;
                case PageOutputTestStep:
                    OutputTestStepPage(d, panel.OutputTest);
                    break;
                case PageIndoor:
                    SensorPage(d, SensorRole.Indoor, x.IndoorHealth, x.IndoorC, fahrenheit);
                    break;
                case PageOutdoor:
                    SensorPage(d, SensorRole.Outdoor, x.OutdoorHealth, x.OutdoorC, fahrenheit);
                    break;
                default:
                    SensorPage(d, SensorRole.Coil, x.CoilHealth, x.CoilC, fahrenheit);
                    break;
            }
        }

        private static void OutputTestStepPage(DisplayModel d, OutputTestMode outputTest)
        {
            string name = DisplayCodes.OutputTestStepName(outputTest.Selected);
            if (outputTest.Walking)
            {
                SevenSegment.Text(d, DisplayCodes.OutputTestWalkPrefix, 0);
                SevenSegment.Text(d, name, 1);
                return;
            }

            SevenSegment.Text(d, name, 0);
            SevenSegment.Text(d, outputTest.IsOn(outputTest.Selected) ? DisplayCodes.OutputTestOn : DisplayCodes.OutputTestOff, 2);
        }

        private static void SensorPage(DisplayModel d, SensorRole role, SensorHealth health, float celsius, bool fahrenheit)
        {
            // Without a reading the dashes of NoReading fill the three positions after the letter: "i---".
            d.Digits[0] = DisplayCodes.SensorLetter(role);
            Temperature(d, health, celsius, fahrenheit, 1);
        }

        /// <summary>A temperature right-aligned from <paramref name="first"/>: "21.5" in °C, whole degrees ("71") in °F; "----" without a reading.</summary>
        private static void Temperature(DisplayModel d, SensorHealth health, float celsius, bool fahrenheit, int first)
        {
            if (health != SensorHealth.Ok && health != SensorHealth.Recovering)
            {
                SevenSegment.Text(d, DisplayCodes.NoReading, first);
                return;
            }

            if (fahrenheit)
            {
                SevenSegment.Number(d, Fahrenheit.WholeFromCelsius(celsius), false, first);
            }
            else
            {
                SevenSegment.Number(d, PanelMath.RoundHalfUp(celsius * 10f), true, first);
            }
        }
    }
}
