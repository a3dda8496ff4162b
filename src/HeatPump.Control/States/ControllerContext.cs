using HeatPump.Control.Defrost;
using HeatPump.Control.Protection;
using HeatPump.Control.Settings;

namespace HeatPump.Control.States
{
    /// <summary>
    /// What every state may read and write during one run-to-completion step: the inputs of the tick,
    /// the commands being built, and the few things that outlive a state (fan run-on, lockout
    /// hysteresis, the defrost scheduler, the fault history). One instance, reused every tick.
    /// </summary>
    internal sealed class ControllerContext
    {
        /// <summary>Outdoor temperature must rise this far above a lockout limit before the lockout lifts.</summary>
        public const float LockoutHysteresisK = 1f;

        /// <summary>Low-pressure switches trip briefly at start-up; boards ignore them this long into a run.</summary>
        public const long LowPressureBypassMs = 120000;

        public readonly ControllerSettings Settings;
        public readonly DefrostScheduler Defrost;
        public readonly FaultHistory Faults = new FaultHistory();

        public ValidatedInputs In;
        public OutputState Out;
        public long ElapsedMs;
        public HoldReason Hold;
        public long HoldUntilMs;

        public long RunOnUntilMs;
        public float RunOnDuty;
        public bool HeatLockedOut;
        public bool CoolLockedOut;
        public FaultKind ActiveFault;

        /// <summary>Cooling locked out after repeated drain trips (heating goes on); see <see cref="DrainLockedAtMs"/>.</summary>
        public bool DrainLockedOut;

        /// <summary>When the drain lockout began, ms: it retries by itself after <see cref="FaultState.LockoutRetryMs"/>.</summary>
        public long DrainLockedAtMs;
        public bool AutomaticDefrost = true;

        public ControllerContext(ControllerSettings settings)
        {
            Settings = settings;
            Defrost = new DefrostScheduler(settings);
        }

        public long Now
        {
            get { return In.NowMs; }
        }

        public bool CompressorOn
        {
            get { return In.Guard.CompressorOn; }
        }

        /// <summary>How long the compressor has been in its present on or off state, ms.</summary>
        public long CompressorForMs
        {
            get { return In.NowMs - In.Guard.CompressorSinceMs; }
        }

        /// <summary>True while the drain switch or a drain lockout keeps cooling off.</summary>
        public bool DrainBlocksCooling
        {
            get { return In.DrainOpen || DrainLockedOut; }
        }

        /// <summary>The solenoid level for the heating (true) or cooling (false) position, by O/B polarity.</summary>
        public bool ValveFor(bool heating)
        {
            return Settings.ValveLevelFor(heating);
        }

        /// <summary>True when the valve as driven is in the heating position.</summary>
        public bool ValveInHeating
        {
            get { return In.Guard.ValveEnergised == ValveFor(true); }
        }

        /// <summary>The top-level state whose step is running. Set only by the dispatcher (<see cref="Controller"/>), through <see cref="SwitchTo"/>.</summary>
        public TopState State { get; private set; }

        /// <summary>The sub-state within <see cref="State"/>. Changed only through <see cref="Go"/>, by naming a row of the table.</summary>
        public SubState Sub { get; private set; }

        /// <summary>How often each row of <see cref="TransitionTable"/> was taken.</summary>
        public readonly int[] Visits = new int[TransitionTable.Count];

        /// <summary>Rows taken from a state or sub-state they do not leave: a bug, and tests require 0.</summary>
        public int Unlisted;

        // The top-level row named in this step and not yet taken by the dispatcher; −1 for none.
        private int _pendingTop = -1;

        /// <summary>
        /// Takes the transition of <paramref name="row"/>, the only way a state changes: a change of
        /// sub-state at once, a change of top-level state when the step returns (the dispatcher then
        /// runs the exit and entry actions). A row that does not leave the present state (and
        /// sub-state) is counted in <see cref="Unlisted"/>.
        /// </summary>
        public void Go(Row row)
        {
            Transition t = TransitionTable.At(row);
            if (t.From != State || (!t.IsTopLevel && t.FromSub != Sub))
            {
                Unlisted++;
            }

            Visits[(int)row]++;
            if (t.IsTopLevel)
            {
                _pendingTop = (int)row;
            }
            else
            {
                Sub = t.ToSub;
            }
        }

