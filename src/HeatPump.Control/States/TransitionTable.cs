namespace HeatPump.Control.States
{
    /// <summary>
    /// Every transition the controller may take. The controller checks each one it takes against this
    /// table, and docs/state-machine.md is generated from it (a test keeps the two equal).
    /// </summary>
    public static class TransitionTable
    {
        private static readonly Transition[] Rows = new Transition[]
        {
            Top(TopState.Off, TopState.Heat, "mode Heat, or Auto nearer heating"),
            Top(TopState.Off, TopState.Cool, "mode Cool, or Auto nearer cooling"),
            Top(TopState.Heat, TopState.Off, "mode Off"),
            Top(TopState.Heat, TopState.Cool, "mode Cool or Auto changeover, compressor stopped"),
            Top(TopState.Heat, TopState.Defrost, "defrost due or requested while running"),
            Top(TopState.Cool, TopState.Off, "mode Off"),
            Top(TopState.Cool, TopState.Heat, "mode Heat or Auto changeover, compressor stopped"),
            Top(TopState.Defrost, TopState.Heat, "valve back in heating"),
            Top(TopState.Defrost, TopState.Off, "valve back in heating, mode Off"),
            Top(TopState.Off, TopState.Fault, "indoor sensor failed, or a pressure trip in bench mode"),
            Top(TopState.Heat, TopState.Fault, "indoor sensor failed, pressure switch tripped or a self-check failed"),
            Top(TopState.Cool, TopState.Fault, "indoor sensor failed, pressure switch tripped or a self-check failed"),
            Top(TopState.Defrost, TopState.Fault, "pressure switch tripped"),
            Top(TopState.Fault, TopState.Off, "cause cleared and minimum off time over"),

            Sub(TopState.Heat, SubState.None, SubState.Idle, "entry"),
            Sub(TopState.Heat, SubState.None, SubState.Running, "entry after defrost, compressor running"),
            Sub(TopState.Heat, SubState.Idle, SubState.Starting, "indoor below SP - deadband"),
            Sub(TopState.Heat, SubState.Starting, SubState.Running, "compressor started"),
            Sub(TopState.Heat, SubState.Starting, SubState.Idle, "indoor above SP + overrun"),
            Sub(TopState.Heat, SubState.Starting, SubState.Purging, "indoor above SP + overrun, fan running on"),
            Sub(TopState.Heat, SubState.Running, SubState.Purging, "indoor above SP + overrun after minimum run"),
            Sub(TopState.Heat, SubState.Running, SubState.Starting, "low-ambient lockout or compressor stopped by the guard"),
            Sub(TopState.Heat, SubState.Purging, SubState.Starting, "indoor below SP - deadband"),
            Sub(TopState.Heat, SubState.Purging, SubState.Idle, "fan run-on over"),

            Sub(TopState.Cool, SubState.None, SubState.Idle, "entry"),
            Sub(TopState.Cool, SubState.Idle, SubState.Starting, "indoor above SP + deadband"),
            Sub(TopState.Cool, SubState.Starting, SubState.Running, "compressor started"),
            Sub(TopState.Cool, SubState.Starting, SubState.Idle, "indoor below SP - overrun"),
            Sub(TopState.Cool, SubState.Starting, SubState.Purging, "indoor below SP - overrun, fan running on"),
            Sub(TopState.Cool, SubState.Running, SubState.Purging, "indoor below SP - overrun after minimum run"),
            Sub(TopState.Cool, SubState.Running, SubState.Starting, "cooling lockout or compressor stopped by the guard"),
            Sub(TopState.Cool, SubState.Purging, SubState.Starting, "indoor above SP + deadband"),
            Sub(TopState.Cool, SubState.Purging, SubState.Idle, "fan run-on over"),

            Sub(TopState.Defrost, SubState.None, SubState.ShiftIn, "entry: compressor stops"),
            Sub(TopState.Defrost, SubState.ShiftIn, SubState.Melting, "valve in cooling, compressor restarted"),
            Sub(TopState.Defrost, SubState.Melting, SubState.Drip, "coil at end temperature or maximum time"),
            Sub(TopState.Defrost, SubState.Drip, SubState.ShiftOut, "drip time over"),

            Sub(TopState.Fault, SubState.None, SubState.Waiting, "entry"),
            Sub(TopState.Fault, SubState.None, SubState.Lockout, "entry, third fault of its kind in an hour (first for a self-check)"),
            Sub(TopState.Fault, SubState.Lockout, SubState.Waiting, "MODE held 10 s, or 4 h passed"),
            Sub(TopState.Fault, SubState.Waiting, SubState.Lockout, "third pressure trip in an hour in bench mode"),
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

        /// <summary>The row for a change of top-level state, or −1 if the change is not allowed.</summary>
        public static int FindTop(TopState from, TopState to)
        {
            return Find(from, SubState.None, to, SubState.None);
        }

        /// <summary>The row for a change of sub-state inside <paramref name="state"/>, or −1 if not allowed.</summary>
        public static int FindSub(TopState state, SubState from, SubState to)
        {
            return Find(state, from, state, to);
        }

        private static int Find(TopState from, SubState fromSub, TopState to, SubState toSub)
        {
            for (int i = 0; i < Rows.Length; i++)
            {
                Transition r = Rows[i];
                if (r.From == from && r.FromSub == fromSub && r.To == to && r.ToSub == toSub)
                {
                    return i;
                }
            }

            return -1;
        }

        private static Transition Top(TopState from, TopState to, string trigger)
        {
            return new Transition(from, SubState.None, to, SubState.None, trigger);
        }

        private static Transition Sub(TopState state, SubState from, SubState to, string trigger)
        {
            return new Transition(state, from, state, to, trigger);
        }
    }
}
