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
        /// old value and says why in <paramref name="reason"/>. The setpoints and the Auto gap are
        /// kept consistent as in <see cref="TrySetSetpoint"/>: a change that would bring the heat and
        /// cool setpoints closer than <see cref="SettingId.AutoMinGap"/> pushes the other setpoint
        /// (a wider gap pushes the cooling setpoint up), or is refused when the push would leave its range.
        /// </summary>
        public bool TrySet(SettingId id, int raw, out string reason)
        {
            if (id == SettingId.HeatSetpoint || id == SettingId.CoolSetpoint)
            {
                return TrySetSetpoint(id, raw, out reason);
            }

            SettingDefinition d = SettingsCatalog.Get(id);
            if (!IsAllowed(d, raw, out reason))
            {
                return false;
            }

            if (id == SettingId.AutoMinGap)
            {
                int heat = _raw[(int)SettingId.HeatSetpoint];
                int cool = _raw[(int)SettingId.CoolSetpoint];
                return TrySetSetpointPair(heat, cool < heat + raw ? heat + raw : cool, raw, SettingId.CoolSetpoint, out reason);
            }

            if (_raw[(int)id] != raw)
            {
                _raw[(int)id] = raw;
                Revision++;
            }

            return true;
        }

        /// <summary>
        /// Sets the heating or cooling setpoint (<paramref name="which"/>) to <paramref name="raw"/>
        /// and keeps cool ≥ heat + <see cref="SettingId.AutoMinGap"/> by pushing the other setpoint
        /// along, as thermostats do, so Auto can never chase itself. Refused, with nothing changed and
        /// the reason in <paramref name="reason"/>, when <paramref name="raw"/> is outside its range or
        /// off its step, or when the push would move the other setpoint outside its own range.
        /// </summary>
        public bool TrySetSetpoint(SettingId which, int raw, out string reason)
        {
            if (which != SettingId.HeatSetpoint && which != SettingId.CoolSetpoint)
            {
                reason = SettingsCatalog.Get(which).Key + " is not a setpoint";
                return false;
            }

            if (!IsAllowed(SettingsCatalog.Get(which), raw, out reason))
            {
                return false;
            }

            int gap = _raw[(int)SettingId.AutoMinGap];
            if (which == SettingId.HeatSetpoint)
            {
                int cool = _raw[(int)SettingId.CoolSetpoint];
                return TrySetSetpointPair(raw, cool < raw + gap ? raw + gap : cool, gap, SettingId.CoolSetpoint, out reason);
            }

            int heat = _raw[(int)SettingId.HeatSetpoint];
            return TrySetSetpointPair(heat > raw - gap ? raw - gap : heat, raw, gap, SettingId.HeatSetpoint, out reason);
        }

        /// <summary>True when a cooling setpoint <paramref name="coolRaw"/> is at least <paramref name="gapRaw"/> above a heating setpoint <paramref name="heatRaw"/> (all raw, 0.1 °C).</summary>
        public static bool SetpointsApart(int heatRaw, int coolRaw, int gapRaw)
        {
            return coolRaw - heatRaw >= gapRaw;
        }

        /// <summary>
        /// Replaces every value at once with <paramref name="raw"/> (indexed by <see cref="SettingId"/>),
        /// as when settings are loaded from flash. All or nothing: if any value is outside its limits,
        /// or the setpoints are closer than the Auto gap, nothing changes and <paramref name="reason"/> says why.
        /// </summary>
        public bool TryReplaceAll(int[] raw, out string reason)
        {
            if (raw == null || raw.Length != _raw.Length)
            {
                reason = "a full set of " + _raw.Length.ToString() + " values is needed";
                return false;
            }

            for (int i = 0; i < raw.Length; i++)
            {
                if (!IsAllowed(SettingsCatalog.At(i), raw[i], out reason))
                {
                    return false;
                }
            }

            if (!SetpointsApart(raw[(int)SettingId.HeatSetpoint], raw[(int)SettingId.CoolSetpoint], raw[(int)SettingId.AutoMinGap]))
            {
                reason = "cool.setpoint must be at least auto.min-gap above heat.setpoint";
                return false;
            }

            for (int i = 0; i < raw.Length; i++)
            {
                _raw[i] = raw[i];
            }

            Revision++;
            reason = null;
            return true;
        }

        private bool TrySetSetpointPair(int heat, int cool, int gap, SettingId pushed, out string reason)
        {
            // The pushed setpoint moves away from the other one, onto its own step grid.
            SettingDefinition p = SettingsCatalog.Get(pushed);
            int value = pushed == SettingId.CoolSetpoint ? cool : heat;
            int rem = (value - p.Min) % p.Step;
            if (rem < 0)
            {
                rem += p.Step;
            }

            if (rem != 0)
            {
                value = pushed == SettingId.CoolSetpoint ? value + p.Step - rem : value - rem;
            }

            if (value < p.Min || value > p.Max)
            {
                SettingDefinition g = SettingsCatalog.Get(SettingId.AutoMinGap);
                reason = p.Key + " would have to move to " + SettingFormat.Scaled(value, p.Scale) + " " + p.Unit
                    + " to keep the setpoints " + SettingFormat.Scaled(gap, g.Scale) + " " + g.Unit + " apart, outside "
                    + SettingFormat.Scaled(p.Min, p.Scale) + ".." + SettingFormat.Scaled(p.Max, p.Scale) + " " + p.Unit;
                return false;
            }

            if (pushed == SettingId.CoolSetpoint)
            {
                cool = value;
            }
            else
            {
                heat = value;
            }

            bool changed = _raw[(int)SettingId.HeatSetpoint] != heat || _raw[(int)SettingId.CoolSetpoint] != cool
                || _raw[(int)SettingId.AutoMinGap] != gap;
            _raw[(int)SettingId.HeatSetpoint] = heat;
            _raw[(int)SettingId.CoolSetpoint] = cool;
            _raw[(int)SettingId.AutoMinGap] = gap;
            if (changed)
            {
                Revision++;
            }

            reason = null;
            return true;
        }

        private static bool IsAllowed(SettingDefinition d, int raw, out string reason)
        {
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
