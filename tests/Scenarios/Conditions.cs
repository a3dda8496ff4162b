using HeatPump.Control;

namespace HeatPump.Scenarios
{
    /// <summary>Named conditions for <see cref="Rig.RunUntil"/>, as static methods so they run on nanoFramework too.</summary>
    public static class Conditions
    {
        /// <summary>The compressor is driven on.</summary>
        public static bool CompressorOn(Rig r)
        {
            return r.Out.Compressor;
        }

        /// <summary>The compressor is driven off.</summary>
        public static bool CompressorOff(Rig r)
        {
            return !r.Out.Compressor;
        }

        /// <summary>The indoor fan runs.</summary>
        public static bool IndoorFanOn(Rig r)
        {
            return r.Out.IndoorFanDuty > 0f;
        }

        /// <summary>The indoor fan is stopped.</summary>
        public static bool IndoorFanOff(Rig r)
        {
            return r.Out.IndoorFanDuty <= 0f;
        }

        /// <summary>The controller is defrosting.</summary>
        public static bool InDefrost(Rig r)
        {
            return r.State == TopState.Defrost;
        }

        /// <summary>The controller is not defrosting.</summary>
        public static bool NotInDefrost(Rig r)
        {
            return r.State != TopState.Defrost;
        }

        /// <summary>The defrost is melting (compressor on in reverse).</summary>
        public static bool Melting(Rig r)
        {
            return r.Sub == SubState.Melting;
        }

        /// <summary>The controller is in Fault.</summary>
        public static bool InFault(Rig r)
        {
            return r.State == TopState.Fault;
        }

        /// <summary>The controller is not in Fault.</summary>
        public static bool NotInFault(Rig r)
        {
            return r.State != TopState.Fault;
        }

        /// <summary>The controller is in Cool.</summary>
        public static bool InCool(Rig r)
        {
            return r.State == TopState.Cool;
        }

        /// <summary>The controller is in Heat.</summary>
        public static bool InHeat(Rig r)
        {
            return r.State == TopState.Heat;
        }

        /// <summary>The driven valve changed away from the heating position.</summary>
        public static bool ValveInCooling(Rig r)
        {
            return !r.ValveInHeating;
        }

        /// <summary>The driven valve is in the heating position.</summary>
        public static bool ValveInHeating(Rig r)
        {
            return r.ValveInHeating;
        }

        /// <summary>Aux heat is on.</summary>
        public static bool AuxOn(Rig r)
        {
            return r.Out.AuxHeat;
        }

        /// <summary>Aux heat is off.</summary>
        public static bool AuxOff(Rig r)
        {
            return !r.Out.AuxHeat;
        }
    }
}
