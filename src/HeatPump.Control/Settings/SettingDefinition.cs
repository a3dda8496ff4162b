namespace HeatPump.Control.Settings
{
    /// <summary>
    /// One configurable value: its key, unit, default and safe range. Values are held as whole
    /// numbers in the unit's resolution (0.1 °C, 1 s, 1 %), so the record stays compact and the
    /// core never rounds floats when it compares against a limit.
    /// </summary>
    public sealed class SettingDefinition
    {
        /// <summary>Creates a definition.</summary>
        public SettingDefinition(SettingId id, string key, string unit, int scale, int defaultValue, int min, int max, int step, string why)
        {
            Id = id;
            Key = key;
            Unit = unit;
            Scale = scale;
            Default = defaultValue;
            Min = min;
            Max = max;
            Step = step;
            Why = why;
        }

        /// <summary>Which setting.</summary>
        public SettingId Id { get; }

        /// <summary>Stable name used on the command line and in docs, e.g. <c>heat.deadband</c>.</summary>
        public string Key { get; }

        /// <summary>Unit of the scaled value, e.g. "K", "°C", "s", "%", "min".</summary>
        public string Unit { get; }

        /// <summary>Raw units per <see cref="Unit"/>: 10 for values held in tenths, else 1.</summary>
        public int Scale { get; }

        /// <summary>Factory default, raw.</summary>
        public int Default { get; }

        /// <summary>Lowest allowed value, raw.</summary>
        public int Min { get; }

        /// <summary>Highest allowed value, raw.</summary>
        public int Max { get; }

        /// <summary>Raw increment for the front-panel menu; values must be Min + k·Step.</summary>
        public int Step { get; }

        /// <summary>Why the default and the range are what they are.</summary>
        public string Why { get; }

        /// <summary>True when <paramref name="raw"/> is inside the range and on a step.</summary>
        public bool IsAllowed(int raw)
        {
            return raw >= Min && raw <= Max && (raw - Min) % Step == 0;
        }
    }
}
