namespace HeatPump.Control.States
{
    /// <summary>
    /// One top-level state. <see cref="Step"/> runs to completion: it sets the commands and the
    /// sub-state for this tick and names the top-level state for the next one (itself to stay).
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
    }
}
