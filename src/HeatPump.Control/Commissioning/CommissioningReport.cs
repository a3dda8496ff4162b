namespace HeatPump.Control.Commissioning
{
    /// <summary>
    /// The last commissioning run's result as it is kept in flash and shown again (docs/commissioning.md):
    /// its findings, when it finished (the power-up number and the uptime, as the fault log dates its
    /// entries) and each mode's figures in tenths of a degree. Filled from a finished run or from the
    /// flash record; arrays allocated once.
    /// </summary>
    public sealed class CommissioningReport
    {
        /// <summary>Index of the cooling mode in the per-mode arrays.</summary>
        public const int CoolingMode = 0;

        /// <summary>Index of the heating mode in the per-mode arrays.</summary>
        public const int HeatingMode = 1;

        /// <summary>Per mode: it ran and was judged.</summary>
        public readonly bool[] Tested = new bool[2];

        /// <summary>Per mode: why it was not tested.</summary>
        public readonly UntestedReason[] Untested = new UntestedReason[2];

        /// <summary>Per mode: the pressure switch that opened (None, HighPressure, LowPressure).</summary>
        public readonly FaultKind[] Trip = new FaultKind[2];

        /// <summary>Per mode: a supply-air reading was there.</summary>
        public readonly bool[] SupplyFitted = new bool[2];

        /// <summary>Per mode: outdoor-air reading at the start and at the end, tenths of °C.</summary>
        public readonly short[] OutdoorStart = new short[2];

        /// <summary>Per mode: outdoor-air reading at the end, tenths of °C.</summary>
        public readonly short[] OutdoorEnd = new short[2];

        /// <summary>Per mode: coil reading at the start, tenths of °C.</summary>
        public readonly short[] CoilStart = new short[2];

        /// <summary>Per mode: coil reading at the end, tenths of °C.</summary>
        public readonly short[] CoilEnd = new short[2];

        /// <summary>Per mode: indoor reading at the end, tenths of °C.</summary>
        public readonly short[] IndoorEnd = new short[2];

        /// <summary>Per mode: supply-air reading at the end, tenths of °C.</summary>
        public readonly short[] SupplyEnd = new short[2];

        /// <summary>True once a report is held (a run finished, or one was loaded from flash).</summary>
        public bool Present { get; private set; }

        /// <summary>The findings as a bit set (<see cref="CommissioningRun.Bit"/>).</summary>
        public int Findings { get; private set; }

        /// <summary>The power-up (the service log's count) in which the run finished.</summary>
        public uint PowerUp { get; private set; }

        /// <summary>Uptime at which the run finished, s.</summary>
        public uint UptimeSeconds { get; private set; }

        /// <summary>How many times the report changed since power-up (the persister writes when it moves).</summary>
        public int Revision { get; private set; }

        /// <summary>True when the report holds no fault finding (a missing supply probe is a note).</summary>
        public bool Passed
        {
            get { return Present && (Findings & ~CommissioningRun.Bit(CommissioningFinding.SplitNotChecked)) == 0; }
        }

        /// <summary>Copies the result of the finished <paramref name="run"/>, dated <paramref name="powerUp"/> and its finish time.</summary>
        public void Capture(CommissioningRun run, uint powerUp)
        {
            Findings = run.Findings;
            PowerUp = powerUp;
            UptimeSeconds = (uint)(run.FinishedMs / 1000);
            CaptureMode(CoolingMode, run.CoolingCheck);
            CaptureMode(HeatingMode, run.HeatingCheck);
            Present = true;
            Revision++;
        }

        /// <summary>Sets the header fields from a record (the per-mode arrays are filled by the decoder).</summary>
        internal void Load(int findings, uint powerUp, uint uptimeSeconds)
        {
            Findings = findings;
            PowerUp = powerUp;
            UptimeSeconds = uptimeSeconds;
            Present = true;
        }

        /// <summary>Forgets the report (no valid record in flash).</summary>
        public void Clear()
        {
            Present = false;
            Findings = 0;
            PowerUp = 0;
            UptimeSeconds = 0;
            for (int m = 0; m < 2; m++)
            {
                Tested[m] = false;
                Untested[m] = UntestedReason.None;
                Trip[m] = FaultKind.None;
                SupplyFitted[m] = false;
                OutdoorStart[m] = 0;
                OutdoorEnd[m] = 0;
                CoilStart[m] = 0;
                CoilEnd[m] = 0;
                IndoorEnd[m] = 0;
                SupplyEnd[m] = 0;
            }
        }

        /// <summary>A temperature in tenths of a degree, rounded and held within a 16-bit field.</summary>
        public static short Tenths(float celsius)
        {
            float t = celsius * 10f;
            t = t >= 0f ? t + 0.5f : t - 0.5f;
            if (t > 32000f)
            {
                t = 32000f;
            }
            else if (t < -32000f)
            {
                t = -32000f;
            }

            return (short)t;
        }

        private void CaptureMode(int m, ModeCheck c)
        {
            Tested[m] = c.Tested;
            Untested[m] = c.Untested;
            Trip[m] = c.Trip;
            SupplyFitted[m] = c.SupplyFitted;
            OutdoorStart[m] = Tenths(c.OutdoorStartC);
            OutdoorEnd[m] = Tenths(c.OutdoorEndC);
            CoilStart[m] = Tenths(c.CoilStartC);
            CoilEnd[m] = Tenths(c.CoilEndC);
            IndoorEnd[m] = Tenths(c.IndoorEndC);
            SupplyEnd[m] = Tenths(c.SupplyEndC);
        }
    }
}
