namespace HeatPump.Control.Sensors
{
    /// <summary>The three sensor positions the controller knows.</summary>
    public enum SensorRole
    {
        /// <summary>Return or room air; the controlled temperature.</summary>
        Indoor = 0,
        /// <summary>Outdoor air at the outdoor unit, shaded from sun and discharge air.</summary>
        Outdoor = 1,
        /// <summary>Outdoor coil, on a tube near the bottom of the coil where frost starts.</summary>
        Coil = 2,
        /// <summary>Optional: supply air after the indoor coil, for the commissioning run's temperature split (docs/commissioning.md).</summary>
        Supply = 3,
    }
}
