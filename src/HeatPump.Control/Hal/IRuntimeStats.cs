namespace HeatPump.Control.Hal
{
    /// <summary>What the runtime can tell about its own memory, for the status line.</summary>
    public interface IRuntimeStats
    {
        /// <summary>Free managed heap, bytes (on nanoCLR this runs a collection to find out).</summary>
        long FreeBytes();

        /// <summary>Garbage collections seen since power-up.</summary>
        int Collections { get; }
    }
}
