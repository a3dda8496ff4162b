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

        public ControllerInputs In;
        public OutputState Out;
        public long ElapsedMs;
        public SubState Sub;
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
            bool energisedInHeat = Settings.Get(SettingId.ValvePolarity) == 1;
            return heating ? energisedInHeat : !energisedInHeat;
        }

        /// <summary>True when the valve as driven is in the heating position.</summary>
        public bool ValveInHeating
        {
            get { return In.Guard.ValveEnergised == ValveFor(true); }
        }

        /// <summary>The top-level state whose step is running.</summary>
        public TopState State;

        /// <summary>How often each row of <see cref="TransitionTable"/> was taken.</summary>
        public readonly int[] Visits = new int[TransitionTable.Count];

        /// <summary>Transitions taken that the table does not list: a bug, and tests require 0.</summary>
        public int Unlisted;

        /// <summary>Changes the sub-state, checking the change against the transition table.</summary>
        public void SetSub(SubState sub)
        {
            if (sub == Sub)
            {
                return;
            }

            Count(TransitionTable.FindSub(State, Sub, sub));
            Sub = sub;
        }

        /// <summary>Counts a transition by its table row (−1: not in the table).</summary>
        public void Count(int row)
        {
            if (row < 0)
            {
                Unlisted++;
            }
            else
            {
                Visits[row]++;
            }
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
