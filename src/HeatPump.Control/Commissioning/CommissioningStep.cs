using HeatPump.Control.Settings;

namespace HeatPump.Control.Commissioning
{
    /// <summary>Where a commissioning run stands.</summary>
    public enum CommissioningStep
    {
        /// <summary>No run since power-up.</summary>
        Idle = 0,

        /// <summary>Waiting for the valve's quiet shift and the guard's min-off before cooling.</summary>
        PrepareCooling = 1,

        /// <summary>Cooling for <see cref="CommissioningRun.RunMs"/>.</summary>
        Cooling = 2,

        /// <summary>Waiting for the quiet shift and min-off before heating.</summary>
        PrepareHeating = 3,

        /// <summary>Heating for <see cref="CommissioningRun.RunMs"/>.</summary>
        Heating = 4,

        /// <summary>Finished: the findings are ready.</summary>
        Done = 5,
    }
}
