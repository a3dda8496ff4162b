namespace HeatPump.Control.Protection
{
    /// <summary>The times of the last few compressor starts, in a fixed ring: no allocation after construction.</summary>
    public sealed class StartLog
    {
        private readonly long[] _times;
        private int _count;
        private int _next;

        /// <summary>Creates a log that remembers the last <paramref name="capacity"/> starts.</summary>
        public StartLog(int capacity)
        {
            _times = new long[capacity];
        }

        /// <summary>Forgets every start.</summary>
        public void Clear()
        {
            _count = 0;
            _next = 0;
        }

        /// <summary>Records a start at <paramref name="timeMs"/>.</summary>
        public void Add(long timeMs)
        {
            _times[_next] = timeMs;
            _next = (_next + 1) % _times.Length;
            if (_count < _times.Length)
            {
                _count++;
            }
        }

        /// <summary>The <paramref name="back"/>-th most recent start (0 = newest); long.MinValue if there are fewer.</summary>
        public long Recent(int back)
        {
            if (back >= _count)
            {
                return long.MinValue;
            }

            int i = (_next - 1 - back + 2 * _times.Length) % _times.Length;
            return _times[i];
        }

        /// <summary>How many remembered starts are at or after <paramref name="fromMs"/>.</summary>
        public int CountSince(long fromMs)
        {
            // Starts are recorded in time order: walk back from the newest and stop at the first older one.
            int n = 0;
            int i = _next;
            for (int k = 0; k < _count; k++)
            {
                i = i == 0 ? _times.Length - 1 : i - 1;
                if (_times[i] < fromMs)
                {
                    break;
                }

                n++;
            }

            return n;
        }
    }
}
