namespace HeatPump.Control.States
{
    /// <summary>
    /// One top-level state. <see cref="Step"/> runs to completion: it sets the commands for this tick
    /// and takes any transition by naming its row of <see cref="TransitionTable"/>
    /// (<see cref="ControllerContext.Go"/>); naming no top-level row stays in the state.
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
        public abstract void Step(ControllerContext c, TopState desired);

        /// <summary>How long the compressor has been heating in this state, ms, for the defrost scheduler's frosting clock (0: not heating).</summary>
        public virtual long HeatingRunMs(ControllerContext c)
        {
            return 0;
        }

        /// <summary>Bookkeeping of every tick in this state, before faults are looked for and before <see cref="Step"/>.</summary>
        public virtual void Observe(ControllerContext c)
        {
        }

        /// <summary>
        /// The row that takes this state into Fault when the dispatcher detects a fault; false where
        /// a fault cannot be detected anew: in Fault itself.
        /// </summary>
        public abstract bool IntoFault(out Row row);

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

        /// <summary>What aux heat does here (<see cref="AuxStaging"/>): none unless the state says otherwise.</summary>
        public virtual AuxRole AuxRole
        {
            get { return AuxRole.None; }
        }

        /// <summary>True while this state keeps the unit locked out.</summary>
        public virtual bool LockedOut(ControllerContext c)
        {
            return false;
        }

        /// <summary>
        /// A pressure switch opened under a compressor that output-test mode was running. Returns true when
        /// the state records the trip itself (Fault); false to have the dispatcher enter Fault.
        /// </summary>
        public virtual bool RecordTestRunTrip(ControllerContext c, FaultKind kind)
        {
            return false;
        }
    }
}
