using System.Device.Gpio;
using System.Device.Pwm;
using HeatPump.Control;
using HeatPump.Control.Hal;
using nanoFramework.Hardware.Esp32;

namespace HeatPump.Firmware.Hal
{
    /// <summary>
    /// The relays on the thermostat terminals — Y (compressor contactor), O/B (reversing valve), W2/E (aux
    /// heat), G (blower call) and L (alarm) — and the two fan PWM outputs. G and L follow the guarded
    /// outputs: G closes whenever the indoor fan runs (an air handler with its own blower then runs it, so
    /// the guard's "no aux without the blower" holds there too), and the alarm relay is fail-safe, energised
    /// only while the unit runs without a fault. Constructed first thing at boot so the relay pins go from
    /// "floating, held off by the board's pull-downs" straight to "driven off"; written once per tick after
    /// the guard, touching a pin only when its value changes.
    /// </summary>
    internal sealed class BoardOutputs : IOutputs
    {
        private readonly GpioPin _compressor;
        private readonly GpioPin _valve;
        private readonly GpioPin _aux;
        private readonly GpioPin _blowerCall;
        private readonly GpioPin _alarm;
        private readonly PwmChannel _indoorFan;
        private readonly PwmChannel _outdoorFan;
        private OutputState _driven;
        private bool _anyWritten;

        /// <summary>Opens every output pin and drives it off.</summary>
        public BoardOutputs(GpioController gpio, SerialLog log)
        {
            // Relays are active-high by design, and no other polarity is offered: after reset every
            // pin is an input held low by the board's pull-downs, and OpenPin makes it an output
            // driving low, so from reset through boot to the first Write a relay never closes. An
            // active-low driver board would pull in at each of those steps (docs/safety.md).
            _compressor = OpenRelay(gpio, BoardConfig.CompressorRelayPin);
            _valve = OpenRelay(gpio, BoardConfig.ValveRelayPin);
            _aux = OpenRelay(gpio, BoardConfig.AuxRelayPin);
            _blowerCall = OpenRelay(gpio, BoardConfig.BlowerCallRelayPin);
            _alarm = OpenRelay(gpio, BoardConfig.AlarmRelayPin);

            _indoorFan = OpenFan(BoardConfig.IndoorFanPwmPin, DeviceFunction.PWM1, log);
            _outdoorFan = OpenFan(BoardConfig.OutdoorFanPwmPin, DeviceFunction.PWM2, log);
        }

        /// <summary>What the board is driving now.</summary>
        public OutputState Driven
        {
            get { return _driven; }
        }

        /// <summary>Drives every output to <paramref name="outputs"/>; fan duties are clamped to 0..1.</summary>
        public void Write(ref OutputState outputs)
        {
            bool force = !_anyWritten;
            if (force || outputs.Compressor != _driven.Compressor)
            {
                _compressor.Write(outputs.Compressor);
            }

            if (force || outputs.ValveEnergised != _driven.ValveEnergised)
            {
                _valve.Write(outputs.ValveEnergised);
            }

            if (force || outputs.AuxHeat != _driven.AuxHeat)
            {
                _aux.Write(outputs.AuxHeat);
            }

            float indoor = Clamp01(outputs.IndoorFanDuty);
            float outdoor = Clamp01(outputs.OutdoorFanDuty);
            bool blower = indoor > 0f;
            if (force || blower != _driven.IndoorFanDuty > 0f)
            {
                _blowerCall.Write(blower);
            }

            if (force || outputs.Fault != _driven.Fault)
            {
                // Fail-safe: energised means "no fault"; a fault, a dead board or no power all open it.
                _alarm.Write(!outputs.Fault);
            }

            if (_indoorFan != null && (force || indoor != _driven.IndoorFanDuty))
            {
                _indoorFan.DutyCycle = indoor;
            }

            if (_outdoorFan != null && (force || outdoor != _driven.OutdoorFanDuty))
            {
                _outdoorFan.DutyCycle = outdoor;
            }

            _driven = outputs;
            _driven.IndoorFanDuty = indoor;
            _driven.OutdoorFanDuty = outdoor;
            _anyWritten = true;
        }

        /// <summary>Everything off now, the alarm signalling: used at boot and when the loop catches an unexpected exception.</summary>
        public void AllOff()
        {
            OutputState off = OutputState.AllOff();
            off.Fault = true;
            _anyWritten = false;
            Write(ref off);
        }

        private static GpioPin OpenRelay(GpioController gpio, int pin)
        {
            GpioPin p = gpio.OpenPin(pin, PinMode.Output);
            p.Write(false);
            return p;
        }

        private static PwmChannel OpenFan(int pin, DeviceFunction function, SerialLog log)
        {
            // On ESP32 a pin must be routed to a PWM (LEDC) channel before a PwmChannel can be made on it.
            Configuration.SetPinFunction(pin, function);
            PwmChannel channel = PwmChannel.CreateFromPin(pin, BoardConfig.FanPwmFrequencyHz, 0.0);
            if (channel == null)
            {
                // CreateFromPin returns null when no PWM channel serves the pin: the fan stays off.
                log.Warn("pwm.unavailable pin=" + pin.ToString());
                return null;
            }

            channel.Start();
            return channel;
        }

        private static float Clamp01(float v)
        {
            if (v <= 0f)
            {
                return 0f;
            }

            return v >= 1f ? 1f : v;
        }
    }
}
