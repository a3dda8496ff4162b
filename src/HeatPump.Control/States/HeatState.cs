using HeatPump.Control.Settings;

namespace HeatPump.Control.States
{
    /// <summary>Heat: the conditioning cycle toward the heating setpoint, handing over to Defrost when the coil needs it.</summary>
    internal sealed class HeatState : ConditioningState
    {
        public HeatState()
            : base(true, new CycleRows
            {
                EntryToIdle = Row.HeatEntryToIdle,
                IdleToStarting = Row.HeatIdleToStarting,
                StartingToRunning = Row.HeatStartingToRunning,
                StartingToIdle = Row.HeatStartingToIdle,
                StartingToPurging = Row.HeatStartingToPurging,
                RunningToPurging = Row.HeatRunningToPurging,
                RunningToStarting = Row.HeatRunningToStarting,
                PurgingToStarting = Row.HeatPurgingToStarting,
                PurgingToIdle = Row.HeatPurgingToIdle,
                ToOff = Row.HeatToOff,
                Changeover = Row.HeatToCool,
                ToFault = Row.HeatToFault,
            })
        {
        }

        public override void Enter(ControllerContext c, TopState from)
        {
            // After a defrost the compressor may already be running again in heat: the cycle goes on from Running.
            if (from == TopState.Defrost && c.CompressorOn && c.ValveInHeating)
            {
                c.Go(Row.HeatEntryToRunning);
                return;
            }

            base.Enter(c, from);
        }

        public override TopState Id
        {
            get { return TopState.Heat; }
        }

        public override AuxRole AuxRole
        {
            get { return AuxRole.Staged; }
        }

        public override long HeatingRunMs(ControllerContext c)
        {
            return c.CompressorOn && c.ValveInHeating ? c.CompressorForMs : 0;
        }

        protected override void AfterRun(ControllerContext c)
        {
            bool scheduled = c.AutomaticDefrost && c.Defrost.Due != DefrostCause.None;
            if (scheduled || c.In.DefrostRequested)
            {
                c.Go(Row.HeatToDefrost);
            }
        }
    }
}
