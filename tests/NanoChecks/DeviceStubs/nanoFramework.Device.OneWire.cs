// Declarations only: the members of nanoFramework.Device.OneWire 1.4.35 that the firmware uses,
// with the package's namespaces and signatures. Bodies throw. Never shipped: see README.md.
using System;

namespace nanoFramework.Device.OneWire
{
    public class OneWireHost : IDisposable
    {
        public OneWireHost() => throw new NotImplementedException();

        public byte[] SerialNumber
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public bool TouchReset() => throw new NotImplementedException();

        public byte WriteByte(byte value) => throw new NotImplementedException();

        public byte ReadByte() => throw new NotImplementedException();

        public bool FindFirstDevice(bool performResetBeforeSearch, bool searchWithAlarmCommand) => throw new NotImplementedException();

        public bool FindNextDevice(bool performResetBeforeSearch, bool searchWithAlarmCommand) => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
