using HeatPump.Control.Hal;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>
    /// Output-test mode for the installer (docs/front-panel.md "Output-test mode"). Entered
    /// only by MODE + DOWN held from power-up for 5 s — an installer action, as the TEST pins of
    /// defrost boards are — and left by the same combination (or 15 minutes without a key). While
    /// active its <see cref="Outputs"/> replace the controller's commands; the SafetyGuard still sits
    /// after it, so the compressor keeps its minimum off time, the valve its quiet shift, and neither
    /// the compressor runs without the outdoor fan (outside the defrost step) nor the strips without the
    /// blower. First an automatic walk: each of the four plain outputs alone for <see cref="WalkStepMs"/>
    /// (aux with the blower), then a heating run, a reverse cycle and a cooling run, each for at least
    /// the minimum run with its fans; then manual control: UP/DOWN select an output, MODE toggles it.
    /// Leaving returns through the power-up state (<see cref="LeftThisTick"/>).
    /// </summary>
    public sealed class OutputTestMode
    {
        /// <summary>How long each plain output is on during the walk.</summary>
        public const long WalkStepMs = 5000;

        /// <summary>A refrigerant step of the walk that the guard has held this long without a run moves on.</summary>
        public const long WalkHoldLimitMs = 10L * 60L * 1000L;

        /// <summary>Output-test mode ends by itself this long after the last key (or the end of the walk), so a unit left in it goes back to normal control.</summary>
        public const long IdleExitMs = 15L * 60L * 1000L;

        /// <summary>Number of outputs manual control selects among (the walk's refrigerant steps follow them).</summary>
        public const int OutputCount = 5;

        /// <summary>Number of walk steps: the four plain outputs, then heat, defrost and cool runs.</summary>
        public const int WalkSteps = 7;

        private int _on;
        private int _swallow;
        private long _lastKeyMs;
        private long _lastMs;
        private long _stepStartMs;
        private long _stepRunMs;
        private long _stepHeldMs;
        private bool _shifted;
        private OutputState _outputs;
        private long _minRunMs = 180000;
        private bool _valveEnergisedInHeat;
        private bool _compressorDriven;
        private bool _valveDriven;

        /// <summary>True while output-test mode drives the outputs.</summary>
        public bool Active { get; private set; }

        /// <summary>True during the automatic walk, false in manual control.</summary>
        public bool Walking { get; private set; }

        /// <summary>The output shown: the one lit during the walk, the one UP/DOWN selected in manual control.</summary>
        public OutputTestStep Selected { get; private set; }

        /// <summary>When the present walk step began, or the last key in manual control, ms: the display's page cycle starts here.</summary>
        public long PhaseSinceMs { get; private set; }

        /// <summary>True for the one tick in which output-test mode was entered.</summary>
        public bool EnteredThisTick { get; private set; }

        /// <summary>
        /// True for the one tick in which output-test mode was left (by the combination or the idle time).
        /// In that tick the control core must request every output off and call
        /// <c>SafetyGuard.Restart(now, stagger)</c>, so normal control restarts from the power-up state.
        /// </summary>
        public bool LeftThisTick { get; private set; }

        /// <summary>What output-test mode asks for (all off when inactive): the guard still applies.</summary>
        public OutputState Outputs
        {
            get { return _outputs; }
        }

        /// <summary>True when output-test mode asks for the compressor (by hand or in a walk step), read without copying <see cref="Outputs"/>.</summary>
        public bool WantsCompressor
        {
            get { return _outputs.Compressor; }
        }

        /// <summary>The valve level output-test mode asks for, read without copying <see cref="Outputs"/>.</summary>
        public bool WantsValveEnergised
        {
            get { return _outputs.ValveEnergised; }
        }

        /// <summary>Copies <see cref="Outputs"/> into <paramref name="requested"/>, without a heap copy on nanoCLR.</summary>
        public void CopyOutputsTo(ref OutputState requested)
        {
            requested.CopyFrom(ref _outputs);
        }

        /// <summary>True when output-test mode asks for <paramref name="output"/> on (in manual control, or as the walk's present step).</summary>
        public bool IsOn(OutputTestStep output)
        {
            return (_on & (1 << (int)output)) != 0;
        }

        /// <summary>
        /// What the walk needs to know, each tick before <see cref="Update"/>: the minimum run, the O/B
        /// polarity, and what the guard drove last tick (a refrigerant step counts its time from the
        /// moment the compressor really runs).
        /// </summary>
        public void See(long minRunMs, bool valveEnergisedInHeat, bool compressorDriven, bool valveDriven)
        {
            _minRunMs = minRunMs;
            _valveEnergisedInHeat = valveEnergisedInHeat;
            _compressorDriven = compressorDriven;
            _valveDriven = valveDriven;
        }

        /// <summary>Advances one tick: <paramref name="toggle"/> enters or leaves; otherwise the walk and the keys act.</summary>
        public void Update(ButtonDecoder keys, bool toggle, long nowMs)
        {
            EnteredThisTick = false;
            LeftThisTick = false;
            long elapsed = nowMs - _lastMs;
            _lastMs = nowMs;

            if (toggle)
            {
                if (Active)
                {
                    Leave();
                }
                else
                {
                    Enter(nowMs);
                }

                return;
            }

            if (!Active)
            {
                return;
            }

            if (keys.Activity)
            {
                _lastKeyMs = nowMs;
            }

            if (!Walking && nowMs - _lastKeyMs >= IdleExitMs)
            {
                Leave();
                return;
            }

            if (Walking)
            {
                Walk(keys, nowMs, elapsed);
            }
            else
            {
                Manual(keys, nowMs);
            }

            Compose();
        }

        private void Enter(long nowMs)
        {
            Active = true;
            EnteredThisTick = true;
            Walking = true;
            _swallow = 0;
            _lastKeyMs = nowMs;
            StartStep(OutputTestStep.IndoorFan, nowMs);
            Compose();
        }

        private void Leave()
        {
            Active = false;
            Walking = false;
            LeftThisTick = true;
            _on = 0;
            _outputs = new OutputState();
        }

        private void StartStep(OutputTestStep step, long nowMs)
        {
            Selected = step;
            _on = 1 << (int)step;
            _stepStartMs = nowMs;
            _stepRunMs = 0;
            _stepHeldMs = 0;
            _shifted = false;
            PhaseSinceMs = nowMs;
        }

        private void Walk(ButtonDecoder keys, long nowMs, long elapsedMs)
        {
            if (keys.Pressed != 0)
            {
                // Any key ends the walk early; that key's own release does nothing more.
                _swallow = keys.Pressed;
                if ((int)Selected >= OutputCount)
                {
                    Selected = OutputTestStep.Compressor;
                }

                StartManual(nowMs);
                return;
            }

            int step = (int)Selected;
            bool done;
            if (step < OutputCount - 1)
            {
                done = nowMs - _stepStartMs >= WalkStepMs;
            }
            else
            {
                // A refrigerant step: its minimum run counts from the moment the compressor really runs
                // (the guard may hold the start for min-off); a step held too long gives up.
                bool running = _compressorDriven && (Selected != OutputTestStep.DefrostRun || _shifted);
                if (running)
                {
                    _stepRunMs += elapsedMs;
                }
                else
                {
                    _stepHeldMs += elapsedMs;
                }

                if (Selected == OutputTestStep.DefrostRun && !_shifted && !_compressorDriven && _valveDriven == !_valveEnergisedInHeat)
                {
                    // Compressor stopped and the valve moved to cooling: now the quiet-shift restart.
                    _shifted = true;
                }

                done = _stepRunMs >= _minRunMs || _stepHeldMs >= WalkHoldLimitMs;
            }

            if (!done)
            {
                return;
            }

            int next = step == OutputCount - 2 ? (int)OutputTestStep.HeatRun : step + 1;
            if (next >= OutputCount + 3)
            {
                Selected = OutputTestStep.IndoorFan;
                StartManual(nowMs);
                return;
            }

            StartStep((OutputTestStep)next, nowMs);
        }

        private void StartManual(long nowMs)
        {
            Walking = false;
            _on = 0;
            PhaseSinceMs = nowMs;
            _lastKeyMs = nowMs;
        }

        private void Manual(ButtonDecoder keys, long nowMs)
        {
            int move = keys.UpSteps - keys.DownSteps;
            if (move != 0)
            {
                int s = ((int)Selected + move) % OutputCount;
                Selected = (OutputTestStep)(s < 0 ? s + OutputCount : s);
            }

            if ((keys.ShortPressed & ~_swallow & Buttons.Mode) != 0)
            {
                _on ^= 1 << (int)Selected;
            }

            _swallow &= ~keys.Released;

            if (keys.Activity)
            {
                PhaseSinceMs = nowMs;
            }
        }

        private void Compose()
        {
            _outputs = new OutputState();
            bool heatLevel = _valveEnergisedInHeat;
            if (IsOn(OutputTestStep.HeatRun) || IsOn(OutputTestStep.CoolRun))
            {
                _outputs.Compressor = true;
                _outputs.ValveEnergised = IsOn(OutputTestStep.HeatRun) ? heatLevel : !heatLevel;
                _outputs.IndoorFanDuty = 1f;
                _outputs.OutdoorFanDuty = 1f;
                return;
            }

            if (IsOn(OutputTestStep.DefrostRun))
            {
                // Stop, shift to cooling after the quiet-shift time, then the reverse cycle with the outdoor
                // fan stopped — the one step in which the compressor runs without it, as in a real defrost.
                _outputs.ValveEnergised = !heatLevel;
                _outputs.Defrost = true;
                _outputs.Compressor = _shifted;
                _outputs.QuietShiftRestart = _shifted;
                return;
            }

            // The compressor never runs without the outdoor fan, nor heats or cools without the indoor
            // one; the strips never heat still air. The guard enforces the first two rules as well.
            bool compressor = IsOn(OutputTestStep.Compressor);
            bool aux = IsOn(OutputTestStep.AuxHeat);
            _outputs.IndoorFanDuty = IsOn(OutputTestStep.IndoorFan) || aux || compressor ? 1f : 0f;
            _outputs.OutdoorFanDuty = IsOn(OutputTestStep.OutdoorFan) || compressor ? 1f : 0f;
            _outputs.AuxHeat = aux;
            _outputs.ValveEnergised = IsOn(OutputTestStep.Valve);
            _outputs.Compressor = compressor;
        }
    }
}
