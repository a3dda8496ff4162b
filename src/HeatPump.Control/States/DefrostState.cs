using HeatPump.Control.Defrost;
using HeatPump.Control.Settings;

namespace HeatPump.Control.States
{
    /// <summary>
    /// Reverse-cycle defrost: ShiftIn (compressor stopped, valve moved to cooling after the quiet-shift
    /// time) → Melting (compressor on, outdoor fan off, indoor fan off unless aux heat covers it) →
    /// Drip (compressor and fans off while melt water drains) → ShiftOut (valve back to heating, then
    /// the quiet-shift restart in heat). Melting ends when the coil reaches the end temperature, or
    /// on time (I3). Without a coil reading nothing shows when the ice is gone, so the melt is short
    /// (<see cref="CoilLostMeltMs"/>): a coil melted clean under a running compressor with its fan
    /// stopped heats toward the high-pressure trip, and the switch, watched in every state, stops it
    /// with E 02 if it gets there first.
    /// </summary>
    internal sealed class DefrostState : ControllerState
    {
        /// <summary><c>install.type</c> of a ducted system.</summary>
        public const int InstallDucted = 0;

        /// <summary>The melt without a coil reading, ms (or the maximum defrost time, if shorter).</summary>
        public const long CoilLostMeltMs = 300000;

        /// <summary>
        /// At or above this outdoor temperature the air melts the ice: the compressor stays off and
        /// the outdoor fan blows the air through the coil instead of a reverse cycle, °C. At +4 °C
        /// the fan's air brings several kW to a coil held at 0 °C by its ice, as much as a reverse
        /// cycle does, for the fan's power and without drawing heat from the house.
        /// </summary>
        public const float AirDefrostAboveC = 4f;

        /// <summary>The coil must read <see cref="DefrostScheduler.ClearCoilC"/> or warmer this long to end an air defrost, ms.</summary>
        public const long AirClearHoldMs = 30000;

        /// <summary>An air defrost that has not cleared the coil in this time hands over to the reverse cycle, ms.</summary>
        public const long AirDefrostMaxMs = 300000;

        private bool _byAir;
        private long _enteredMs;
        private long _airClearForMs;

        public override TopState Id
        {
            get { return TopState.Defrost; }
        }

        /// <summary>How the defrost in progress ended, once it has.</summary>
        public DefrostEnd Ended { get; private set; }

        /// <summary>Defrosts since power-up.</summary>
        public int Count { get; private set; }

        /// <summary>What started the last defrost.</summary>
        public DefrostCause LastCause { get; private set; }

        /// <summary>How the last defrost ended; None while one is under way.</summary>
        public DefrostEnd LastEnd { get; private set; }

        public override void Enter(ControllerContext c, TopState from)
        {
            c.Defrost.DefrostStarted();
            Count++;
            LastCause = c.Defrost.Due != DefrostCause.None && c.AutomaticDefrost ? c.Defrost.Due : DefrostCause.Requested;
            LastEnd = DefrostEnd.None;
            Ended = DefrostEnd.None;
            c.CancelRunOn();
            c.Go(Row.DefrostEntryToShiftIn);
            _enteredMs = c.Now;
            _airClearForMs = 0;
            _byAir = c.In.CoilValid && c.In.OutdoorValid && c.In.OutdoorC >= AirDefrostAboveC;
        }

        public override void Exit(ControllerContext c, TopState to)
        {
            if (Ended == DefrostEnd.None)
            {
                Ended = DefrostEnd.Aborted;
            }

            c.Defrost.DefrostEnded();
            LastEnd = Ended;
        }

        public override void Observe(ControllerContext c)
        {
            if (c.CompressorOn)
            {
                c.Defrost.CountDefrostRun(c.ElapsedMs);
            }
        }

        public override bool FinishesWithoutIndoorReading
        {
            get { return true; }
        }

        public override bool ExpectsLowSuction
        {
            get { return true; }
        }

        public override TopState AutoSide
        {
            get { return TopState.Heat; }
        }

        public override AuxRole AuxRole
        {
            get { return AuxRole.Tempering; }
        }

        public override bool AllowsFanRunOn
        {
            get { return false; }
        }

        public override bool AllowsContinuousFan
        {
            get { return false; }
        }

        public override bool IntoFault(out Row row)
        {
            row = Row.DefrostToFault;
            return true;
        }

