namespace HeatPump.Scenarios
{
    /// <summary>
    /// Every state-machine scenario by index, so a runner without reflection (nanoFramework's test
    /// runner on nanoCLR) and the desktop xunit theory run the same list. A test checks that every
    /// public scenario method is listed here.
    /// </summary>
    public static class ScenarioCatalog
    {
        private static readonly string[] Names = new string[]
        {
            "Compressor.PowerUpWaitsMinOffPlusStagger",
            "Compressor.HeatCallsBelowDeadbandStopsAboveOverrun",
            "Compressor.AntiShortCycleHoldsRestart",
            "Compressor.MinimumRunHoldsCompressorOn",
            "Compressor.ModeOffCutsMinimumRunShort",
            "Compressor.StartsPerHourCapHoldsStarts",
            "Compressor.PowerUpStaggerSpreadsUnits",
            "Mode.ChangeoverShiftsValveQuietly",
            "Mode.ValvePolarityOAndB",
            "Mode.HeatIndoorFanDelayAndRunOn",
            "Mode.CoolIndoorFanWithCompressor",
            "Mode.IndoorFanDutyByDuty",
            "Mode.LowAmbientLockoutHandsToAux",
            "Mode.CoolingLockout",
            "Mode.AutoChangesOverThroughIdle",
            "Mode.SingleFanMotorFollowsBothFans",
            "Defrost.TimeTemperatureDefrostAfterInterval",
            "Defrost.TimeTemperatureThirtyMinutes",
            "Defrost.DefrostSequenceAndQuietShifts",
            "Defrost.DefrostEndsOnMaximumTime",
            "Defrost.DemandDefrostFollowsFrost",
            "Defrost.DemandWaitsForBackstopWithoutFrost",
            "Defrost.DemandRespectsMinimumInterval",
            "Defrost.DefrostAtSevenDegreesWithAFreezingCoil",
            "Defrost.CoilSensorLostFallsBackToTime",
            "Defrost.OutdoorSensorLostUsesTimeTemperature",
            "Defrost.DefrostRestartsAreNotShortCycles",
            "Fault.IndoorSensorLostFaultsAndRecovers",
            "Fault.IndoorLostDuringDefrostFinishesIt",
            "Fault.HighPressureTripStopsAndRetries",
            "Fault.LowPressureBypassAtStart",
            "Fault.ThreeTripsLockOutUntilReset",
            "Fault.FaultRestsValveAfterQuietShift",
            "Transition.CoolOffThenHeat",
            "Transition.CoolToHeatAfterMinimumRun",
            "Transition.ModeOffDuringDefrostFinishesIt",
            "Transition.IndoorLostWhileOff",
            "Transition.HighPressureInCoolAndInDefrost",
            "Transition.CallSatisfiedWhileHeld",
            "Transition.LockoutStopsRunningCompressor",
            "Transition.CoolCallReturnsDuringRunOn",
            "Fault.BenchTripsLockOutUntilAcknowledged",
            "Fault.DrainSwitchStopsCoolingAndRetries",
            "Fault.DrainTripsLockOutCoolingNotHeating",
            "Fault.DrainSwitchIgnoredWhileHeating",
            "Aux.DroopStagesAuxAfterTheDelay",
            "Aux.BalancePointKeepsAuxOut",
            "Aux.EmergencyHeatRunsAuxAlone",
            "Aux.PressureLockoutLeavesAuxHeating",
        };

        /// <summary>Number of scenarios.</summary>
        public static int Count
        {
            get { return Names.Length; }
        }

        /// <summary>Name of scenario <paramref name="index"/>, as Group.Method.</summary>
        public static string Name(int index)
        {
            return Names[index];
        }

