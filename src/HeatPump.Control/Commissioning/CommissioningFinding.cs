namespace HeatPump.Control.Commissioning
{
    /// <summary>
    /// What a commissioning run can find (docs/commissioning.md has each one's panel code and what to
    /// check). A report holds them as a bit set: bit n set means finding n.
    /// </summary>
    public enum CommissioningFinding
    {
        /// <summary>Nothing: the slot every report leaves clear.</summary>
        None = 0,

        /// <summary>C 01: in both modes the outdoor coil ran on the wrong side of outdoor air: O/B polarity reversed.</summary>
        ReversedValve = 1,

        /// <summary>C 02: one mode ran the right way, the other the same way as the first: the valve does not shift.</summary>
        StuckValve = 2,

        /// <summary>C 03: the outdoor-air reading moved with the compressor and the coil reading did not: the probes are swapped.</summary>
        ProbesSwapped = 3,

        /// <summary>C 04: the coil reading stayed with outdoor air in every mode: the coil probe is not on the coil.</summary>
        CoilProbeOffCoil = 4,

        /// <summary>C 05: the supply air stood at the coil's temperature, far from the room: the indoor fan moves no air.</summary>
        IndoorFanNoAir = 5,

        /// <summary>C 06: the outdoor coil ran far from outdoor air, or the high-pressure switch opened in cooling: the outdoor fan does not run.</summary>
        OutdoorFanNotRunning = 6,

        /// <summary>C 07: the temperature split across the indoor coil was small: low charge or a restricted coil.</summary>
        WeakCapacity = 7,

        /// <summary>C 08: a pressure switch opened in a run that the other findings do not explain.</summary>
        PressureSwitchOpen = 8,

        /// <summary>C 09: cooling could not be tested (the weather, a lockout, the drain switch, or the guard held the start).</summary>
        CoolingNotTested = 9,

        /// <summary>C 10: heating could not be tested (the weather, a lockout, or the guard held the start).</summary>
        HeatingNotTested = 10,

        /// <summary>C 11: the condensate overflow switch was open: not wired, or the pan is full.</summary>
        DrainSwitchOpen = 11,

        /// <summary>C 12: no supply-air probe: the temperature split, indoor airflow and capacity were not checked.</summary>
        SplitNotChecked = 12,
    }

    /// <summary>Why a mode of the run was not tested.</summary>
    public enum UntestedReason
    {
        /// <summary>It was tested.</summary>
        None = 0,

        /// <summary>Outdoor or indoor temperature outside the range the mode can be tested in.</summary>
        Weather = 1,

        /// <summary>The unit is locked out after repeated faults.</summary>
        Lockout = 2,

        /// <summary>The condensate overflow switch is open (cooling only).</summary>
        Drain = 3,

        /// <summary>The guard held or stopped the compressor for longer than the run waits (starts per hour, a lost reading).</summary>
        Held = 4,
    }
}
