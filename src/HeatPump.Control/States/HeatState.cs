using HeatPump.Control.Settings;

namespace HeatPump.Control.States
{
    /// <summary>Heat: the conditioning cycle toward the heating setpoint, handing over to Defrost when the coil needs it.</summary>
    internal sealed class HeatState : ConditioningState
    {
        public HeatState()
            : base(true)
        {
        }

        public override TopState Id
        {
            get { return TopState.Heat; }
        }

        public override long HeatingRunMs(ControllerContext c)
        {
            return c.CompressorOn && c.ValveInHeating ? c.CompressorForMs : 0;
        }

        protected override TopState AfterRun(ControllerContext c)
        {
            bool scheduled = c.AutomaticDefrost && c.Defrost.Due != DefrostCause.None;
            return scheduled || c.In.DefrostRequested ? TopState.Defrost : TopState.Heat;
        }
    }
}
