using System;
using HeatPump.Control.Logging;
using HeatPump.Control.Protection;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Control.States;

namespace HeatPump.Control.Remote
{
    /// <summary>
    /// The unit as Home Assistant sees it over MQTT (docs/home-assistant.md): retained discovery
    /// messages for a climate entity and its sensors, one JSON state message that every entity reads
    /// its value from, availability with a last will, and three command topics (mode, heating and
    /// cooling setpoint). Pure like the rest of the core: it never touches a socket. The loop calls
    /// <see cref="Service"/> after the control step, never inside it; the network thread moves
    /// messages between the broker and <see cref="Link"/> and asks for discovery with
    /// <see cref="WriteDiscovery"/>. A command can change the mode or a setpoint, through
    /// <see cref="SettingCommands"/> (the panel's checks), and nothing else: the guard still has the
    /// last word on every output.
    /// </summary>
    public sealed class HomeAssistantBridge
    {
        /// <summary>Longest command payload accepted, bytes ("heat_cool" and "-12.50" fit with room).</summary>
        public const int MaxCommandBytes = 16;

        /// <summary>State goes out at most this often on change, ms.</summary>
        public const long MinStateIntervalMs = 5000;

        /// <summary>State goes out at least this often, changed or not, ms (keeps uptime fresh).</summary>
        public const long HeartbeatMs = 60000;

        /// <summary>Commands allowed in a burst (a token bucket's size).</summary>
        public const int CommandBurst = 4;

        /// <summary>One more command is allowed every this long, ms.</summary>
        public const long CommandRefillMs = 2000;

        /// <summary>Bytes of the buffer a discovery message is written into (the climate config is the longest, about 1.5 KB).</summary>
        public const int DiscoveryBytes = 2048;

        /// <summary>Payload of the availability topic while connected.</summary>
        public const string Online = "online";

        /// <summary>Payload of the availability topic as the broker's last will.</summary>
        public const string Offline = "offline";

        /// <summary>Home Assistant's default discovery prefix.</summary>
        public const string DiscoveryPrefix = "homeassistant";

        /// <summary>Reason for a command on a topic that is not a command topic.</summary>
        public const string UnknownTopic = "unknown command topic: expected set/mode, set/heat_setpoint or set/cool_setpoint";

        /// <summary>Reason for a retained command (a stored command would replay on every reconnect).</summary>
        public const string RetainedCommand = "retained command ignored: publish commands without the retain flag";

        /// <summary>Reason for a payload longer than <see cref="MaxCommandBytes"/>.</summary>
        public const string TooLong = "payload too long: at most 16 bytes";

        /// <summary>Reason for a command over the rate limit.</summary>
        public const string RateLimited = "too many commands: at most 4 at once, then one every 2 s";

        /// <summary>Reason for a command while output-test mode has the unit.</summary>
        public const string OutputTestActive = "output-test mode is on: the panel has the unit";

        private const long HourMs = 3600000L;

        // Discovered entities: component, object id, display name. The order is the order of WriteDiscovery.
        private static readonly string[] Components = new string[]
        {
            "climate", "sensor", "sensor", "sensor", "binary_sensor", "binary_sensor", "binary_sensor",
            "sensor", "sensor", "sensor", "sensor", "sensor", "sensor", "sensor",
        };

        private static readonly string[] Objects = new string[]
        {
            "climate", "indoor_temperature", "outdoor_temperature", "coil_temperature", "compressor", "defrost", "fault",
            "hold_reason", "fault_text", "state", "defrost_count", "starts_last_hour", "uptime", "firmware_version",
        };

        private static readonly string[] Names = new string[]
        {
            "Heat pump", "Indoor temperature", "Outdoor temperature", "Outdoor coil temperature", "Compressor", "Defrost", "Fault",
            "Hold reason", "Fault", "Controller state", "Defrosts", "Compressor starts in the last hour", "Uptime", "Firmware version",
        };

        // The state JSON key each entity after the climate reads (the climate reads several).
        private static readonly string[] Keys = new string[]
        {
            null, "indoor", "outdoor", "coil", "compressor", "defrost", "fault",
            "hold", "fault_text", "state", "defrosts", "starts_last_hour", "uptime_s", "firmware",
        };

