using HeatPump.Control.Settings;

namespace HeatPump.Control.Remote
{
    /// <summary>
    /// Changes the mode and the setpoints from text that came from outside the panel (MQTT now, a
    /// serial command line later), through exactly the checks the panel's own edits pass: the mode is
    /// <see cref="SettingId.Mode"/> set with <see cref="ControllerSettings.TrySet(SettingId, int, out string)"/>,
    /// as the panel's MODE key sets it, and a setpoint goes through
    /// <see cref="ControllerSettings.TrySetSetpoint(SettingId, int, out string)"/>, which keeps the range,
    /// the 0.5 K step and the Auto gap. Only settings change, never an output: the controller and the
    /// guard decide what that means on their next tick. A refusal changes nothing and says why.
    /// </summary>
    public static class SettingCommands
    {
        /// <summary>The mode words, indexed by <see cref="UserMode"/>: Home Assistant's HVAC modes (Auto is its "heat_cool", a range between two setpoints).</summary>
        public static readonly string[] ModeWords = new string[] { "off", "heat", "cool", "heat_cool" };

        /// <summary>Also accepted for Auto: the name on the panel.</summary>
        public const string AutoAlias = "auto";

        /// <summary>Reason for a mode word that is none of <see cref="ModeWords"/>.</summary>
        public const string UnknownMode = "unknown mode: expected off, heat, cool or heat_cool (auto)";

        /// <summary>Reason for a temperature that is not a plain decimal number.</summary>
        public const string NotANumber = "not a temperature: expected a number in °C such as 21 or 21.5";

        /// <summary>Reason for a temperature with a non-zero digit past the tenths.</summary>
        public const string TooPrecise = "too many decimals: setpoints are whole tenths of a degree (steps of 0.5 °C)";

        /// <summary>The Home Assistant mode word for <paramref name="mode"/>.</summary>
        public static string ModeWord(UserMode mode)
        {
            int i = (int)mode;
            if (mode == UserMode.EmergencyHeat)
            {
                // Home Assistant has no emergency-heat mode: the unit heats, so it reports heat (set on the panel only).
                i = (int)UserMode.Heat;
            }

            return i >= 0 && i < ModeWords.Length ? ModeWords[i] : "off";
        }

        /// <summary>
        /// Sets the mode named by <paramref name="payload"/> (one of <see cref="ModeWords"/> or
        /// <see cref="AutoAlias"/>). False, with nothing changed and <paramref name="reason"/> saying why, otherwise.
        /// </summary>
        public static bool TrySetMode(ControllerSettings settings, PayloadBuffer payload, out string reason)
        {
            int mode = -1;
            for (int i = 0; i < ModeWords.Length; i++)
            {
                if (payload.Is(ModeWords[i]))
                {
                    mode = i;
                }
            }

            if (payload.Is(AutoAlias))
            {
                mode = (int)UserMode.Auto;
            }

            if (mode < 0)
            {
                reason = UnknownMode;
                return false;
            }

            return settings.TrySet(SettingId.Mode, mode, out reason);
        }

        /// <summary>
        /// Sets the heating or cooling setpoint (<paramref name="which"/>) to the temperature in
        /// <paramref name="payload"/> (°C, e.g. "21.5"). False, with nothing changed and
        /// <paramref name="reason"/> saying why, when the text is not a number or the panel would refuse the value.
        /// </summary>
        public static bool TrySetSetpoint(ControllerSettings settings, SettingId which, PayloadBuffer payload, out string reason)
        {
            int tenths;
            if (!TryParseTenths(payload.Bytes, payload.Length, out tenths, out reason))
            {
                return false;
            }

            return settings.TrySetSetpoint(which, tenths, out reason);
        }

        /// <summary>
        /// Reads a decimal temperature such as "21", "21.5", "-3.0" or "21.50" into tenths. Refuses empty
        /// text, signs alone, exponents, commas, NaN and infinities, more than four integer digits, and a
        /// non-zero digit past the tenths (the value would be rounded, and the panel never rounds).
        /// </summary>
        public static bool TryParseTenths(byte[] text, int length, out int tenths, out string reason)
        {
            tenths = 0;
            int i = 0;
            bool negative = false;
            if (i < length && (text[i] == '-' || text[i] == '+'))
            {
                negative = text[i] == '-';
                i++;
            }

            int whole = 0;
            int intDigits = 0;
            while (i < length && text[i] >= '0' && text[i] <= '9')
            {
                whole = (whole * 10) + (text[i] - '0');
                intDigits++;
                i++;
                if (intDigits > 4)
                {
                    reason = NotANumber;
                    return false;
                }
            }

            int tenth = 0;
            int fracDigits = 0;
            bool extra = false;
            if (i < length && text[i] == '.')
            {
                i++;
                while (i < length && text[i] >= '0' && text[i] <= '9')
                {
                    if (fracDigits == 0)
                    {
                        tenth = text[i] - '0';
                    }
                    else if (text[i] != '0')
                    {
                        extra = true;
                    }

                    fracDigits++;
                    i++;
                }

                if (fracDigits == 0)
                {
                    reason = NotANumber;
                    return false;
                }
            }

            if (intDigits == 0 || i != length)
            {
                reason = NotANumber;
                return false;
            }

            if (extra)
            {
                reason = TooPrecise;
                return false;
            }

            tenths = (whole * 10) + tenth;
            if (negative)
            {
                tenths = -tenths;
            }

            reason = null;
            return true;
        }
    }
}
