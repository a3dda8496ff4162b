namespace HeatPump.Control.States
{
    /// <summary>Off: nothing heats or cools; the indoor fan may still finish its run-on.</summary>
    internal sealed class OffState : ControllerState
    {
        public override TopState Id
        {
            get { return TopState.Off; }
        }

        public override void Enter(ControllerContext c, TopState from)
        {
            c.SetSub(SubState.None);
        }

        public override TopState Step(ControllerContext c, TopState desired)
        {
            // No reason to move the valve while idle: it stays where it is.
            c.Out.ValveEnergised = c.In.Guard.ValveEnergised;
            return desired;
        }
    }
}
