using HeatPump.Control.FrontPanel;
using HeatPump.Control.Hal;
using HeatPump.Firmware.Storage;

namespace HeatPump.Firmware.OneWire
{
    /// <summary>
    /// The "learn sensors" procedure (docs/flashing.md), started by holding UP + DOWN while the board
    /// powers up (the loop can also start it from a panel request). It takes over the buttons and the four digits while the core keeps controlling (the guard
    /// still decides every output). For each role in turn (" In ", "Out ", "CoiL"; a dot on the last
    /// digit when the role is bound already):
    ///   MODE searches the bus and binds the one DS18B20 that is not bound to another role
    ///        ("bond"); none ("nonE") or more than one ("Err2") leaves the role as it was and asks again;
    ///   UP   keeps the role's present binding;
    ///   DOWN leaves the role without a sensor.
    /// Then "SAvE": MODE writes the bindings to flash and sets each bound sensor to 12-bit resolution,
    /// DOWN discards them ("Abrt"). Two minutes without a key also discard them. Connecting the sensors
    /// one at a time while learning from scratch makes each search find exactly one new sensor.
    /// </summary>
    internal sealed class SensorLearn
    {
        /// <summary>A result stays on the display this long unless a key is pressed.</summary>
        public const long ResultShowMs = 2000;

        /// <summary>The procedure gives up, keeping the old bindings, after this long without a key.</summary>
        public const long IdleAbortMs = 120000;

        private static readonly string[] RoleText = { " In ", "Out ", "CoiL" };

        private readonly Ds18b20Bus _bus;
        private readonly BusSearch _search;
        private readonly SensorBindings _live;
        private readonly SensorBindings _work = new SensorBindings();
        private readonly SerialLog _log;
        private readonly DisplayModel _display = new DisplayModel();
        private Phase _phase;
        private int _role;
        private bool _advanceAfterResult;
        private long _phaseSinceMs;
        private long _lastKeyMs;
        private int _lastButtons;

        /// <summary>Creates the procedure over the live <paramref name="bindings"/>.</summary>
        public SensorLearn(Ds18b20Bus bus, BusSearch search, SensorBindings bindings, SerialLog log)
        {
            _bus = bus;
            _search = search;
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
            Configuring,
            Closing,
        }

        /// <summary>True while the procedure owns the buttons and the digits.</summary>
        public bool Active
        {
            get { return _phase != Phase.Idle; }
        }

        /// <summary>True while the procedure uses the 1-Wire bus: temperature reads pause.</summary>
        public bool UsesBus
        {
            get { return _phase == Phase.Searching || _phase == Phase.Configuring; }
        }

        /// <summary>What the digits show while active (the LEDs are the core's; the loop copies them in).</summary>
        public DisplayModel Display
        {
            get { return _display; }
        }

        /// <summary>Starts the procedure at the first role with the present bindings as the starting point.</summary>
        public void Start(long nowMs)
        {
            _work.CopyFrom(_live);
            _role = 0;
            _lastKeyMs = nowMs;
            // A key still held from the menu confirmation must be released before it counts here.
            _lastButtons = Buttons.Mode | Buttons.Up | Buttons.Down;
            _log.Record("LEARN", "step=start");
            Prompt(nowMs);
        }

        /// <summary>One tick with the raw button flags; returns true in the tick the new bindings were saved.</summary>
        public bool Tick(long nowMs, int buttons)
        {
            int pressed = buttons & ~_lastButtons;
            _lastButtons = buttons;
            if (pressed != 0)
            {
                _lastKeyMs = nowMs;
            }

            if (_phase != Phase.Idle && _phase != Phase.Closing && nowMs - _lastKeyMs > IdleAbortMs)
            {
                _log.Record("LEARN", "step=timeout");
                Close("Abrt", nowMs);
                return false;
            }

            switch (_phase)
            {
                case Phase.Prompt:
                    OnPrompt(pressed, nowMs);
                    return false;
                case Phase.Searching:
                    if (_search.Step(_bus.Host))
                    {
                        Evaluate(nowMs);
                    }

                    return false;
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

                    return false;
                case Phase.Confirm:
                    return OnConfirm(pressed, nowMs);
                case Phase.Configuring:
                    Configure(nowMs);
                    return false;
                case Phase.Closing:
                    if (nowMs - _phaseSinceMs >= ResultShowMs)
                    {
                        _phase = Phase.Idle;
                    }

                    return false;
                default:
                    return false;
            }
        }

