// Declarations only: the members of nanoFramework.System.Device.Gpio 1.1.57 that the firmware uses,
// with the package's namespaces and signatures. Bodies throw. Never shipped: see README.md.
using System;

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    public readonly struct PinValue
    {
        public static PinValue High => throw new NotImplementedException();

        public static PinValue Low => throw new NotImplementedException();

        public static implicit operator PinValue(bool value) => throw new NotImplementedException();

        public static bool operator ==(PinValue a, PinValue b) => throw new NotImplementedException();

        public static bool operator !=(PinValue a, PinValue b) => throw new NotImplementedException();

        public override bool Equals(object obj) => throw new NotImplementedException();

        public override int GetHashCode() => throw new NotImplementedException();
    }

    public class PinValueChangedEventArgs
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) => throw new NotImplementedException();

        public PinEventTypes ChangeType => throw new NotImplementedException();

        public int PinNumber => throw new NotImplementedException();
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public sealed class GpioPin : IDisposable
    {
        private GpioPin()
        {
        }

        public TimeSpan DebounceTimeout
        {
            get => throw new NotImplementedException();
            set => throw new NotImplementedException();
        }

        public int PinNumber => throw new NotImplementedException();

        public event PinValueChangedEventHandler ValueChanged
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        public void SetPinMode(PinMode value) => throw new NotImplementedException();

        public PinValue Read() => throw new NotImplementedException();

        public void Write(PinValue value) => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController() => throw new NotImplementedException();

        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
