namespace HeatPump.Control
{
    /// <summary>Every output of the board at one instant: what the controller asks for, and after the guard, what is driven.</summary>
    public struct OutputState
    {
        /// <summary>Compressor contactor energised.</summary>
        public bool Compressor;

        /// <summary>Reversing-valve solenoid energised (which position that means depends on O/B polarity).</summary>
        public bool ValveEnergised;

        /// <summary>Auxiliary (resistance) heat energised.</summary>
        public bool AuxHeat;

        /// <summary>Indoor fan PWM duty, 0..1.</summary>
        public float IndoorFanDuty;

        /// <summary>Outdoor fan PWM duty, 0..1.</summary>
        public float OutdoorFanDuty;

        /// <summary>True when this restart completes a quiet shift into or out of defrost (I1's exception).</summary>
        public bool QuietShiftRestart;

        /// <summary>True while the controller is defrosting (reverse cycle, outdoor fan off).</summary>
        public bool Defrost;

        /// <summary>True while the controller is in Fault or lockout (I5).</summary>
        public bool Fault;

        /// <summary>Everything off: the power-up state.</summary>
        public static OutputState AllOff()
        {
            return new OutputState();
        }

        /// <summary>
        /// Copies every field of <paramref name="source"/> into this one. The tick copies outputs this
        /// way, never by assignment: on nanoCLR a struct is a heap object and every whole-struct load
        /// allocates a copy, while field stores through references allocate nothing (docs/testing.md).
        /// </summary>
        public void CopyFrom(ref OutputState source)
        {
            Compressor = source.Compressor;
            ValveEnergised = source.ValveEnergised;
            AuxHeat = source.AuxHeat;
            IndoorFanDuty = source.IndoorFanDuty;
            OutdoorFanDuty = source.OutdoorFanDuty;
            QuietShiftRestart = source.QuietShiftRestart;
            Defrost = source.Defrost;
            Fault = source.Fault;
        }
    }
}
