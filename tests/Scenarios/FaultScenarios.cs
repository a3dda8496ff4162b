using HeatPump.Control;
using HeatPump.Control.Hal;
using HeatPump.Control.Sensors;

namespace HeatPump.Scenarios
{
    /// <summary>Sensor loss, pressure trips, retries and lockout (docs/safety.md faults, I4, I5).</summary>
    public static class FaultScenarios
    {
        /// <summary>Indoor sensor lost while heating: Fault within 30 s, outputs off, retry after it recovers.</summary>
        /// <summary>
        /// A coil reading 1.2 K below −16 °C air in one run (a unit whose coil runs close to its air in
        /// deep cold, read by a lagging probe) is not a misplaced probe: runs that read 2.5 K between
        /// such runs keep the compressor in service. Three such runs in a row are (docs/safety.md).
        /// </summary>
        public static void CoilCloseToTheAirNamesProbesOnlyInThreeRunsInARow()
        {
            Rig r = CompressorScenarios.Heating();
            r.OutdoorC = -16f;
            r.CoilC = -16f;
            float[] deltaT = { 1.2f, 2.5f, 1.2f, 2.5f, 1.2f, 1.2f, 1.2f };
            for (int run = 0; run < deltaT.Length; run++)
            {
                r.CleanCoilDeltaT = deltaT[run];
                r.IndoorC = 19f;
                Check.That(r.RunUntil(Conditions.CompressorOn, 900000), "run " + run.ToString() + " starts", r);

                // Judged 5 min into the run; short runs keep the frosting time under the defrost interval.
                r.Run(330000);
                if (run < deltaT.Length - 1)
                {
                    Check.That(r.Controller.Fault == FaultKind.None, "no fault after run " + run.ToString(), r);
                    r.IndoorC = 23f;
                    Check.That(r.RunUntil(Conditions.CompressorOff, 900000), "run " + run.ToString() + " ends", r);
                }
            }

            Check.That(r.Controller.Fault == FaultKind.ProbesSwapped, "the third close run in a row names the probes", r);
            Check.That(!r.Out.Compressor, "and stops the compressor", r);
        }

        public static void IndoorSensorLostFaultsAndRecovers()
        {
            Rig r = CompressorScenarios.Heating();
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(300000);
            r.IndoorStatus = SampleStatus.NoResponse;
            long lost = r.NowMs;
            Check.That(r.RunUntil(Conditions.InFault, 60000), "Fault", r);
            Check.That(r.NowMs - lost <= 31000, "detected within 30 s", r);
            Check.That(!r.Out.Compressor && !r.Out.AuxHeat, "compressor and aux off (I5)", r);
            Check.That(r.Controller.Fault == FaultKind.IndoorSensor, "fault kind: indoor sensor", r);
            long stop = r.LastStopMs;
            r.Run(600000);
            Check.That(r.State == TopState.Fault && !r.Out.Compressor, "stays off while the sensor is lost", r);
            r.IndoorStatus = SampleStatus.Ok;
            long back = r.NowMs;
            Check.That(r.RunUntil(Conditions.CompressorOn, 600000), "heats again", r);
            Check.That(r.NowMs - back >= 60000, "only after 60 s of good readings", r);
            Check.That(r.LastStartMs >= stop + 300000, "after min-off", r);
            r.CheckClean();
        }

        /// <summary>Indoor sensor lost during a defrost: the defrost finishes, then Fault.</summary>
        public static void IndoorLostDuringDefrostFinishesIt()
        {
            Rig r = DefrostScenarios.FrostingRig(4f);
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(1800000);
            r.DefrostRequest = true;
            r.RunUntil(Conditions.Melting, 120000);
            r.IndoorStatus = SampleStatus.NoResponse;
            r.Run(40000);
            Check.That(r.State == TopState.Defrost && r.Out.Compressor, "melting continues without an indoor reading", r);
            r.RunUntil(Conditions.NotInDefrost, 900000);
            r.RunUntil(Conditions.InFault, 60000);
            Check.That(r.State == TopState.Fault, "Fault after the defrost", r);
            Check.That(r.Controller.LastDefrostEnd == DefrostEnd.CoilTemperature, "defrost ended normally", r);
            r.CheckClean();
        }

        /// <summary>A high-pressure trip stops the compressor at once; it retries after min-off when the switch closes.</summary>
        public static void HighPressureTripStopsAndRetries()
        {
            Rig r = CompressorScenarios.Heating();
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(60000);
            r.HighPressureTripped = true;
            r.Tick();
            Check.That(!r.Out.Compressor && r.State == TopState.Fault, "stopped at once", r);
            Check.That(r.Controller.Fault == FaultKind.HighPressure, "fault kind: high pressure", r);
            long stop = r.LastStopMs;
            r.Run(5000);
            r.HighPressureTripped = false;
            r.RunUntil(Conditions.CompressorOn, 600000);
            Check.Equal(stop + 300000, r.LastStartMs, "retry after min-off", r);
            r.CheckClean();
        }

