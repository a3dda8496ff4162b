using HeatPump.Control.Settings;

namespace HeatPump.Control.States
{
    /// <summary>
    /// Heat and Cool share one cycle — Idle → Starting → Running → Purging → Idle — and differ in
    /// direction, setpoint, valve position, fan delay, lockout and (Heat only) defrost. A change of
    /// mode winds the cycle down first (after the minimum run, unless the new mode is Off), so an
    /// Auto changeover always passes through idle.
    /// </summary>
    internal abstract class ConditioningState : ControllerState
    {
        private readonly bool _heating;
        private readonly CycleRows _rows;

        protected ConditioningState(bool heating, CycleRows rows)
        {
            _heating = heating;
            _rows = rows;
        }

        public override void Enter(ControllerContext c, TopState from)
        {
            // The cycle starts at Idle, even if the compressor still runs with the valve where this
            // mode wants it (the O/B polarity changed under a running unit): Idle → Starting → Running
            // then takes it over through the table's own transitions. Heat has one more way in.
            c.Go(_rows.EntryToIdle);
        }

        public override bool IntoFault(out Row row)
        {
            row = _rows.ToFault;
            return true;
        }

        public override void Step(ControllerContext c, TopState desired)
        {
            float error = ErrorK(c);
            bool call = c.In.IndoorValid && error > Deadband(c);
            bool satisfied = !c.In.IndoorValid || error < -Overrun(c);
            bool lockedOut = _heating ? c.HeatLockedOut : c.CoolLockedOut || c.DrainBlocksCooling;
            c.Out.ValveEnergised = c.In.Guard.ValveEnergised;

            if (desired != Id)
            {
                // Wind down: a change to another mode waits out the minimum run; Off does not.
                if (c.CompressorOn && desired != TopState.Off && !lockedOut
                    && c.CompressorForMs < c.Settings.SecondsAsMs(SettingId.MinRunTime))
                {
                    Run(c, error);
                    return;
                }

                c.Go(desired == TopState.Off ? _rows.ToOff : _rows.Changeover);
                return;
            }

            switch (c.Sub)
            {
                case SubState.Idle:
                    if (call)
                    {
                        c.Go(_rows.IdleToStarting);
                        Starting(c, error, satisfied);
                    }

                    return;

                case SubState.Starting:
                    Starting(c, error, satisfied);
                    return;

                case SubState.Running:
                    if (!c.CompressorOn)
                    {
                        // The guard stopped it (a lockout limit or a sensor): wait for a start again.
                        c.Go(_rows.RunningToStarting);
                        Starting(c, error, satisfied);
                        return;
                    }

                    if (lockedOut)
                    {
                        // Stop now; from the next tick Starting shows the lockout (and AuxStaging hands the load to aux).
                        c.Go(_rows.RunningToStarting);
                        return;
                    }

                    if (satisfied && c.CompressorForMs >= c.Settings.SecondsAsMs(SettingId.MinRunTime))
                    {
                        c.Go(_rows.RunningToPurging);
                        return;
                    }

                    Run(c, error);
                    AfterRun(c);
                    return;

                default:
                    // Purging: the compressor is off and the run-on finishes; a new call restarts.
                    if (call)
                    {
                        c.Go(_rows.PurgingToStarting);
                        Starting(c, error, satisfied);
                        return;
                    }

                    if (!c.RunOnActive)
                    {
                        c.Go(_rows.PurgingToIdle);
                    }

                    return;
            }
        }

        public override bool SteadyConditioning
        {
            get { return true; }
        }

        public override TopState AutoSide
        {
            get { return Id; }
        }

        /// <summary>What follows a running tick: Heat checks for a defrost here.</summary>
        protected virtual void AfterRun(ControllerContext c)
        {
        }

        /// <summary>Distance from setpoint in the direction of work, K: positive means there is work to do.</summary>
        private float ErrorK(ControllerContext c)
        {
            return _heating ? c.Settings.HeatSetpointC - c.In.IndoorC : c.In.IndoorC - c.Settings.CoolSetpointC;
        }

        private float Deadband(ControllerContext c)
        {
            return c.Settings.Tenths(_heating ? SettingId.HeatDeadband : SettingId.CoolDeadband);
        }

        private float Overrun(ControllerContext c)
        {
            return c.Settings.Tenths(_heating ? SettingId.HeatOverrun : SettingId.CoolOverrun);
        }

        private void Starting(ControllerContext c, float error, bool satisfied)
        {
            if (c.CompressorOn && c.ValveInHeating == _heating)
            {
                // Started last tick: from here the minimum run applies, whatever the room does.
                c.Go(_rows.StartingToRunning);
                Run(c, error);
                return;
            }

            if (satisfied)
            {
                c.Go(c.RunOnActive ? _rows.StartingToPurging : _rows.StartingToIdle);
                return;
            }

            // Under the heat lockout aux carries the load the compressor may not (AuxStaging).
            if (c.RequestStart(_heating))
            {
                Run(c, error);
            }
        }

        private void Run(ControllerContext c, float error)
        {
            c.Out.Compressor = true;
            c.Out.ValveEnergised = c.ValveFor(_heating);
            c.Out.OutdoorFanDuty = c.Settings.Fraction(SettingId.OutdoorFanDuty);
            long delay = _heating ? c.Settings.SecondsAsMs(SettingId.IndoorFanHeatDelay) : 0;
            long runFor = c.CompressorOn ? c.CompressorForMs : 0;
            if (runFor >= delay)
            {
                // A single-speed compressor needs its rated airflow: less air raises the condensing
                // temperature and costs COP, so the fan runs at maximum duty while it runs.
                c.Out.IndoorFanDuty = c.Settings.Fraction(SettingId.IndoorFanMaxDuty);
            }
        }
    }
}
