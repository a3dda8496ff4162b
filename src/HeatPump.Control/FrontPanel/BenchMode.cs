using HeatPump.Control.Hal;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>The outputs bench mode walks, in walk order.</summary>
    public enum BenchOutput
    {
        /// <summary>Indoor fan at full duty ("FI").</summary>
        IndoorFan = 0,
        /// <summary>Outdoor fan at full duty ("FO").</summary>
        OutdoorFan,
        /// <summary>Auxiliary heat ("AU").</summary>
        AuxHeat,
        /// <summary>Reversing-valve solenoid ("rV").</summary>
        Valve,
        /// <summary>Compressor contactor ("CP").</summary>
        Compressor,
    }

    /// <summary>
    /// Bench test for a board with LEDs in place of the contactor and valve (DESIGN §1.4). While
    /// active its <see cref="Outputs"/> replace the controller's commands; the SafetyGuard still sits
    /// after it, so the compressor keeps its minimum off time and the valve its quiet shift (the
    /// display shows the hold when the guard refuses). First an automatic walk lights each output
    /// alone for <see cref="WalkStepMs"/>, then manual control: UP/DOWN select an output, MODE toggles it.
    /// Leaving returns through the power-up state (<see cref="LeftThisTick"/>).
    /// </summary>
    public sealed class BenchMode
    {
        /// <summary>How long each output is on during the walk.</summary>
        public const long WalkStepMs = 5000;

        /// <summary>Bench mode ends by itself this long after the last key, so a unit left in it goes back to normal control.</summary>
        public const long IdleExitMs = 15L * 60L * 1000L;

        /// <summary>Number of outputs walked.</summary>
        public const int OutputCount = 5;

        private int _on;
        private int _swallow;
        private long _walkStartMs;
        private long _lastKeyMs;
        private OutputState _outputs;

        /// <summary>True while bench mode drives the outputs.</summary>
        public bool Active { get; private set; }

        /// <summary>True during the automatic walk, false in manual control.</summary>
        public bool Walking { get; private set; }

        /// <summary>The output shown: the one lit during the walk, the one UP/DOWN selected in manual control.</summary>
        public BenchOutput Selected { get; private set; }

        /// <summary>When the present walk step began, or the last key in manual control, ms: the display's page cycle starts here.</summary>
        public long PhaseSinceMs { get; private set; }

        /// <summary>True for the one tick in which bench mode was entered.</summary>
        public bool EnteredThisTick { get; private set; }

        /// <summary>
        /// True for the one tick in which bench mode was left (by the combination or the idle time).
        /// In that tick the control core must request every output off and call
        /// <c>SafetyGuard.Restart(now, stagger)</c>, so normal control restarts from the power-up state.
        /// </summary>
        public bool LeftThisTick { get; private set; }

        /// <summary>What bench mode asks for (all off when inactive): the guard still applies.</summary>
        public OutputState Outputs
        {
            get { return _outputs; }
        }

        /// <summary>Copies <see cref="Outputs"/> into <paramref name="requested"/>, without a heap copy on nanoCLR.</summary>
        public void CopyOutputsTo(ref OutputState requested)
        {
            requested.CopyFrom(ref _outputs);
        }

        /// <summary>True when bench mode asks for <paramref name="output"/> on.</summary>
        public bool IsOn(BenchOutput output)
        {
            return (_on & (1 << (int)output)) != 0;
        }

        /// <summary>Advances one tick: <paramref name="toggle"/> enters or leaves; otherwise the walk and the keys act.</summary>
        public void Update(ButtonDecoder keys, bool toggle, long nowMs)
        {
            EnteredThisTick = false;
            LeftThisTick = false;

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

            if (nowMs - _lastKeyMs >= IdleExitMs)
            {
                Leave();
                return;
            }

            if (Walking)
            {
                Walk(keys, nowMs);
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
            Selected = BenchOutput.IndoorFan;
            _on = 1;
            _swallow = 0;
            _walkStartMs = nowMs;
            PhaseSinceMs = nowMs;
            _lastKeyMs = nowMs;
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

        private void Walk(ButtonDecoder keys, long nowMs)
        {
            if (keys.Pressed != 0)
            {
                // Any key ends the walk early, on the output shown; that key's own release does nothing more.
                _swallow = keys.Pressed;
                StartManual(nowMs);
                return;
            }

            long step = (nowMs - _walkStartMs) / WalkStepMs;
            if (step >= OutputCount)
            {
                Selected = BenchOutput.IndoorFan;
                StartManual(nowMs);
                return;
            }

            Selected = (BenchOutput)(int)step;
            PhaseSinceMs = _walkStartMs + step * WalkStepMs;
            _on = 1 << (int)Selected;
        }

        private void StartManual(long nowMs)
        {
            Walking = false;
            _on = 0;
            PhaseSinceMs = nowMs;
        }

        private void Manual(ButtonDecoder keys, long nowMs)
        {
            int move = keys.UpSteps - keys.DownSteps;
            if (move != 0)
            {
                int s = ((int)Selected + move) % OutputCount;
                Selected = (BenchOutput)(s < 0 ? s + OutputCount : s);
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
            _outputs.IndoorFanDuty = IsOn(BenchOutput.IndoorFan) ? 1f : 0f;
            _outputs.OutdoorFanDuty = IsOn(BenchOutput.OutdoorFan) ? 1f : 0f;
            _outputs.AuxHeat = IsOn(BenchOutput.AuxHeat);
            _outputs.ValveEnergised = IsOn(BenchOutput.Valve);
            _outputs.Compressor = IsOn(BenchOutput.Compressor);
        }
    }
}