        public override void Step(ControllerContext c, TopState desired)
        {
            bool cooling = c.ValveFor(false);
            c.Out.ValveEnergised = c.In.Guard.ValveEnergised;

            if (c.Sub == SubState.ShiftIn)
            {
                c.Out.Defrost = true;
                if (c.CompressorOn && c.In.Guard.ValveEnergised == cooling)
                {
                    c.Go(Row.DefrostShiftInToMelting);
                }
                else
                {
                    if (_byAir && AirDefrost(c))
                    {
                        c.Out.Defrost = true;
                        c.Out.OutdoorFanDuty = c.Settings.Fraction(SettingId.OutdoorFanDuty);
                        return;
                    }

                    if (_byAir && Ended != DefrostEnd.None)
                    {
                        // The air has cleared the coil: back to heat, which starts the compressor
                        // again after its minimum off time like any other start (cooling is reached
                        // through Heat: the table has no Defrost → Cool).
                        c.Go(desired == TopState.Off ? Row.DefrostToOff : Row.DefrostToHeat);
                        return;
                    }

                    ShiftThenRestart(c, cooling);
                    if (!c.Out.Compressor)
                    {
                        // While the valve waits for its quiet shift the outdoor fan blows the air over the
                        // stopped coil, which runs well below it: the air warms the coil's metal (and in
                        // air above freezing starts on the ice) for the fan's power, heat the reverse
                        // cycle would otherwise draw from the house.
                        c.Out.OutdoorFanDuty = c.Settings.Fraction(SettingId.OutdoorFanDuty);
                    }

                    return;
                }
            }

            if (c.Sub == SubState.Melting)
            {
                c.Out.Defrost = true;
                if (MeltingOver(c))
                {
                    c.Go(Row.DefrostMeltingToDrip);
                    return;
                }

                c.Out.Compressor = true;
                c.Out.ValveEnergised = cooling;
                // Ducted installs keep air over the indoor coil in the melt and temper it with the strips
                // (docs/settings.md, install.type); ductless and window units hold the fan off unless defrost.aux asks.
                if (c.Settings.IsOn(SettingId.AuxDuringDefrost) || c.Settings.Get(SettingId.InstallType) == InstallDucted)
                {
                    c.Out.AuxHeat = true;
                    c.Out.IndoorFanDuty = c.Settings.Fraction(SettingId.IndoorFanMinDuty);
                }

                return;
            }

            if (c.Sub == SubState.Drip)
            {
                c.Out.Defrost = true;
                if (c.CompressorOn || c.CompressorForMs < c.Settings.SecondsAsMs(SettingId.DripTime))
                {
                    return;
                }

                c.Go(Row.DefrostDripToShiftOut);
            }

            // ShiftOut: valve back to heating; restart in heat if there is still heat to deliver.
            bool heating = c.ValveFor(true);
            if (c.CompressorOn && c.In.Guard.ValveEnergised == heating)
            {
                c.Go(Row.DefrostToHeat);
                return;
            }

            if (c.In.Guard.ValveEnergised == heating && !WantsHeatRestart(c, desired))
            {
                // Cooling is reached through Heat: the table has no Defrost → Cool.
                c.Go(desired == TopState.Off ? Row.DefrostToOff : Row.DefrostToHeat);
                return;
            }

            ShiftThenRestart(c, heating);
            if (c.Out.Compressor)
            {
                // The restart is in heat: the outdoor coil is the evaporator again and needs its air.
                c.Out.OutdoorFanDuty = c.Settings.Fraction(SettingId.OutdoorFanDuty);
            }
        }

        /// <summary>Moves the valve to <paramref name="position"/> once the guard allows it, then asks for the quiet-shift restart.</summary>
        private static void ShiftThenRestart(ControllerContext c, bool position)
        {
            if (!c.MoveValve(position))
            {
                c.SetHold(HoldReason.QuietShift, c.In.Guard.ValveChangeAllowedAtMs);
                return;
            }

            if (c.In.Guard.ShiftedSinceStop && c.Now >= c.In.Guard.ShiftRestartAllowedAtMs)
            {
                c.Out.Compressor = true;
                c.Out.QuietShiftRestart = true;
            }
            else
            {
                c.SetHold(HoldReason.QuietShift, c.In.Guard.ShiftRestartAllowedAtMs);
            }
        }

        /// <summary>
        /// True while the air defrost goes on: the valve stays in heating, the compressor stopped, the
        /// outdoor fan on. It ends (<see cref="Ended"/> set) once the coil has read above freezing for
        /// <see cref="AirClearHoldMs"/>; it gives way to the reverse cycle if the coil reading is lost,
        /// the air cools a kelvin below <see cref="AirDefrostAboveC"/>, or it has not cleared the coil
        /// in <see cref="AirDefrostMaxMs"/>.
        /// </summary>
        private bool AirDefrost(ControllerContext c)
        {
            if (!c.In.CoilValid || !c.In.OutdoorValid || c.In.OutdoorC < AirDefrostAboveC - 1f
                || c.Now - _enteredMs >= AirDefrostMaxMs)
            {
                _byAir = false;
                return false;
            }

            if (c.CompressorOn || c.In.CoilC < DefrostScheduler.ClearCoilC)
            {
                _airClearForMs = 0;
                return true;
            }

            _airClearForMs += c.ElapsedMs;
            if (_airClearForMs < AirClearHoldMs)
            {
                return true;
            }

            Ended = DefrostEnd.CoilTemperature;
            return false;
        }

        private bool MeltingOver(ControllerContext c)
        {
            if (!c.CompressorOn)
            {
                // Stopped from outside (the guard's I3 limit): treat as the time limit.
                Ended = DefrostEnd.MaxTime;
                return true;
            }

            if (c.In.CoilValid && c.In.CoilC >= c.Settings.Tenths(SettingId.DefrostEndCoil))
            {
                Ended = DefrostEnd.CoilTemperature;
                return true;
            }

            // A coil probe that read what no running evaporator can (at or above the air) is not on
            // the coil either: its reading cannot end the melt, so the melt is as brief as without it.
            long limit = c.Settings.SecondsAsMs(SettingId.DefrostMaxTime);
            if ((!c.In.CoilValid || c.Defrost.CoilImplausible) && limit > CoilLostMeltMs)
            {
                limit = CoilLostMeltMs;
            }

            if (c.CompressorForMs >= limit)
            {
                Ended = DefrostEnd.MaxTime;
                return true;
            }

            return false;
        }

        private static bool WantsHeatRestart(ControllerContext c, TopState desired)
        {
            // Heat resumes if the mode still wants heat and the room is not above the setpoint band:
            // the defrost took heat from the room, so a restart is the common case.
            return desired == TopState.Heat && c.In.IndoorValid && !c.HeatLockedOut
                && c.In.IndoorC <= c.Settings.HeatSetpointC + c.Settings.Tenths(SettingId.HeatOverrun);
        }
    }
}
