using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Control.Logging;
using HeatPump.Control.Sensors;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// The "learn sensors" dialog (docs/flashing.md): phases, keys and what the four digits say.
    /// Started by holding UP + DOWN while the board powers up, or from the settings menu (LrnS). It
    /// takes over the buttons and the digits while the core keeps controlling (the guard still
    /// decides every output). For each role in turn (" In ", "Out ", "CoiL", then "SuPP" for the
    /// optional supply-air probe; a dot on the last digit when the role is bound already):
    ///   MODE searches the bus and binds the one DS18B20 that is not bound to another role
    ///        ("bond"); none ("nonE") or more than one ("Err2") leaves the role as it was and asks again;
    ///   UP   keeps the role's present binding (on a board without a supply probe: skips it);
    ///   DOWN leaves the role without a sensor.
    /// Then "SAvE.": MODE stores the bindings and sets each bound sensor to 12-bit resolution
    /// ("donE"), DOWN discards them ("Abrt"). Two minutes without a key also discard them.
    /// The dialog itself touches no bus and no flash: it asks the board loop through
    /// <see cref="Action"/> and hears back through <see cref="SearchDone"/>, <see cref="Saved"/> and
    /// <see cref="Configured"/>, so it runs the same on the desktop as on the board.
    /// </summary>
    public sealed class LearnDialog
    {
        /// <summary>A result stays on the display this long unless a key is pressed.</summary>
        public const long ResultShowMs = 2000;

        /// <summary>The dialog gives up, keeping the old bindings, after this long without a key.</summary>
        public const long IdleAbortMs = 120000;

        private static readonly string[] RoleText = { " In ", "Out ", "CoiL", "SuPP" };

        private readonly SensorBindings _live;
        private readonly SensorBindings _work = new SensorBindings();
        private readonly ILog _log;
        private readonly DisplayModel _display = new DisplayModel();
        private Phase _phase;
        private int _role;
        private bool _advanceAfterResult;
        private long _phaseSinceMs;
        private long _lastKeyMs;
        private int _lastButtons;

        /// <summary>Creates the dialog over the live <paramref name="bindings"/>, logging each step on <paramref name="log"/>.</summary>
        public LearnDialog(SensorBindings bindings, ILog log)
        {
            _live = bindings;
            _log = log;
        }

        private enum Phase
        {
            Idle = 0,
            Prompt,
            Searching,
            Result,
            Confirm,
            Saving,
            Configuring,
            Closing,
        }

        /// <summary>True while the dialog owns the buttons and the digits.</summary>
        public bool Active
        {
            get { return _phase != Phase.Idle; }
        }

        /// <summary>True while the dialog needs the 1-Wire bus: temperature reads pause.</summary>
        public bool UsesBus
        {
            get { return _phase == Phase.Searching || _phase == Phase.Configuring; }
        }

        /// <summary>What the board loop must do for the dialog now.</summary>
        public LearnAction Action
        {
            get
            {
                switch (_phase)
                {
                    case Phase.Searching:
                        return LearnAction.Search;
                    case Phase.Saving:
                        return LearnAction.Save;
                    case Phase.Configuring:
                        return LearnAction.Configure;
                    default:
                        return LearnAction.None;
                }
            }
        }

        /// <summary>The bindings as the dialog has them so far (stored only on MODE at "SAvE.").</summary>
        public SensorBindings Work
        {
            get { return _work; }
        }

        /// <summary>What the digits show while active (the LEDs are the core's; the loop copies them in).</summary>
        public DisplayModel Display
        {
            get { return _display; }
        }

        /// <summary>Starts at the first role with the live bindings as the starting point.</summary>
        public void Start(long nowMs)
        {
            _work.CopyFrom(_live);
            _role = 0;
            _lastKeyMs = nowMs;
            // A key still held from the menu confirmation must be released before it counts here.
            _lastButtons = Buttons.Mode | Buttons.Up | Buttons.Down;
            Log(nowMs, "step=start");
            Prompt(nowMs);
        }

        /// <summary>One tick with the raw button flags.</summary>
        public void Tick(long nowMs, int buttons)
        {
            int pressed = buttons & ~_lastButtons;
            _lastButtons = buttons;
            if (pressed != 0)
            {
                _lastKeyMs = nowMs;
            }

            if (_phase == Phase.Idle)
            {
                return;
            }

            bool waitingForKey = _phase == Phase.Prompt || _phase == Phase.Result || _phase == Phase.Confirm;
            if (waitingForKey && nowMs - _lastKeyMs > IdleAbortMs)
            {
                Log(nowMs, "step=timeout");
                Close("Abrt", nowMs);
                return;
            }

            switch (_phase)
            {
                case Phase.Prompt:
                    OnPrompt(pressed, nowMs);
                    break;
                case Phase.Result:
                    if (pressed != 0 || nowMs - _phaseSinceMs >= ResultShowMs)
                    {
                        if (_advanceAfterResult)
                        {
                            NextRole(nowMs);
                        }
                        else
                        {
                            Prompt(nowMs);
                        }
                    }

                    break;
                case Phase.Confirm:
                    OnConfirm(pressed, nowMs);
                    break;
                case Phase.Closing:
                    if (nowMs - _phaseSinceMs >= ResultShowMs)
                    {
                        _phase = Phase.Idle;
                    }

                    break;
            }
        }

        /// <summary>The search the dialog asked for has finished: bind the one candidate, if there is exactly one.</summary>
        public void SearchDone(BusSearch search, long nowMs)
        {
            if (_phase != Phase.Searching)
            {
                return;
            }

            int candidates = 0;
            int candidateAt = -1;
            byte[] roms = search.Roms;
            for (int i = 0; i < search.Kept; i++)
            {
                int at = i * RomCode.Length;
                if (!RomCode.IsDs18b20(roms, at))
                {
                    Log(nowMs, "step=foreign rom=" + RomCode.ToHex(roms, at));
                    continue;
                }

                int owner = _work.RoleOf(roms, at);
                if (owner < 0 || owner == _role)
                {
                    candidates++;
                    candidateAt = at;
                }
            }

            Log(nowMs, "step=search role=" + SensorBindings.RoleKey(_role) + " found=" + search.Found.ToString() + " candidates=" + candidates.ToString());
            if (candidates == 1)
            {
                _work.Bind((SensorRole)_role, roms, candidateAt);
                Log(nowMs, "step=bind role=" + SensorBindings.RoleKey(_role) + " rom=" + RomCode.ToHex(roms, candidateAt));
                Result("bond", true, nowMs);
            }
            else
            {
                Result(candidates == 0 ? "nonE" : "Err2", false, nowMs);
            }
        }

        /// <summary>The bindings were stored (<paramref name="ok"/>) or the store refused them.</summary>
        public void Saved(bool ok, long nowMs)
        {
            if (_phase != Phase.Saving)
            {
                return;
            }

            Log(nowMs, "step=save ok=" + (ok ? "1" : "0"));
            _phase = Phase.Configuring;
            Show(ok ? "SAvE" : "Err ", nowMs);
        }

        /// <summary>Every bound sensor has been set to 12-bit resolution: the dialog ends.</summary>
        public void Configured(long nowMs)
        {
            if (_phase == Phase.Configuring)
            {
                Close("donE", nowMs);
            }
        }

        private void OnPrompt(int pressed, long nowMs)
        {
            if ((pressed & Buttons.Mode) != 0)
            {
                _phase = Phase.Searching;
                Show("----", nowMs);
            }
            else if ((pressed & Buttons.Up) != 0)
            {
                Log(nowMs, "step=keep role=" + SensorBindings.RoleKey(_role));
                NextRole(nowMs);
            }
            else if ((pressed & Buttons.Down) != 0)
            {
                _work.Unbind((SensorRole)_role);
                Log(nowMs, "step=clear role=" + SensorBindings.RoleKey(_role));
                NextRole(nowMs);
            }
        }

        private void OnConfirm(int pressed, long nowMs)
        {
            if ((pressed & Buttons.Mode) != 0)
            {
                _phase = Phase.Saving;
            }
            else if ((pressed & Buttons.Down) != 0)
            {
                Log(nowMs, "step=discard");
                Close("Abrt", nowMs);
            }
        }

        private void Prompt(long nowMs)
        {
            _phase = Phase.Prompt;
            Show(RoleText[_role], nowMs);
            _display.Dots[3] = _work.IsBound((SensorRole)_role);
        }

        private void NextRole(long nowMs)
        {
            _role++;
            if (_role < SensorBindings.RoleCount)
            {
                Prompt(nowMs);
                return;
            }

            _phase = Phase.Confirm;
            Show("SAvE", nowMs);
            _display.Dots[3] = true;
        }

        private void Result(string text, bool advance, long nowMs)
        {
            _phase = Phase.Result;
            _advanceAfterResult = advance;
            Show(text, nowMs);
        }

        private void Close(string text, long nowMs)
        {
            _phase = Phase.Closing;
            Show(text, nowMs);
        }

        private void Show(string text, long nowMs)
        {
            _phaseSinceMs = nowMs;
            SevenSegment.Word(_display, text);
        }

        private void Log(long nowMs, string body)
        {
            _log.Line(LogFormat.Line("LEARN", nowMs, body));
        }
    }
}
