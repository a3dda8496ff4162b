// Declarations for the firmware type-check only (see README.md): nanoFramework.System.Net 1.11.60,
// checked against nanoframework/System.Net (nanoFramework.System.Net/X509Certificates/X509Certificate.cs,
// X509Certificate(byte[])), at its newest tag in the index, v1.11.54: the class is unchanged there.
using System;

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate(byte[] certificate)
        {
            throw new NotImplementedException();
        }
    }
}