        private static readonly string[] FaultTexts = new string[]
        {
            "none", "indoor sensor failed", "high-pressure switch tripped", "low-pressure switch tripped",
        };

        private const int ClimateIndex = 0;
        private const int FirstTemperature = 1;
        private const int LastTemperature = 3;
        private const int FirstBinary = 4;
        private const int LastBinary = 6;
        private const int FirstDiagnostic = 10;

        // Snapshot fields compared to decide whether the state changed.
        private const int SMode = 0;
        private const int SAction = 1;
        private const int STop = 2;
        private const int SSub = 3;
        private const int SIndoor = 4;
        private const int SOutdoor = 5;
        private const int SCoil = 6;
        private const int SHeat = 7;
        private const int SCool = 8;
        private const int SCompressor = 9;
        private const int SDefrost = 10;
        private const int SFault = 11;
        private const int SHold = 12;
        private const int SFaultKind = 13;
        private const int SLockout = 14;
        private const int SDefrosts = 15;
        private const int SStarts = 16;
        private const int SnapshotSize = 17;
        private const int NoReading = int.MinValue;

        private static readonly string[] Actions = new string[] { "off", "idle", "heating", "cooling", "defrosting" };
        private const int ActionOff = 0;
        private const int ActionIdle = 1;
        private const int ActionHeating = 2;
        private const int ActionCooling = 3;
        private const int ActionDefrosting = 4;

        private readonly ControlCore _core;
        private readonly string _nodeId;
        private readonly string _deviceName;
        private readonly string _firmwareVersion;
        private readonly long _bootMs;
        private readonly int[] _now = new int[SnapshotSize];
        private readonly int[] _sent = new int[SnapshotSize];
        private readonly StartLog _starts = new StartLog(16);
        private readonly RemoteMessage _command;
        private readonly RemoteMessage _reply;
        private readonly RemoteMessage _state;
        private readonly string[] _discoveryTopics;
        private OutputState _outputs;
        private bool _compressorWasOn;
        private bool _everSent;
        private bool _forceState;
        private long _lastStateMs;
        private int _tokens = CommandBurst;
        private long _refillMs;

        /// <summary>Creates the bridge for <paramref name="core"/>.</summary>
        /// <param name="core">The control core whose settings commands change and whose state is published.</param>
        /// <param name="nodeId">This unit's id in topics and unique ids: 1–32 of a–z, 0–9, '_' and '-' (e.g. from the chip id).</param>
        /// <param name="deviceName">The device's name in Home Assistant.</param>
        /// <param name="firmwareVersion">Shown as a diagnostic and as the device's software version.</param>
        /// <param name="nowMs">Start time, ms: uptime counts from here.</param>
        public HomeAssistantBridge(ControlCore core, string nodeId, string deviceName, string firmwareVersion, long nowMs)
        {
            if (!IsValidNodeId(nodeId))
            {
                throw new ArgumentException("node id must be 1-32 characters of a-z, 0-9, '_' and '-'");
            }

            _core = core;
            _nodeId = nodeId;
            _deviceName = deviceName;
            _firmwareVersion = firmwareVersion;
            _bootMs = nowMs;
            _refillMs = nowMs;
            Link = new RemoteLink();
            _command = new RemoteMessage(MaxCommandBytes + 1);
            _reply = new RemoteMessage(RemoteLink.OutboxSlotBytes);
            _state = new RemoteMessage(RemoteLink.OutboxSlotBytes);

            BaseTopic = "heatpump/" + nodeId;
            AvailabilityTopic = BaseTopic + "/availability";
            StateTopic = BaseTopic + "/state";
            ErrorTopic = BaseTopic + "/error";
            CommandFilter = BaseTopic + "/set/#";
            ModeCommandTopic = BaseTopic + "/set/mode";
            HeatSetpointCommandTopic = BaseTopic + "/set/heat_setpoint";
            CoolSetpointCommandTopic = BaseTopic + "/set/cool_setpoint";
            _discoveryTopics = new string[Objects.Length];
            for (int i = 0; i < Objects.Length; i++)
            {
                _discoveryTopics[i] = DiscoveryPrefix + "/" + Components[i] + "/" + nodeId + "/" + Objects[i] + "/config";
            }

            for (int i = 0; i < SnapshotSize; i++)
            {
                _sent[i] = NoReading;
            }
        }