        /// <summary>Runs scenario <paramref name="index"/>; throws <see cref="ScenarioFailedException"/> when an expectation fails.</summary>
        public static void Run(int index)
        {
            switch (index)
            {
                case 0:
                    CompressorScenarios.PowerUpWaitsMinOffPlusStagger();
                    return;
                case 1:
                    CompressorScenarios.HeatCallsBelowDeadbandStopsAboveOverrun();
                    return;
                case 2:
                    CompressorScenarios.AntiShortCycleHoldsRestart();
                    return;
                case 3:
                    CompressorScenarios.MinimumRunHoldsCompressorOn();
                    return;
                case 4:
                    CompressorScenarios.ModeOffCutsMinimumRunShort();
                    return;
                case 5:
                    CompressorScenarios.StartsPerHourCapHoldsStarts();
                    return;
                case 6:
                    CompressorScenarios.PowerUpStaggerSpreadsUnits();
                    return;
                case 7:
                    ModeScenarios.ChangeoverShiftsValveQuietly();
                    return;
                case 8:
                    ModeScenarios.ValvePolarityOAndB();
                    return;
                case 9:
                    ModeScenarios.HeatIndoorFanDelayAndRunOn();
                    return;
                case 10:
                    ModeScenarios.CoolIndoorFanWithCompressor();
                    return;
                case 11:
                    ModeScenarios.IndoorFanDutyByDuty();
                    return;
                case 12:
                    ModeScenarios.LowAmbientLockoutHandsToAux();
                    return;
                case 13:
                    ModeScenarios.CoolingLockout();
                    return;
                case 14:
                    ModeScenarios.AutoChangesOverThroughIdle();
                    return;
                case 15:
                    ModeScenarios.SingleFanMotorFollowsBothFans();
                    return;
                case 16:
                    DefrostScenarios.TimeTemperatureDefrostAfterInterval();
                    return;
                case 17:
                    DefrostScenarios.TimeTemperatureThirtyMinutes();
                    return;
                case 18:
                    DefrostScenarios.DefrostSequenceAndQuietShifts();
                    return;
                case 19:
                    DefrostScenarios.DefrostEndsOnMaximumTime();
                    return;
                case 20:
                    DefrostScenarios.DemandDefrostFollowsFrost();
                    return;
                case 21:
                    DefrostScenarios.DemandWaitsForBackstopWithoutFrost();
                    return;
                case 22:
                    DefrostScenarios.DemandRespectsMinimumInterval();
                    return;
                case 23:
                    DefrostScenarios.DefrostAtSevenDegreesWithAFreezingCoil();
                    return;
                case 24:
                    DefrostScenarios.CoilSensorLostFallsBackToTime();
                    return;
                case 25:
                    DefrostScenarios.OutdoorSensorLostUsesTimeTemperature();
                    return;
                case 26:
                    DefrostScenarios.DefrostRestartsAreNotShortCycles();
                    return;
                case 27:
                    FaultScenarios.IndoorSensorLostFaultsAndRecovers();
                    return;
                case 28:
                    FaultScenarios.IndoorLostDuringDefrostFinishesIt();
                    return;
                case 29:
                    FaultScenarios.HighPressureTripStopsAndRetries();
                    return;
                case 30:
                    FaultScenarios.LowPressureBypassAtStart();
                    return;
                case 31:
                    FaultScenarios.ThreeTripsLockOutUntilReset();
                    return;
                case 32:
                    FaultScenarios.FaultRestsValveAfterQuietShift();
                    return;
                case 33:
                    TransitionScenarios.CoolOffThenHeat();
                    return;
                case 34:
                    TransitionScenarios.CoolToHeatAfterMinimumRun();
                    return;
                case 35:
                    TransitionScenarios.ModeOffDuringDefrostFinishesIt();
                    return;
                case 36:
                    TransitionScenarios.IndoorLostWhileOff();
                    return;
                case 37:
                    TransitionScenarios.HighPressureInCoolAndInDefrost();
                    return;
                case 38:
                    TransitionScenarios.CallSatisfiedWhileHeld();
                    return;
                case 39:
                    TransitionScenarios.LockoutStopsRunningCompressor();
                    return;
                case 40:
                    TransitionScenarios.CoolCallReturnsDuringRunOn();
                    return;
                case 41:
                    FaultScenarios.BenchTripsLockOutUntilAcknowledged();
                    return;
                case 42:
                    FaultScenarios.DrainSwitchStopsCoolingAndRetries();
                    return;
                case 43:
                    FaultScenarios.DrainTripsLockOutCoolingNotHeating();
                    return;
                case 44:
                    FaultScenarios.DrainSwitchIgnoredWhileHeating();
                    return;
                case 45:
                    AuxScenarios.DroopStagesAuxAfterTheDelay();
                    return;
                case 46:
                    AuxScenarios.BalancePointKeepsAuxOut();
                    return;
                case 47:
                    AuxScenarios.EmergencyHeatRunsAuxAlone();
                    return;
                case 48:
                    AuxScenarios.PressureLockoutLeavesAuxHeating();
                    return;
                default:
                    throw new ScenarioFailedException("no scenario " + index.ToString());
            }
        }
    }
}
