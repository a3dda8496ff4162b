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
        /// kept consistent as in <see cref="TrySetSetpoint(SettingId, int, out string)"/>: a change that would bring the heat and
        /// cool setpoints closer than <see cref="SettingId.AutoMinGap"/> pushes the other setpoint
        /// (a wider gap pushes the cooling setpoint up), or is refused when the push would leave its range.
        /// </summary>
        public bool TrySet(SettingId id, int raw, out string reason)
        {
            if (TrySet(id, raw))
            {
                reason = null;
                return true;
            }

            reason = Refusal(id, raw);
            return false;
        }

        /// <summary>
        /// Does what <see cref="TrySet(SettingId, int, out string)"/> does without saying why a value
        /// is refused: the front panel's form, as it runs in the tick, and building the reason string
        /// would allocate on nanoCLR (docs/testing.md).
        /// </summary>
        public bool TrySet(SettingId id, int raw)
        {
            if (id == SettingId.HeatSetpoint || id == SettingId.CoolSetpoint)
            {
                return TrySetSetpoint(id, raw);
            }

            if (!SettingsCatalog.Get(id).IsAllowed(raw))
            {
                return false;
            }

            if (id == SettingId.AutoMinGap)
            {
                int heat = _raw[(int)SettingId.HeatSetpoint];
                int cool = _raw[(int)SettingId.CoolSetpoint];
                return TrySetSetpointPair(heat, cool < heat + raw ? heat + raw : cool, raw, SettingId.CoolSetpoint);
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
            if (TrySetSetpoint(which, raw))
            {
                reason = null;
                return true;
            }

            reason = which == SettingId.HeatSetpoint || which == SettingId.CoolSetpoint
                ? Refusal(which, raw)
                : SettingsCatalog.Get(which).Key + " is not a setpoint";
            return false;
        }

        /// <summary>
        /// Does what <see cref="TrySetSetpoint(SettingId, int, out string)"/> does without saying why
        /// a value is refused: the front panel's form, as it runs in the tick, and building the reason
        /// string would allocate on nanoCLR (docs/testing.md).
        /// </summary>
        public bool TrySetSetpoint(SettingId which, int raw)
        {
            if ((which != SettingId.HeatSetpoint && which != SettingId.CoolSetpoint) || !SettingsCatalog.Get(which).IsAllowed(raw))
            {
                return false;
            }

            int heat;
            int cool;
            SetpointPair(which, raw, out heat, out cool);
            return TrySetSetpointPair(heat, cool, _raw[(int)SettingId.AutoMinGap], Other(which));
        }

        /// <summary>
        /// Why <see cref="TrySet(SettingId, int)"/> refused <paramref name="raw"/> for <paramref name="id"/>:
        /// off its range or step, or a setpoint push that would leave the other setpoint's range.
        /// Builds strings, so it runs only for a refusal someone asked the reason of, never in the tick.
        /// </summary>
        private string Refusal(SettingId id, int raw)
        {
            string reason;
            if (!IsAllowed(SettingsCatalog.Get(id), raw, out reason))
            {
                return reason;
            }

            if (id == SettingId.AutoMinGap)
            {
                int heatNow = _raw[(int)SettingId.HeatSetpoint];
                int coolNow = _raw[(int)SettingId.CoolSetpoint];
                return PushRefusal(heatNow, coolNow < heatNow + raw ? heatNow + raw : coolNow, raw, SettingId.CoolSetpoint);
            }

            int heat;
            int cool;
            SetpointPair(id, raw, out heat, out cool);
            return PushRefusal(heat, cool, _raw[(int)SettingId.AutoMinGap], Other(id));
        }

        /// <summary>Both setpoints after <paramref name="which"/> moves to <paramref name="raw"/> and pushes the other one to keep the Auto gap (before snapping it to its steps).</summary>
        private void SetpointPair(SettingId which, int raw, out int heat, out int cool)
        {
            int gap = _raw[(int)SettingId.AutoMinGap];
            if (which == SettingId.HeatSetpoint)
            {
                heat = raw;
                cool = _raw[(int)SettingId.CoolSetpoint];
                cool = cool < raw + gap ? raw + gap : cool;
            }
            else
            {
                heat = _raw[(int)SettingId.HeatSetpoint];
                heat = heat > raw - gap ? raw - gap : heat;
                cool = raw;
            }
        }

        private static SettingId Other(SettingId setpoint)
        {
            return setpoint == SettingId.HeatSetpoint ? SettingId.CoolSetpoint : SettingId.HeatSetpoint;
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

        /// <summary>Why <see cref="TrySetSetpointPair(int, int, int, SettingId)"/> refused: the push leaves the pushed setpoint's range.</summary>
        private static string PushRefusal(int heat, int cool, int gap, SettingId pushed)
        {
            SettingDefinition p = SettingsCatalog.Get(pushed);
            SettingDefinition g = SettingsCatalog.Get(SettingId.AutoMinGap);
            return p.Key + " would have to move to " + SettingFormat.Scaled(Pushed(heat, cool, pushed), p.Scale) + " " + p.Unit
                + " to keep the setpoints " + SettingFormat.Scaled(gap, g.Scale) + " " + g.Unit + " apart, outside "
                + SettingFormat.Scaled(p.Min, p.Scale) + ".." + SettingFormat.Scaled(p.Max, p.Scale) + " " + p.Unit;
        }

        /// <summary>The pushed setpoint moved away from the other one, onto its own step grid.</summary>
        private static int Pushed(int heat, int cool, SettingId pushed)
        {
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

            return value;
        }

        /// <summary>Sets both setpoints and the gap, the pushed one snapped to its steps; false, with nothing changed, when the push leaves its range.</summary>
        private bool TrySetSetpointPair(int heat, int cool, int gap, SettingId pushed)
        {
            SettingDefinition p = SettingsCatalog.Get(pushed);
            int value = Pushed(heat, cool, pushed);
            if (value < p.Min || value > p.Max)
            {
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

        /// <summary>
        /// True for B polarity (the reversing valve is energised in heat: Rheem/Ruud and others); false
        /// for O (energised in cool, the default). The one place that reads <see cref="SettingId.ValvePolarity"/>.
        /// </summary>
        public bool ValveEnergisedInHeat
        {
            get { return _raw[(int)SettingId.ValvePolarity] == 1; }
        }

        /// <summary>The solenoid level that puts the valve in the heating (true) or cooling (false) position.</summary>
        public bool ValveLevelFor(bool heating)
        {
            return heating == ValveEnergisedInHeat;
        }

        /// <summary>True when a valve driven at <paramref name="energised"/> is in the heating position.</summary>
        public bool IsHeatingPosition(bool energised)
        {
            return energised == ValveEnergisedInHeat;
        }

        /// <summary>How the controller decides a defrost is due (<see cref="SettingId.DefrostStrategy"/>).</summary>
        public DefrostStrategy DefrostStrategy
        {
            get { return (DefrostStrategy)_raw[(int)SettingId.DefrostStrategy]; }
        }

        /// <summary>True when the panel shows temperatures in °F (<see cref="SettingId.DisplayUnits"/>).</summary>
        public bool DisplaysFahrenheit
        {
            get { return _raw[(int)SettingId.DisplayUnits] == 1; }
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