        /// <summary>The queues shared with the network thread.</summary>
        public RemoteLink Link { get; private set; }

        /// <summary>"heatpump/&lt;node id&gt;": every topic of this unit but discovery starts with it.</summary>
        public string BaseTopic { get; private set; }

        /// <summary>"online" while connected, "offline" as the last will; retained.</summary>
        public string AvailabilityTopic { get; private set; }

        /// <summary>The JSON state every entity reads.</summary>
        public string StateTopic { get; private set; }

        /// <summary>Where a refused command is answered, with the reason.</summary>
        public string ErrorTopic { get; private set; }

        /// <summary>The subscription that receives every command: "&lt;base&gt;/set/#".</summary>
        public string CommandFilter { get; private set; }

        /// <summary>Mode commands: off, heat, cool, heat_cool (auto).</summary>
        public string ModeCommandTopic { get; private set; }

        /// <summary>Heating setpoint commands, °C.</summary>
        public string HeatSetpointCommandTopic { get; private set; }

        /// <summary>Cooling setpoint commands, °C.</summary>
        public string CoolSetpointCommandTopic { get; private set; }

        /// <summary>Number of discovery messages.</summary>
        public int DiscoveryCount
        {
            get { return Objects.Length; }
        }

        /// <summary>Commands applied since start.</summary>
        public int CommandsAccepted { get; private set; }

        /// <summary>Commands refused since start (each answered on <see cref="ErrorTopic"/>).</summary>
        public int CommandsRejected { get; private set; }

        /// <summary>State messages queued since start.</summary>
        public int StatesQueued { get; private set; }

