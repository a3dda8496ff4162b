namespace HeatPump.Scenarios
{
    /// <summary>A scenario's body: runs it, throwing <see cref="ScenarioFailedException"/> when an expectation fails.</summary>
    public delegate void ScenarioBody();

    /// <summary>
    /// Every state-machine scenario as one list of name-and-method rows, so a runner without
    /// reflection (nanoFramework's test runner on nanoCLR) and the desktop xunit theory run the same
    /// list. Tests check that every public scenario method is listed and that each row's name is the
    /// name of the method it runs.
    /// </summary>
    public static class ScenarioCatalog
    {
        private static readonly ScenarioRow[] Rows = new ScenarioRow[]
        {
            new ScenarioRow("Compressor.PowerUpWaitsMinOffPlusStagger", CompressorScenarios.PowerUpWaitsMinOffPlusStagger),
            new ScenarioRow("Compressor.HeatCallsBelowDeadbandStopsAboveOverrun", CompressorScenarios.HeatCallsBelowDeadbandStopsAboveOverrun),
            new ScenarioRow("Compressor.AntiShortCycleHoldsRestart", CompressorScenarios.AntiShortCycleHoldsRestart),
            new ScenarioRow("Compressor.MinimumRunHoldsCompressorOn", CompressorScenarios.MinimumRunHoldsCompressorOn),
            new ScenarioRow("Compressor.ModeOffCutsMinimumRunShort", CompressorScenarios.ModeOffCutsMinimumRunShort),
            new ScenarioRow("Compressor.StartsPerHourCapHoldsStarts", CompressorScenarios.StartsPerHourCapHoldsStarts),
            new ScenarioRow("Compressor.PowerUpStaggerSpreadsUnits", CompressorScenarios.PowerUpStaggerSpreadsUnits),
            new ScenarioRow("Mode.ChangeoverShiftsValveQuietly", ModeScenarios.ChangeoverShiftsValveQuietly),
            new ScenarioRow("Mode.ValvePolarityOAndB", ModeScenarios.ValvePolarityOAndB),
            new ScenarioRow("Mode.HeatIndoorFanDelayAndRunOn", ModeScenarios.HeatIndoorFanDelayAndRunOn),
            new ScenarioRow("Mode.CoolIndoorFanWithCompressor", ModeScenarios.CoolIndoorFanWithCompressor),
            new ScenarioRow("Mode.IndoorFanDutyByDuty", ModeScenarios.IndoorFanDutyByDuty),
            new ScenarioRow("Mode.LowAmbientLockoutHandsToAux", ModeScenarios.LowAmbientLockoutHandsToAux),
            new ScenarioRow("Mode.CoolingLockout", ModeScenarios.CoolingLockout),
            new ScenarioRow("Mode.AutoChangesOverThroughIdle", ModeScenarios.AutoChangesOverThroughIdle),
            new ScenarioRow("Mode.SingleFanMotorFollowsBothFans", ModeScenarios.SingleFanMotorFollowsBothFans),
            new ScenarioRow("Defrost.TimeTemperatureDefrostAfterInterval", DefrostScenarios.TimeTemperatureDefrostAfterInterval),
            new ScenarioRow("Defrost.TimeTemperatureThirtyMinutes", DefrostScenarios.TimeTemperatureThirtyMinutes),
            new ScenarioRow("Defrost.DefrostSequenceAndQuietShifts", DefrostScenarios.DefrostSequenceAndQuietShifts),
            new ScenarioRow("Defrost.DefrostEndsOnMaximumTime", DefrostScenarios.DefrostEndsOnMaximumTime),
            new ScenarioRow("Defrost.DemandDefrostFollowsFrost", DefrostScenarios.DemandDefrostFollowsFrost),
            new ScenarioRow("Defrost.DemandWaitsForBackstopWithoutFrost", DefrostScenarios.DemandWaitsForBackstopWithoutFrost),
            new ScenarioRow("Defrost.DemandRespectsMinimumInterval", DefrostScenarios.DemandRespectsMinimumInterval),
            new ScenarioRow("Defrost.DefrostAtSevenDegreesWithAFreezingCoil", DefrostScenarios.DefrostAtSevenDegreesWithAFreezingCoil),
            new ScenarioRow("Defrost.AirDefrostInMildAir", DefrostScenarios.AirDefrostInMildAir),
            new ScenarioRow("Defrost.AirDefrostHandsOverToTheReverseCycle", DefrostScenarios.AirDefrostHandsOverToTheReverseCycle),
            new ScenarioRow("Defrost.CoilSensorLostFallsBackToTime", DefrostScenarios.CoilSensorLostFallsBackToTime),
            new ScenarioRow("Defrost.OutdoorSensorLostUsesTimeTemperature", DefrostScenarios.OutdoorSensorLostUsesTimeTemperature),
            new ScenarioRow("Defrost.DefrostRestartsAreNotShortCycles", DefrostScenarios.DefrostRestartsAreNotShortCycles),
            new ScenarioRow("Fault.CoilCloseToTheAirNamesProbesOnlyInThreeRunsInARow", FaultScenarios.CoilCloseToTheAirNamesProbesOnlyInThreeRunsInARow),
            new ScenarioRow("Fault.IndoorSensorLostFaultsAndRecovers", FaultScenarios.IndoorSensorLostFaultsAndRecovers),
            new ScenarioRow("Fault.IndoorLostDuringDefrostFinishesIt", FaultScenarios.IndoorLostDuringDefrostFinishesIt),
            new ScenarioRow("Fault.HighPressureTripStopsAndRetries", FaultScenarios.HighPressureTripStopsAndRetries),
            new ScenarioRow("Fault.LowPressureBypassAtStart", FaultScenarios.LowPressureBypassAtStart),
            new ScenarioRow("Fault.ThreeTripsLockOutUntilReset", FaultScenarios.ThreeTripsLockOutUntilReset),
            new ScenarioRow("Fault.FaultRestsValveAfterQuietShift", FaultScenarios.FaultRestsValveAfterQuietShift),
            new ScenarioRow("Transition.CoolOffThenHeat", TransitionScenarios.CoolOffThenHeat),
            new ScenarioRow("Transition.CoolToHeatAfterMinimumRun", TransitionScenarios.CoolToHeatAfterMinimumRun),
            new ScenarioRow("Transition.ModeOffDuringDefrostFinishesIt", TransitionScenarios.ModeOffDuringDefrostFinishesIt),
            new ScenarioRow("Transition.IndoorLostWhileOff", TransitionScenarios.IndoorLostWhileOff),
            new ScenarioRow("Transition.HighPressureInCoolAndInDefrost", TransitionScenarios.HighPressureInCoolAndInDefrost),
            new ScenarioRow("Transition.CallSatisfiedWhileHeld", TransitionScenarios.CallSatisfiedWhileHeld),
            new ScenarioRow("Transition.LockoutStopsRunningCompressor", TransitionScenarios.LockoutStopsRunningCompressor),
            new ScenarioRow("Transition.CoolCallReturnsDuringRunOn", TransitionScenarios.CoolCallReturnsDuringRunOn),
            new ScenarioRow("Fault.OutputTestTripsLockOutUntilAcknowledged", FaultScenarios.OutputTestTripsLockOutUntilAcknowledged),
            new ScenarioRow("Fault.DrainSwitchStopsCoolingAndRetries", FaultScenarios.DrainSwitchStopsCoolingAndRetries),
            new ScenarioRow("Fault.DrainTripsLockOutCoolingNotHeating", FaultScenarios.DrainTripsLockOutCoolingNotHeating),
            new ScenarioRow("Fault.DrainSwitchIgnoredWhileHeating", FaultScenarios.DrainSwitchIgnoredWhileHeating),
            new ScenarioRow("Aux.DroopStagesAuxAfterTheDelay", AuxScenarios.DroopStagesAuxAfterTheDelay),
            new ScenarioRow("Aux.DroopDelayRidesOutASensorStep", AuxScenarios.DroopDelayRidesOutASensorStep),
            new ScenarioRow("Aux.StallCountsOnlyHalfwayToTheDroop", AuxScenarios.StallCountsOnlyHalfwayToTheDroop),
            new ScenarioRow("Aux.DefrostRecoveryIsNotAStall", AuxScenarios.DefrostRecoveryIsNotAStall),
            new ScenarioRow("Aux.RecoveringRoomIsLeftToTheCompressor", AuxScenarios.RecoveringRoomIsLeftToTheCompressor),
            new ScenarioRow("Aux.AuxWaitsForTheCompressorToStart", AuxScenarios.AuxWaitsForTheCompressorToStart),
            new ScenarioRow("Aux.WideDeadbandDoesNotChatterAux", AuxScenarios.WideDeadbandDoesNotChatterAux),
            new ScenarioRow("Aux.BalancePointKeepsAuxOut", AuxScenarios.BalancePointKeepsAuxOut),
            new ScenarioRow("Aux.EmergencyHeatRunsAuxAlone", AuxScenarios.EmergencyHeatRunsAuxAlone),
            new ScenarioRow("Aux.PressureLockoutLeavesAuxHeating", AuxScenarios.PressureLockoutLeavesAuxHeating),
        };

        /// <summary>Number of scenarios.</summary>
        public static int Count
        {
            get { return Rows.Length; }
        }

        /// <summary>Name of scenario <paramref name="index"/>, as Group.Method.</summary>
        public static string Name(int index)
        {
            return Rows[index].Name;
        }

        /// <summary>The method scenario <paramref name="index"/> runs.</summary>
        public static ScenarioBody Body(int index)
        {
            return Rows[index].Body;
        }

        /// <summary>Runs scenario <paramref name="index"/>; throws <see cref="ScenarioFailedException"/> when an expectation fails.</summary>
        public static void Run(int index)
        {
            if (index < 0 || index >= Rows.Length)
            {
                throw new ScenarioFailedException("no scenario " + index.ToString());
            }

            Rows[index].Body();
        }

        private sealed class ScenarioRow
        {
            public readonly string Name;
            public readonly ScenarioBody Body;

            public ScenarioRow(string name, ScenarioBody body)
            {
                Name = name;
                Body = body;
            }
        }
    }
}
