using HeatPump.Control.Sensors;

namespace HeatPump.Control.Board
{
    /// <summary>How a role's bound sensor stood at the last bus search.</summary>
    public enum BindingStatus
    {
        /// <summary>No sensor is bound to the role (never learned, or skipped while learning).</summary>
        Unbound = 0,
        /// <summary>The bound sensor answered the search.</summary>
        Present,
        /// <summary>The bound sensor did not answer the search: unplugged, broken wire or dead sensor.</summary>
        Missing,
    }
}
