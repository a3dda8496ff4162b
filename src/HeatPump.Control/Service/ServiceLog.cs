namespace HeatPump.Control.Service
{
    /// <summary>
    /// What a service technician asks first: how long the compressor has run, how often it started,
    /// how many defrosts, and the last faults with when they happened and how often each kind has
    /// happened in the unit's life. Fed once per tick from what the controller and the guard did;
    /// kept in flash by <see cref="ServicePersister"/> so a breaker flip does not erase it. Shown on
    /// the panel's service page and in the log (docs/front-panel.md, docs/serial-log.md).
    /// Allocates nothing after construction.
    /// </summary>
    public sealed class ServiceLog
    {
        /// <summary>How many of the newest faults are kept.</summary>
        public const int MaxEntries = 8;

        /// <summary>Fault kinds counted (room for kinds added after the first three).</summary>
        public const int KindSlots = 16;

        private readonly byte[] _kind = new byte[MaxEntries];
        private readonly bool[] _lockout = new bool[MaxEntries];
        private readonly uint[] _powerUp = new uint[MaxEntries];
        private readonly uint[] _uptimeS = new uint[MaxEntries];
        private readonly ushort[] _kindCounts = new ushort[KindSlots];
        private int _count;
        private long _runMsPart;
        private bool _compressorWas;
        private bool _inFaultWas;
        private bool _inDefrostWas;
        private bool _observed;
        private long _lastMs;

        /// <summary>Compressor run time in the unit's life, whole seconds (up to the last save after a power cut).</summary>
        public uint RunSeconds { get; private set; }

        /// <summary>Compressor starts (the relay closing) in the unit's life.</summary>
        public uint Starts { get; private set; }

        /// <summary>Defrosts in the unit's life.</summary>
        public uint Defrosts { get; private set; }

        /// <summary>This power-up's number: one more than the number stored at the last save.</summary>
        public uint PowerUps { get; private set; }

        /// <summary>Faults kept (0 .. <see cref="MaxEntries"/>).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Bumped by every new fault: the persister writes at once.</summary>
        public int FaultRevision { get; private set; }

        /// <summary>Bumped when a counter changed: the persister writes these now and then.</summary>
        public int CounterRevision { get; private set; }

        /// <summary>Whole compressor run hours (<see cref="RunSeconds"/> / 3600).</summary>
        public uint RunHours
        {
            get { return RunSeconds / 3600u; }
        }

        // The accessors below answer None / false / 0 for an index past Count rather than throw:
        // the panel reads them in the tick, and a throw would allocate on nanoCLR.

        /// <summary>Fault kind of entry <paramref name="index"/> (0 = newest, up to <see cref="Count"/> − 1).</summary>
        public FaultKind KindAt(int index)
        {
            return Has(index) ? (FaultKind)_kind[index] : FaultKind.None;
        }

        /// <summary>True when the fault of entry <paramref name="index"/> locked the unit out.</summary>
        public bool LockoutAt(int index)
        {
            return Has(index) && _lockout[index];
        }

        /// <summary>The power-up (see <see cref="PowerUps"/>) in which entry <paramref name="index"/> happened.</summary>
        public uint PowerUpAt(int index)
        {
            return Has(index) ? _powerUp[index] : 0u;
        }

        /// <summary>Seconds since that power-up when entry <paramref name="index"/> happened.</summary>
        public uint UptimeSecondsAt(int index)
        {
            return Has(index) ? _uptimeS[index] : 0u;
        }

        /// <summary>Faults of <paramref name="kind"/> in the unit's life (saturates at 65535).</summary>
        public int CountOf(FaultKind kind)
        {
            int k = (int)kind;
            return k >= 0 && k < KindSlots ? _kindCounts[k] : 0;
        }

        /// <summary>Call once at power-up, after loading: this run gets the next power-up number.</summary>
        public void StartPowerUp()
        {
            PowerUps = unchecked(PowerUps + 1u);
            CounterRevision++;
        }

        /// <summary>
        /// Takes this tick's facts: the controller's state and fault (and lockout) and whether the guard
        /// ran the compressor, at <paramref name="nowMs"/> since power-up. A new entry is made when the
        /// controller enters Fault; a start when the compressor relay closes; a defrost when Defrost begins.
        /// </summary>
        public void Observe(TopState state, FaultKind fault, bool lockedOut, bool compressorOn, long nowMs)
        {
            long elapsedMs = _observed ? nowMs - _lastMs : 0;
            _observed = true;
            _lastMs = nowMs;
            if (compressorOn && elapsedMs > 0)
            {
                _runMsPart += elapsedMs;
                if (_runMsPart >= 1000)
                {
                    RunSeconds = unchecked(RunSeconds + (uint)(_runMsPart / 1000));
                    _runMsPart %= 1000;
                    CounterRevision++;
                }
            }

            if (compressorOn && !_compressorWas)
            {
                Starts = unchecked(Starts + 1u);
                CounterRevision++;
            }

            bool inDefrost = state == TopState.Defrost;
            if (inDefrost && !_inDefrostWas)
            {
                Defrosts = unchecked(Defrosts + 1u);
                CounterRevision++;
            }

            bool inFault = state == TopState.Fault;
            if (inFault && !_inFaultWas)
            {
                Add(fault, lockedOut, PowerUps, nowMs < 0 ? 0u : (uint)(nowMs / 1000));
                FaultRevision++;
            }

            _compressorWas = compressorOn;
            _inDefrostWas = inDefrost;
            _inFaultWas = inFault;
        }

        /// <summary>Forgets everything (a new board, or a record that failed its check).</summary>
        public void Clear()
        {
            _count = 0;
            RunSeconds = 0;
            Starts = 0;
            Defrosts = 0;
            PowerUps = 0;
            for (int i = 0; i < KindSlots; i++)
            {
                _kindCounts[i] = 0;
            }
        }

        /// <summary>Sets the counters as loaded from flash (the record's decoder calls this).</summary>
        internal void LoadCounters(uint powerUps, uint runSeconds, uint starts, uint defrosts)
        {
            PowerUps = powerUps;
            RunSeconds = runSeconds;
            Starts = starts;
            Defrosts = defrosts;
        }

        /// <summary>Sets the lifetime count of the kind in slot <paramref name="kind"/> as loaded from flash.</summary>
        internal void LoadKindCount(int kind, int count)
        {
            _kindCounts[kind] = (ushort)count;
        }

        /// <summary>Appends an entry as loaded from flash, oldest first, without counting it again.</summary>
        internal void LoadEntry(FaultKind kind, bool lockout, uint powerUp, uint uptimeS)
        {
            Push(kind, lockout, powerUp, uptimeS);
        }

        private void Add(FaultKind kind, bool lockout, uint powerUp, uint uptimeS)
        {
            Push(kind, lockout, powerUp, uptimeS);
            int k = (int)kind;
            if (k >= 0 && k < KindSlots && _kindCounts[k] < ushort.MaxValue)
            {
                _kindCounts[k]++;
            }
        }

        private void Push(FaultKind kind, bool lockout, uint powerUp, uint uptimeS)
        {
            // Newest first: shift the older entries down one place and drop the oldest when full.
            int last = _count < MaxEntries ? _count : MaxEntries - 1;
            for (int i = last; i > 0; i--)
            {
                _kind[i] = _kind[i - 1];
                _lockout[i] = _lockout[i - 1];
                _powerUp[i] = _powerUp[i - 1];
                _uptimeS[i] = _uptimeS[i - 1];
            }

            _kind[0] = (byte)kind;
            _lockout[0] = lockout;
            _powerUp[0] = powerUp;
            _uptimeS[0] = uptimeS;
            if (_count < MaxEntries)
            {
                _count++;
            }
        }

        private bool Has(int index)
        {
            return index >= 0 && index < _count;
        }
    }
}
