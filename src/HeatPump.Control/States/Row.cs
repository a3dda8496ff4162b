namespace HeatPump.Control.States
{
    /// <summary>
    /// The rows of <see cref="TransitionTable"/> by name, in the table's order: a top-level change is
    /// named From + "To" + To (HeatToDefrost), a change of sub-state State + from-sub + "To" + to-sub
    /// (HeatIdleToStarting; "Entry" for the sub-state a state enters with). A test checks each name
    /// against its row.
    /// </summary>
    public enum Row
    {
        /// <summary>Mode Heat, or Auto nearer heating.</summary>
        OffToHeat,

        /// <summary>Mode Cool, or Auto nearer cooling.</summary>
        OffToCool,

        /// <summary>Mode Off.</summary>
        HeatToOff,

        /// <summary>Mode Cool or Auto changeover, compressor stopped.</summary>
        HeatToCool,

        /// <summary>Defrost due or requested while running.</summary>
        HeatToDefrost,

        /// <summary>Mode Off.</summary>
        CoolToOff,

        /// <summary>Mode Heat or Auto changeover, compressor stopped.</summary>
        CoolToHeat,

        /// <summary>Valve back in heating.</summary>
        DefrostToHeat,

        /// <summary>Valve back in heating, mode Off.</summary>
        DefrostToOff,

        /// <summary>Indoor sensor failed, or a pressure trip in output-test mode.</summary>
        OffToFault,

        /// <summary>Indoor sensor failed, pressure switch tripped or a self-check failed.</summary>
        HeatToFault,

        /// <summary>Indoor sensor failed, pressure switch tripped or a self-check failed.</summary>
        CoolToFault,

        /// <summary>Pressure switch tripped.</summary>
        DefrostToFault,

        /// <summary>Cause cleared and minimum off time over.</summary>
        FaultToOff,

        /// <summary>Entry.</summary>
        HeatEntryToIdle,

        /// <summary>Entry after defrost, compressor running.</summary>
        HeatEntryToRunning,

        /// <summary>Indoor below SP - deadband.</summary>
        HeatIdleToStarting,

        /// <summary>Compressor started.</summary>
        HeatStartingToRunning,

        /// <summary>Indoor above SP + overrun.</summary>
        HeatStartingToIdle,

        /// <summary>Indoor above SP + overrun, fan running on.</summary>
        HeatStartingToPurging,

        /// <summary>Indoor above SP + overrun after minimum run.</summary>
        HeatRunningToPurging,

        /// <summary>Low-ambient lockout or compressor stopped by the guard.</summary>
        HeatRunningToStarting,

        /// <summary>Indoor below SP - deadband.</summary>
        HeatPurgingToStarting,

        /// <summary>Fan run-on over.</summary>
        HeatPurgingToIdle,

        /// <summary>Entry.</summary>
        CoolEntryToIdle,

        /// <summary>Indoor above SP + deadband.</summary>
        CoolIdleToStarting,

        /// <summary>Compressor started.</summary>
        CoolStartingToRunning,

        /// <summary>Indoor below SP - overrun.</summary>
        CoolStartingToIdle,

        /// <summary>Indoor below SP - overrun, fan running on.</summary>
        CoolStartingToPurging,

        /// <summary>Indoor below SP - overrun after minimum run.</summary>
        CoolRunningToPurging,

        /// <summary>Cooling lockout or compressor stopped by the guard.</summary>
        CoolRunningToStarting,

        /// <summary>Indoor above SP + deadband.</summary>
        CoolPurgingToStarting,

        /// <summary>Fan run-on over.</summary>
        CoolPurgingToIdle,

        /// <summary>Entry: compressor stops.</summary>
        DefrostEntryToShiftIn,

        /// <summary>Valve in cooling, compressor restarted.</summary>
        DefrostShiftInToMelting,

        /// <summary>Coil at end temperature or maximum time.</summary>
        DefrostMeltingToDrip,

        /// <summary>Drip time over.</summary>
        DefrostDripToShiftOut,

        /// <summary>Entry.</summary>
        FaultEntryToWaiting,

        /// <summary>Entry, third fault of its kind in an hour (first for a self-check).</summary>
        FaultEntryToLockout,

        /// <summary>MODE held 10 s, or 4 h passed.</summary>
        FaultLockoutToWaiting,

        /// <summary>Third pressure trip in an hour in output-test mode.</summary>
        FaultWaitingToLockout,
    }
}
