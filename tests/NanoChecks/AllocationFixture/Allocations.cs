namespace AllocationFixture
{
    /// <summary>A struct nanoCLR keeps on its heap.</summary>
    public struct Reading
    {
        public int Value;
        public bool Good;

        /// <summary>Copies field by field through managed pointers: no heap object.</summary>
        public void CopyFrom(ref Reading other)
        {
            Value = other.Value;
            Good = other.Good;
        }
    }

    /// <summary>An enum: nanoCLR keeps it as its underlying int.</summary>
    public enum Level
    {
        Low,
        High,
    }

    /// <summary>Something a virtual call may land in.</summary>
    public abstract class Stage
    {
        public abstract int Run(int x);
    }

    /// <summary>An override whose body allocates, reached only through the virtual call.</summary>
    public sealed class AllocatingStage : Stage
    {
        public override int Run(int x)
        {
            int[] buffer = new int[x];
            return buffer.Length;
        }
    }

    /// <summary>An interface whose implementation allocates, reached only through the interface call.</summary>
    public interface ISink
    {
        void Put(int x);
    }

    /// <summary>Implements <see cref="ISink"/> explicitly.</summary>
    public sealed class BoxingSink : ISink
    {
        public object Last;

        void ISink.Put(int x)
        {
            Last = x;
        }
    }

    /// <summary>Entry points with one known allocation each, and one with none.</summary>
    public sealed class Allocations
    {
        private Reading _reading;
        private readonly Reading[] _readings = new Reading[2];
        private Level _level;
        private long _ticks;
        private System.DateTime _stamp;
        private Stage _stage;
        private ISink _sink;
        private string _text;

        /// <summary>Takes the stage and the sink the virtual and the interface call land in.</summary>
        public Allocations(Stage stage, ISink sink)
        {
            _stage = stage;
            _sink = sink;
        }

        /// <summary>A struct local, loaded once (a copy), passed by value (a parameter) and returned (a return).</summary>
        public Reading StructLocalCopyAndReturn()
        {
            Reading r;
            r.Value = 1;
            r.Good = true;
            return Pass(r);
        }

        private static Reading Pass(Reading r)
        {
            return r;
        }

        /// <summary>Loads a struct field (a copy), and an array element (a copy).</summary>
        public int FieldAndElementCopies()
        {
            Reading a = _reading;
            return a.Value + Take(_readings[1]);
        }

        private static int Take(Reading r)
        {
            return r.Value;
        }

        /// <summary>newobj of a class.</summary>
        public object NewObject()
        {
            return new AllocatingStage();
        }

        /// <summary>box of an int.</summary>
        public object BoxInt(int x)
        {
            return x;
        }

        /// <summary>A string literal and a concatenation.</summary>
        public string Strings(int x)
        {
            _text = "count ";
            return string.Concat(_text, x.ToString());
        }

        /// <summary>A virtual call whose only override allocates an array.</summary>
        public int VirtualCall(int x)
        {
            return _stage.Run(x);
        }

        /// <summary>An interface call whose implementation boxes.</summary>
        public void InterfaceCall(int x)
        {
            _sink.Put(x);
        }

        /// <summary>Allocates nothing on nanoCLR: primitives, an enum, long, DateTime, and struct fields reached by reference.</summary>
        public int Clean(int x)
        {
            Level level = x > 0 ? Level.High : Level.Low;
            _level = level;
            long t = _ticks + x;
            _ticks = t;
            System.DateTime stamp = _stamp;
            _stamp = stamp;
            _reading.Value = x;
            _reading.Good = level == Level.High;
            _readings[0].CopyFrom(ref _reading);
            _reading = default(Reading);
            return _reading.Value + (int)_level;
        }
    }
}
