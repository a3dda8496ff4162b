using HeatPump.Control;
using HeatPump.Control.Settings;

namespace HeatPump.Scenarios
{
    /// <summary>The remaining rows of the transition table, each as a user would cause it.</summary>
    public static class TransitionScenarios
    {
        private static Rig CoolingRunning()
        {
            Rig r = new Rig(UserMode.Cool);
            r.IndoorC = 26f;
            r.OutdoorC = 30f;
            r.RunUntil(Conditions.CompressorOn, 600000);
            return r;
        }

        /// <summary>Cool → Off at once on mode Off; Off → Heat on mode Heat.</summary>
        public static void CoolOffThenHeat()
        {
            Rig r = CoolingRunning();
            r.Run(30000);
            r.Set(SettingId.Mode, (int)UserMode.Off);
            r.Tick();
            Check.That(r.State == TopState.Off && !r.Out.Compressor, "Off stops cooling at once", r);
            r.CheckClean();
        }

        /// <summary>Cool → Heat on mode Heat after the minimum run, through idle.</summary>
        public static void CoolToHeatAfterMinimumRun()
        {
            Rig r = CoolingRunning();
            long start = r.LastStartMs;
            r.Set(SettingId.Mode, (int)UserMode.Heat);
            r.IndoorC = 19f;
            r.OutdoorC = 15f;
            Check.That(r.RunUntil(Conditions.InHeat, 600000), "Heat", r);
            Check.Equal(start + 180000, r.LastStopMs, "cooling ran its minimum first", r);
            Check.That(r.RunUntil(Conditions.CompressorOn, 600000) && r.ValveInHeating, "then heats", r);
            r.CheckClean();
        }

        /// <summary>Mode Off during a defrost lets the defrost finish, then Off without a restart.</summary>
        public static void ModeOffDuringDefrostFinishesIt()
        {
            Rig r = DefrostScenarios.FrostingRig(4f);
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(1800000);
            r.DefrostRequest = true;
            r.RunUntil(Conditions.Melting, 120000);
            r.Set(SettingId.Mode, (int)UserMode.Off);
            r.Run(20000);
            Check.That(r.State == TopState.Defrost && r.Out.Compressor, "the defrost continues", r);
            Check.That(r.RunUntil(Conditions.NotInDefrost, 900000), "and ends", r);
            Check.That(r.State == TopState.Off, "then Off", r);
            Check.That(r.ValveInHeating, "with the valve back in heating", r);
            r.Run(600000);
            Check.That(!r.Out.Compressor, "no restart in Off", r);
            r.CheckClean();
        }

        /// <summary>An indoor sensor lost while Off is still shown as a fault.</summary>
        public static void IndoorLostWhileOff()
        {
            Rig r = new Rig(UserMode.Off);
            r.Run(60000);
            r.IndoorStatus = HeatPump.Control.Sensors.SampleStatus.NoResponse;
            Check.That(r.RunUntil(Conditions.InFault, 60000), "Fault while Off", r);
            Check.That(r.Controller.Fault == FaultKind.IndoorSensor, "indoor sensor fault", r);
            r.CheckClean();
        }

        /// <summary>A high-pressure trip while cooling, and one during a defrost, stop the compressor at once.</summary>
        public static void HighPressureInCoolAndInDefrost()
        {
            Rig r = CoolingRunning();
            r.HighPressureTripped = true;
            r.Tick();
            Check.That(r.State == TopState.Fault && !r.Out.Compressor, "Cool → Fault", r);
            r.CheckClean();

            Rig d = DefrostScenarios.FrostingRig(4f);
            d.RunUntil(Conditions.CompressorOn, 400000);
            d.Run(600000);
            d.DefrostRequest = true;
            d.RunUntil(Conditions.Melting, 120000);
            d.HighPressureTripped = true;
            d.Tick();
            Check.That(d.State == TopState.Fault && !d.Out.Compressor, "Defrost → Fault", d);
            Check.That(d.Controller.LastDefrostEnd == DefrostEnd.Aborted, "the defrost counts as aborted", d);
            d.CheckClean();
        }

        /// <summary>A call that is satisfied while its start is held goes back to idle (or to the run-on if the fan still runs).</summary>
        public static void CallSatisfiedWhileHeld()
        {
            Rig r = CompressorScenarios.Heating();
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(200000);
            r.IndoorC = 21f;
            r.RunUntil(Conditions.CompressorOff, 30000);
            r.IndoorC = 19f;
            r.Run(5000);
            Check.That(r.Sub == SubState.Starting && r.Out.IndoorFanDuty > 0f, "held, fan running on", r);
            r.IndoorC = 21f;
            r.Run(5000);
            Check.That(r.Sub == SubState.Purging, "satisfied during the run-on: Purging", r);
            r.Run(60000);
            Check.That(r.Sub == SubState.Idle, "then Idle", r);
            r.IndoorC = 19f;
            r.Run(5000);
            Check.That(r.Sub == SubState.Starting, "held again", r);
            r.IndoorC = 21f;
            r.Run(5000);
            Check.That(r.Sub == SubState.Idle, "satisfied while held: Idle", r);
            r.CheckClean();
        }

        /// <summary>The outdoor temperature falling through a lockout stops a running compressor.</summary>
        public static void LockoutStopsRunningCompressor()
        {
            Rig r = CompressorScenarios.Heating();
            r.OutdoorC = -12f;
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(30000);
            for (int i = 0; i < 30 && r.OutdoorC > -30f; i++)
            {
                r.OutdoorC -= 1f;
                r.Run(15000);
            }

            Check.That(!r.Out.Compressor && r.Sub == SubState.Starting, "heating stopped by the low-ambient lockout", r);
            Check.That(r.Out.AuxHeat, "aux takes over", r);
            r.CheckClean();

            Rig c = CoolingRunning();
            c.Run(30000);
            for (int i = 0; i < 30 && c.OutdoorC > 8f; i++)
            {
                c.OutdoorC -= 1f;
                c.Run(15000);
            }

            Check.That(!c.Out.Compressor && c.Sub == SubState.Starting, "cooling stopped by the cooling lockout", c);
            c.CheckClean();
        }

        /// <summary>Cooling: a call that returns during the run-on goes back to Starting; one satisfied while held to Idle.</summary>
        public static void CoolCallReturnsDuringRunOn()
        {
            Rig r = CoolingRunning();
            r.Run(200000);
            r.IndoorC = 23f;
            r.RunUntil(Conditions.CompressorOff, 30000);
            r.Run(5000);
            Check.That(r.Sub == SubState.Purging, "Purging", r);
            r.IndoorC = 24.7f;
            r.Run(10000);
            Check.That(r.Sub == SubState.Starting, "call returns: Starting", r);
            r.IndoorC = 23f;
            r.Run(10000);
            Check.That(r.Sub == SubState.Purging, "satisfied again during the run-on: Purging", r);
            r.Run(60000);
            r.IndoorC = 24.7f;
            r.Run(10000);
            Check.That(r.Sub == SubState.Starting, "held again", r);
            r.IndoorC = 23f;
            r.Run(10000);
            Check.That(r.Sub == SubState.Idle, "satisfied while held: Idle", r);
            r.CheckClean();
        }
    }
}
