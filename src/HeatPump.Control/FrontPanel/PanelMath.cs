using HeatPump.Control.Settings;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>Small integer helpers, since the core does without System.Math.</summary>
    public static class PanelMath
    {
        /// <summary>Division rounding toward minus infinity (C# division truncates toward zero).</summary>
        public static long FloorDiv(long a, long b)
        {
            long q = a / b;
            if ((a % b != 0) && ((a < 0) != (b < 0)))
            {
                q--;
            }

            return q;
        }

        /// <summary>Nearest whole number, halves rounded up (toward plus infinity).</summary>
        public static int RoundHalfUp(float x)
        {
            float shifted = x + 0.5f;
            int t = (int)shifted;
            return t > shifted ? t - 1 : t;
        }

        /// <summary><paramref name="v"/> limited to <paramref name="min"/>..<paramref name="max"/>.</summary>
        public static int Clamp(int v, int min, int max)
        {
            return v < min ? min : (v > max ? max : v);
        }

        /// <summary>The largest grid value Min + k·Step of <paramref name="d"/> that is ≤ <paramref name="raw"/> (at least Min).</summary>
        public static int SnapDown(int raw, SettingDefinition d)
        {
            long k = FloorDiv(raw - d.Min, d.Step);
            return Clamp((int)(d.Min + k * d.Step), d.Min, d.Max);
        }

        /// <summary>The smallest grid value Min + k·Step of <paramref name="d"/> that is ≥ <paramref name="raw"/> (at most Max).</summary>
        public static int SnapUp(int raw, SettingDefinition d)
        {
            long k = -FloorDiv(d.Min - raw, d.Step);
            return Clamp((int)(d.Min + k * d.Step), d.Min, d.Max);
        }
    }
}
