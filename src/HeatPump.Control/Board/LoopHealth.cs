namespace HeatPump.Control.Board
{
    /// <summary>
    /// Figures about the board loop itself for the STS line, so the first session on the LED test rig measures
    /// the tick budget of docs/safety.md instead of trusting it: the longest tick, overruns, bus,
    /// display and flash errors, and the runtime's memory.
    /// </summary>
    public sealed class LoopHealth
    {
        /// <summary>Longest tick (work, not sleep) since the last STS line, ms.</summary>
        public long MaxTickMs;

        /// <summary>Ticks whose work took longer than the tick period, since power-up.</summary>
        public int Overruns;

        /// <summary>Ticks whose work took longer than half the tick period (the budget), since power-up.</summary>
        public int OverBudget;

        /// <summary>1-Wire slices abandoned because the bus was too slow, since power-up.</summary>
        public int SlowReads;

        /// <summary>1-Wire operations the driver refused, since power-up.</summary>
        public int BusErrors;

        /// <summary>TM1637 bytes without an acknowledge, since power-up.</summary>
        public int DisplayErrors;

        /// <summary>Settings records written and verified, since power-up.</summary>
        public int SettingsWrites;

        /// <summary>Flash operations that threw (LittleFS errors arrive as System.Exception), since power-up.</summary>
        public int FlashFaults;

        /// <summary>Garbage collections since power-up, as the runtime reports them.</summary>
        public int Collections;

        /// <summary>Free managed heap at the last STS line, bytes.</summary>
        public long FreeBytes;

        /// <summary>The loop figures as " key=value" pairs, then resets <see cref="MaxTickMs"/>.</summary>
        public string Describe()
        {
            string s = " tick_max=" + MaxTickMs.ToString() + " overruns=" + Overruns.ToString()
                + " over_budget=" + OverBudget.ToString()
                + " gc=" + Collections.ToString() + " free=" + FreeBytes.ToString()
                + " bus_slow=" + SlowReads.ToString() + " bus_err=" + BusErrors.ToString() + " display_err=" + DisplayErrors.ToString()
                + " flash_err=" + FlashFaults.ToString() + " settings_writes=" + SettingsWrites.ToString();
            MaxTickMs = 0;
            return s;
        }
    }
}