        /// <summary>The dispatcher's half of <see cref="Go"/>: the top-level row named since it last asked, if any.</summary>
        public bool TakePending(out Row row)
        {
            row = (Row)_pendingTop;
            bool pending = _pendingTop >= 0;
            _pendingTop = -1;
            return pending;
        }

        /// <summary>The dispatcher's half of a top-level transition: the new state, with no sub-state until its entry action names one.</summary>
        public void SwitchTo(TopState next)
        {
            State = next;
            Sub = SubState.None;
        }

        public void SetHold(HoldReason reason, long untilMs)
        {
            Hold = reason;
            HoldUntilMs = untilMs;
        }

        /// <summary>Keeps the indoor fan running on at <paramref name="duty"/> for the run-on time from now.</summary>
        public void StartRunOn(float duty)
        {
            RunOnUntilMs = Now + Settings.SecondsAsMs(SettingId.IndoorFanRunOn);
            RunOnDuty = duty;
        }

        public void CancelRunOn()
        {
            RunOnUntilMs = 0;
        }

        public bool RunOnActive
        {
            get { return Now < RunOnUntilMs; }
        }

        /// <summary>
        /// Indoor fan duty for a distance <paramref name="errorK"/> from setpoint: the minimum at the
        /// setpoint, rising to the maximum 2 K away, so small loads run quietly and big ones recover fast.
        /// </summary>
        public float DemandDuty(float errorK)
        {
            float min = Settings.Fraction(SettingId.IndoorFanMinDuty);
            float max = Settings.Fraction(SettingId.IndoorFanMaxDuty);
            if (max < min)
            {
                max = min;
            }

            float t = errorK / 2f;
            if (t < 0f)
            {
                t = 0f;
            }
            else if (t > 1f)
            {
                t = 1f;
            }

            return min + (max - min) * t;
        }

        /// <summary>
        /// Asks for the valve in <paramref name="position"/> once the guard would allow the move
        /// (compressor off for the quiet-shift time); until then holds it where it is.
        /// </summary>
        /// <returns>True when the valve is in, or moves to, the position this tick.</returns>
        public bool MoveValve(bool position)
        {
            if (In.Guard.ValveEnergised == position || (!In.Guard.CompressorOn && Now >= In.Guard.ValveChangeAllowedAtMs))
            {
                Out.ValveEnergised = position;
                return In.Guard.ValveEnergised == position;
            }

            Out.ValveEnergised = In.Guard.ValveEnergised;
            return false;
        }

        /// <summary>Asks for the compressor if the guard will allow it now; otherwise records why not.</summary>
        /// <returns>True when the compressor is commanded on this tick.</returns>
        public bool RequestStart(bool heating)
        {
            if (!In.IndoorValid)
            {
                SetHold(HoldReason.NoIndoorReading, long.MaxValue);
                return false;
            }

            if (heating ? HeatLockedOut : CoolLockedOut)
            {
                SetHold(heating ? HoldReason.HeatLockout : HoldReason.CoolLockout, long.MaxValue);
                return false;
            }

            if (!heating && (In.DrainOpen || DrainLockedOut))
            {
                // A full condensate pan: cooling would only add water to it. Heating makes none indoors.
                SetHold(DrainLockedOut ? HoldReason.DrainLockout : HoldReason.DrainOpen, long.MaxValue);
                return false;
            }

            if (!MoveValve(ValveFor(heating)))
            {
                // The valve moves first, after the quiet-shift time; the start comes on a later tick.
                SetHold(HoldReason.QuietShift, In.Guard.ValveChangeAllowedAtMs);
                return false;
            }

            if (Now < In.Guard.StartAllowedAtMs)
            {
                SetHold(In.Guard.StartHold, In.Guard.StartAllowedAtMs);
                return false;
            }

            Out.Compressor = true;
            return true;
        }
    }
}
