namespace HeatPump.Control.Hal
{
    /// <summary>The relay and PWM outputs, written once per tick after the guard.</summary>
    public interface IOutputs
    {
        /// <summary>Drives every output to <paramref name="outputs"/>.</summary>
        void Write(ref OutputState outputs);
    }

    /// <summary>Front-panel buttons and the optional safety switches, sampled once per tick.</summary>
    public interface IPanelInputs
    {
        /// <summary>The buttons pressed now, as a set of <see cref="Buttons"/> flags, before debouncing.</summary>
        int ReadButtons();

        /// <summary>True while the high-pressure switch is open (tripped). A board without one returns false.</summary>
        bool HighPressureTripped { get; }

        /// <summary>True while the low-pressure switch is open (tripped). A board without one returns false.</summary>
        bool LowPressureTripped { get; }

        /// <summary>True while the condensate overflow switch is open (a full pan). A board without one returns false.</summary>
        bool DrainOpen { get; }
    }

    /// <summary>The 4-digit display and the four status LEDs.</summary>
    public interface IIndicators
    {
        /// <summary>Shows <paramref name="display"/>; called once per tick, should skip writes that change nothing.</summary>
        void Show(FrontPanel.DisplayModel display);
    }

    /// <summary>Two slots of non-volatile memory for the settings record (see Settings/SettingsSlots).</summary>
    public interface ISettingsStore
    {
        /// <summary>Reads slot <paramref name="slot"/> (0 or 1) into <paramref name="buffer"/>; returns the bytes read, 0 if empty or unreadable.</summary>
        int ReadSlot(int slot, byte[] buffer);

        /// <summary>Writes <paramref name="length"/> bytes of <paramref name="record"/> to slot <paramref name="slot"/>, replacing what it held.</summary>
        void WriteSlot(int slot, byte[] record, int length);
    }

    /// <summary>A monotonic millisecond clock that never goes back and does not wrap in the life of a unit.</summary>
    public interface IMonotonicClock
    {
        /// <summary>Milliseconds since boot.</summary>
        long NowMs { get; }
    }

    /// <summary>Line-oriented log (the serial port on the board, a console or a buffer on a desktop).</summary>
    public interface ILog
    {
        /// <summary>Writes one line.</summary>
        void Line(string text);
    }

    /// <summary>A hardware or task watchdog that resets the board when not fed in time.</summary>
    public interface IWatchdog
    {
        /// <summary>Restarts the watchdog's timeout; called once after each complete tick (I9).</summary>
        void Feed();
    }

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
