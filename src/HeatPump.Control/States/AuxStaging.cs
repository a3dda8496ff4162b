using HeatPump.Control.Settings;

namespace HeatPump.Control.States
{
    /// <summary>
    /// The second stage of heat (W2), decided after the states have stepped: aux joins a running
    /// compressor when the room stays more than <c>aux.droop</c> below setpoint for <c>aux.delay</c> of
    /// the run without catching up, or when a run has not gained for <c>aux.stall-time</c> (a defrost
    /// pauses that clock), and drops again at setpoint minus the heating deadband (at most half the
    /// droop) — never above <c>aux.balance-point</c> outdoor, where the compressor carries the house.
    /// Heat the compressor can deliver is not bought from the strips.
    /// When the compressor cannot run (heat lockout, a refrigerant fault or lockout) or the user chose
    /// emergency heat, aux alone keeps the room at setpoint with the thermostat's own hysteresis: the
    /// strips do not depend on the refrigerant circuit. Only a lost indoor reading stops it, because
    /// there is nothing left to control on. Aux always runs with the blower at or above
    /// <c>aux.min-duty</c>, and the blower purges the strips for <c>aux.purge</c> after every stop.
    /// </summary>
    internal sealed class AuxStaging
    {
        /// <summary>A run "gains" when the room comes this much closer to setpoint.</summary>
        private const float GainK = 0.1f;

        private AuxReason _reason;
        private bool _drooping;
        private long _droopSinceMs;
        private float _droopPeakK;
        private long _droopPeakMs;
        private bool _runTracked;
        private float _bestErrorK;
        private long _gainedAtMs;
        private bool _defrostPaused;
        private long _pausedAtMs;
        private bool _recovering;
        private bool _lastAux;
        private long _purgeUntilMs;

        /// <summary>Why aux is on, or None.</summary>
        public AuxReason Reason
        {
            get { return _reason; }
        }

        /// <summary>Forgets droop and run tracking (power-up); a purge under way is finished by the guard.</summary>
        public void Reset()
        {
            _reason = AuxReason.None;
            ForgetRun();
            _lastAux = false;
            _purgeUntilMs = 0;
        }

        /// <summary>Decides aux for this tick in the present state's <paramref name="role"/> and sets its blower duty; call after the states stepped, before the fan rules.</summary>
        public void Step(ControllerContext c, AuxRole role)
        {
            _reason = Decide(c, role);
            c.Out.AuxHeat = _reason != AuxReason.None;
            if (c.Out.AuxHeat)
            {
                // Tempering a defrost keeps the gentlest airflow the strips allow; heating follows the demand.
                float duty = _reason == AuxReason.Defrost ? 0f : c.DemandDuty(c.Settings.HeatSetpointC - c.In.IndoorC);
                if (c.Out.IndoorFanDuty > duty)
                {
                    duty = c.Out.IndoorFanDuty;
                }

                c.Out.IndoorFanDuty = AtLeastAuxMinimum(c, duty);
            }
        }

        /// <summary>Holds the blower at the aux minimum through the purge after an aux stop; call after the fan rules.</summary>
        public void Purge(ControllerContext c)
        {
            if (_lastAux && !c.Out.AuxHeat)
            {
                _purgeUntilMs = c.Now + c.Settings.SecondsAsMs(SettingId.AuxPurge);
            }

            _lastAux = c.Out.AuxHeat;
            if (!c.Out.AuxHeat && c.Now < _purgeUntilMs)
            {
                c.Out.IndoorFanDuty = AtLeastAuxMinimum(c, c.Out.IndoorFanDuty);
            }
        }

        /// <summary><paramref name="duty"/>, raised to the blower duty aux needs (the larger of the fan and aux minimums).</summary>
        private static float AtLeastAuxMinimum(ControllerContext c, float duty)
        {
            float min = c.Settings.Fraction(SettingId.AuxMinDuty);
            float fanMin = c.Settings.Fraction(SettingId.IndoorFanMinDuty);
            if (fanMin > min)
            {
                min = fanMin;
            }

            return duty < min ? min : duty;
        }

        private AuxReason Decide(ControllerContext c, AuxRole role)
        {
            if (!c.In.IndoorValid)
            {
                // Nothing to control on: aux stops with the compressor (E 01), as docs/safety.md says.
                ForgetRun();
                return AuxReason.None;
            }

            ControllerSettings s = c.Settings;
            UserMode mode = s.Mode;
            float error = s.HeatSetpointC - c.In.IndoorC;
            if (mode == UserMode.EmergencyHeat)
            {
                ForgetRun();
                return Thermostat(c, error, AuxReason.Emergency);
            }

            bool wantsHeat = mode == UserMode.Heat || mode == UserMode.Auto;
            if (!wantsHeat || role == AuxRole.None)
            {
                ForgetRun();
                return AuxReason.None;
            }

            if (role == AuxRole.Tempering)
            {
                // The defrost state decides its own tempering (defrost.aux). The stall clock pauses
                // through it, and afterwards the run's gain counts from the lowest the room falls, so the
                // compressor winning back what the melt cost is not taken for a stall; a run that had
                // stalled before the defrost stays as far into its stall time as it was.
                if (_runTracked && !_defrostPaused)
                {
                    _defrostPaused = true;
                    _pausedAtMs = c.Now;
                }

                return c.Out.AuxHeat ? AuxReason.Defrost : AuxReason.None;
            }

            if (role == AuxRole.Backup)
            {
                ForgetRun();
                bool refrigerant = c.ActiveFault != FaultKind.IndoorSensor && c.ActiveFault != FaultKind.None;
                return refrigerant ? Thermostat(c, error, AuxReason.CompressorFault) : AuxReason.None;
            }

            if (c.HeatLockedOut)
            {
                ForgetRun();
                return Thermostat(c, error, AuxReason.Lockout);
            }

            return Staged(c, error);
        }

