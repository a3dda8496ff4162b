// Declarations only: the members of nanoFramework.Hardware.Esp32 1.6.34 that the firmware uses,
// with the package's namespaces, signatures and enum values. Bodies throw. Never shipped: see README.md.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        // Values as the package computes them: device type * 0x10000 + device index * 0x100 + function.
        COM3_TX = (3 * 0x10000) + (3 * 0x100) + 0,
        COM3_RX = (3 * 0x10000) + (3 * 0x100) + 1,
        PWM1 = (4 * 0x10000) + (1 * 0x100) + 0,
        PWM2 = (4 * 0x10000) + (2 * 0x100) + 0,
    }

    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) => throw new NotImplementedException();
    }

    public class HighResTimer : IDisposable
    {
        public static ulong GetCurrent() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
