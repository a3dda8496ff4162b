using HeatPump.Control.Protection;

namespace HeatPump.Control
{
    /// <summary>
    /// Everything the controller may know in one tick: time, the validated sensors, the safety
    /// switches, panel requests and the guard's feedback from the previous tick. A plain value: the
    /// controller reads no clock, no pin and no bus.
    /// </summary>
    public struct ControllerInputs
    {
        /// <summary>Monotonic time, ms since power-up.</summary>
        public long NowMs;

        /// <summary>Indoor reading trusted.</summary>
        public bool IndoorValid;

        /// <summary>Indoor sensor failed (no good sample for the stale time, not yet recovered): a fault, not just a wait.</summary>
        public bool IndoorFailed;

        /// <summary>Indoor temperature, °C (meaningful when valid).</summary>
        public float IndoorC;

        /// <summary>Outdoor reading trusted.</summary>
        public bool OutdoorValid;

        /// <summary>Outdoor temperature, °C.</summary>
        public float OutdoorC;

        /// <summary>Coil reading trusted.</summary>
        public bool CoilValid;

        /// <summary>Outdoor coil temperature, °C.</summary>
        public float CoilC;

        /// <summary>High-pressure switch open.</summary>
        public bool HighPressureTripped;

        /// <summary>Low-pressure switch open.</summary>
        public bool LowPressureTripped;

        /// <summary>Condensate overflow switch open.</summary>
        public bool DrainOpen;

        /// <summary>The user asked to clear a lockout (MODE held 10 s), this tick.</summary>
        public bool ResetRequested;

        /// <summary>A defrost was asked for from outside this tick (service key on the panel, or a test rig).</summary>
        public bool DefrostRequested;

        /// <summary>What the guard drove last tick and when it will allow the next start or shift.</summary>
        public GuardFeedback Guard;

        /// <summary>Copies every field of <paramref name="source"/> into this one, without a heap copy on nanoCLR (see <see cref="OutputState.CopyFrom"/>).</summary>
        public void CopyFrom(ref ControllerInputs source)
        {
            NowMs = source.NowMs;
            IndoorValid = source.IndoorValid;
            IndoorFailed = source.IndoorFailed;
            IndoorC = source.IndoorC;
            OutdoorValid = source.OutdoorValid;
            OutdoorC = source.OutdoorC;
            CoilValid = source.CoilValid;
            CoilC = source.CoilC;
            HighPressureTripped = source.HighPressureTripped;
            LowPressureTripped = source.LowPressureTripped;
            DrainOpen = source.DrainOpen;
            ResetRequested = source.ResetRequested;
            DefrostRequested = source.DefrostRequested;
            Guard.CopyFrom(ref source.Guard);
        }
    }
}
