using HeatPump.Control;
using HeatPump.Control.Settings;

namespace HeatPump.Scenarios
{
    /// <summary>Aux heat as a second stage, behind a balance point, through refrigerant faults and as emergency heat (docs/settings.md, docs/safety.md).</summary>
    public static class AuxScenarios
    {
        /// <summary>The room 1.2 K below setpoint for 5 min stages aux in beside the running compressor; it drops at setpoint − 0.5 K and the blower purges.</summary>
        public static void DroopStagesAuxAfterTheDelay()
        {
            Rig r = CompressorScenarios.Heating();
            r.OutdoorC = -10f;
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.IndoorC = 18.8f;
            r.Run(299000);
            Check.That(!r.Out.AuxHeat, "no aux before aux.delay is over", r);
            r.Run(2000);
            Check.That(r.Out.AuxHeat && r.Out.Compressor, "aux joins the running compressor", r);
            Check.That(r.Controller.AuxReason == AuxReason.Droop, "the reason is the droop", r);
            Check.That(r.Out.IndoorFanDuty >= 0.7f, "the blower at the aux minimum or more", r);
            r.IndoorC = 19.4f;
            r.Run(60000);
            Check.That(r.Out.AuxHeat, "still on 0.6 K below setpoint", r);
            r.IndoorC = 19.6f;
            r.Run(1000);
            Check.That(!r.Out.AuxHeat && r.Out.Compressor, "aux drops at setpoint − deadband; the compressor runs on", r);
            r.CheckClean();
        }

        /// <summary>A reading that flickers by one sensor step across the droop does not restart aux.delay: the room sat on the droop line for 5 min, and aux joins.</summary>
        public static void DroopDelayRidesOutASensorStep()
        {
            Rig r = NoFrostRig();
            r.RunUntil(Conditions.CompressorOn, 400000);
            for (int i = 0; i < 12 && !r.Out.AuxHeat; i++)
            {
                r.IndoorC = 18.95f;
                r.Run(15000);
                r.IndoorC = 19f;
                r.Run(15000);
            }

            Check.That(r.Out.AuxHeat && r.Controller.AuxReason == AuxReason.Droop, "aux within 6 min of the room reaching the droop", r);
            r.CheckClean();
        }

        /// <summary>A run that holds the room just inside the drop point is not a stall; one that holds it more than halfway to the droop is, after aux.stall-time, and aux then lifts it to the drop point without chattering.</summary>
        public static void StallCountsOnlyHalfwayToTheDroop()
        {
            Rig r = NoFrostRig();
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.IndoorC = 19.4f;
            Check.That(!r.RunUntil(Conditions.AuxOn, 65 * 60000L), "0.6 K below for longer than aux.stall-time: the compressor holds the room in its band, no aux", r);
            Check.Equal(0, r.Controller.DefrostCount, "one run, no defrost in it", r);
            r.IndoorC = 19.2f;
            Check.That(r.RunUntil(Conditions.AuxOn, 5000), "0.8 K below after an hour without gain: aux joins", r);
            Check.That(r.Controller.AuxReason == AuxReason.Droop, "the reason is the second stage", r);
            r.IndoorC = 19.45f;
            r.Run(600000);
            Check.That(r.Out.AuxHeat, "still on 0.55 K below setpoint", r);
            r.IndoorC = 19.55f;
            Check.That(r.RunUntil(Conditions.AuxOff, 5000) && r.Out.Compressor, "off at setpoint − 0.5 K; the compressor runs on", r);
            r.IndoorC = 19.4f;
            Check.That(!r.RunUntil(Conditions.AuxOn, 65 * 60000L), "and back at 0.6 K below it stays off", r);
            r.CheckClean();
        }

        /// <summary>A defrost pauses the stall clock, and the compressor winning back what the melt cost is gain, not a stall: aux waits a full aux.stall-time from the last gain.</summary>
        public static void DefrostRecoveryIsNotAStall()
        {
            Rig r = CompressorScenarios.Heating();
            r.OutdoorC = -10f;
            r.IndoorC = 19.3f;
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(40 * 60000L);
            r.DefrostRequest = true;
            r.Tick();
            Check.That(r.State == TopState.Defrost, "defrost after 40 min of run", r);
            r.RunUntil(Conditions.NotInDefrost, 1800000);
            r.IndoorC = 19.05f;
            r.Run(10 * 60000L);
            r.IndoorC = 19.2f;
            r.Tick();
            long gained = r.NowMs;
            Check.That(!r.RunUntil(Conditions.AuxOn, 55 * 60000L), "the melt cost 0.25 K, the compressor won 0.15 K of it back: no stall", r);
            Check.That(r.RunUntil(Conditions.AuxOn, 10 * 60000L), "a room held 0.8 K below still gets aux", r);
            Check.That(r.NowMs - gained >= 3600000, "a full stall time after its last gain", r);
            r.CheckClean();
        }

        /// <summary>A room more than the droop below setpoint that the compressor is bringing back in time (after a setpoint rise) is left to it; one it is not gaining on fast enough gets aux.</summary>
        public static void RecoveringRoomIsLeftToTheCompressor()
        {
            Rig r = NoFrostRig();
            r.RunUntil(Conditions.CompressorOn, 400000);
            StepRoomTo(r, 17.5f);
            r.RoomModel = true;
            r.RoomGainKPerMin = 2f / 60f;
            Check.That(!r.RunUntil(Conditions.AuxOn, 3600000), "gaining 2 K/h from 2.5 K below: no aux", r);
            Check.That(r.IndoorC > 19f, "the compressor brought the room back", r);
            r.RoomGainKPerMin = 0.5f / 60f;
            StepRoomTo(r, 17.5f);
            Check.That(r.RunUntil(Conditions.AuxOn, 400000), "gaining 0.5 K/h, over an hour from the band: aux after the delay", r);
            r.CheckClean();
        }

