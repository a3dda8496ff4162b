namespace HeatPump.Control
{
    /// <summary>Why aux heat is on (docs/front-panel.md shows it as "AU.dr", "AU.Lo", …).</summary>
    public enum AuxReason
    {
        /// <summary>Aux heat is off.</summary>
        None = 0,

        /// <summary>Second stage: the room drooped below setpoint, or a heating run stopped gaining, with the compressor working.</summary>
        Droop,

        /// <summary>The outdoor temperature locks the compressor out (<c>heat.lockout-outdoor</c>): aux carries the house alone.</summary>
        Lockout,

        /// <summary>Tempering the air during a defrost's melt.</summary>
        Defrost,

        /// <summary>Emergency heat chosen by the user: aux and blower only.</summary>
        Emergency,

        /// <summary>A fault or lockout of the refrigerant circuit (pressure, valve, probes) stops the compressor: aux carries the house.</summary>
        CompressorFault,
    }
}
