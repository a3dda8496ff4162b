using HeatPump.Control.Hal;
using HeatPump.Control.Service;
using HeatPump.Control.Settings;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>
    /// The MODE / UP / DOWN buttons as pure logic: raw levels in, mode and setpoint changes, the
    /// read-only service page, the installer code that guards the settings menu, output-test mode and
    /// requests (lockout reset, output-test toggle, sensor search for one tick; a forced defrost until it
    /// starts or is refused) out. Every accepted change goes through <see cref="ControllerSettings"/>, whose
    /// Revision the persister watches. Allocates nothing after construction.
    /// </summary>
    public sealed class PanelLogic
    {
        /// <summary>How long the setpoint stays on the display after the last UP/DOWN step.</summary>
        public const long SetpointShowMs = 3000;

        /// <summary>How long the mode name stays on the display after MODE.</summary>
        public const long ModeShowMs = 2000;

        /// <summary>How long a confirmation stays on the display.</summary>
        public const long NoticeShowMs = 2000;

        /// <summary>The menu closes (back home) this long after the last key.</summary>
        public const long MenuTimeoutMs = 30000;

        /// <summary>On arriving at a menu item its code shows this long, then its value.</summary>
        public const long MenuCodeShowMs = 1000;

        /// <summary>Setpoint step in °C display units, raw 0.1 °C (0.5 °C).</summary>
        public const int CelsiusStepRaw = 5;

        /// <summary>
        /// The installer code that unlocks the settings menu (docs/front-panel.md): entered with UP/DOWN
        /// after a long MODE press and MODE on the service page. It keeps the menu from a homeowner who
        /// explores the buttons, as thermostats' installer setup does; it is no secret from the trade.
        /// </summary>
        public const int InstallerCode = 26;

        /// <summary>Installer codes run 0 .. CodeRange − 1 and wrap.</summary>
        public const int CodeRange = 100;

        /// <summary>A forced defrost waits this long for a heating run before it is refused, ms (30 min).</summary>
        public const long DefrostWaitMs = 30L * 60L * 1000L;

        /// <summary>Pages of the service page before the faults: outdoor, coil, run hours, starts, defrosts.</summary>
        public const int ServiceFixedPages = 5;

        private readonly ControllerSettings _settings;
        private readonly ButtonDecoder _keys = new ButtonDecoder();
        private readonly OutputTestMode _outputTest = new OutputTestMode();

        private long _lastKeyMs;
        private long _itemSinceMs;
        private long _defrostSinceMs;

        // Output-test mode opens only for MODE + DOWN held from power-up (an installer action); see Update.
        private bool _seenFirstTick;
        private bool _outputTestComboSincePowerUp;

        // Undo of the step made by the first button of a combination (see UndoFirstStep).
        private bool _undoArmed;
        private long _undoPressMs;
        private int _undoHeat;
        private int _undoCool;
        private int _undoMenuRaw;

        /// <summary>Creates the panel logic editing <paramref name="settings"/>.</summary>
        public PanelLogic(ControllerSettings settings)
        {
            _settings = settings;
            EditingSetpoint = SettingId.HeatSetpoint;
        }

        /// <summary>True for the one tick in which the user asked to clear a lockout (MODE held 10 s).</summary>
        public bool ResetRequested { get; private set; }

        /// <summary>True for the one tick in which the user asked to enter output-test mode (MODE + DOWN held 5 s from power-up) or leave it (MODE + DOWN held 5 s).</summary>
        public bool OutputTestToggleRequested { get; private set; }

        /// <summary>True for the one tick in which the user asked for a forced defrost (MODE + UP held 5 s).</summary>
        public bool DefrostRequested { get; private set; }

        /// <summary>True for the one tick in which the user confirmed "LrnS": the firmware should search the 1-Wire bus again.</summary>
        public bool LearnSensorsRequested { get; private set; }

        /// <summary>The installer confirmed "CoMM" in the menu this tick: the control core starts the commissioning run.</summary>
        public bool CommissioningRequested { get; private set; }

        /// <summary>
        /// True for the one tick in which output-test mode ended: the control core must drive everything off
        /// and call <c>SafetyGuard.Restart(now, stagger)</c> so control restarts from the power-up state.
        /// </summary>
        public bool LeftOutputTestThisTick
        {
            get { return _outputTest.LeftThisTick; }
        }

        /// <summary>The screen the keys act on.</summary>
        public PanelScreen Screen { get; private set; }

        /// <summary>When <see cref="Screen"/> was entered or last refreshed by a key, ms.</summary>
        public long ScreenSinceMs { get; private set; }

        /// <summary>The setpoint shown and stepped on the <see cref="PanelScreen.Setpoint"/> screen.</summary>
        public SettingId EditingSetpoint { get; private set; }

        /// <summary>The service log the service page reads; null shows no counters or faults.</summary>
        public ServiceLog Service { get; set; }

        /// <summary>The service page shown (0 outdoor, 1 coil, 2 run hours, 3 starts, 4 defrosts, 5… faults, newest first).</summary>
        public int ServiceIndex { get; private set; }

        /// <summary>Pages of the service page: the fixed ones and one per kept fault (at least one, saying "none").</summary>
        public int ServicePageCount
        {
            get
            {
                int faults = Service == null ? 0 : Service.Count;
                return ServiceFixedPages + (faults > 0 ? faults : 1);
            }
        }

        /// <summary>When the service page or menu item shown was arrived at, ms: its label shows first, for <see cref="MenuCodeShowMs"/>.</summary>
        public long ItemSinceMs
        {
            get { return _itemSinceMs; }
        }

        /// <summary>The installer code as entered so far on the <see cref="PanelScreen.Code"/> screen.</summary>
        public int CodeEntry { get; private set; }

        /// <summary>
        /// True from a forced-defrost request (MODE + UP 5 s) until the defrost starts or is refused: the
        /// control core keeps asking the controller, and the home screen shows that it waits.
        /// </summary>
        public bool DefrostPending { get; private set; }

        /// <summary>The menu item shown (index into <see cref="PanelMenu"/>) while the menu is open.</summary>
        public int MenuIndex { get; private set; }

        /// <summary>The menu item shown.</summary>
        public MenuItem CurrentMenuItem
        {
            get { return PanelMenu.At(MenuIndex); }
        }

        /// <summary>True while the menu shows the item's code rather than its value.</summary>
        public bool MenuShowsCode { get; private set; }

        /// <summary>For an action item: YES selected (MODE then runs it); false shows "no".</summary>
        public bool MenuConfirm { get; private set; }

        /// <summary>The confirmation shown on the <see cref="PanelScreen.Notice"/> screen.</summary>
        public PanelNotice Notice { get; private set; }

        /// <summary>Buttons held so long they count as stuck (<see cref="Buttons"/> flags); 0 when none.</summary>
        public int StuckButtons
        {
            get { return _keys.StuckButtons; }
        }

        /// <summary>The decoded button events of the last tick.</summary>
        public ButtonDecoder Keys
        {
            get { return _keys; }
        }

        /// <summary>Output-test mode: while <see cref="OutputTestMode.Active"/>, its outputs replace the controller's.</summary>
        public OutputTestMode OutputTest
        {
            get { return _outputTest; }
        }

        /// <summary>Takes this tick's raw button levels (<see cref="Buttons"/> flags) at <paramref name="nowMs"/>.</summary>
        public void Update(int buttonLevels, long nowMs)
        {
            ResetRequested = false;
            OutputTestToggleRequested = false;
            DefrostRequested = false;
            LearnSensorsRequested = false;
            CommissioningRequested = false;

            _keys.Update(buttonLevels, nowMs);
            if (_keys.Activity)
            {
                _lastKeyMs = nowMs;
            }

            TrackUndo(nowMs);

            // Output-test mode is entered only by MODE + DOWN held from power-up; once in, the same combination
            // leaves. (UP + DOWN at power-up belongs to the firmware's sensor learning.)
            bool combo = buttonLevels == ButtonDecoder.OutputTestCombination;
            _outputTestComboSincePowerUp = combo && (_outputTestComboSincePowerUp || !_seenFirstTick);
            _seenFirstTick = true;
            OutputTestToggleRequested = _keys.OutputTestCombo && (_outputTest.Active || _outputTestComboSincePowerUp);
            ResetRequested = _keys.VeryLongPress;
            _outputTest.Update(_keys, OutputTestToggleRequested, nowMs);
            if (_outputTest.Active)
            {
                // Output-test mode owns the keys; only the lockout reset above still counts.
                if (Screen != PanelScreen.OutputTest)
                {
                    Show(PanelScreen.OutputTest, nowMs);
                }

                return;
            }

            if (Screen == PanelScreen.OutputTest)
            {
                Show(PanelScreen.Home, nowMs);
            }

            if (ResetRequested)
            {
                ShowNotice(PanelNotice.LockoutReset, nowMs);
                return;
            }

            if (_keys.DefrostCombo)
            {
                DefrostRequested = true;
                if (!DefrostPending)
                {
                    DefrostPending = true;
                    _defrostSinceMs = nowMs;
                }

                ShowNotice(PanelNotice.DefrostRequested, nowMs);
                return;
            }

            if (_keys.LongPress)
            {
                if (Screen == PanelScreen.Menu || Screen == PanelScreen.Service || Screen == PanelScreen.Code)
                {
                    Show(PanelScreen.Home, nowMs);
                }
                else
                {
                    OpenService(nowMs);
                }

                return;
            }

            ExpireScreen(nowMs);
            switch (Screen)
            {
                case PanelScreen.Menu:
                    MenuKeys(nowMs);
                    break;
                case PanelScreen.Service:
                    ServiceKeys(nowMs);
                    break;
                case PanelScreen.Code:
                    CodeKeys(nowMs);
                    break;
                default:
                    HomeKeys(nowMs);
                    break;
            }
        }

        /// <summary>
        /// Call after the controller's step with its state: a waiting forced defrost ends when the
        /// defrost begins, and is refused — visibly, with <see cref="PanelNotice.DefrostRefused"/> —
        /// when the unit is not heating (Off, Cool, Fault) or no heating run came within <see cref="DefrostWaitMs"/>.
        /// </summary>
        public void ObserveControl(TopState state, long nowMs)
        {
            if (!DefrostPending)
            {
                return;
            }

            if (state == TopState.Defrost)
            {
                DefrostPending = false;
                return;
            }

            if (state != TopState.Heat || nowMs - _defrostSinceMs >= DefrostWaitMs)
            {
                DefrostPending = false;
                ShowNotice(PanelNotice.DefrostRefused, nowMs);
            }
        }

        private void Show(PanelScreen screen, long nowMs)
        {
            Screen = screen;
            ScreenSinceMs = nowMs;
        }

        private void ShowNotice(PanelNotice notice, long nowMs)
        {
            Notice = notice;
            Show(PanelScreen.Notice, nowMs);
        }

        private void ExpireScreen(long nowMs)
        {
            long age = nowMs - ScreenSinceMs;
            bool expired;
            switch (Screen)
            {
                case PanelScreen.Mode:
                    expired = age >= ModeShowMs;
                    break;
                case PanelScreen.Notice:
                    expired = age >= NoticeShowMs;
                    break;
                case PanelScreen.Setpoint:
                    expired = age >= SetpointShowMs;
                    break;
                case PanelScreen.Menu:
                case PanelScreen.Service:
                case PanelScreen.Code:
                    expired = nowMs - _lastKeyMs >= MenuTimeoutMs;
                    break;
                default:
                    expired = false;
                    break;
            }

            if (expired)
            {
                Show(PanelScreen.Home, nowMs);
            }
        }

        /// <summary>MODE cycles Off → Heat → Cool → Auto → emergency heat → Off.</summary>
        private const int ModeCount = 5;

        private void HomeKeys(long nowMs)
        {
            UserMode mode = _settings.Mode;
            if ((_keys.ShortPressed & Buttons.Mode) != 0)
            {
                if (Screen == PanelScreen.Setpoint && mode == UserMode.Auto)
                {
                    // In Auto, MODE while a setpoint shows switches between the heat and cool setpoints.
                    EditingSetpoint = EditingSetpoint == SettingId.HeatSetpoint ? SettingId.CoolSetpoint : SettingId.HeatSetpoint;
                    Show(PanelScreen.Setpoint, nowMs);
                }
                else
                {
                    _settings.TrySet(SettingId.Mode, ((int)mode + 1) % ModeCount);
                    Show(PanelScreen.Mode, nowMs);
                }

                return;
            }

            if (_keys.UpSteps == 0 && _keys.DownSteps == 0)
            {
                return;
            }

            if (mode == UserMode.Off)
            {
                // No setpoint is active in Off: show the mode so the user sees why nothing changes.
                Show(PanelScreen.Mode, nowMs);
                return;
            }

            bool showing = Screen == PanelScreen.Setpoint;
            int net = _keys.UpSteps - _keys.DownSteps;
            if (mode == UserMode.Heat || mode == UserMode.EmergencyHeat)
            {
                EditingSetpoint = SettingId.HeatSetpoint;
            }
            else if (mode == UserMode.Cool)
            {
                EditingSetpoint = SettingId.CoolSetpoint;
            }
            else if (!showing)
            {
                // Auto: the first press shows the heat setpoint; MODE swaps to cool.
                EditingSetpoint = SettingId.HeatSetpoint;
            }

            if (!showing)
            {
                // In every mode the first press only shows the setpoint; the next ones step it.
                net = net > 0 ? net - 1 : (net < 0 ? net + 1 : 0);
            }

            StepSetpoint(EditingSetpoint, net);
            Show(PanelScreen.Setpoint, nowMs);
        }

        private void StepSetpoint(SettingId which, int net)
        {
            if (net == 0)
            {
                return;
            }

            SettingDefinition d = SettingsCatalog.Get(which);
            int current = _settings.Get(which);
            int target;
            if (_settings.DisplaysFahrenheit)
            {
                // °F: step the whole °F shown, then back to the nearest 0.5 °C grid point (see Fahrenheit).
                target = Fahrenheit.RawFromWhole(Fahrenheit.WholeFromRaw(current) + net, d);
            }
            else
            {
                target = PanelMath.SnapDown(current + net * CelsiusStepRaw, d);
            }

            SetSetpointKeepingGap(which, PanelMath.Clamp(target, d.Min, d.Max));
        }

        // ---- Setpoint gap push: ControllerSettings keeps cool ≥ heat + AutoMinGap; the panel only clamps ----

        /// <summary>
        /// Sets a setpoint; ControllerSettings pushes the other one to keep the Auto gap. The value is
        /// first limited so the push never takes the other setpoint out of its range, so a key press is
        /// never refused (and never builds a reason string in the tick).
        /// </summary>
        private void SetSetpointKeepingGap(SettingId which, int raw)
        {
            int gap = _settings.Get(SettingId.AutoMinGap);
            SettingDefinition heatDef = SettingsCatalog.Get(SettingId.HeatSetpoint);
            SettingDefinition coolDef = SettingsCatalog.Get(SettingId.CoolSetpoint);
            raw = which == SettingId.HeatSetpoint
                ? PanelMath.Clamp(raw, heatDef.Min, PanelMath.SnapDown(coolDef.Max - gap, heatDef))
                : PanelMath.Clamp(raw, PanelMath.SnapUp(heatDef.Min + gap, coolDef), coolDef.Max);
            _settings.TrySetSetpoint(which, raw);
        }

        /// <summary>Sets the Auto gap, first lowering the heat setpoint when cool could not rise far enough.</summary>
        private void SetGapKeepingSetpoints(int gap)
        {
            SettingDefinition heatDef = SettingsCatalog.Get(SettingId.HeatSetpoint);
            SettingDefinition coolDef = SettingsCatalog.Get(SettingId.CoolSetpoint);
            if (_settings.Get(SettingId.HeatSetpoint) + gap > coolDef.Max)
            {
                SetSetpointKeepingGap(SettingId.HeatSetpoint, PanelMath.SnapDown(coolDef.Max - gap, heatDef));
            }

            _settings.TrySet(SettingId.AutoMinGap, gap);
        }

        // ---- end of the setpoint gap push ----

        private void OpenService(long nowMs)
        {
            ServiceIndex = 0;
            _itemSinceMs = nowMs;
            Show(PanelScreen.Service, nowMs);
        }

        private void ServiceKeys(long nowMs)
        {
            if ((_keys.ShortPressed & Buttons.Mode) != 0)
            {
                // MODE on the service page asks for the installer code; the menu opens only with it.
                CodeEntry = 0;
                Show(PanelScreen.Code, nowMs);
                return;
            }

            int net = _keys.UpSteps - _keys.DownSteps;
            if (net != 0)
            {
                ServiceIndex = Wrap(ServiceIndex + net, ServicePageCount);
                _itemSinceMs = nowMs;
            }
            else if (ServiceIndex >= ServicePageCount)
            {
                ServiceIndex = 0;
            }
        }

        private void CodeKeys(long nowMs)
        {
            if ((_keys.ShortPressed & Buttons.Mode) != 0)
            {
                if (CodeEntry == InstallerCode)
                {
                    OpenMenu(nowMs);
                }
                else
                {
                    ShowNotice(PanelNotice.WrongCode, nowMs);
                }

                CodeEntry = 0;
                return;
            }

            CodeEntry = Wrap(CodeEntry + _keys.UpSteps - _keys.DownSteps, CodeRange);
        }

        private static int Wrap(int value, int range)
        {
            int m = value % range;
            return m < 0 ? m + range : m;
        }

        private void OpenMenu(long nowMs)
        {
            MenuIndex = 0;
            EnterMenuItem(nowMs);
            Show(PanelScreen.Menu, nowMs);
        }

        private void EnterMenuItem(long nowMs)
        {
            MenuShowsCode = true;
            MenuConfirm = false;
            _itemSinceMs = nowMs;
        }

        private void MenuKeys(long nowMs)
        {
            MenuItem item = CurrentMenuItem;
            if ((_keys.ShortPressed & Buttons.Mode) != 0)
            {
                if (item.Action != MenuAction.None && MenuConfirm)
                {
                    RunAction(item.Action, nowMs);
                    return;
                }

                MenuIndex++;
                if (MenuIndex >= PanelMenu.Count)
                {
                    MenuIndex = 0;
                    Show(PanelScreen.Home, nowMs);
                    return;
                }

                EnterMenuItem(nowMs);
                return;
            }

            if (_keys.UpSteps != 0 || _keys.DownSteps != 0)
            {
                MenuShowsCode = false;
                int net = _keys.UpSteps - _keys.DownSteps;
                if (item.Action != MenuAction.None)
                {
                    if (net != 0)
                    {
                        MenuConfirm = net > 0;
                    }
                }
                else if (net != 0)
                {
                    StepMenuValue(item.Setting, net);
                }
            }
            else if (MenuShowsCode && nowMs - _itemSinceMs >= MenuCodeShowMs)
            {
                MenuShowsCode = false;
            }
        }

        private void StepMenuValue(SettingId id, int net)
        {
            SettingDefinition d = SettingsCatalog.Get(id);
            int current = _settings.Get(id);
            int raw = _settings.DisplaysFahrenheit && PanelMenu.IsTemperature(d)
                ? Fahrenheit.RawFromWhole(Fahrenheit.WholeFromRaw(current) + net, d)
                : PanelMath.Clamp(current + net * d.Step, d.Min, d.Max);
            if (id == SettingId.AutoMinGap)
            {
                SetGapKeepingSetpoints(raw);
            }
            else
            {
                _settings.TrySet(id, raw);
            }
        }

        private void RunAction(MenuAction action, long nowMs)
        {
            MenuIndex = 0;
            if (action == MenuAction.FactoryReset)
            {
                _settings.ResetToDefaults();
                ShowNotice(PanelNotice.FactoryReset, nowMs);
            }
            else if (action == MenuAction.Commission)
            {
                CommissioningRequested = true;
                ShowNotice(PanelNotice.Commissioning, nowMs);
            }
            else
            {
                LearnSensorsRequested = true;
                ShowNotice(PanelNotice.LearnSensors, nowMs);
            }
        }

        /// <summary>
        /// A combination starts with one button; if that was UP or DOWN its first step already moved a
        /// setpoint or menu value. When the second button joins before auto-repeat would have begun,
        /// the user meant the combination, so that step is undone.
        /// </summary>
        private void TrackUndo(long nowMs)
        {
            int stepKeys = Buttons.Up | Buttons.Down;
            if ((_keys.Pressed & stepKeys) != 0 && _keys.Down == (_keys.Pressed & stepKeys))
            {
                _undoArmed = true;
                _undoPressMs = nowMs;
                _undoHeat = _settings.Get(SettingId.HeatSetpoint);
                _undoCool = _settings.Get(SettingId.CoolSetpoint);
                _undoMenuRaw = Screen == PanelScreen.Menu ? _settings.Get(CurrentMenuItem.Setting) : 0;
                return;
            }

            if (_keys.ComboStarted && _undoArmed && nowMs - _undoPressMs < ButtonDecoder.RepeatDelayMs)
            {
                _settings.TrySet(SettingId.HeatSetpoint, _undoHeat);
                _settings.TrySet(SettingId.CoolSetpoint, _undoCool);
                if (Screen == PanelScreen.Menu && CurrentMenuItem.Action == MenuAction.None)
                {
                    _settings.TrySet(CurrentMenuItem.Setting, _undoMenuRaw);
                }
            }

            if (_keys.ComboStarted || _keys.Released != 0)
            {
                _undoArmed = false;
            }
        }
    }
}
