using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;

namespace HeatPump.Control.Board
{
    /// <summary>
    /// Schedules the DS18B20s over the ticks, one bus slice per tick at most: Skip ROM + Convert T
    /// for every sensor at once (one slice), 800 ms of waiting with the bus idle, then each bound
    /// role's scratchpad by Match ROM (three slices each), and again. An unbound role costs no bus
    /// slice and no tick: it reads as "no response" in the tick its turn comes. So a cycle is
    /// 1 + 8 + 3 per bound sensor ticks: each sensor is sampled about every 1.8 s with three sensors
    /// and every 2.1 s with the supply air as a fourth. Ticks without a finished read hand the core
    /// SampleStatus.None, which its validators treat as "nothing new", not as a failure.
    /// </summary>
    public sealed class TemperaturePoller
    {
        private readonly SensorBindings _bindings;
        private readonly OneWireTransaction _tx = new OneWireTransaction();
        private Phase _phase;
        private long _conversionStartMs;
        private int _role;

        /// <summary>Creates a poller reading the sensors <paramref name="bindings"/> names.</summary>
        public TemperaturePoller(SensorBindings bindings)
        {
            _bindings = bindings;
        }

        private enum Phase
        {
            Convert = 0,
            Waiting,
            Reading,
        }

        /// <summary>Scratchpad reads abandoned because a slice outran its budget (bus miswired), since power-up.</summary>
        public int SlowReads { get; private set; }

        /// <summary>Bus operations the 1-Wire driver refused with an exception, since power-up.</summary>
        public int BusErrors { get; private set; }

        /// <summary>True when the last reset found no device at all on the bus.</summary>
        public bool BusEmpty { get; private set; }

        /// <summary>
        /// Does this tick's bus work, if <paramref name="busAllowed"/>, and sets the four samples of
        /// <paramref name="inputs"/> (Status None except for a read that finished, or an unbound role
        /// whose turn came). Returns true when it used the bus.
        /// </summary>
        public bool Service(IOneWireBus bus, IMonotonicClock clock, RawInputs inputs, bool busAllowed)
        {
            for (int r = 0; r < SensorBindings.RoleCount; r++)
            {
                SetSample(inputs, r, SampleStatus.None, 0);
            }

            if (!busAllowed)
            {
                return false;
            }

            if (_phase == Phase.Convert)
            {
                if (!_tx.Running)
                {
                    Ds18b20Commands.QueueConvertAll(_tx);
                }

                if (_tx.RunSlice(bus, clock))
                {
                    Count(_tx.State);
                    BusEmpty = _tx.State == TransactionState.NoPresence;
                    _conversionStartMs = clock.NowMs;
                    _phase = Phase.Waiting;
                    _role = 0;
                }

                return true;
            }

            if (_phase == Phase.Waiting)
            {
                if (clock.NowMs - _conversionStartMs < Ds18b20Commands.ConversionMs)
                {
                    return false;
                }

                _phase = Phase.Reading;
                SkipUnbound(inputs);
                if (_phase != Phase.Reading)
                {
                    return false;
                }
            }

            SensorRole role = (SensorRole)_role;
            if (!_tx.Running)
            {
                Ds18b20Commands.QueueReadScratchpad(_tx, _bindings.Roms, SensorBindings.OffsetOf(role));
            }

            if (_tx.RunSlice(bus, clock))
            {
                Count(_tx.State);
                short sixteenths = 0;
                SampleStatus status = SampleStatus.NoResponse;
                if (_tx.State == TransactionState.Done)
                {
                    status = Scratchpad.Decode(_tx.Received, out sixteenths);
                }

                SetSample(inputs, _role, status, sixteenths);
                _role++;
                SkipUnbound(inputs);
            }

            return true;
        }

        /// <summary>Forgets a conversion or read in progress (the bus was used for something else): the next slice starts a new conversion.</summary>
        public void Restart()
        {
            _phase = Phase.Convert;
            Ds18b20Commands.QueueConvertAll(_tx);
        }

        /// <summary>
        /// Passes over the roles from the current one on that have no sensor, each reading as "no
        /// response" without bus traffic (a new board faults on a missing indoor sensor exactly as on a
        /// dead one; an unfitted supply probe is simply not there), and starts a new conversion after
        /// the last role. Done in the tick of the read before, so a board without the optional supply
        /// sensor keeps the three-sensor cycle tick for tick.
        /// </summary>
        private void SkipUnbound(RawInputs inputs)
        {
            while (_role < SensorBindings.RoleCount && !_bindings.IsBound((SensorRole)_role))
            {
                SetSample(inputs, _role, SampleStatus.NoResponse, 0);
                _role++;
            }

            if (_role >= SensorBindings.RoleCount)
            {
                _phase = Phase.Convert;
            }
        }

        private void Count(TransactionState state)
        {
            if (state == TransactionState.Slow)
            {
                SlowReads++;
            }
            else if (state == TransactionState.Failed)
            {
                BusErrors++;
            }
        }

        private static void SetSample(RawInputs inputs, int role, SampleStatus status, short sixteenths)
        {
            if (role == (int)SensorRole.Indoor)
            {
                inputs.Indoor.Status = status;
                inputs.Indoor.Sixteenths = sixteenths;
            }
            else if (role == (int)SensorRole.Outdoor)
            {
                inputs.Outdoor.Status = status;
                inputs.Outdoor.Sixteenths = sixteenths;
            }
            else if (role == (int)SensorRole.Coil)
            {
                inputs.Coil.Status = status;
                inputs.Coil.Sixteenths = sixteenths;
            }
            else
            {
                inputs.Supply.Status = status;
                inputs.Supply.Sixteenths = sixteenths;
            }
        }
    }
}
