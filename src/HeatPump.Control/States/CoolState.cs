using HeatPump.Control.Settings;

namespace HeatPump.Control.States
{
    /// <summary>Cool: the conditioning cycle toward the cooling setpoint.</summary>
    internal sealed class CoolState : ConditioningState
    {
        public CoolState()
            : base(false, new CycleRows
            {
                EntryToIdle = Row.CoolEntryToIdle,
                IdleToStarting = Row.CoolIdleToStarting,
                StartingToRunning = Row.CoolStartingToRunning,
                StartingToIdle = Row.CoolStartingToIdle,
                StartingToPurging = Row.CoolStartingToPurging,
                RunningToPurging = Row.CoolRunningToPurging,
                RunningToStarting = Row.CoolRunningToStarting,
                PurgingToStarting = Row.CoolPurgingToStarting,
                PurgingToIdle = Row.CoolPurgingToIdle,
                ToOff = Row.CoolToOff,
                Changeover = Row.CoolToHeat,
                ToFault = Row.CoolToFault,
            })
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
