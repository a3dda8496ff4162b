namespace HeatPump.Control.States
{
    /// <summary>
    /// One top-level state. <see cref="Step"/> runs to completion: it sets the commands and the
    /// sub-state for this tick and names the top-level state for the next one (itself to stay).
    /// The hooks below are the state's own rules that the dispatcher (<see cref="Controller"/>) applies
    /// around every step, so the dispatcher never asks which state it is in.
    /// </summary>
    internal abstract class ControllerState
    {
        public abstract TopState Id { get; }

        /// <summary>Entry action, run once when the state is entered, before its first step.</summary>
        public virtual void Enter(ControllerContext c, TopState from)
        {
        }

        /// <summary>Exit action, run once when the state is left.</summary>
        public virtual void Exit(ControllerContext c, TopState to)
        {
        }

        /// <param name="c">The tick's context.</param>
        /// <param name="desired">The state the user's mode asks for now (Off, Heat or Cool).</param>
        public abstract TopState Step(ControllerContext c, TopState desired);

        /// <summary>How long the compressor has been heating in this state, ms, for the defrost scheduler's frosting clock (0: not heating).</summary>
        public virtual long HeatingRunMs(ControllerContext c)
        {
            return 0;
        }

        /// <summary>Bookkeeping of every tick in this state, before faults are looked for and before <see cref="Step"/>.</summary>
        public virtual void Observe(ControllerContext c)
        {
        }

        /// <summary>False where a fault cannot be detected anew: in Fault itself.</summary>
        public virtual bool WatchesForFaults
        {
            get { return true; }
        }

        /// <summary>True where a failed indoor sensor is not a fault yet: a defrost under way finishes first (I4's exception).</summary>
        public virtual bool FinishesWithoutIndoorReading
        {
            get { return false; }
        }

        /// <summary>True where an open low-pressure switch is expected and not a fault: the melt of a defrost.</summary>
        public virtual bool ExpectsLowSuction
        {
            get { return false; }
        }

        /// <summary>True where the indoor coil makes condensate, so an open drain-overflow switch stops the compressor: cooling.</summary>
        public virtual bool MakesCondensate
        {
            get { return false; }
        }

        /// <summary>True where a run is steady heating or cooling, so the installation self-checks may judge it.</summary>
        public virtual bool SteadyConditioning
        {
            get { return false; }
        }

        /// <summary>The side Auto leans to from here: Heat or Cool, or Off where neither (Auto then picks by the midpoint of the setpoints).</summary>
        public virtual TopState AutoSide
        {
            get { return TopState.Off; }
        }

        /// <summary>False where the indoor fan may not run on after the compressor: a defrost blows no cold air into the house.</summary>
        public virtual bool AllowsFanRunOn
        {
            get { return true; }
        }

        /// <summary>False where the continuous indoor fan is held off: defrost (cold blow) and Fault.</summary>
        public virtual bool AllowsContinuousFan
        {
            get { return true; }
        }

        /// <summary>True while this state keeps the unit locked out.</summary>
        public virtual bool LockedOut(ControllerContext c)
        {
            return false;
        }

        /// <summary>
        /// A pressure switch opened under a compressor that bench mode was running. Returns true when
        /// the state records the trip itself (Fault); false to have the dispatcher enter Fault.
        /// </summary>
        public virtual bool RecordBenchTrip(ControllerContext c, FaultKind kind)
        {
            return false;
        }
    }
}
