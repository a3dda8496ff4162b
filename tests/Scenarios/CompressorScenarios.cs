using HeatPump.Control;
using HeatPump.Control.Settings;

namespace HeatPump.Scenarios
{
    /// <summary>Thermostat cycle, anti-short-cycle, minimum run, starts per hour and power-up (docs/settings.md, docs/safety.md I1, I7).</summary>
    public static class CompressorScenarios
    {
        /// <summary>A heating rig at power-up with the room 1 K below the 20 °C setpoint.</summary>
        public static Rig Heating()
        {
            Rig r = new Rig(UserMode.Heat);
            r.IndoorC = 19f;
            return r;
        }

        /// <summary>After power-up the compressor waits min-off plus the unit's stagger, and says so.</summary>
        public static void PowerUpWaitsMinOffPlusStagger()
        {
            Rig r = Heating();
            long expected = 300000 + r.Core.StaggerMs;
            Check.Between(0, 60000, r.Core.StaggerMs, "stagger within 0..60 s", r);
            r.Run(100000);
            Check.That(!r.Out.Compressor, "no start during the power-up delay", r);
            Check.That(r.Controller.Hold == HoldReason.PowerUpDelay, "hold shown as power-up delay", r);
            Check.Equal(expected, r.Controller.HoldUntilMs, "hold ends at min-off + stagger", r);
            Check.That(r.RunUntil(Conditions.CompressorOn, 400000), "compressor starts", r);
            Check.Equal(expected, r.LastStartMs, "start time", r);
            r.CheckClean();
        }

        /// <summary>Heat calls below SP − 0.5 K and is satisfied above SP + 0.5 K.</summary>
        public static void HeatCallsBelowDeadbandStopsAboveOverrun()
        {
            Rig r = Heating();
            r.IndoorC = 19.6f;
            r.Run(400000);
            Check.That(!r.Out.Compressor, "no call at 19.6 °C (SP 20 − 0.5 = 19.5)", r);
            r.IndoorC = 19.4f;
            r.Run(2000);
            Check.That(r.Out.Compressor, "call at 19.4 °C", r);
            r.RoomModel = true;
            Check.That(r.RunUntil(Conditions.CompressorOff, 3600000), "heating ends", r);
            Check.That(r.IndoorC > 20.5f && r.IndoorC < 20.6f, "stops just above SP + 0.5 K", r);
            Check.That(r.RunUntil(Conditions.CompressorOn, 3600000), "heating resumes", r);
            Check.That(r.IndoorC < 19.5f && r.IndoorC > 19.4f, "restarts just below SP − 0.5 K", r);
            r.CheckClean();
        }

        /// <summary>A new call soon after a stop waits out the 300 s minimum off time, showing the countdown.</summary>
        public static void AntiShortCycleHoldsRestart()
        {
            Rig r = Heating();
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(200000);
            r.IndoorC = 21f;
            r.RunUntil(Conditions.CompressorOff, 60000);
            long stop = r.LastStopMs;
            r.IndoorC = 19f;
            r.Run(10000);
            Check.That(!r.Out.Compressor, "held after the stop", r);
            Check.That(r.Controller.Hold == HoldReason.AntiShortCycle, "hold shown as anti-short-cycle", r);
            Check.Equal(stop + 300000, r.Controller.HoldUntilMs, "countdown ends 300 s after the stop", r);
            r.RunUntil(Conditions.CompressorOn, 400000);
            Check.Equal(stop + 300000, r.LastStartMs, "restart exactly at min-off", r);
            r.CheckClean();
        }

        /// <summary>A satisfied call does not stop the compressor before its 180 s minimum run.</summary>
        public static void MinimumRunHoldsCompressorOn()
        {
            Rig r = Heating();
            r.RunUntil(Conditions.CompressorOn, 400000);
            long start = r.LastStartMs;
            r.IndoorC = 22f;
            r.RunUntil(Conditions.CompressorOff, 600000);
            Check.Equal(start + 180000, r.LastStopMs, "stops at the minimum run", r);
            r.CheckClean();
        }

        /// <summary>Mode Off stops the compressor at once, even inside the minimum run; min-off still applies after.</summary>
        public static void ModeOffCutsMinimumRunShort()
        {
            Rig r = Heating();
            r.RunUntil(Conditions.CompressorOn, 400000);
            r.Run(30000);
            r.Set(SettingId.Mode, (int)UserMode.Off);
            r.Run(1000);
            Check.That(!r.Out.Compressor, "Off stops at once", r);
            Check.That(r.State == TopState.Off, "state Off", r);
            long stop = r.LastStopMs;
            r.Set(SettingId.Mode, (int)UserMode.Heat);
            r.RunUntil(Conditions.CompressorOn, 600000);
            Check.That(r.LastStartMs >= stop + 300000, "restart waits min-off after the cut", r);
            r.CheckClean();
        }

        /// <summary>With short cycles the starts-per-hour cap holds the fourth start of the hour, and says so.</summary>
        public static void StartsPerHourCapHoldsStarts()
        {
            Rig r = Heating();
            r.Set(SettingId.MinOffTime, 180);
            r.Set(SettingId.MinRunTime, 60);
            r.Set(SettingId.MaxStartsPerHour, 3);
            long firstStart = -1;
            bool sawCapHold = false;
            while (r.NowMs < 2 * 3600000L)
            {
                r.IndoorC = r.Out.Compressor ? 21f : 19f;
                r.Tick();
                if (firstStart < 0 && r.Out.Compressor)
                {
                    firstStart = r.NowMs;
                }

                if (r.Controller.Hold == HoldReason.StartsPerHour)
                {
                    sawCapHold = true;
                }

                if (r.Starts == 4)
                {
                    break;
                }
            }

            Check.Equal(4, r.Starts, "a fourth start happens", r);
            Check.That(r.LastStartMs >= firstStart + 3600000, "not within the hour of the first", r);
            Check.That(sawCapHold, "the panel was told the starts cap held it", r);
            r.CheckClean();
        }

        /// <summary>Units differ in power-up stagger (it comes from the chip id), always within 0..max.</summary>
        public static void PowerUpStaggerSpreadsUnits()
        {
            Rig r = Heating();
            long a = ControlCore.StaggerFromSeed(1, 60);
            long b = ControlCore.StaggerFromSeed(2, 60);
            long c = ControlCore.StaggerFromSeed(3, 60);
            Check.That(a != b || b != c, "different chip ids give different delays", r);
            for (uint seed = 0; seed < 500; seed++)
            {
                Check.Between(0, 60000, ControlCore.StaggerFromSeed(seed * 7919u, 60), "stagger range", r);
            }
        }
    }
}
