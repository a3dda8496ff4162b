using HeatPump.Control.Settings;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>
    /// °C ↔ °F (and K ↔ °F differences) for the panel only: control always works in 0.1 °C. All in whole numbers, so a
    /// setpoint shows the same °F value on every platform and stepping never drifts.
    /// </summary>
    public static class Fahrenheit
    {
        /// <summary>
        /// The whole °F shown for a raw value in 0.1 °C, rounded to nearest with halves going up
        /// (12.5 °C = 54.5 °F shows 55).
        /// </summary>
        public static int WholeFromRaw(int rawTenthsC)
        {
            // raw · 1.8 + 32 in hundredths of °F is exact in integers.
            long hundredths = rawTenthsC * 18L + 3200L;
            return (int)PanelMath.FloorDiv(hundredths + 50, 100);
        }

        /// <summary>The whole °F shown for a temperature in °C, halves rounded up.</summary>
        public static int WholeFromCelsius(float celsius)
        {
            return PanelMath.RoundHalfUp(celsius * 1.8f + 32f);
        }

        /// <summary>
        /// A temperature difference held in 0.1 K as tenths of a °F (× 1.8), halves rounded up: 0.5 K
        /// shows as 0.9 °F. Differences carry no 32 °F offset.
        /// </summary>
        public static int DifferenceTenthsFromRaw(int rawTenthsK)
        {
            return (int)PanelMath.FloorDiv(rawTenthsK * 18L + 5L, 10L);
        }

        /// <summary>
        /// The raw value (0.1 °C) of <paramref name="definition"/>'s grid (Min + k·Step) nearest to
        /// <paramref name="wholeF"/>, clamped to the range. With a 0.5 °C grid the nearest point is at
        /// most 0.25 °C = 0.45 °F away, so it shows as <paramref name="wholeF"/> again, and exact
        /// halves cannot occur (the grid index has ninths as its fraction).
        /// </summary>
        public static int RawFromWhole(int wholeF, SettingDefinition definition)
        {
            // exact raw = (F − 32) · 50 / 9; grid index k = round((exact − Min) / Step).
            long numerator = (wholeF - 32) * 50L - 9L * definition.Min;
            long denominator = 9L * definition.Step;
            long k = PanelMath.FloorDiv(2 * numerator + denominator, 2 * denominator);
            return PanelMath.Clamp((int)(definition.Min + k * definition.Step), definition.Min, definition.Max);
        }
    }
}
