namespace HeatPump.Control.States
{
    /// <summary>Off: nothing heats or cools; the indoor fan may still finish its run-on.</summary>
    internal sealed class OffState : ControllerState
    {
        public override TopState Id
        {
            get { return TopState.Off; }
        }

        public override void Step(ControllerContext c, TopState desired)
        {
            // No reason to move the valve while idle: it stays where it is.
            c.Out.ValveEnergised = c.In.Guard.ValveEnergised;
            if (desired == TopState.Heat)
            {
                c.Go(Row.OffToHeat);
            }
            else if (desired == TopState.Cool)
            {
                c.Go(Row.OffToCool);
            }
        }

        public override bool IntoFault(out Row row)
        {
            row = Row.OffToFault;
            return true;
        }
    }
}
