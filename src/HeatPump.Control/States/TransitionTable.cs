namespace HeatPump.Control.States
{
    /// <summary>
    /// Every transition the controller may take, one row per <see cref="Row"/> and in its order. A
    /// state takes a transition by naming its row (<see cref="ControllerContext.Go"/>), so a
    /// transition the table does not list cannot be written; docs/state-machine.md is generated from
    /// the table (a test keeps the two equal).
    /// </summary>
    public static class TransitionTable
    {
        private static readonly Transition[] Rows = new Transition[]
        {
            Top(Row.OffToHeat, TopState.Off, TopState.Heat, "mode Heat, or Auto nearer heating"),
            Top(Row.OffToCool, TopState.Off, TopState.Cool, "mode Cool, or Auto nearer cooling"),
            Top(Row.HeatToOff, TopState.Heat, TopState.Off, "mode Off"),
            Top(Row.HeatToCool, TopState.Heat, TopState.Cool, "mode Cool or Auto changeover, compressor stopped"),
            Top(Row.HeatToDefrost, TopState.Heat, TopState.Defrost, "defrost due or requested while running"),
            Top(Row.CoolToOff, TopState.Cool, TopState.Off, "mode Off"),
            Top(Row.CoolToHeat, TopState.Cool, TopState.Heat, "mode Heat or Auto changeover, compressor stopped"),
            Top(Row.DefrostToHeat, TopState.Defrost, TopState.Heat, "valve back in heating"),
            Top(Row.DefrostToOff, TopState.Defrost, TopState.Off, "valve back in heating, mode Off"),
            Top(Row.OffToFault, TopState.Off, TopState.Fault, "indoor sensor failed, or a pressure trip in output-test mode"),
            Top(Row.HeatToFault, TopState.Heat, TopState.Fault, "indoor sensor failed, pressure switch tripped or a self-check failed"),
            Top(Row.CoolToFault, TopState.Cool, TopState.Fault, "indoor sensor failed, pressure switch tripped or a self-check failed"),
            Top(Row.DefrostToFault, TopState.Defrost, TopState.Fault, "pressure switch tripped"),
            Top(Row.FaultToOff, TopState.Fault, TopState.Off, "cause cleared and minimum off time over"),

            Sub(Row.HeatEntryToIdle, TopState.Heat, SubState.None, SubState.Idle, "entry"),
            Sub(Row.HeatEntryToRunning, TopState.Heat, SubState.None, SubState.Running, "entry after defrost, compressor running"),
            Sub(Row.HeatIdleToStarting, TopState.Heat, SubState.Idle, SubState.Starting, "indoor below SP - deadband"),
            Sub(Row.HeatStartingToRunning, TopState.Heat, SubState.Starting, SubState.Running, "compressor started"),
            Sub(Row.HeatStartingToIdle, TopState.Heat, SubState.Starting, SubState.Idle, "indoor above SP + overrun"),
            Sub(Row.HeatStartingToPurging, TopState.Heat, SubState.Starting, SubState.Purging, "indoor above SP + overrun, fan running on"),
            Sub(Row.HeatRunningToPurging, TopState.Heat, SubState.Running, SubState.Purging, "indoor above SP + overrun after minimum run"),
            Sub(Row.HeatRunningToStarting, TopState.Heat, SubState.Running, SubState.Starting, "low-ambient lockout or compressor stopped by the guard"),
            Sub(Row.HeatPurgingToStarting, TopState.Heat, SubState.Purging, SubState.Starting, "indoor below SP - deadband"),
            Sub(Row.HeatPurgingToIdle, TopState.Heat, SubState.Purging, SubState.Idle, "fan run-on over"),

            Sub(Row.CoolEntryToIdle, TopState.Cool, SubState.None, SubState.Idle, "entry"),
            Sub(Row.CoolIdleToStarting, TopState.Cool, SubState.Idle, SubState.Starting, "indoor above SP + deadband"),
            Sub(Row.CoolStartingToRunning, TopState.Cool, SubState.Starting, SubState.Running, "compressor started"),
            Sub(Row.CoolStartingToIdle, TopState.Cool, SubState.Starting, SubState.Idle, "indoor below SP - overrun"),
            Sub(Row.CoolStartingToPurging, TopState.Cool, SubState.Starting, SubState.Purging, "indoor below SP - overrun, fan running on"),
            Sub(Row.CoolRunningToPurging, TopState.Cool, SubState.Running, SubState.Purging, "indoor below SP - overrun after minimum run"),
            Sub(Row.CoolRunningToStarting, TopState.Cool, SubState.Running, SubState.Starting, "cooling lockout or compressor stopped by the guard"),
            Sub(Row.CoolPurgingToStarting, TopState.Cool, SubState.Purging, SubState.Starting, "indoor above SP + deadband"),
            Sub(Row.CoolPurgingToIdle, TopState.Cool, SubState.Purging, SubState.Idle, "fan run-on over"),

            Sub(Row.DefrostEntryToShiftIn, TopState.Defrost, SubState.None, SubState.ShiftIn, "entry: compressor stops"),
            Sub(Row.DefrostShiftInToMelting, TopState.Defrost, SubState.ShiftIn, SubState.Melting, "valve in cooling, compressor restarted"),
            Sub(Row.DefrostMeltingToDrip, TopState.Defrost, SubState.Melting, SubState.Drip, "coil at end temperature or maximum time"),
            Sub(Row.DefrostDripToShiftOut, TopState.Defrost, SubState.Drip, SubState.ShiftOut, "drip time over"),

            Sub(Row.FaultEntryToWaiting, TopState.Fault, SubState.None, SubState.Waiting, "entry"),
            Sub(Row.FaultEntryToLockout, TopState.Fault, SubState.None, SubState.Lockout, "entry, third fault of its kind in an hour (first for a self-check)"),
            Sub(Row.FaultLockoutToWaiting, TopState.Fault, SubState.Lockout, SubState.Waiting, "MODE held 10 s, or 4 h passed"),
            Sub(Row.FaultWaitingToLockout, TopState.Fault, SubState.Waiting, SubState.Lockout, "third pressure trip in an hour in output-test mode"),
        };

        /// <summary>Number of rows.</summary>
        public static int Count
        {
            get { return Rows.Length; }
        }

        /// <summary>Row <paramref name="index"/>.</summary>
        public static Transition At(int index)
        {
            return Rows[index];
        }

        /// <summary>The row named <paramref name="row"/>.</summary>
        public static Transition At(Row row)
        {
            return Rows[(int)row];
        }

        private static Transition Top(Row row, TopState from, TopState to, string trigger)
        {
            return new Transition(row, from, SubState.None, to, SubState.None, trigger);
        }

        private static Transition Sub(Row row, TopState state, SubState from, SubState to, string trigger)
        {
            return new Transition(row, state, from, state, to, trigger);
        }
    }
}
