namespace HeatPump.Control.Hal
{
    /// <summary>Front-panel buttons as bit flags.</summary>
    public static class Buttons
    {
        /// <summary>No button.</summary>
        public const int None = 0;
        /// <summary>MODE.</summary>
        public const int Mode = 1;
        /// <summary>UP.</summary>
        public const int Up = 2;
        /// <summary>DOWN.</summary>
        public const int Down = 4;
    }
}
