namespace HeatPump.Remote.Tests;

/// <summary>
/// The configuration keys Home Assistant's MQTT integration accepts in a discovery message, by
/// component. Its discovery schema silently drops a key it does not know (voluptuous REMOVE_EXTRA),
/// so a misspelt key would fail only in a real installation: the tests check every key we send
/// against these lists. Read from home-assistant/core: homeassistant/components/mqtt/climate.py
/// (_PLATFORM_SCHEMA_BASE, commit 0051a2cd), mixins.py (MQTT_ENTITY_COMMON_SCHEMA and the
/// availability and device schemas, commit 010269d0), sensor.py (_PLATFORM_SCHEMA_BASE over
/// MQTT_RO_SCHEMA); the binary sensor's own keys from its documentation page.
/// </summary>
internal static class HomeAssistantSchema
{
    /// <summary>Keys every MQTT entity takes (MQTT_BASE_SCHEMA, availability, MQTT_ENTITY_COMMON_SCHEMA).</summary>
    public static readonly string[] Common =
    {
        "platform", "qos", "encoding", "name", "unique_id", "object_id", "device", "origin", "enabled_by_default", "entity_category",
        "icon", "json_attributes_topic", "json_attributes_template", "availability_topic", "availability_template",
        "payload_available", "payload_not_available", "availability_mode", "availability",
    };

    /// <summary>Keys of the device object.</summary>
    public static readonly string[] Device =
    {
        "identifiers", "connections", "manufacturer", "model", "name", "hw_version", "sw_version", "via_device", "suggested_area", "configuration_url",
    };

    /// <summary>The climate platform's own keys.</summary>
    public static readonly string[] Climate =
    {
        "action_template", "action_topic", "aux_command_topic", "aux_state_template", "aux_state_topic",
        "current_humidity_template", "current_humidity_topic", "current_temperature_template", "current_temperature_topic",
        "fan_mode_command_template", "fan_mode_command_topic", "fan_modes", "fan_mode_state_template", "fan_mode_state_topic",
        "target_humidity_command_template", "target_humidity_command_topic", "target_humidity_state_template", "target_humidity_state_topic",
        "max_humidity", "min_humidity", "mode_command_template", "mode_command_topic", "modes", "mode_state_template", "mode_state_topic",
        "optimistic", "payload_on", "payload_off", "power_command_topic", "power_state_template", "power_state_topic", "precision", "retain",
        "preset_mode_state_topic", "preset_mode_command_topic", "preset_mode_value_template", "preset_mode_command_template", "preset_modes",
        "swing_mode_command_template", "swing_mode_command_topic", "swing_modes", "swing_mode_state_template", "swing_mode_state_topic",
        "initial", "min_temp", "max_temp", "temp_step", "temperature_command_template", "temperature_command_topic",
        "temperature_high_command_template", "temperature_high_command_topic", "temperature_high_state_topic", "temperature_high_state_template",
        "temperature_low_command_template", "temperature_low_command_topic", "temperature_low_state_template", "temperature_low_state_topic",
        "temperature_state_template", "temperature_state_topic", "temperature_unit", "value_template",
    };

    /// <summary>The sensor platform's own keys (MQTT_RO_SCHEMA and _PLATFORM_SCHEMA_BASE).</summary>
    public static readonly string[] Sensor =
    {
        "state_topic", "value_template", "device_class", "expire_after", "force_update", "last_reset_value_template", "options",
        "suggested_display_precision", "state_class", "unit_of_measurement",
    };

    /// <summary>The binary sensor platform's own keys.</summary>
    public static readonly string[] BinarySensor =
    {
        "state_topic", "value_template", "device_class", "expire_after", "force_update", "off_delay", "payload_on", "payload_off",
    };

    /// <summary>HVAC actions Home Assistant accepts on action_topic (HVACAction; "defrosting" since 2024.7).</summary>
    public static readonly string[] Actions = { "off", "heating", "cooling", "drying", "idle", "fan", "preheating", "defrosting" };

    /// <summary>HVAC modes Home Assistant knows.</summary>
    public static readonly string[] Modes = { "auto", "off", "cool", "heat", "dry", "fan_only", "heat_cool" };

    public static string[] KeysOf(string component) => component switch
    {
        "climate" => Common.Concat(Climate).ToArray(),
        "sensor" => Common.Concat(Sensor).ToArray(),
        "binary_sensor" => Common.Concat(BinarySensor).ToArray(),
        _ => throw new ArgumentException(component),
    };
}
