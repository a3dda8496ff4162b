using HeatPump.Control;
using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;

namespace HeatPump.Firmware.OneWire
{
    /// <summary>
    /// Schedules the bus over the ticks: start a conversion for all sensors, wait for it, then read
    /// one role's scratchpad per tick (indoor, outdoor, coil) and start again, so each sensor is
    /// sampled about every 1.1 s and no tick does more than one scratchpad read. Ticks without a read
    /// hand the core SampleStatus.None, which its validators treat as "nothing new", not a failure.
    /// </summary>
    internal sealed class TemperaturePoller
    {
        private readonly ITemperatureBus _bus;
        private bool _converting;
        private int _nextRole;

        /// <summary>Creates a poller over <paramref name="bus"/>.</summary>
        public TemperaturePoller(ITemperatureBus bus)
        {
            _bus = bus;
        }

        /// <summary>Does this tick's bus work and fills the three samples of <paramref name="inputs"/>.</summary>
        public void Service(ControlInputs inputs)
        {
            inputs.Indoor = default(SensorSample);
            inputs.Outdoor = default(SensorSample);
            inputs.Coil = default(SensorSample);

            if (!_converting)
            {
                _bus.StartConversion();
                _converting = true;
                _nextRole = 0;
                return;
            }

            if (!_bus.ConversionReady)
            {
                return;
            }

            SensorRole role = (SensorRole)_nextRole;
            SensorSample sample = _bus.Read(role);
            if (role == SensorRole.Indoor)
            {
                inputs.Indoor = sample;
            }
            else if (role == SensorRole.Outdoor)
            {
                inputs.Outdoor = sample;
            }
            else
            {
                inputs.Coil = sample;
            }

            _nextRole++;
            if (_nextRole >= SensorBindings.RoleCount)
            {
                _converting = false;
            }
        }

        /// <summary>Forgets a conversion in progress (after the bus was used for a search): the next tick starts a new one.</summary>
        public void Restart()
        {
            _converting = false;
        }
    }
}
