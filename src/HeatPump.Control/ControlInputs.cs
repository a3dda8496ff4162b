using HeatPump.Control.Sensors;

namespace HeatPump.Control
{
    /// <summary>The raw inputs of one tick, as the loop read them from the HAL, before any validation.</summary>
    public sealed class ControlInputs
    {
        /// <summary>Monotonic time, ms.</summary>
        public long NowMs;

        /// <summary>Indoor sensor sample this tick (Status None when no read).</summary>
        public SensorSample Indoor;

        /// <summary>Outdoor sensor sample this tick.</summary>
        public SensorSample Outdoor;

        /// <summary>Coil sensor sample this tick.</summary>
        public SensorSample Coil;

        /// <summary>Supply-air sensor sample this tick (Status None on a unit without one: it is optional).</summary>
        public SensorSample Supply;

        /// <summary>Buttons pressed now (<see cref="Hal.Buttons"/> flags), raw.</summary>
        public int Buttons;

        /// <summary>High-pressure switch open.</summary>
        public bool HighPressureTripped;

        /// <summary>Low-pressure switch open.</summary>
        public bool LowPressureTripped;

        /// <summary>Condensate overflow switch open (normally closed: a full pan or a broken wire opens it).</summary>
        public bool DrainOpen;

        /// <summary>Start a defrost now if one is possible (a test rig or a service tool; the panel has its own key).</summary>
        public bool DefrostRequested;
    }
}
