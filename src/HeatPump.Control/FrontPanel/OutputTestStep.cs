using HeatPump.Control.Hal;

namespace HeatPump.Control.FrontPanel
{
    /// <summary>
    /// What output-test mode drives: the five outputs (manual control selects among these), then the three
    /// refrigerant steps the walk runs with their fans ("Ht", "dF", "CL").
    /// </summary>
    public enum OutputTestStep
    {
        /// <summary>Indoor fan at full duty ("FI").</summary>
        IndoorFan = 0,
        /// <summary>Outdoor fan at full duty ("FO").</summary>
        OutdoorFan,
        /// <summary>Auxiliary heat, with the indoor fan ("AU").</summary>
        AuxHeat,
        /// <summary>Reversing-valve solenoid ("rV").</summary>
        Valve,
        /// <summary>Compressor contactor, with both fans ("CP").</summary>
        Compressor,
        /// <summary>Walk only: a heating run with both fans for the minimum run ("Ht").</summary>
        HeatRun,
        /// <summary>Walk only: a reverse cycle with the outdoor fan stopped, after a quiet shift ("dF").</summary>
        DefrostRun,
        /// <summary>Walk only: a cooling run with both fans for the minimum run ("CL").</summary>
        CoolRun,
    }
}
