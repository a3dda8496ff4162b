namespace HeatPump.Control.States
{
    /// <summary>What aux heat (the second stage) does in a state: each state names its own (<see cref="ControllerState.AuxRole"/>), and <see cref="AuxStaging"/> follows it.</summary>
    internal enum AuxRole
    {
        /// <summary>No aux: nothing is heating (Off), or the unit cools.</summary>
        None = 0,

        /// <summary>Aux joins the working compressor on droop or a stalled run, or carries the house alone under the heat lockout (Heat).</summary>
        Staged,

        /// <summary>The state decides its own tempering of the air; droop tracking pauses (Defrost).</summary>
        Tempering,

        /// <summary>Aux carries the house while the refrigerant circuit is faulted or locked out (Fault).</summary>
        Backup,
    }
}