        /// <summary>Aux as the only heat: on below setpoint − deadband, off above setpoint + overrun.</summary>
        private AuxReason Thermostat(ControllerContext c, float error, AuxReason reason)
        {
            bool wasOn = _reason != AuxReason.None;
            bool on = wasOn
                ? error >= -c.Settings.Tenths(SettingId.HeatOverrun)
                : error > c.Settings.Tenths(SettingId.HeatDeadband);
            return on ? reason : AuxReason.None;
        }

        /// <summary>The second stage with the compressor: droop or a stalled run, below the balance point only.</summary>
        private AuxReason Staged(ControllerContext c, float error)
        {
            ControllerSettings s = c.Settings;
            float balance = s.Tenths(SettingId.AuxBalancePoint);
            bool wasOn = _reason == AuxReason.Droop;
            if (c.In.OutdoorValid && c.In.OutdoorC > (wasOn ? balance + ControllerContext.LockoutHysteresisK : balance))
            {
                // Mild weather: the compressor carries the house; a droop here is a setpoint change or a defrost.
                ForgetRun();
                return AuxReason.None;
            }

            float droop = s.Tenths(SettingId.AuxDroop);
            float drop = DropK(s);
            if (error > droop)
            {
                if (!_drooping)
                {
                    _drooping = true;
                    _droopSinceMs = c.Now;
                    _droopPeakK = 0f;
                }

                if (error > _droopPeakK)
                {
                    _droopPeakK = error;
                    _droopPeakMs = c.Now;
                }
            }
            else if (error < droop - GainK)
            {
                // Ended only once the room is clearly back: a reading that flickers by one sensor step
                // across the droop does not restart the delay.
                _drooping = false;
            }

            TrackRun(c, error);
            if (wasOn)
            {
                // Drops near setpoint: the compressor finishes the recovery on its own.
                return error > drop ? AuxReason.Droop : AuxReason.None;
            }

            if (!c.CompressorOn)
            {
                // The second stage joins the first: while the compressor only waits (minimum off, a
                // start delay) it is about to deliver the heat, and the droop counts from its start.
                _drooping = false;
                return AuxReason.None;
            }

            bool drooped = false;
            if (_drooping && c.Now - _droopSinceMs >= s.SecondsAsMs(SettingId.AuxDelay))
            {
                if (CatchingUp(c, error, droop))
                {
                    // The compressor is bringing the room back (after a setpoint rise, say): its heat
                    // is not bought from the strips; the room is judged again after another delay, on
                    // what it gains from now.
                    _droopSinceMs = c.Now;
                    _droopPeakK = error;
                    _droopPeakMs = c.Now;
                }
                else
                {
                    drooped = true;
                }
            }

            // A stalled run counts only halfway from the drop point to the droop: closer to the drop
            // point the compressor is holding the room inside its band, and the strips would lift it
            // one sensor step, drop out and come back (on and off within a minute).
            bool stalled = _runTracked && error > (drop + droop) / 2f
                && c.Now - _gainedAtMs >= s.SecondsAsMs(SettingId.AuxStallTime) * 60L;
            if (drooped || stalled)
            {
                // A fresh start for the stall clock once aux has helped.
                _runTracked = false;
                return AuxReason.Droop;
            }

            return AuxReason.None;
        }

        /// <summary>
        /// True when the room, since the lowest it fell in this droop, has gained fast enough to be back
        /// within <c>aux.droop</c> of setpoint inside <c>aux.stall-time</c>, the time a run is given to catch up.
        /// </summary>
        private bool CatchingUp(ControllerContext c, float error, float droop)
        {
            float gained = _droopPeakK - error;
            if (gained <= 0f)
            {
                return false;
            }

            float elapsedMs = c.Now - _droopPeakMs;
            float toBandMs = (error - droop) * elapsedMs / gained;
            return toBandMs <= c.Settings.SecondsAsMs(SettingId.AuxStallTime) * 60f;
        }

        /// <summary>
        /// How far below setpoint staged aux drops out, K: the heating deadband, where the compressor
        /// alone would have been called; but never more than half the droop, so there is always a band
        /// between dropping out and staging in again (a deadband set at or above the droop would
        /// otherwise switch the strips every tick).
        /// </summary>
        private static float DropK(ControllerSettings s)
        {
            float deadband = s.Tenths(SettingId.HeatDeadband);
            float half = s.Tenths(SettingId.AuxDroop) / 2f;
            return deadband < half ? deadband : half;
        }

        /// <summary>Remembers when a heating run last came <see cref="GainK"/> closer to setpoint.</summary>
        private void TrackRun(ControllerContext c, float error)
        {
            if (!c.CompressorOn)
            {
                _runTracked = false;
                _defrostPaused = false;
                return;
            }

            if (_defrostPaused)
            {
                // Back from a defrost: the clock resumes where it stopped, measuring gain from here down.
                _defrostPaused = false;
                _gainedAtMs += c.Now - _pausedAtMs;
                _bestErrorK = error;
                _recovering = true;
            }
            else if (_recovering && error > _bestErrorK)
            {
                _bestErrorK = error;
            }

            if (!_runTracked || error < _bestErrorK - GainK)
            {
                _runTracked = true;
                _recovering = false;
                _bestErrorK = error;
                _gainedAtMs = c.Now;
            }
        }

        private void ForgetRun()
        {
            _drooping = false;
            _runTracked = false;
            _defrostPaused = false;
            _recovering = false;
        }
    }
}
