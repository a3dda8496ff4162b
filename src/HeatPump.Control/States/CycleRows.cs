namespace HeatPump.Control.States
{
    /// <summary>
    /// The rows of the transition table that one conditioning state (Heat or Cool) takes around its
    /// cycle and out of it, by name: <see cref="ConditioningState"/> is written once for both, and
    /// each state hands it its own rows.
    /// </summary>
    internal sealed class CycleRows
    {
        /// <summary>Entry: the cycle starts at Idle.</summary>
        public Row EntryToIdle;

        /// <summary>A call for heat or cooling.</summary>
        public Row IdleToStarting;

        /// <summary>The compressor started.</summary>
        public Row StartingToRunning;

        /// <summary>Satisfied before the start, no fan run-on.</summary>
        public Row StartingToIdle;

        /// <summary>Satisfied before the start, the fan running on.</summary>
        public Row StartingToPurging;

        /// <summary>Satisfied after the minimum run.</summary>
        public Row RunningToPurging;

        /// <summary>A lockout, or the guard stopped the compressor.</summary>
        public Row RunningToStarting;

        /// <summary>A new call during the run-on.</summary>
        public Row PurgingToStarting;

        /// <summary>The run-on is over.</summary>
        public Row PurgingToIdle;

        /// <summary>Mode Off.</summary>
        public Row ToOff;

        /// <summary>A changeover to the other conditioning state.</summary>
        public Row Changeover;

        /// <summary>A fault detected here.</summary>
        public Row ToFault;
    }
}
