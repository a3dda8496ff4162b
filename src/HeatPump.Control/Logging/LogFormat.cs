using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Control.States;

namespace HeatPump.Control.Logging
{
    /// <summary>
    /// The serial log's line format (docs/serial-log.md): "HP1 KIND t=ms key=value ...". Shared by the
    /// firmware, which writes the lines to UART0, and the desktop virtual bench, which shows them, so
    /// a line on the bench reads exactly as it would on the board. Building a line allocates: call it
    /// only when a line is due (see <see cref="StatusLines"/>), never in every tick.
    /// </summary>
    public static class LogFormat
    {
        /// <summary>The first word of every line: the format and its version.</summary>
        public const string Marker = "HP1";

        private static readonly string[] TopNames = new string[] { "Off", "Heat", "Cool", "Defrost", "Fault" };
        private static readonly string[] SubNames = new string[] { "None", "Idle", "Starting", "Running", "Purging", "ShiftIn", "Melting", "Drip", "ShiftOut", "Waiting", "Lockout" };
        private static readonly string[] HoldNames = new string[] { "None", "AntiShortCycle", "PowerUpDelay", "StartsPerHour", "QuietShift", "HeatLockout", "CoolLockout", "NoIndoorReading", "DrainOpen", "DrainLockout" };
        private static readonly string[] FaultNames = new string[] { "None", "IndoorSensor", "HighPressure", "LowPressure", "ReversedValve", "ProbesSwapped", "DrainOverflow" };
        private static readonly string[] ModeNames = new string[] { "Off", "Heat", "Cool", "Auto", "EmergencyHeat" };
        private static readonly string[] UntestedNames = new string[] { "None", "Weather", "Lockout", "Drain", "Held" };
        private static readonly string[] AuxNames = new string[] { "None", "Droop", "Lockout", "Defrost", "Emergency", "CompressorFault" };
        private static readonly string[] HealthNames = new string[] { "Starting", "Ok", "Failed", "Recovering" };

        /// <summary>One whole line: "HP1 <paramref name="kind"/> t=<paramref name="nowMs"/> <paramref name="body"/>".</summary>
        public static string Line(string kind, long nowMs, string body)
        {
            return Marker + " " + kind + " t=" + nowMs.ToString() + " " + body;
        }

        /// <summary>
        /// The status keys of EVT and STS lines, in the documented order: mode, state, hold (with the
        /// seconds left when the hold ends on a time), fault, the three temperatures with their health,
        /// the relays and fan duties as driven, defrost, setpoints and guard vetoes.
        /// </summary>
        public static string StatusBody(long nowMs, ControlCore core)
        {
            Controller c = core.Controller;
            OutputState o = core.Outputs;
            string hold = Name(HoldNames, (int)c.Hold);
            if (c.Hold != HoldReason.None && c.HoldUntilMs != long.MaxValue)
            {
                long left = (c.HoldUntilMs - nowMs + 999) / 1000;
                hold += ":" + (left > 0 ? left : 0).ToString();
            }

            return "mode=" + ModeName(core.Settings.Mode)
                + " state=" + StateName(c.State, c.Sub)
                + " hold=" + hold
                + " fault=" + Name(FaultNames, (int)c.Fault) + (c.LockedOut ? ":lockout" : "")
                + " in=" + Temperature(core.Indoor) + " out=" + Temperature(core.Outdoor) + " coil=" + Temperature(core.Coil)
                + " comp=" + Bit(o.Compressor) + " valve=" + Bit(o.ValveEnergised) + " aux=" + Bit(o.AuxHeat)
                + " aux_why=" + Name(AuxNames, o.AuxHeat ? (int)c.AuxReason : 0)
                + " fan_in=" + Percent(o.IndoorFanDuty) + " fan_out=" + Percent(o.OutdoorFanDuty)
                + " defrost=" + Bit(o.Defrost) + " defrosts=" + c.DefrostCount.ToString()
                + " sp_heat=" + SettingFormat.Scaled(core.Settings.Get(SettingId.HeatSetpoint), 10)
                + " sp_cool=" + SettingFormat.Scaled(core.Settings.Get(SettingId.CoolSetpoint), 10)
                + " vetoes=" + core.Guard.Vetoes.ToString();
        }

        /// <summary>
        /// The SERVICE line's keys: the service log's counters in the unit's life (docs/serial-log.md):
        /// "power_up=3 run_h=12 starts=40 defrosts=7 faults=2".
        /// </summary>
        public static string ServiceBody(Service.ServiceLog log)
        {
            return "power_up=" + log.PowerUps.ToString() + " run_h=" + log.RunHours.ToString()
                + " starts=" + log.Starts.ToString() + " defrosts=" + log.Defrosts.ToString()
                + " faults=" + log.Count.ToString();
        }

