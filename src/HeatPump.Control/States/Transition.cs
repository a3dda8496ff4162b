namespace HeatPump.Control.States
{
    /// <summary>One allowed change of state or sub-state, with the event that causes it.</summary>
    public sealed class Transition
    {
        internal Transition(Row row, TopState from, SubState fromSub, TopState to, SubState toSub, string trigger)
        {
            Row = row;
            From = from;
            FromSub = fromSub;
            To = to;
            ToSub = toSub;
            Trigger = trigger;
        }

        /// <summary>The row's name: what a state writes to take it.</summary>
        public Row Row { get; }

        /// <summary>State left (for a sub-state change, the state it happens in).</summary>
        public TopState From { get; }

        /// <summary>Sub-state left; None for a top-level transition or the entry into a state.</summary>
        public SubState FromSub { get; }

        /// <summary>State entered.</summary>
        public TopState To { get; }

        /// <summary>Sub-state entered; None for a top-level transition.</summary>
        public SubState ToSub { get; }

        /// <summary>What causes it, in the words of docs/state-machine.md.</summary>
        public string Trigger { get; }

        /// <summary>True for a change of top-level state; false for a change inside one.</summary>
        public bool IsTopLevel
        {
            get { return From != To; }
        }
    }
}
