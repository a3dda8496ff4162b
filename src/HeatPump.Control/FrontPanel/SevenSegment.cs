namespace HeatPump.Control.FrontPanel
{
    /// <summary>
    /// Writes text and numbers into a <see cref="DisplayModel"/> in place: digits by arithmetic,
    /// codes from constant strings, never building a string, so it can run every tick.
    /// In a code string '.' lights the dot of the character before it and ':' lights the colon.
    /// </summary>
    public static class SevenSegment
    {
        /// <summary>Number of character positions.</summary>
        public const int Width = 4;

        /// <summary>Blanks every character, dot and the colon.</summary>
        public static void Clear(DisplayModel d)
        {
            for (int i = 0; i < Width; i++)
            {
                d.Digits[i] = ' ';
                d.Dots[i] = false;
            }

            d.Colon = false;
        }

        /// <summary>
        /// Shows <paramref name="text"/> alone, left-aligned, everything else blank: the one routine for a
        /// word on the display (boot and dialog messages as well as the panel's own screens).
        /// </summary>
        public static void Word(DisplayModel d, string text)
        {
            Clear(d);
            Text(d, text, 0);
        }

        /// <summary>Writes <paramref name="text"/> from position <paramref name="start"/> rightward; positions past the end are dropped.</summary>
        public static void Text(DisplayModel d, string text, int start)
        {
            int pos = start;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '.')
                {
                    if (pos > 0 && pos <= Width)
                    {
                        d.Dots[pos - 1] = true;
                    }
                }
                else if (c == ':')
                {
                    d.Colon = true;
                }
                else
                {
                    if (pos < Width)
                    {
                        d.Digits[pos] = c;
                    }

                    pos++;
                }
            }
        }

        /// <summary>Writes <paramref name="text"/> so its last character is in the rightmost position.</summary>
        public static void TextRight(DisplayModel d, string text)
        {
            Text(d, text, Width - VisibleLength(text));
        }

        /// <summary>Number of character positions <paramref name="text"/> takes ('.' and ':' take none).</summary>
        public static int VisibleLength(string text)
        {
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] != '.' && text[i] != ':')
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>
        /// Writes <paramref name="value"/> right-aligned in positions <paramref name="first"/>..3.
        /// When <paramref name="inTenths"/> the value is in tenths and shows one decimal ("21.5", "0.5")
        /// if it fits, otherwise it is rounded to a whole number ("-12.5" in three positions → "-13").
        /// A whole number too wide shows as the nearest one that fits (999, −99 in four positions' worth).
        /// </summary>
        public static void Number(DisplayModel d, int value, bool inTenths, int first)
        {
            int width = Width - first;
            if (inTenths)
            {
                if (Length(value, 2) <= width)
                {
                    Digits(d, value, 2);
                    d.Dots[Width - 2] = true;
                    return;
                }

                // Half away from zero, so −12.5 and 12.5 round alike in magnitude.
                value = value >= 0 ? (value + 5) / 10 : -((-value + 5) / 10);
            }

            int max = 9;
            for (int i = 1; i < width; i++)
            {
                max = max * 10 + 9;
            }

            int min = -(max / 10);
            Digits(d, PanelMath.Clamp(value, min, max), 1);
        }

        /// <summary>
        /// A countdown as minutes:seconds with the colon (" 2:13", "12:05"), seconds rounded up so it
        /// never shows 0:00 while something still waits; capped at 99:59.
        /// </summary>
        public static void Countdown(DisplayModel d, long remainingMs)
        {
            long seconds = (remainingMs + 999) / 1000;
            if (seconds < 0)
            {
                seconds = 0;
            }

            if (seconds > 99 * 60 + 59)
            {
                seconds = 99 * 60 + 59;
            }

            int m = (int)(seconds / 60);
            int s = (int)(seconds % 60);
            d.Digits[0] = m >= 10 ? (char)('0' + m / 10) : ' ';
            d.Digits[1] = (char)('0' + m % 10);
            d.Digits[2] = (char)('0' + s / 10);
            d.Digits[3] = (char)('0' + s % 10);
            d.Colon = true;
        }

        private static int Length(int value, int minDigits)
        {
            int magnitude = value < 0 ? -value : value;
            int n = 1;
            while (magnitude >= 10)
            {
                magnitude /= 10;
                n++;
            }

            if (n < minDigits)
            {
                n = minDigits;
            }

            return value < 0 ? n + 1 : n;
        }

        private static void Digits(DisplayModel d, int value, int minDigits)
        {
            int magnitude = value < 0 ? -value : value;
            int pos = Width - 1;
            int written = 0;
            while (written < minDigits || magnitude > 0)
            {
                d.Digits[pos] = (char)('0' + magnitude % 10);
                magnitude /= 10;
                written++;
                pos--;
            }

            if (value < 0)
            {
                d.Digits[pos] = '-';
            }
        }
    }
}