        /// <summary>
        /// A FAULTLOG line's keys for entry <paramref name="index"/> (0 = newest) of the service log:
        /// "n=1 fault=HighPressure lockout=0 power_up=3 uptime_s=1234 count=2".
        /// </summary>
        public static string FaultLogBody(Service.ServiceLog log, int index)
        {
            FaultKind kind = log.KindAt(index);
            return "n=" + (index + 1).ToString() + " fault=" + Name(FaultNames, (int)kind)
                + " lockout=" + Bit(log.LockoutAt(index)) + " power_up=" + log.PowerUpAt(index).ToString()
                + " uptime_s=" + log.UptimeSecondsAt(index).ToString() + " count=" + log.CountOf(kind).ToString();
        }

        /// <summary>
        /// A COMM line's keys for the last commissioning report (docs/serial-log.md):
        /// "result=fail findings=ReversedValve power_up=3 uptime_s=1500" then per mode
        /// "cool=tested out=23.1>23.0 coil=23.4>12.0 in=24.0 supply=--" ("untested:Weather" when it did not run).
        /// </summary>
        public static string CommissioningBody(Commissioning.CommissioningReport r)
        {
            string body = "result=" + (r.Passed ? "pass" : "fail")
                + " findings=" + Commissioning.CommissioningCodes.LogNames(r.Findings)
                + " power_up=" + r.PowerUp.ToString() + " uptime_s=" + r.UptimeSeconds.ToString();
            return body + ModeFigures(r, Commissioning.CommissioningReport.CoolingMode, " cool=")
                + ModeFigures(r, Commissioning.CommissioningReport.HeatingMode, " heat=");
        }

        private static string ModeFigures(Commissioning.CommissioningReport r, int m, string key)
        {
            if (!r.Tested[m])
            {
                return key + "untested:" + UntestedNames[(int)r.Untested[m]];
            }

            return key + "tested" + (r.Trip[m] != FaultKind.None ? ":" + Name(FaultNames, (int)r.Trip[m]) : "")
                + " out=" + SettingFormat.Scaled(r.OutdoorStart[m], 10) + ">" + SettingFormat.Scaled(r.OutdoorEnd[m], 10)
                + " coil=" + SettingFormat.Scaled(r.CoilStart[m], 10) + ">" + SettingFormat.Scaled(r.CoilEnd[m], 10)
                + " in=" + SettingFormat.Scaled(r.IndoorEnd[m], 10)
                + " supply=" + (r.SupplyFitted[m] ? SettingFormat.Scaled(r.SupplyEnd[m], 10) : "--");
        }

        /// <summary>"Top.Sub" as logged, e.g. "Heat.Starting", "Defrost.Melting".</summary>
        public static string StateName(TopState state, SubState sub)
        {
            return Name(TopNames, (int)state) + "." + Name(SubNames, (int)sub);
        }

        /// <summary>The logged name of a top-level state, e.g. "Heat".</summary>
        public static string TopName(TopState state)
        {
            return Name(TopNames, (int)state);
        }

        /// <summary>The logged name of a sub-state, e.g. "Running".</summary>
        public static string SubName(SubState sub)
        {
            return Name(SubNames, (int)sub);
        }

        /// <summary>The logged name of a user mode: "Off", "Heat", "Cool", "Auto", "EmergencyHeat".</summary>
        public static string ModeName(UserMode mode)
        {
            return Name(ModeNames, (int)mode);
        }

        /// <summary>The logged name of a hold reason, e.g. "AntiShortCycle".</summary>
        public static string HoldName(HoldReason hold)
        {
            return Name(HoldNames, (int)hold);
        }

        /// <summary>The logged name of a sensor's health: "Starting", "Ok", "Failed", "Recovering".</summary>
        public static string HealthName(SensorHealth health)
        {
            return Name(HealthNames, (int)health);
        }

        /// <summary>A validated temperature with its health: "19.4:Ok", "--:Starting" before the first trusted reading.</summary>
        public static string Temperature(SensorValidator v)
        {
            string health = HealthName(v.Health);
            if (v.Health == SensorHealth.Starting)
            {
                return "--:" + health;
            }

            float scaled = v.Celsius * 10f;
            int tenths = (int)(scaled >= 0 ? scaled + 0.5f : scaled - 0.5f);
            return SettingFormat.Scaled(tenths, 10) + ":" + health;
        }

        /// <summary>A PWM duty 0..1 as whole percent.</summary>
        public static string Percent(float duty)
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
