namespace HeatPump.Control
{
    /// <summary>
    /// What the front panel shows: four 7-segment characters with decimal points, a colon, and the
    /// Heat, Cool, Defrost and Fault LEDs. Pure data, rewritten in place every tick without allocating;
    /// the display driver (TM1637 on the board, a terminal on the desktop) only draws it.
    /// </summary>
    public sealed class DisplayModel
    {
        /// <summary>The four characters, left to right: digits, space, '-', and the letters a 7-segment display can show.</summary>
        public readonly char[] Digits = new char[] { ' ', ' ', ' ', ' ' };

        /// <summary>Decimal point after each character.</summary>
        public readonly bool[] Dots = new bool[4];

        /// <summary>The colon between the second and third character (minutes:seconds).</summary>
        public bool Colon;

        /// <summary>Heat LED.</summary>
        public LedState Heat;

        /// <summary>Cool LED.</summary>
        public LedState Cool;

        /// <summary>Defrost LED.</summary>
        public LedState Defrost;

        /// <summary>Fault LED.</summary>
        public LedState Fault;

        /// <summary>The four characters as a string with dots and colon, e.g. "21.5" or "2:13" (allocates: for logs and tests).</summary>
        public string Text
        {
            get
            {
                string s = "";
                for (int i = 0; i < 4; i++)
                {
                    s += Digits[i].ToString();
                    if (Dots[i])
                    {
                        s += ".";
                    }

                    if (i == 1 && Colon)
                    {
                        s += ":";
                    }
                }

                return s;
            }
        }
    }
}
