namespace HeatPump.Control
{
    /// <summary>Why a wanted compressor start is held back; shown on the panel with the time left.</summary>
    public enum HoldReason
    {
        /// <summary>Nothing holds the start.</summary>
        None = 0,
        /// <summary>Minimum off time not yet over.</summary>
        AntiShortCycle,
        /// <summary>Power-up delay (minimum off time plus stagger).</summary>
        PowerUpDelay,
        /// <summary>Starts-per-hour cap reached.</summary>
        StartsPerHour,
        /// <summary>Reversing valve waiting for the quiet-shift time.</summary>
        QuietShift,
        /// <summary>Outdoor too cold to heat with the compressor.</summary>
        HeatLockout,
        /// <summary>Outdoor too cold to cool.</summary>
        CoolLockout,
        /// <summary>No trusted indoor reading yet.</summary>
        NoIndoorReading,
        /// <summary>Cooling held: the condensate overflow switch is open (docs/commissioning.md).</summary>
        DrainOpen,
        /// <summary>Cooling locked out after repeated drain trips; heating goes on.</summary>
        DrainLockout,
    }
}
