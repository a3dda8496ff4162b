using HeatPump.Control.Settings;

namespace HeatPump.Control.States
{
    /// <summary>
    /// Fault: compressor, valve and aux off (I5). Waiting retries after the minimum off time once
    /// the cause has cleared; the third fault of one kind within an hour (the first, for a self-check)
    /// locks out until the user holds MODE for 10 s, the power is cycled, or <see cref="LockoutRetryMs"/>
    /// has passed — the timed retry of defrost boards, so a unit with a passing cause is not left
    /// off for good.
    /// </summary>
    internal sealed class FaultState : ControllerState
    {
        /// <summary>A lockout retries by itself after this long, ms (4 h, as Carrier boards do).</summary>
        public const long LockoutRetryMs = 4L * 3600L * 1000L;

        private long _enteredMs;

        public override TopState Id
        {
            get { return TopState.Fault; }
        }

        public override bool IntoFault(out Row row)
        {
            // In Fault already: no fault is detected anew, so there is no row in and the value is unused
            // (a test-run trip is recorded by RecordTestRunTrip).
            row = Row.FaultToOff;
            return false;
        }

        public override AuxRole AuxRole
        {
            get { return AuxRole.Backup; }
        }

        public override bool AllowsContinuousFan
        {
            get { return false; }
        }

        public override bool LockedOut(ControllerContext c)
        {
            return c.Sub == SubState.Lockout;
        }

        public override bool RecordTestRunTrip(ControllerContext c, FaultKind kind)
        {
            if (c.Faults.Record(kind, c.Now) && c.Sub != SubState.Lockout)
            {
                c.ActiveFault = kind;
                c.Go(Row.FaultWaitingToLockout);
            }

            return true;
        }

        public override void Enter(ControllerContext c, TopState from)
        {
            _enteredMs = c.Now;
            bool lockout = c.Faults.Record(c.ActiveFault, c.Now);
            if (lockout && c.ActiveFault == FaultKind.DrainOverflow)
            {
                // Repeated drain trips lock out cooling only: heating makes no indoor condensate, so
                // the house stays heated while the pan waits for a person (docs/commissioning.md).
                c.DrainLockedOut = true;
                c.DrainLockedAtMs = c.Now;
                lockout = false;
            }

            c.Go(lockout ? Row.FaultEntryToLockout : Row.FaultEntryToWaiting);
        }

        public override void Exit(ControllerContext c, TopState to)
        {
            c.ActiveFault = FaultKind.None;
        }

        public override void Step(ControllerContext c, TopState desired)
        {
            c.Out.Fault = true;
            c.MoveValve(false);

            if (c.Sub == SubState.Lockout)
            {
                bool retryDue = c.Now - _enteredMs >= LockoutRetryMs;
                if (!c.In.ResetRequested && !retryDue)
                {
                    return;
                }

                // A timed retry keeps the history: the next fault of a self-check kind locks out again at once.
                if (c.In.ResetRequested)
                {
                    c.Faults.Clear();
                }

                c.Go(Row.FaultLockoutToWaiting);
            }

            if (c.In.ResetRequested)
            {
                c.Faults.Clear();
            }

            bool minOffOver = c.Now - _enteredMs >= c.Settings.SecondsAsMs(SettingId.MinOffTime);
            if (minOffOver && CauseCleared(c))
            {
                c.Go(Row.FaultToOff);
            }
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
