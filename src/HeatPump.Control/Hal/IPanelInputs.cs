namespace HeatPump.Control.Hal
{
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
}
