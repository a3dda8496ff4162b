// Declarations only: the members of System.IO.Stream (nanoFramework.System.IO.Streams 1.1.94) that the
// firmware uses through FileStream, with the package's namespace and signatures. Never shipped: see README.md.
using System;

namespace System.IO
{
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract long Length { get; }

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract void Write(byte[] buffer, int offset, int count);

        public abstract void Flush();

        public void Dispose() => throw new NotImplementedException();
    }
}
