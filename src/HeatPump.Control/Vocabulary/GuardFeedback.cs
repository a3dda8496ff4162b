namespace HeatPump.Control
{
    /// <summary>
    /// What the guard actually drove and when the next compressor start or valve shift will be
    /// allowed. The loop hands it to the controller on the next tick, so the controller never keeps
    /// a second copy of the compressor timers and the panel shows the guard's own countdown.
    /// </summary>
    public struct GuardFeedback
    {
        /// <summary>Compressor running as driven.</summary>
        public bool CompressorOn;

        /// <summary>When the compressor last started or stopped (power-up counts as a stop), ms.</summary>
        public long CompressorSinceMs;

        /// <summary>Reversing-valve solenoid as driven.</summary>
        public bool ValveEnergised;

        /// <summary>Earliest time an ordinary start is allowed, ms (≤ now when allowed now).</summary>
        public long StartAllowedAtMs;

        /// <summary>What holds an ordinary start until <see cref="StartAllowedAtMs"/>.</summary>
        public HoldReason StartHold;

        /// <summary>Earliest time the valve may change, ms; long.MaxValue while the compressor runs.</summary>
        public long ValveChangeAllowedAtMs;

        /// <summary>Earliest time the restart that completes a quiet shift is allowed, ms.</summary>
        public long ShiftRestartAllowedAtMs;

        /// <summary>True when the valve changed during the present off period, so a shift restart may use I1's exception.</summary>
        public bool ShiftedSinceStop;

        /// <summary>Copies every field of <paramref name="source"/> into this one, without a heap copy on nanoCLR (see <see cref="OutputState.CopyFrom"/>).</summary>
        public void CopyFrom(ref GuardFeedback source)
        {
            CompressorOn = source.CompressorOn;
            CompressorSinceMs = source.CompressorSinceMs;
            ValveEnergised = source.ValveEnergised;
            StartAllowedAtMs = source.StartAllowedAtMs;
            StartHold = source.StartHold;
            ValveChangeAllowedAtMs = source.ValveChangeAllowedAtMs;
            ShiftRestartAllowedAtMs = source.ShiftRestartAllowedAtMs;
            ShiftedSinceStop = source.ShiftedSinceStop;
        }
    }
}
