// Declarations for the firmware type-check only (see README.md): nanoFramework.System.Threading
// 1.1.52, checked against nanoframework/System.Threading at tag v1.1.52:
// nanoFramework.System.Threading/Threading/CancellationTokenSource.cs (CancellationTokenSource(Int32), Token),
// CancellationToken.cs (a struct).
using System;

namespace System.Threading
{
    public struct CancellationToken
    {
    }

    public class CancellationTokenSource
    {
        public CancellationTokenSource(int millisecondsDelay)
        {
            throw new NotImplementedException();
        }

        public CancellationToken Token { get { throw new NotImplementedException(); } }
    }
}
