// Declarations only: the members of nanoFramework.Runtime.Native 1.7.11 that the firmware uses,
// with the package's namespace and signatures. Bodies throw. Never shipped: see README.md.
using System;

namespace nanoFramework.Runtime.Native
{
    public class Power
    {
        public static void RebootDevice() => throw new NotImplementedException();
    }

    public static class GC
    {
        public static uint Run(bool compactHeap) => throw new NotImplementedException();
    }
}
