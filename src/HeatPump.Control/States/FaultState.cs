using HeatPump.Control.Settings;

namespace HeatPump.Control.States
{
    /// <summary>
    /// Fault: compressor, valve and aux off (I5). Waiting retries after the minimum off time once
    /// the cause has cleared; the third fault of one kind within an hour locks out until the user
    /// holds MODE for 10 s or the power is cycled.
    /// </summary>
    internal sealed class FaultState : ControllerState
    {
        private long _enteredMs;

        public override TopState Id
        {
            get { return TopState.Fault; }
        }

        public override void Enter(ControllerContext c, TopState from)
        {
            _enteredMs = c.Now;
            bool lockout = c.Faults.Record(c.ActiveFault, c.Now);
            c.SetSub(lockout ? SubState.Lockout : SubState.Waiting);
        }

        public override void Exit(ControllerContext c, TopState to)
        {
            c.ActiveFault = FaultKind.None;
        }

        public override TopState Step(ControllerContext c, TopState desired)
        {
            c.Out.Fault = true;
            c.MoveValve(false);

            if (c.Sub == SubState.Lockout)
            {
                if (!c.In.ResetRequested)
                {
                    return TopState.Fault;
                }

                c.Faults.Clear();
                c.SetSub(SubState.Waiting);
            }

            if (c.In.ResetRequested)
            {
                c.Faults.Clear();
            }

            bool minOffOver = c.Now - _enteredMs >= c.Settings.SecondsAsMs(SettingId.MinOffTime);
            return minOffOver && CauseCleared(c) ? TopState.Off : TopState.Fault;
        }

        private static bool CauseCleared(ControllerContext c)
        {
            switch (c.ActiveFault)
            {
                case FaultKind.IndoorSensor:
                    return c.In.IndoorValid;
                case FaultKind.HighPressure:
                    return !c.In.HighPressureTripped;
                case FaultKind.LowPressure:
                    return !c.In.LowPressureTripped;
                default:
                    return true;
            }
        }
    }
}
