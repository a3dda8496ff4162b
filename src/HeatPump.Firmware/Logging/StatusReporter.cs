using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;

namespace HeatPump.Firmware
{
    /// <summary>
    /// Writes an EVT line in the tick where anything a user or a service technician cares about
    /// changes (state, sub-state, hold, fault, mode, a relay, defrost, a sensor's health) and a STS
    /// line every <see cref="StatusPeriodMs"/>. Change detection compares a handful of numbers and
    /// allocates nothing; only the lines themselves allocate.
    /// </summary>
    internal sealed class StatusReporter
    {
        /// <summary>Period of the STS line.</summary>
        public const long StatusPeriodMs = 10000;

        private static readonly string[] TopNames = { "Off", "Heat", "Cool", "Defrost", "Fault" };
        private static readonly string[] SubNames = { "None", "Idle", "Starting", "Running", "Purging", "ShiftIn", "Melting", "Drip", "ShiftOut", "Waiting", "Lockout" };
        private static readonly string[] HoldNames = { "None", "AntiShortCycle", "PowerUpDelay", "StartsPerHour", "QuietShift", "HeatLockout", "CoolLockout", "NoIndoorReading" };
        private static readonly string[] FaultNames = { "None", "IndoorSensor", "HighPressure", "LowPressure" };
        private static readonly string[] ModeNames = { "Off", "Heat", "Cool", "Auto" };
        private static readonly string[] HealthNames = { "Starting", "Ok", "Failed", "Recovering" };

        private readonly SerialLog _log;
        private readonly int[] _last = new int[12];
        private readonly int[] _now = new int[12];
        private bool _first = true;
        private long _nextStatusMs;

        /// <summary>Creates the reporter writing to <paramref name="log"/>.</summary>
        public StatusReporter(SerialLog log)
        {
            _log = log;
        }

        /// <summary>Call once per tick after the core stepped; <paramref name="health"/> adds loop figures to STS lines.</summary>
        public void Tick(long nowMs, ControlCore core, LoopHealth health)
        {
            Controller c = core.Controller;
            OutputState o = core.Outputs;
            _now[0] = (int)c.State;
            _now[1] = (int)c.Sub;
            _now[2] = (int)c.Hold;
            _now[3] = (int)c.Fault;
            _now[4] = (int)core.Settings.Mode;
            _now[5] = o.Compressor ? 1 : 0;
            _now[6] = o.ValveEnergised ? 1 : 0;
            _now[7] = o.AuxHeat ? 1 : 0;
            _now[8] = o.Defrost ? 1 : 0;
            _now[9] = (int)core.Indoor.Health;
            _now[10] = (int)core.Outdoor.Health;
            _now[11] = (int)core.Coil.Health;

            bool changed = _first;
            for (int i = 0; i < _now.Length; i++)
            {
                changed |= _now[i] != _last[i];
                _last[i] = _now[i];
            }

            _first = false;
            if (changed)
            {
                _log.Record("EVT", Body(nowMs, core));
            }

            if (nowMs >= _nextStatusMs)
            {
                _nextStatusMs = nowMs + StatusPeriodMs;
                _log.Record("STS", Body(nowMs, core) + health.Describe());
            }
        }

        private static string Body(long nowMs, ControlCore core)
        {
            Controller c = core.Controller;
            OutputState o = core.Outputs;
            string hold = Name(HoldNames, (int)c.Hold);
            if (c.Hold != HoldReason.None && c.HoldUntilMs != long.MaxValue)
            {
                long left = (c.HoldUntilMs - nowMs + 999) / 1000;
                hold += ":" + (left > 0 ? left : 0).ToString();
            }

            return "mode=" + Name(ModeNames, (int)core.Settings.Mode)
                + " state=" + Name(TopNames, (int)c.State) + "." + Name(SubNames, (int)c.Sub)
                + " hold=" + hold
                + " fault=" + Name(FaultNames, (int)c.Fault) + (c.LockedOut ? ":lockout" : "")
                + " in=" + Temp(core.Indoor) + " out=" + Temp(core.Outdoor) + " coil=" + Temp(core.Coil)
                + " comp=" + Bit(o.Compressor) + " valve=" + Bit(o.ValveEnergised) + " aux=" + Bit(o.AuxHeat)
                + " fan_in=" + Percent(o.IndoorFanDuty) + " fan_out=" + Percent(o.OutdoorFanDuty)
                + " defrost=" + Bit(o.Defrost) + " defrosts=" + c.DefrostCount.ToString()
                + " sp_heat=" + SettingFormat.Scaled(core.Settings.Get(SettingId.HeatSetpoint), 10)
                + " sp_cool=" + SettingFormat.Scaled(core.Settings.Get(SettingId.CoolSetpoint), 10)
                + " vetoes=" + core.Guard.Vetoes.ToString();
        }

        private static string Temp(SensorValidator v)
        {
            string health = Name(HealthNames, (int)v.Health);
            if (v.Health == SensorHealth.Starting)
            {
                return "--:" + health;
            }

            float scaled = v.Celsius * 10f;
            int tenths = (int)(scaled >= 0 ? scaled + 0.5f : scaled - 0.5f);
            return SettingFormat.Scaled(tenths, 10) + ":" + health;
        }

        private static string Percent(float duty)
        {
            return ((int)((duty * 100f) + 0.5f)).ToString();
        }

        private static string Bit(bool b)
        {
            return b ? "1" : "0";
        }

        private static string Name(string[] names, int value)
        {
            // A value added to an enum after this table was written still logs, as its number.
            return value >= 0 && value < names.Length ? names[value] : value.ToString();
        }
    }
}