        private void OnPrompt(int pressed, long nowMs)
        {
            if ((pressed & Buttons.Mode) != 0)
            {
                _search.Begin();
                _phase = Phase.Searching;
                Show("----", nowMs);
            }
            else if ((pressed & Buttons.Up) != 0)
            {
                _log.Record("LEARN", "step=keep role=" + SensorBindings.RoleKey(_role));
                NextRole(nowMs);
            }
            else if ((pressed & Buttons.Down) != 0)
            {
                _work.Unbind((Control.Sensors.SensorRole)_role);
                _log.Record("LEARN", "step=clear role=" + SensorBindings.RoleKey(_role));
                NextRole(nowMs);
            }
        }

        private void Evaluate(long nowMs)
        {
            int candidates = 0;
            int candidateAt = -1;
            byte[] roms = _search.Roms;
            for (int i = 0; i < _search.Kept; i++)
            {
                int at = i * RomCode.Length;
                if (!RomCode.IsDs18b20(roms, at))
                {
                    _log.Record("LEARN", "step=foreign rom=" + RomCode.ToHex(roms, at));
                    continue;
                }

                int owner = _work.RoleOf(roms, at);
                if (owner < 0 || owner == _role)
                {
                    candidates++;
                    candidateAt = at;
                }
            }

            _log.Record("LEARN", "step=search role=" + SensorBindings.RoleKey(_role) + " found=" + _search.Found.ToString() + " candidates=" + candidates.ToString());
            if (candidates == 1)
            {
                _work.Bind((Control.Sensors.SensorRole)_role, roms, candidateAt);
                _log.Record("LEARN", "step=bind role=" + SensorBindings.RoleKey(_role) + " rom=" + RomCode.ToHex(roms, candidateAt));
                Result("bond", true, nowMs);
            }
            else
            {
                Result(candidates == 0 ? "nonE" : "Err2", false, nowMs);
            }
        }

        private bool OnConfirm(int pressed, long nowMs)
        {
            if ((pressed & Buttons.Mode) != 0)
            {
                _live.CopyFrom(_work);
                bool saved = SensorRomFile.Save(_live);
                _log.Record("LEARN", "step=save ok=" + (saved ? "1" : "0"));
                _role = 0;
                _phase = Phase.Configuring;
                Show(saved ? "SAvE" : "Err ", nowMs);
                return true;
            }

            if ((pressed & Buttons.Down) != 0)
            {
                _log.Record("LEARN", "step=discard");
                Close("Abrt", nowMs);
            }

            return false;
        }

        private void Configure(long nowMs)
        {
            // One sensor per tick: each configuration write holds the bus for about 25 ms.
            if (_role < SensorBindings.RoleCount)
            {
                int at = _role * RomCode.Length;
                if (!RomCode.IsEmpty(_live.Roms, at))
                {
                    _bus.SetTwelveBit(_live.Roms, at);
                }

                _role++;
                return;
            }

            Close("donE", nowMs);
        }

        private void Prompt(long nowMs)
        {
            _phase = Phase.Prompt;
            Show(RoleText[_role], nowMs);
            _display.Dots[3] = _work.IsBound((Control.Sensors.SensorRole)_role);
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
            for (int i = 0; i < 4; i++)
            {
                _display.Digits[i] = i < text.Length ? text[i] : ' ';
                _display.Dots[i] = false;
            }

            _display.Colon = false;
        }
    }
}
