using HeatPump.Control;
using HeatPump.Control.Settings;

namespace HeatPump.Scenarios
{
    /// <summary>Valve, fans, lockouts and Auto (docs/settings.md, docs/safety.md I2, I6).</summary>
    public static class ModeScenarios
    {
        /// <summary>Heat → Cool: the run finishes its minimum, the valve shifts ≥ 30 s after the stop, cooling starts after min-off.</summary>
        public static void ChangeoverShiftsValveQuietly()
        {
            Rig r = CompressorScenarios.Heating();
            r.OutdoorC = 20f;
            r.RunUntil(Conditions.CompressorOn, 400000);
            long start = r.LastStartMs;
            r.Set(SettingId.Mode, (int)UserMode.Cool);
            r.IndoorC = 26f;
            r.RunUntil(Conditions.CompressorOff, 600000);
            Check.Equal(start + 180000, r.LastStopMs, "heat run completes its minimum before the changeover", r);
            long stop = r.LastStopMs;
            Check.That(r.RunUntil(Conditions.ValveInCooling, 600000), "valve shifts to cooling", r);
            Check.That(r.NowMs >= stop + 30000, "valve waited the quiet-shift time", r);
            Check.That(r.RunUntil(Conditions.CompressorOn, 600000), "cooling starts", r);
            Check.That(r.LastStartMs >= stop + 300000, "cooling start waited min-off", r);
            Check.That(r.State == TopState.Cool, "state Cool", r);
            r.CheckClean();
        }

        /// <summary>O polarity energises the valve in cooling; B polarity in heating.</summary>
        public static void ValvePolarityOAndB()
        {
            Rig o = CompressorScenarios.Heating();
            o.RunUntil(Conditions.CompressorOn, 400000);
            Check.That(!o.Out.ValveEnergised, "O: heating with the solenoid de-energised", o);
            Rig b = CompressorScenarios.Heating();
            b.Set(SettingId.ValvePolarity, 1);
            b.RunUntil(Conditions.CompressorOn, 400000);
            Check.That(b.Out.ValveEnergised, "B: heating with the solenoid energised", b);
            b.CheckClean();
            o.CheckClean();
        }

        /// <summary>In heat the indoor fan starts 30 s after the compressor and runs on 60 s after it stops.</summary>
        public static void HeatIndoorFanDelayAndRunOn()
        {
            Rig r = CompressorScenarios.Heating();
            r.RunUntil(Conditions.CompressorOn, 400000);
            long start = r.LastStartMs;
            Check.That(r.Out.IndoorFanDuty <= 0f, "no cold blow at start", r);
            Check.That(r.Out.OutdoorFanDuty > 0f, "outdoor fan with the compressor", r);
            r.RunUntil(Conditions.IndoorFanOn, 60000);
            Check.Equal(start + 30000, r.NowMs, "indoor fan 30 s after the compressor", r);
            r.Run(200000);
            r.IndoorC = 21f;
            r.RunUntil(Conditions.CompressorOff, 60000);
            long stop = r.LastStopMs;
            Check.That(r.Out.OutdoorFanDuty <= 0f, "outdoor fan stops with the compressor", r);
            r.RunUntil(Conditions.IndoorFanOff, 120000);
            Check.Equal(stop + 60000, r.NowMs, "indoor fan runs on 60 s", r);
            r.CheckClean();
        }

        /// <summary>In cool the indoor fan runs with the compressor and 60 s after.</summary>
        public static void CoolIndoorFanWithCompressor()
        {
            Rig r = new Rig(UserMode.Cool);
            r.IndoorC = 26f;
            r.OutdoorC = 30f;
            r.RunUntil(Conditions.CompressorOn, 600000);
            Check.That(r.Out.IndoorFanDuty > 0f, "indoor fan with the compressor", r);
            Check.That(!r.ValveInHeating, "valve in cooling", r);
            r.Run(200000);
            r.IndoorC = 23f;
            r.RunUntil(Conditions.CompressorOff, 60000);
            long stop = r.LastStopMs;
            r.RunUntil(Conditions.IndoorFanOff, 120000);
            Check.Equal(stop + 60000, r.NowMs, "indoor fan runs on 60 s", r);
            r.CheckClean();
        }

