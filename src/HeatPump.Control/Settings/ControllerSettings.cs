namespace HeatPump.Control.Settings
{
    /// <summary>
    /// The live values of every setting, always within their limits (invariant I8): a value
    /// outside its range or off its step is refused with a reason and the old value is kept.
    /// Typed accessors convert the raw whole numbers into the units the controller works in.
    /// </summary>
    public sealed class ControllerSettings
    {
        private readonly int[] _raw;

        /// <summary>Creates settings holding every factory default.</summary>
        public ControllerSettings()
        {
            _raw = new int[SettingsCatalog.Count];
            ResetToDefaults();
        }

        /// <summary>Incremented on every accepted change, so the store can write a few seconds after the last one.</summary>
        public int Revision { get; private set; }

        /// <summary>Puts every value back to its factory default.</summary>
        public void ResetToDefaults()
        {
            for (int i = 0; i < _raw.Length; i++)
            {
                _raw[i] = SettingsCatalog.At(i).Default;
            }

            Revision++;
        }

        /// <summary>The raw value of <paramref name="id"/>.</summary>
        public int Get(SettingId id)
        {
            return _raw[(int)id];
        }

        /// <summary>
        /// Sets <paramref name="id"/> to <paramref name="raw"/> if it is allowed; otherwise keeps the
        /// old value and says why in <paramref name="reason"/>.
        /// </summary>
        public bool TrySet(SettingId id, int raw, out string reason)
        {
            SettingDefinition d = SettingsCatalog.Get(id);
            if (raw < d.Min || raw > d.Max)
            {
                reason = d.Key + " must be between " + SettingFormat.Scaled(d.Min, d.Scale) + " and "
                    + SettingFormat.Scaled(d.Max, d.Scale) + " " + d.Unit;
                return false;
            }

            if ((raw - d.Min) % d.Step != 0)
            {
                reason = d.Key + " must be in steps of " + SettingFormat.Scaled(d.Step, d.Scale) + " " + d.Unit;
                return false;
            }

            reason = null;
            if (_raw[(int)id] != raw)
            {
                _raw[(int)id] = raw;
                Revision++;
            }

            return true;
        }

        /// <summary>Copies every value from <paramref name="other"/>.</summary>
        public void CopyFrom(ControllerSettings other)
        {
            for (int i = 0; i < _raw.Length; i++)
            {
                _raw[i] = other._raw[i];
            }

            Revision++;
        }

        /// <summary>The user mode.</summary>
        public UserMode Mode
        {
            get { return (UserMode)_raw[(int)SettingId.Mode]; }
        }

        /// <summary>Heating setpoint, °C.</summary>
        public float HeatSetpointC
        {
            get { return Tenths(SettingId.HeatSetpoint); }
        }

        /// <summary>Cooling setpoint, °C.</summary>
        public float CoolSetpointC
        {
            get { return Tenths(SettingId.CoolSetpoint); }
        }

        /// <summary>A value held in tenths, as a float.</summary>
        public float Tenths(SettingId id)
        {
            return _raw[(int)id] / 10f;
        }

        /// <summary>A value held in seconds, as milliseconds.</summary>
        public long SecondsAsMs(SettingId id)
        {
            return _raw[(int)id] * 1000L;
        }

        /// <summary>A value held in minutes, as milliseconds.</summary>
        public long MinutesAsMs(SettingId id)
        {
            return _raw[(int)id] * 60000L;
        }

        /// <summary>A value held in percent, as a 0..1 fraction.</summary>
        public float Fraction(SettingId id)
        {
            return _raw[(int)id] / 100f;
        }

        /// <summary>True when an on/off setting is on.</summary>
        public bool IsOn(SettingId id)
        {
            return _raw[(int)id] != 0;
        }
    }
}
