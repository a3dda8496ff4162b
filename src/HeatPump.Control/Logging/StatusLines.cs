using HeatPump.Control.Settings;
using HeatPump.Control.States;

namespace HeatPump.Control.Logging
{
    /// <summary>
    /// Decides when the status lines of the serial log are due: an EVT line in the tick where anything
    /// a user or a service technician cares about changes (state, sub-state, hold, fault, mode, a relay,
    /// defrost, a sensor's health, a fan starting or stopping, a setpoint) and in the first tick; an STS line every <see cref="StatusPeriodMs"/>.
    /// A fan's duty changing while it runs is left to the STS line, so a duty that follows demand does
    /// not fill the log. The check compares a handful of numbers and allocates nothing, so it runs every tick; only the
    /// lines themselves (<see cref="LogFormat.StatusBody"/>) allocate.
    /// </summary>
    public sealed class StatusLines
    {
        /// <summary>Period of the STS line.</summary>
        public const long StatusPeriodMs = 10000;

        private const int Watched = 16;

        private readonly int[] _last = new int[Watched];
        private readonly int[] _now = new int[Watched];
        private bool _first = true;
        private long _nextStatusMs;
        private int _faultRevision;

        // Filled by reference each tick: a struct local or property read is a heap copy on nanoCLR.
        private OutputState _outputs;

        /// <summary>True after <see cref="Check"/> when an EVT line is due this tick.</summary>
        public bool EventDue { get; private set; }

        /// <summary>True after <see cref="Check"/> when an STS line is due this tick.</summary>
        public bool StatusDue { get; private set; }

        /// <summary>
        /// True after <see cref="Check"/> when the service log took a new fault this tick: a FAULTLOG line
        /// for its newest entry is due (<see cref="LogFormat.FaultLogBody"/>, index 0).
        /// </summary>
        public bool FaultLogDue { get; private set; }

        /// <summary>Call once per tick after the core stepped; then read <see cref="EventDue"/> and <see cref="StatusDue"/>.</summary>
        public void Check(long nowMs, ControlCore core)
        {
            Controller c = core.Controller;
            core.CopyOutputsTo(ref _outputs);
            _now[0] = (int)c.State;
            _now[1] = (int)c.Sub;
            _now[2] = (int)c.Hold;
            _now[3] = (int)c.Fault;
            _now[4] = (int)core.Settings.Mode;
            _now[5] = _outputs.Compressor ? 1 : 0;
            _now[6] = _outputs.ValveEnergised ? 1 : 0;
            _now[7] = _outputs.AuxHeat ? 1 : 0;
            _now[8] = _outputs.Defrost ? 1 : 0;
            _now[9] = (int)core.Indoor.Health;
            _now[10] = (int)core.Outdoor.Health;
            _now[11] = (int)core.Coil.Health;
            _now[12] = _outputs.IndoorFanDuty > 0f ? 1 : 0;
            _now[13] = _outputs.OutdoorFanDuty > 0f ? 1 : 0;
            _now[14] = core.Settings.Get(SettingId.HeatSetpoint);
            _now[15] = core.Settings.Get(SettingId.CoolSetpoint);

            bool changed = _first;
            for (int i = 0; i < Watched; i++)
            {
                changed |= _now[i] != _last[i];
                _last[i] = _now[i];
            }

            // Faults loaded from flash at power-up are logged by the loop once; only new ones here.
            int faults = core.Service.FaultRevision;
            FaultLogDue = !_first && faults != _faultRevision;
            _faultRevision = faults;

            _first = false;
            EventDue = changed;
            StatusDue = nowMs >= _nextStatusMs;
            if (StatusDue)
            {
                _nextStatusMs = nowMs + StatusPeriodMs;
            }
        }
    }
}
