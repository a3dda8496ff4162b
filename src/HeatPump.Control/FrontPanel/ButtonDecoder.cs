using HeatPump.Control.Hal;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>
    /// Turns raw MODE / UP / DOWN levels, sampled once per tick (10 ms to 1 s apart), into debounced
    /// button events: press, release, short press, MODE long and very long press, UP/DOWN steps with
    /// auto-repeat, the two service combinations, and a stuck-button flag. The events of one
    /// <see cref="Update"/> are valid until the next one. Allocates nothing after construction.
    /// </summary>
    /// <remarks>
    /// Hold times count from the debounced press, so a slow tick delays events but never makes a
    /// hold look longer than it was. A button held for <see cref="StuckAfterMs"/> is treated as stuck:
    /// it stops repeating, is flagged in <see cref="StuckButtons"/>, and no longer counts as held for
    /// combinations, so the other buttons keep working until it is released.
    /// </remarks>
    public sealed class ButtonDecoder
    {
        /// <summary>A level must be read on at least two consecutive samples spanning this long before it is believed.</summary>
        public const long DebounceMs = 30;

        /// <summary>MODE held alone this long: long press (opens or closes the settings menu).</summary>
        public const long LongPressMs = 3000;

        /// <summary>MODE held alone this long: very long press (clears a lockout).</summary>
        public const long VeryLongPressMs = 10000;

        /// <summary>A two-button combination held this long fires once.</summary>
        public const long ComboMs = 5000;

        /// <summary>UP/DOWN: the first repeat comes this long after the press (the press itself is the first step).</summary>
        public const long RepeatDelayMs = 600;

        /// <summary>UP/DOWN: repeat period after the delay.</summary>
        public const long RepeatPeriodMs = 200;

        /// <summary>UP/DOWN: after being held this long the repeat speeds up, so a long way across the range is quick.</summary>
        public const long AccelerateAfterMs = 4000;

        /// <summary>UP/DOWN: repeat period once accelerated.</summary>
        public const long FastRepeatPeriodMs = 100;

        /// <summary>A button held this long is stuck: no more repeats, flagged for the display, ignored for combinations.</summary>
        public const long StuckAfterMs = 60000;

        /// <summary>MODE + DOWN held <see cref="ComboMs"/>: enter output-test mode (only when held from power-up) or leave it.</summary>
        public const int OutputTestCombination = Buttons.Mode | Buttons.Down;

        /// <summary>MODE + UP held <see cref="ComboMs"/>: forced defrost request (a service action of defrost boards).</summary>
        public const int DefrostCombination = Buttons.Mode | Buttons.Up;

        private const int ButtonCount = 3;
        private const int UpIndex = 1;
        private const int DownIndex = 2;

        private readonly bool[] _candidate = new bool[ButtonCount];
        private readonly long[] _candidateSince = new long[ButtonCount];
        private readonly int[] _candidateSamples = new int[ButtonCount];
        private readonly long[] _downSince = new long[ButtonCount];
        private readonly int[] _stepsDone = new int[ButtonCount];

        private int _down;
        private int _shared;
        private int _stuck;
        private bool _longFired;
        private bool _veryLongFired;
        private int _comboSet;
        private long _comboSince;
        private bool _comboFired;

        /// <summary>Debounced buttons held now, stuck ones included (<see cref="Buttons"/> flags).</summary>
        public int Down
        {
            get { return _down; }
        }

        /// <summary>Buttons whose debounced press happened this tick.</summary>
        public int Pressed { get; private set; }

        /// <summary>Buttons whose debounced release happened this tick.</summary>
        public int Released { get; private set; }

        /// <summary>
        /// Buttons released this tick after a press shorter than <see cref="LongPressMs"/> that was
        /// neither part of a combination nor stuck. MODE acts on this, so a long press never also cycles the mode.
        /// </summary>
        public int ShortPressed { get; private set; }

        /// <summary>UP steps due this tick: 1 on the press, then auto-repeat (several per tick when ticks are slow).</summary>
        public int UpSteps { get; private set; }

        /// <summary>DOWN steps due this tick, as <see cref="UpSteps"/>.</summary>
        public int DownSteps { get; private set; }

        /// <summary>True in the tick MODE, held alone, reaches <see cref="LongPressMs"/>.</summary>
        public bool LongPress { get; private set; }

        /// <summary>True in the tick MODE, held alone, reaches <see cref="VeryLongPressMs"/>.</summary>
        public bool VeryLongPress { get; private set; }

        /// <summary>True in the tick MODE + DOWN (and nothing else) have been held together for <see cref="ComboMs"/>.</summary>
        public bool OutputTestCombo { get; private set; }

        /// <summary>True in the tick MODE + UP (and nothing else) have been held together for <see cref="ComboMs"/>.</summary>
        public bool DefrostCombo { get; private set; }

        /// <summary>True in the tick a second button joined one already held (the start of a possible combination).</summary>
        public bool ComboStarted { get; private set; }

        /// <summary>Buttons held longer than <see cref="StuckAfterMs"/>, until they are released.</summary>
        public int StuckButtons
        {
            get { return _stuck; }
        }

        /// <summary>True when anything happened this tick that counts as the user touching the panel (press, release, step, long press, combination).</summary>
        public bool Activity { get; private set; }

        /// <summary>Takes this tick's raw levels (<see cref="Buttons"/> flags, 1 = pressed) sampled at <paramref name="nowMs"/>.</summary>
        public void Update(int rawLevels, long nowMs)
        {
            Pressed = 0;
            Released = 0;
            ShortPressed = 0;
            UpSteps = 0;
            DownSteps = 0;
            LongPress = false;
            VeryLongPress = false;
            OutputTestCombo = false;
            DefrostCombo = false;
            ComboStarted = false;

            for (int i = 0; i < ButtonCount; i++)
            {
                Debounce(i, (rawLevels & (1 << i)) != 0, nowMs);
            }

            for (int i = 0; i < ButtonCount; i++)
            {
                int bit = 1 << i;
                if ((_down & bit) != 0 && (_stuck & bit) == 0 && nowMs - _downSince[i] >= StuckAfterMs)
                {
                    _stuck |= bit;
                }
            }

            // A stuck button is left out from here on, so it cannot block the others.
            int held = _down & ~_stuck;
            if (BitCount(held) >= 2)
            {
                if ((Pressed & held) != 0)
                {
                    ComboStarted = true;
                }

                _shared |= held;
            }

            UpdateCombination(held, nowMs);
            UpdateModeHold(held, nowMs);
            UpSteps = StepsThisTick(UpIndex, held, nowMs);
            DownSteps = StepsThisTick(DownIndex, held, nowMs);

            Activity = Pressed != 0 || Released != 0 || UpSteps != 0 || DownSteps != 0
                || LongPress || VeryLongPress || OutputTestCombo || DefrostCombo;
        }

        /// <summary>
        /// Total UP/DOWN steps a hold of <paramref name="heldMs"/> has earned: 1 at the press, one
        /// every <see cref="RepeatPeriodMs"/> from <see cref="RepeatDelayMs"/>, one every
        /// <see cref="FastRepeatPeriodMs"/> from <see cref="AccelerateAfterMs"/>.
        /// </summary>
        public static int StepsForHold(long heldMs)
        {
            if (heldMs < RepeatDelayMs)
            {
                return 1;
            }

            if (heldMs < AccelerateAfterMs)
            {
                return 2 + (int)((heldMs - RepeatDelayMs) / RepeatPeriodMs);
            }

            int slowRepeats = 1 + (int)((AccelerateAfterMs - 1 - RepeatDelayMs) / RepeatPeriodMs);
            return 2 + slowRepeats + (int)((heldMs - AccelerateAfterMs) / FastRepeatPeriodMs);
        }

        private void Debounce(int i, bool level, long nowMs)
        {
            if (level != _candidate[i])
            {
                _candidate[i] = level;
                _candidateSince[i] = nowMs;
                _candidateSamples[i] = 1;
                return;
            }

            if (_candidateSamples[i] < 2)
            {
                _candidateSamples[i]++;
            }

            int bit = 1 << i;
            bool stable = (_down & bit) != 0;
            if (level == stable || _candidateSamples[i] < 2 || nowMs - _candidateSince[i] < DebounceMs)
            {
                return;
            }

            if (level)
            {
                _down |= bit;
                Pressed |= bit;
                _downSince[i] = nowMs;
                _stepsDone[i] = 0;
                if (i == 0)
                {
                    _longFired = false;
                    _veryLongFired = false;
                }

                return;
            }

            _down &= ~bit;
            Released |= bit;
            if ((_shared & bit) == 0 && (_stuck & bit) == 0 && nowMs - _downSince[i] < LongPressMs)
            {
                ShortPressed |= bit;
            }

            _shared &= ~bit;
            _stuck &= ~bit;
        }

        private void UpdateCombination(int held, long nowMs)
        {
            if (held != _comboSet)
            {
                _comboSet = held;
                _comboSince = nowMs;
                _comboFired = false;
            }

            if (_comboFired || nowMs - _comboSince < ComboMs)
            {
                return;
            }

            if (held == OutputTestCombination)
            {
                OutputTestCombo = true;
                _comboFired = true;
            }
            else if (held == DefrostCombination)
            {
                DefrostCombo = true;
                _comboFired = true;
            }
        }

        private void UpdateModeHold(int held, long nowMs)
        {
            if (held != Buttons.Mode || (_shared & Buttons.Mode) != 0)
            {
                return;
            }

            long heldMs = nowMs - _downSince[0];
            if (!_longFired && heldMs >= LongPressMs)
            {
                _longFired = true;
                LongPress = true;
            }

            if (!_veryLongFired && heldMs >= VeryLongPressMs)
            {
                _veryLongFired = true;
                VeryLongPress = true;
            }
        }

        private int StepsThisTick(int i, int held, long nowMs)
        {
            int bit = 1 << i;
            if ((held & bit) == 0 || (_shared & bit) != 0)
            {
                return 0;
            }

            int due = StepsForHold(nowMs - _downSince[i]);
            int steps = due - _stepsDone[i];
            _stepsDone[i] = due;
            return steps;
        }

        private static int BitCount(int v)
        {
            int n = 0;
            while (v != 0)
            {
                n += v & 1;
                v >>= 1;
            }

            return n;
        }
    }
}
