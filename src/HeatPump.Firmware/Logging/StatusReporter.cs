using HeatPump.Control;
using HeatPump.Control.Logging;

namespace HeatPump.Firmware
{
    /// <summary>
    /// Writes an EVT line in the tick where anything a user or a service technician cares about
    /// changes and an STS line every <see cref="StatusLines.StatusPeriodMs"/>, with the loop's own
    /// figures added. When a line is due and how it reads are the control core's
    /// (<see cref="StatusLines"/>, <see cref="LogFormat"/>), shared with the desktop virtual bench.
    /// </summary>
    internal sealed class StatusReporter
    {
        private readonly SerialLog _log;
        private readonly StatusLines _due = new StatusLines();

        /// <summary>Creates the reporter writing to <paramref name="log"/>.</summary>
        public StatusReporter(SerialLog log)
        {
            _log = log;
        }

        /// <summary>Call once per tick after the core stepped; <paramref name="health"/> adds loop figures to STS lines.</summary>
        public void Tick(long nowMs, ControlCore core, LoopHealth health)
        {
            _due.Check(nowMs, core);
            if (_due.EventDue)
            {
                _log.Record("EVT", LogFormat.StatusBody(nowMs, core));
            }

            if (_due.StatusDue)
            {
                _log.Record("STS", LogFormat.StatusBody(nowMs, core) + health.Describe());
            }

            if (_due.FaultLogDue)
            {
                _log.Record("FAULTLOG", LogFormat.FaultLogBody(core.Service, 0));
            }
        }
    }
}
