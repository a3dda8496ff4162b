namespace HeatPump.Firmware
{
    /// <summary>Figures about the loop itself for the STS line: tick times, overruns, bus and display errors.</summary>
    internal sealed class LoopHealth
    {
        /// <summary>Longest tick (work, not sleep) since the last STS line, ms.</summary>
        public long MaxTickMs;

        /// <summary>Ticks whose work outran the period, since power-up.</summary>
        public int Overruns;

        /// <summary>Scratchpad reads abandoned because the bus was too slow, since power-up.</summary>
        public int SlowReads;

        /// <summary>1-Wire operations the driver refused, since power-up.</summary>
        public int BusErrors;

        /// <summary>TM1637 frames without an acknowledge, since power-up.</summary>
        public int DisplayErrors;

        /// <summary>Settings records written and verified, since power-up.</summary>
        public int SettingsWrites;

        /// <summary>The loop figures as " key=value" pairs, then resets <see cref="MaxTickMs"/>.</summary>
        public string Describe()
        {
            string s = " tick_max=" + MaxTickMs.ToString() + " overruns=" + Overruns.ToString()
                + " bus_slow=" + SlowReads.ToString() + " bus_err=" + BusErrors.ToString() + " display_err=" + DisplayErrors.ToString()
                + " settings_writes=" + SettingsWrites.ToString();
            MaxTickMs = 0;
            return s;
        }
    }
}