        /// <summary>The low-pressure switch is ignored for 2 min after a start (it dips then), not after.</summary>
        public static void LowPressureBypassAtStart()
        {
            Rig r = CompressorScenarios.Heating();
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.LowPressureTripped = true;
            r.Run(60000);
            Check.That(r.Out.Compressor, "ignored in the first 2 min", r);
            r.LowPressureTripped = false;
            r.Run(120000);
            r.LowPressureTripped = true;
            r.Tick();
            Check.That(r.State == TopState.Fault && r.Controller.Fault == FaultKind.LowPressure, "low-pressure fault later in the run", r);
            r.CheckClean();
        }

        /// <summary>Three trips of one kind in an hour lock out; only MODE held 10 s clears it.</summary>
        public static void ThreeTripsLockOutUntilReset()
        {
            Rig r = CompressorScenarios.Heating();
            for (int i = 0; i < 3; i++)
            {
                r.RunUntil(Conditions.CompressorOn, 900000);
                r.Run(5000);
                r.HighPressureTripped = true;
                r.Tick();
                r.HighPressureTripped = false;
            }

            Check.That(r.Controller.LockedOut, "locked out after the third trip", r);
            r.Run(2 * 3600000L);
            Check.That(r.Controller.LockedOut && !r.Out.Compressor, "stays locked out", r);
            r.HoldModeToClearLockout();
            Check.That(!r.Controller.LockedOut, "MODE held 10 s clears the lockout", r);
            Check.That(r.RunUntil(Conditions.CompressorOn, 600000), "heats again", r);
            r.CheckClean();
        }

        /// <summary>
        /// Output-test mode counts pressure trips as normal running does: the third in an hour locks the unit
        /// out, and output-test mode then runs nothing that moves heat until MODE held 10 s acknowledges it.
        /// </summary>
        public static void OutputTestTripsLockOutUntilAcknowledged()
        {
            Rig r = new Rig(UserMode.Off);
            r.Set(HeatPump.Control.Settings.SettingId.MinOffTime, 180); // three trips inside output-test mode's 15 min idle time
            r.Buttons = Buttons.Mode | Buttons.Down; // held from power-up: the installer's way in
            r.Run(8000);
            r.Buttons = Buttons.None;
            r.Run(2000);
            Check.That(r.Core.Panel.OutputTest.Active, "output-test mode entered from power-up", r);

            // End the walk with a key, select the compressor, switch it on.
            Tap(r, Buttons.Mode);
            for (int i = 0; i < 5 && r.Core.Panel.OutputTest.Selected != HeatPump.Control.FrontPanel.OutputTestStep.Compressor; i++)
            {
                Tap(r, Buttons.Up);
            }

            Tap(r, Buttons.Mode);
            Check.That(r.Core.Panel.OutputTest.IsOn(HeatPump.Control.FrontPanel.OutputTestStep.Compressor), "compressor selected and on", r);
            for (int i = 0; i < 3; i++)
            {
                Check.That(r.RunUntil(Conditions.CompressorOn, 900000), "the guard lets the compressor start after min-off", r);
                Check.That(r.Out.OutdoorFanDuty > 0f, "never without the outdoor fan", r);
                r.Run(5000);
                r.HighPressureTripped = true;
                r.Tick();
                Check.That(!r.Out.Compressor, "the trip stops it at once", r);
                r.HighPressureTripped = false;
                r.Tick();
            }

            Check.That(r.Controller.LockedOut && r.Controller.Fault == FaultKind.HighPressure, "locked out after the third trip", r);
            Tap(r, Buttons.Up); // keys keep output-test mode from its idle exit; the compressor stays asked for
            Tap(r, Buttons.Down);
            Check.That(!r.RunUntil(Conditions.CompressorOn, 600000), "a locked-out unit does not run in output-test mode", r);
            Check.That(r.Core.Panel.OutputTest.Active, "still in output-test mode", r);
            r.HoldModeToClearLockout();
            Check.That(!r.Controller.LockedOut, "MODE held 10 s acknowledges the lockout", r);
            Check.That(r.RunUntil(Conditions.CompressorOn, 600000), "then output-test mode may run it again", r);
            r.CheckCleanWithVetoes();
        }

        /// <summary>A short press at the rig's 1 s ticks: the debounce believes a level after two samples.</summary>
        private static void Tap(Rig r, int buttons)
        {
            r.Buttons = buttons;
            r.Run(2000);
            r.Buttons = Buttons.None;
            r.Run(2000);
        }

