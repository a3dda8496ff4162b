// Declarations only: the members of nanoFramework.System.Device.Pwm 1.1.23 that the firmware uses,
// with the package's namespaces and signatures. Bodies throw. Never shipped: see README.md.
using System;

namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        private PwmChannel()
        {
        }

        public double DutyCycle
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) => throw new NotImplementedException();

        public void Start() => throw new NotImplementedException();

        public void Stop() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
