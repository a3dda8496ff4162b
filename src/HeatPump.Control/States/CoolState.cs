using HeatPump.Control.Settings;

namespace HeatPump.Control.States
{
    /// <summary>Cool: the conditioning cycle toward the cooling setpoint.</summary>
    internal sealed class CoolState : ConditioningState
    {
        public CoolState()
            : base(false)
        {
        }

        public override TopState Id
        {
            get { return TopState.Cool; }
        }

        public override bool MakesCondensate
        {
            get { return true; }
        }
    }
}
