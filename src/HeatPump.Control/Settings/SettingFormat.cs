namespace HeatPump.Control.Settings
{
    /// <summary>Formats raw setting values for messages, without floating-point rounding surprises.</summary>
    public static class SettingFormat
    {
        /// <summary>Raw value <paramref name="raw"/> in units of 1/<paramref name="scale"/>, e.g. (−205, 10) → "-20.5".</summary>
        public static string Scaled(int raw, int scale)
        {
            if (scale == 1)
            {
                return raw.ToString();
            }

            int whole = raw / scale;
            int frac = raw % scale;
            if (frac < 0)
            {
                frac = -frac;
            }

            string sign = raw < 0 && whole == 0 ? "-" : "";
            return sign + whole.ToString() + "." + frac.ToString();
        }
    }
}
