namespace HeatPump.Control.Protection
{
    /// <summary>
    /// Remembers when faults of each kind happened, to lock out after
    /// <see cref="LockoutCount"/> of one kind within an hour — as boards do after repeated
    /// pressure trips, so a unit with a real defect stops retrying and waits for a person.
    /// </summary>
    public sealed class FaultHistory
    {
        /// <summary>Faults of one kind within <see cref="WindowMs"/> that lock the unit out.</summary>
        public const int LockoutCount = 3;

        /// <summary>The window in which faults are counted, ms.</summary>
        public const long WindowMs = 3600000L;

        private const int Kinds = 7;
        private readonly StartLog[] _logs;
        private readonly int[] _totals = new int[Kinds];

        /// <summary>Creates an empty history.</summary>
        public FaultHistory()
        {
            _logs = new StartLog[Kinds];
            for (int i = 0; i < Kinds; i++)
            {
                _logs[i] = new StartLog(LockoutCount);
            }
        }

        /// <summary>Records a fault of <paramref name="kind"/> at <paramref name="nowMs"/>; true when this one locks the unit out.</summary>
        public bool Record(FaultKind kind, long nowMs)
        {
            StartLog log = _logs[(int)kind];
            log.Add(nowMs);
            _totals[(int)kind]++;
            return log.CountSince(nowMs - WindowMs + 1) >= CountToLockOut(kind);
        }

        /// <summary>
        /// How many faults of <paramref name="kind"/> within the window lock out: one for a self-check
        /// (a wiring or probe mistake does not heal by itself, and every retry runs the unit the wrong
        /// way for minutes), never for the indoor sensor, <see cref="LockoutCount"/> for the pressure switches.
        /// </summary>
        public static int CountToLockOut(FaultKind kind)
        {
            if (kind == FaultKind.IndoorSensor)
            {
                // Not a refrigerant fault: a loose connector heals, and the fault itself waits for the
                // reading to come back, so it retries on its own however often it drops out.
                return int.MaxValue;
            }

            return kind == FaultKind.ReversedValve || kind == FaultKind.ProbesSwapped ? 1 : LockoutCount;
        }

        /// <summary>Faults of <paramref name="kind"/> in the hour up to <paramref name="nowMs"/>.</summary>
        public int CountInWindow(FaultKind kind, long nowMs)
        {
            return _logs[(int)kind].CountSince(nowMs - WindowMs + 1);
        }

        /// <summary>Faults of <paramref name="kind"/> since power-up; a lockout reset does not clear it (the count is evidence).</summary>
        public int Total(FaultKind kind)
        {
            return _totals[(int)kind];
        }

        /// <summary>Forgets every fault in the lockout window (a lockout reset by the user); <see cref="Total"/> stays.</summary>
        public void Clear()
        {
            for (int i = 0; i < Kinds; i++)
            {
                _logs[i].Clear();
            }
        }
    }
}