        /// <summary>In Fault the valve rests de-energised once the quiet-shift time allows (I5 with I2).</summary>
        public static void FaultRestsValveAfterQuietShift()
        {
            Rig r = CompressorScenarios.Heating();
            r.Set(HeatPump.Control.Settings.SettingId.ValvePolarity, 1);
            r.RunUntil(Conditions.CompressorOn, 400000);
            Check.That(r.Out.ValveEnergised, "B polarity: energised in heat", r);
            r.HighPressureTripped = true;
            r.Tick();
            long stop = r.LastStopMs;
            r.Run(29000);
            Check.That(r.Out.ValveEnergised, "valve holds for the quiet-shift time", r);
            r.Run(2000);
            Check.That(!r.Out.ValveEnergised, "then rests de-energised", r);
            Check.That(r.NowMs - stop >= 30000, "not before 30 s", r);
            r.CheckClean();
        }

        /// <summary>A cooling rig: 26 °C indoors, 30 °C outdoors.</summary>
        private static Rig Cooling()
        {
            Rig r = new Rig(UserMode.Cool);
            r.IndoorC = 26f;
            r.OutdoorC = 30f;
            r.CoilC = 30f;
            return r;
        }

        /// <summary>
        /// The condensate overflow switch opens while cooling: the compressor stops in that tick, the
        /// panel shows the drain code, and cooling waits for the switch to close and min-off to pass.
        /// </summary>
        public static void DrainSwitchStopsCoolingAndRetries()
        {
            Rig r = Cooling();
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(60000);
            r.DrainOpen = true;
            r.Tick();
            Check.That(!r.Out.Compressor, "compressor stopped in the tick the switch opened", r);
            Check.That(r.Controller.Fault == FaultKind.DrainOverflow, "fault kind: drain overflow", r);
            Check.That(r.Core.Display.Text == "E 06", "panel shows the drain code E 06, not " + r.Core.Display.Text, r);
            long stop = r.LastStopMs;
            r.Run(600000);
            Check.That(!r.Out.Compressor && r.Controller.Hold == HoldReason.DrainOpen, "no cooling while the switch stays open", r);
            Check.That(r.Core.Display.Text == "dr.OP", "panel shows dr.OP while cooling waits, not " + r.Core.Display.Text, r);
            r.DrainOpen = false;
            Check.That(r.RunUntil(Conditions.CompressorOn, 60000), "cools again once the switch closes", r);
            Check.That(r.LastStartMs >= stop + 300000, "after min-off", r);
            r.CheckClean();
        }

        /// <summary>Three drain trips in an hour lock cooling out; heating goes on; MODE held 10 s clears it.</summary>
        public static void DrainTripsLockOutCoolingNotHeating()
        {
            Rig r = Cooling();
            for (int i = 0; i < 3; i++)
            {
                Check.That(r.RunUntil(Conditions.CompressorOn, 900000), "cooling starts", r);
                r.Run(5000);
                r.DrainOpen = true;
                r.Tick();
                r.DrainOpen = false;
            }

            r.Run(600000);
            Check.That(r.Controller.DrainLockedOut && !r.Out.Compressor, "cooling locked out after the third trip", r);
            Check.That(r.Controller.Hold == HoldReason.DrainLockout, "hold shown as the drain lockout", r);
            r.Set(HeatPump.Control.Settings.SettingId.Mode, (int)UserMode.Heat);
            r.IndoorC = 18f;
            r.OutdoorC = 5f;
            r.CoilC = 5f;
            Check.That(r.RunUntil(Conditions.CompressorOn, 900000) && r.ValveInHeating, "heating goes on", r);
            r.Set(HeatPump.Control.Settings.SettingId.Mode, (int)UserMode.Cool);
            r.IndoorC = 26f;
            r.OutdoorC = 30f;
            r.HoldModeToClearLockout();
            Check.That(!r.Controller.DrainLockedOut, "MODE held 10 s clears the drain lockout", r);
            Check.That(r.RunUntil(Conditions.ValveInCooling, 1200000), "the valve shifts to cooling", r);
            Check.That(r.RunUntil(Conditions.CompressorOn, 1200000), "cools again", r);
            r.CheckClean();
        }

        /// <summary>The drain switch open while heating changes nothing: a heat pump in heating makes no indoor condensate.</summary>
        public static void DrainSwitchIgnoredWhileHeating()
        {
            Rig r = CompressorScenarios.Heating();
            r.DrainOpen = true;
            Check.That(r.RunUntil(Conditions.CompressorOn, 400000), "heats with the drain switch open", r);
            r.Run(600000);
            Check.That(r.Out.Compressor && r.State == TopState.Heat, "still heating", r);
            r.CheckClean();
        }
    }
}