        /// <summary>True when <paramref name="nodeId"/> can be used in topics and unique ids.</summary>
        public static bool IsValidNodeId(string nodeId)
        {
            if (nodeId == null || nodeId.Length == 0 || nodeId.Length > 32)
            {
                return false;
            }

            for (int i = 0; i < nodeId.Length; i++)
            {
                char c = nodeId[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The loop's part, once per tick after the control step: applies the commands that arrived,
        /// answering refusals on the error topic, and queues the state when it changed (at most every
        /// <see cref="MinStateIntervalMs"/>), when the heartbeat is due, after a command, or after the
        /// network side reconnected. Allocates nothing unless a command is refused (its reason text).
        /// </summary>
        public void Service(long nowMs)
        {
            _core.CopyOutputsTo(ref _outputs);
            bool on = _outputs.Compressor;
            if (on && !_compressorWasOn && !_outputs.QuietShiftRestart)
            {
                _starts.Add(nowMs);
            }

            _compressorWasOn = on;

            while (Link.Inbox.TryTake(_command))
            {
                Handle(_command, nowMs);
            }

            if (Link.TakeStateRequest())
            {
                _forceState = true;
            }

            Capture(nowMs);
            bool changed = !Same();
            long since = nowMs - _lastStateMs;
            if (!_everSent || _forceState || (changed && since >= MinStateIntervalMs) || since >= HeartbeatMs)
            {
                // A full outbox means the network is behind or away: the state is dropped (and
                // counted by the queue), and tried again no sooner than the interval allows.
                WriteState(nowMs, _state);
                _lastStateMs = nowMs;
                if (Link.Outbox.Put(_state))
                {
                    StatesQueued++;
                    _forceState = false;
                    _everSent = true;
                    for (int i = 0; i < SnapshotSize; i++)
                    {
                        _sent[i] = _now[i];
                    }
                }
            }
        }

        /// <summary>
        /// Writes discovery message <paramref name="index"/> (0 .. <see cref="DiscoveryCount"/>−1) into
        /// <paramref name="into"/> (retained). Reads only what is fixed at construction, so the network
        /// thread may call it; give it a message of <see cref="DiscoveryBytes"/>.
        /// </summary>
        public void WriteDiscovery(int index, RemoteMessage into)
        {
            into.Topic = _discoveryTopics[index];
            into.Retain = true;
            into.ArrivedLength = 0;
            PayloadBuffer p = into.Payload;
            p.Clear();
            p.Text("{\"name\":");
            p.Quoted(Names[index]);
            Field(p, "unique_id", _nodeId + "_" + Objects[index]);
            if (index == ClimateIndex)
            {
                WriteClimate(p);
            }
            else
            {
                Field(p, "state_topic", StateTopic);
                p.Text(",\"value_template\":\"{{ value_json.");
                p.Text(Keys[index]);
                p.Text(" }}\"");
                if (index >= FirstTemperature && index <= LastTemperature)
                {
                    Field(p, "device_class", "temperature");
                    Field(p, "state_class", "measurement");
                    Field(p, "unit_of_measurement", "°C");
                    p.Text(",\"suggested_display_precision\":1");
                }
                else if (index >= FirstBinary && index <= LastBinary)
                {
                    Field(p, "payload_on", "ON");
                    Field(p, "payload_off", "OFF");
                    if (Objects[index] == "fault")
                    {
                        Field(p, "device_class", "problem");
                    }
                    else
                    {
                        Field(p, "device_class", "running");
                    }
                }
                else if (Objects[index] == "defrost_count")
                {
                    Field(p, "state_class", "total_increasing");
                }
                else if (Objects[index] == "starts_last_hour")
                {
                    Field(p, "state_class", "measurement");
                    Field(p, "unit_of_measurement", "starts");
                }
                else if (Objects[index] == "uptime")
                {
                    Field(p, "device_class", "duration");
                    Field(p, "state_class", "measurement");
                    Field(p, "unit_of_measurement", "s");
                }

                if (index >= FirstDiagnostic)
                {
                    Field(p, "entity_category", "diagnostic");
                }
            }

            Field(p, "availability_topic", AvailabilityTopic);
            Field(p, "payload_available", Online);
            Field(p, "payload_not_available", Offline);
            p.Text(",\"device\":{\"identifiers\":[");
            p.Quoted("heatpump_" + _nodeId);
            p.Text("]");
            Field(p, "name", _deviceName);
            Field(p, "manufacturer", "HeatPump.Firmware");
            Field(p, "model", "ESP32 heat pump controller");
            Field(p, "sw_version", _firmwareVersion);
            p.Text("}}");
        }

        private void WriteClimate(PayloadBuffer p)
        {
            SettingDefinition heat = SettingsCatalog.Get(SettingId.HeatSetpoint);
            SettingDefinition cool = SettingsCatalog.Get(SettingId.CoolSetpoint);
            p.Text(",\"modes\":[");
            for (int i = 0; i < SettingCommands.ModeWords.Length; i++)
            {
                if (i > 0)
                {
                    p.Byte((byte)',');
                }

                p.Quoted(SettingCommands.ModeWords[i]);
            }

            p.Text("]");
            Field(p, "mode_command_topic", ModeCommandTopic);
            Field(p, "mode_state_topic", StateTopic);
            Field(p, "mode_state_template", "{{ value_json.mode }}");
            Field(p, "action_topic", StateTopic);
            Field(p, "action_template", "{{ value_json.action }}");
            Field(p, "current_temperature_topic", StateTopic);
            Field(p, "current_temperature_template", "{{ value_json.indoor }}");
            Field(p, "temperature_low_command_topic", HeatSetpointCommandTopic);
            Field(p, "temperature_low_state_topic", StateTopic);
            Field(p, "temperature_low_state_template", "{{ value_json.heat_setpoint }}");
            Field(p, "temperature_high_command_topic", CoolSetpointCommandTopic);
            Field(p, "temperature_high_state_topic", StateTopic);
            Field(p, "temperature_high_state_template", "{{ value_json.cool_setpoint }}");
            p.Text(",\"min_temp\":");
            p.Tenths(heat.Min);
            p.Text(",\"max_temp\":");
            p.Tenths(cool.Max);
            p.Text(",\"temp_step\":");
            p.Tenths(heat.Step);
            p.Text(",\"precision\":0.1");
            Field(p, "temperature_unit", "C");
            p.Text(",\"optimistic\":false,\"retain\":false,\"qos\":0");
        }

        /// <summary>Writes the state JSON as of the last <see cref="Service"/> into <paramref name="into"/> (not retained).</summary>
        public void WriteState(long nowMs, RemoteMessage into)
        {
            into.Topic = StateTopic;
            into.Retain = false;
            into.ArrivedLength = 0;
            PayloadBuffer p = into.Payload;
            p.Clear();
            p.Text("{\"mode\":\"");
            p.Text(SettingCommands.ModeWord((UserMode)_now[SMode]));
            p.Text("\",\"action\":\"");
            p.Text(Actions[_now[SAction]]);
            p.Text("\",\"state\":\"");
            p.Text(LogFormat.TopName((TopState)_now[STop]));
            p.Byte((byte)'.');
            p.Text(LogFormat.SubName((SubState)_now[SSub]));
            p.Text("\",\"indoor\":");
            Reading(p, _now[SIndoor]);
            p.Text(",\"outdoor\":");
            Reading(p, _now[SOutdoor]);
            p.Text(",\"coil\":");
            Reading(p, _now[SCoil]);
            p.Text(",\"heat_setpoint\":");
            p.Tenths(_now[SHeat]);
            p.Text(",\"cool_setpoint\":");
            p.Tenths(_now[SCool]);
            p.Text(",\"compressor\":");
            p.Text(_now[SCompressor] != 0 ? "\"ON\"" : "\"OFF\"");
            p.Text(",\"defrost\":");
            p.Text(_now[SDefrost] != 0 ? "\"ON\"" : "\"OFF\"");
            p.Text(",\"fault\":");
            p.Text(_now[SFault] != 0 ? "\"ON\"" : "\"OFF\"");
            p.Text(",\"hold\":\"");
            p.Text(LogFormat.HoldName((HoldReason)_now[SHold]));
            p.Text("\",\"hold_s\":");
            Controller c = _core.Controller;
            long left = c.Hold == HoldReason.None || c.HoldUntilMs == long.MaxValue ? 0 : (c.HoldUntilMs - nowMs + 999) / 1000;
            p.Number(left > 0 ? left : 0);
            p.Text(",\"fault_text\":\"");
            int kind = _now[SFaultKind];
            p.Text(kind >= 0 && kind < FaultTexts.Length ? FaultTexts[kind] : "fault");
            if (kind >= FaultTexts.Length)
            {
                p.Byte((byte)' ');
                p.Number(kind);
            }

            if (_now[SLockout] != 0)
            {
                p.Text(", locked out: hold MODE 10 s to reset");
            }

            p.Text("\",\"defrosts\":");
            p.Number(_now[SDefrosts]);
            p.Text(",\"starts_last_hour\":");
            p.Number(_now[SStarts]);
            p.Text(",\"uptime_s\":");
            p.Number((nowMs - _bootMs) / 1000);
            p.Text(",\"firmware\":");
            p.Quoted(_firmwareVersion);
            p.Byte((byte)'}');
        }

        private void Capture(long nowMs)
        {
            Controller c = _core.Controller;
            ControllerSettings s = _core.Settings;
            _now[SMode] = (int)s.Mode;
            _now[STop] = (int)c.State;
            _now[SSub] = (int)c.Sub;
            _now[SIndoor] = Tenths(_core.Indoor);
            _now[SOutdoor] = Tenths(_core.Outdoor);
            _now[SCoil] = Tenths(_core.Coil);
            _now[SHeat] = s.Get(SettingId.HeatSetpoint);
            _now[SCool] = s.Get(SettingId.CoolSetpoint);
            _now[SCompressor] = _outputs.Compressor ? 1 : 0;
            _now[SDefrost] = _outputs.Defrost ? 1 : 0;
            _now[SFault] = _outputs.Fault || c.Fault != FaultKind.None ? 1 : 0;
            _now[SHold] = (int)c.Hold;
            _now[SFaultKind] = (int)c.Fault;
            _now[SLockout] = c.LockedOut ? 1 : 0;
            _now[SDefrosts] = c.DefrostCount;
            _now[SStarts] = _starts.CountSince(nowMs - HourMs + 1);

            int action;
            if (c.State == TopState.Defrost)
            {
                action = ActionDefrosting;
            }
            else if (s.Mode == UserMode.Off && !_outputs.Compressor)
            {
                action = ActionOff;
            }
            else if (_outputs.Compressor && c.State == TopState.Heat)
            {
                action = ActionHeating;
            }
            else if (_outputs.Compressor && c.State == TopState.Cool)
            {
                action = ActionCooling;
            }
            else
            {
                action = ActionIdle;
            }

            _now[SAction] = action;
        }

        private bool Same()
        {
            for (int i = 0; i < SnapshotSize; i++)
            {
                if (_now[i] != _sent[i])
                {
                    return false;
                }
            }

            return true;
        }

        private void Handle(RemoteMessage command, long nowMs)
        {
            // Refill the bucket first, so a refused command still spends a token: a flood of junk
            // cannot be used to keep the loop busy writing replies.
            long refills = (nowMs - _refillMs) / CommandRefillMs;
            if (refills > 0)
            {
                long tokens = _tokens + refills;
                _tokens = tokens > CommandBurst ? CommandBurst : (int)tokens;
                _refillMs += refills * CommandRefillMs;
            }

            if (_tokens == 0)
            {
                // Over the limit: refused and answered like any other refusal; the outbox is bounded,
                // so a flood costs a few replies and dropped messages, never memory.
                CommandsRejected++;
                Refuse(command, RateLimited);
                return;
            }

            _tokens--;
            string reason;
            bool ok;
            if (command.ArrivedLength > MaxCommandBytes)
            {
                ok = false;
                reason = TooLong;
            }
            else if (command.Retain)
            {
                ok = false;
                reason = RetainedCommand;
            }
            else if (_core.Panel.OutputTest.Active)
            {
                ok = false;
                reason = OutputTestActive;
            }
            else if (command.Topic == ModeCommandTopic)
            {
                ok = SettingCommands.TrySetMode(_core.Settings, command.Payload, out reason);
            }
            else if (command.Topic == HeatSetpointCommandTopic)
            {
                ok = SettingCommands.TrySetSetpoint(_core.Settings, SettingId.HeatSetpoint, command.Payload, out reason);
            }
            else if (command.Topic == CoolSetpointCommandTopic)
            {
                ok = SettingCommands.TrySetSetpoint(_core.Settings, SettingId.CoolSetpoint, command.Payload, out reason);
            }
            else
            {
                ok = false;
                reason = UnknownTopic;
            }

            if (ok)
            {
                CommandsAccepted++;
                _forceState = true;
            }
            else
            {
                CommandsRejected++;
                Refuse(command, reason);
            }
        }

        private void Refuse(RemoteMessage command, string reason)
        {
            RemoteMessage r = _reply;
            r.Topic = ErrorTopic;
            r.Retain = false;
            PayloadBuffer p = r.Payload;
            p.Clear();
            p.Text("{\"topic\":");
            p.Quoted(command.Topic == null ? "" : (command.Topic.Length > 96 ? command.Topic.Substring(0, 96) : command.Topic));
            p.Text(",\"payload\":\"");
            PayloadBuffer given = command.Payload;
            int shown = given.Length > MaxCommandBytes ? MaxCommandBytes : given.Length;
            for (int i = 0; i < shown; i++)
            {
                byte b = given.Bytes[i];
                p.Byte(b < 0x20 || b >= 0x7F || b == '"' || b == '\\' ? (byte)'?' : b);
            }

            p.Text("\",\"reason\":");
            p.Quoted(reason);
            p.Byte((byte)'}');
            Link.Outbox.Put(r);
        }

        private static void Field(PayloadBuffer p, string key, string value)
        {
            p.Text(",\"");
            p.Text(key);
            p.Text("\":");
            p.Quoted(value);
        }

        private static void Reading(PayloadBuffer p, int tenths)
        {
            if (tenths == NoReading)
            {
                p.Text("null");
            }
            else
            {
                p.Tenths(tenths);
            }
        }

        private static int Tenths(SensorValidator v)
        {
            if (!v.IsValid)
            {
                return NoReading;
            }

            float scaled = v.Celsius * 10f;
            return (int)(scaled >= 0 ? scaled + 0.5f : scaled - 0.5f);
        }
    }
}