        /// <summary>The second stage joins the first: while the compressor waits out its power-up delay, a drooped room gets no aux; it joins once the compressor runs.</summary>
        public static void AuxWaitsForTheCompressorToStart()
        {
            Rig r = CompressorScenarios.Heating();
            r.Set(SettingId.AuxDelay, 0);
            r.OutdoorC = -10f;
            r.IndoorC = 18.5f;
            r.Run(120000);
            Check.That(!r.Out.Compressor && !r.Out.AuxHeat, "no strips while the compressor waits to start", r);
            r.RunUntil(Conditions.CompressorOn, 400000);
            Check.That(r.RunUntil(Conditions.AuxOn, 5000), "aux joins the running compressor", r);
            r.CheckClean();
        }

        /// <summary>A heating deadband wider than the droop: staged aux still drops at most half the droop below setpoint, so it does not switch every tick.</summary>
        public static void WideDeadbandDoesNotChatterAux()
        {
            Rig r = CompressorScenarios.Heating();
            r.Set(SettingId.HeatDeadband, 15);
            r.OutdoorC = -10f;
            r.IndoorC = 18f;
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.IndoorC = 18.8f;
            r.RunUntil(Conditions.AuxOn, 400000);
            Check.That(!r.RunUntil(Conditions.AuxOff, 600000), "1.2 K below: aux stays on", r);
            r.IndoorC = 19.6f;
            Check.That(r.RunUntil(Conditions.AuxOff, 5000), "and drops 0.5 K below setpoint", r);
            r.CheckClean();
        }

        /// <summary>Heating below a balance point raised to 10 °C at 5 °C outdoor, the coil above freezing: no defrost interrupts the run.</summary>
        private static Rig NoFrostRig()
        {
            Rig r = CompressorScenarios.Heating();
            r.Set(SettingId.AuxBalancePoint, 100);
            r.OutdoorC = 5f;
            r.CleanCoilDeltaT = 3f;
            return r;
        }

        /// <summary>Moves the room to <paramref name="targetC"/> in steps the indoor sensor's rate check accepts (under 1 K a tick).</summary>
        private static void StepRoomTo(Rig r, float targetC)
        {
            while (r.IndoorC - targetC > 0.5f || targetC - r.IndoorC > 0.5f)
            {
                r.IndoorC += r.IndoorC > targetC ? -0.5f : 0.5f;
                r.Tick();
            }

            r.IndoorC = targetC;
        }

        /// <summary>Above aux.balance-point the strips stay out however far the room droops: the compressor carries the house.</summary>
        public static void BalancePointKeepsAuxOut()
        {
            Rig r = CompressorScenarios.Heating();
            r.OutdoorC = 2f;
            r.IndoorC = 18f;
            r.Run(2 * 3600000L);
            Check.That(r.Out.Compressor, "heating by compressor", r);
            Check.That(!r.Out.AuxHeat && r.Controller.AuxReason == AuxReason.None, "no aux above the balance point", r);
            r.OutdoorC = -1f;
            Check.That(r.RunUntil(Conditions.AuxOn, 400000), "below it the droop brings aux in", r);
            r.CheckClean();
        }

        /// <summary>Emergency heat: aux and blower to the heating setpoint, the compressor and outdoor fan never started, a purge after each stop.</summary>
        public static void EmergencyHeatRunsAuxAlone()
        {
            Rig r = new Rig(UserMode.EmergencyHeat);
            r.OutdoorC = -8f;
            r.IndoorC = 19f;
            r.Run(1000);
            Check.That(r.Out.AuxHeat && r.Out.IndoorFanDuty >= 0.7f, "aux with its blower at once", r);
            Check.That(r.Controller.AuxReason == AuxReason.Emergency, "the reason is emergency heat", r);
            r.Run(3600000);
            Check.That(r.Referee.Total == 0 && !r.Out.Compressor && r.Out.OutdoorFanDuty <= 0f, "no outdoor unit", r);
            r.IndoorC = 20.6f;
            Check.That(r.RunUntil(Conditions.AuxOff, 120000), "aux off above setpoint + overrun", r);
            Check.That(r.Out.IndoorFanDuty >= 0.7f, "the blower purges the strips", r);
            r.Run(60000);
            Check.That(r.Out.IndoorFanDuty <= 0f, "and stops after aux.purge", r);
            Check.Equal(0, r.Controller.DefrostCount, "no defrost without a compressor", r);
            r.CheckClean();
        }

        /// <summary>A high-pressure lockout stops the compressor, not the strips: aux holds the room, and says why.</summary>
        public static void PressureLockoutLeavesAuxHeating()
        {
            Rig r = CompressorScenarios.Heating();
            r.OutdoorC = -8f;
            for (int i = 0; i < 3; i++)
            {
                r.RunUntil(Conditions.CompressorOn, 900000);
                r.Run(5000);
                r.HighPressureTripped = true;
                r.Tick();
                r.HighPressureTripped = false;
            }

            Check.That(r.Controller.LockedOut, "locked out after the third trip", r);
            r.Run(1000);
            Check.That(r.Out.AuxHeat && !r.Out.Compressor, "aux heats the room, 1 K below setpoint, through the lockout", r);
            Check.That(r.Controller.AuxReason == AuxReason.CompressorFault, "the reason is the compressor fault", r);
            r.IndoorC = 20.6f;
            Check.That(r.RunUntil(Conditions.AuxOff, 120000), "and stops above setpoint + overrun", r);
            Check.That(r.Controller.LockedOut, "still locked out", r);
            r.CheckClean();
        }
    }
}
