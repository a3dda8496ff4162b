namespace HeatPump.Firmware.Hal
{
    /// <summary>
    /// The 7-segment pattern of each character the front panel uses. Bit 0 is segment a (top), then
    /// b, c, d, e, f clockwise, g (middle) in bit 6; bit 7 is the decimal point, which the display
    /// driver adds for dots and the colon. Letters a 7-segment digit cannot draw take the usual
    /// stand-ins (V as U, M as an arch, K as h, X as H); W and unknown characters show blank.
    /// </summary>
    internal static class SegmentFont
    {
        private const byte A = 0x01;
        private const byte B = 0x02;
        private const byte C = 0x04;
        private const byte D = 0x08;
        private const byte E = 0x10;
        private const byte F = 0x20;
        private const byte G = 0x40;

        /// <summary>Decimal point / colon bit.</summary>
        public const byte Point = 0x80;

        private static readonly byte[] DigitShapes = new byte[]
        {
            A | B | C | D | E | F,     // 0
            B | C,                     // 1
            A | B | D | E | G,         // 2
            A | B | C | D | G,         // 3
            B | C | F | G,             // 4
            A | C | D | F | G,         // 5
            A | C | D | E | F | G,     // 6
            A | B | C,                 // 7
            A | B | C | D | E | F | G, // 8
            A | B | C | D | F | G,     // 9
        };

        /// <summary>The segments for <paramref name="c"/>, without the point.</summary>
        public static byte Encode(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return DigitShapes[c - '0'];
            }

            switch (c)
            {
                case '-': return G;
                case '_': return D;
                case '=': return D | G;
                case '\'': return F;
                case 'A': case 'a': return A | B | C | E | F | G;
                case 'b': case 'B': return C | D | E | F | G;
                case 'C': return A | D | E | F;
                case 'c': return D | E | G;
                case 'd': case 'D': return B | C | D | E | G;
                case 'E': case 'e': return A | D | E | F | G;
                case 'F': case 'f': return A | E | F | G;
                case 'G': case 'g': return A | C | D | E | F;
                case 'H': return B | C | E | F | G;
                case 'h': return C | E | F | G;
                case 'I': return E | F;
                case 'i': return E;
                case 'J': case 'j': return B | C | D | E;
                case 'L': return D | E | F;
                case 'l': return E | F;
                case 'n': case 'N': return C | E | G;
                case 'O': return A | B | C | D | E | F;
                case 'o': return C | D | E | G;
                case 'P': case 'p': return A | B | E | F | G;
                case 'q': case 'Q': return A | B | C | F | G;
                case 'r': case 'R': return E | G;
                case 'S': case 's': return A | C | D | F | G;
                case 't': case 'T': return D | E | F | G;
                case 'U': case 'V': return B | C | D | E | F;
                case 'u': case 'v': return C | D | E;
                case 'M': case 'm': return A | B | C | E | F;
                case 'k': case 'K': return C | E | F | G;
                case 'x': case 'X': return B | C | E | F | G;
                case 'y': case 'Y': return B | C | D | F | G;
                default: return 0;
            }
        }
    }
}