        /// <summary>With the compressor the fan gives its rated airflow; aux-only heat follows the demand; run-on is gentle.</summary>
        public static void IndoorFanDutyByDuty()
        {
            Rig r = CompressorScenarios.Heating();
            r.IndoorC = 19.4f;
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(31000);
            Check.That(r.Out.IndoorFanDuty > 0.99f, "full duty with the compressor, even near setpoint", r);
            r.IndoorC = 21f;
            r.RunUntil(Conditions.CompressorOff, 300000);
            Check.That(r.Out.IndoorFanDuty > 0.39f && r.Out.IndoorFanDuty < 0.41f, "run-on at the 40 % minimum", r);
            r.CheckClean();

            Rig a = CompressorScenarios.Heating();
            a.OutdoorC = -30f;
            a.IndoorC = 18f;
            a.Run(10000);
            Check.That(a.Out.AuxHeat && a.Out.IndoorFanDuty > 0.99f, "aux with full airflow 2 K below setpoint", a);
            a.IndoorC = 19.4f;
            a.Run(20000);
            Check.That(a.Out.IndoorFanDuty > 0.69f && a.Out.IndoorFanDuty < 0.71f, "aux near setpoint with the blower at its 70 % aux minimum, not below", a);
            a.CheckClean();
        }

        /// <summary>Below the −25 °C default lockout the compressor does not heat (aux does); it resumes above −24 °C.</summary>
        public static void LowAmbientLockoutHandsToAux()
        {
            Rig r = CompressorScenarios.Heating();
            r.OutdoorC = -30f;
            r.Run(400000);
            Check.That(!r.Out.Compressor, "no compressor heating at −30 °C", r);
            Check.That(r.Out.AuxHeat && r.Out.IndoorFanDuty > 0f, "aux heat with the fan carries the load", r);
            Check.That(r.Controller.Hold == HoldReason.HeatLockout, "hold shown as heat lockout", r);
            r.OutdoorC = -24.5f;
            r.Run(60000);
            Check.That(!r.Out.Compressor, "still locked inside the 1 K hysteresis", r);
            r.OutdoorC = -23.5f;
            Check.That(r.RunUntil(Conditions.CompressorOn, 60000), "heats again above −24 °C", r);
            Check.That(!r.Out.AuxHeat, "aux off with the compressor running", r);
            r.CheckClean();
        }

        /// <summary>Below +12 °C outdoor there is no cooling.</summary>
        public static void CoolingLockout()
        {
            Rig r = new Rig(UserMode.Cool);
            r.IndoorC = 26f;
            r.OutdoorC = 10f;
            r.Run(400000);
            Check.That(!r.Out.Compressor, "no cooling at 10 °C outdoor", r);
            Check.That(r.Controller.Hold == HoldReason.CoolLockout, "hold shown as cooling lockout", r);
            r.OutdoorC = 14f;
            Check.That(r.RunUntil(Conditions.CompressorOn, 60000), "cools at 14 °C outdoor", r);
            r.CheckClean();
        }

        /// <summary>Auto heats below the heating band and changes over to cooling only through idle.</summary>
        public static void AutoChangesOverThroughIdle()
        {
            Rig r = new Rig(UserMode.Auto);
            r.IndoorC = 19f;
            r.OutdoorC = 15f;
            r.RunUntil(Conditions.CompressorOn, 400000);
            Check.That(r.State == TopState.Heat && r.ValveInHeating, "Auto heats at 19 °C", r);
            r.IndoorC = 25f;
            Check.That(r.RunUntil(Conditions.InCool, 600000), "Auto changes over to Cool", r);
            Check.That(!r.Out.Compressor, "through idle: compressor stopped at the changeover", r);
            long stop = r.LastStopMs;
            r.RunUntil(Conditions.CompressorOn, 600000);
            Check.That(!r.ValveInHeating, "cooling", r);
            Check.That(r.LastStartMs >= stop + 300000, "after min-off", r);
            r.CheckClean();
        }

        /// <summary>A window unit's single fan motor runs for either fan, and never in a defrost.</summary>
        public static void SingleFanMotorFollowsBothFans()
        {
            Rig r = CompressorScenarios.Heating();
            r.Set(SettingId.SingleFanMotor, 1);
            r.OutdoorC = 0f;
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(1000);
            Check.That(r.Out.IndoorFanDuty > 0f && r.Out.IndoorFanDuty == r.Out.OutdoorFanDuty, "one motor: both outputs equal", r);
            r.DefrostRequest = true;
            r.RunUntil(Conditions.Melting, 120000);
            r.Run(1000);
            Check.That(r.Out.IndoorFanDuty <= 0f && r.Out.OutdoorFanDuty <= 0f, "motor off in defrost", r);
            r.CheckClean();
        }
    }
}
