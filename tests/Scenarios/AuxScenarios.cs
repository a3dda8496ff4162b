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
