namespace HeatPump.Control.Settings
{
    /// <summary>
    /// Every persisted, user-adjustable value. The numeric value is the position of the value in
    /// the binary settings record: append new settings at the end and bump
    /// the settings record format version; never reorder.
    /// </summary>
    public enum SettingId
    {
        /// <summary>User mode: 0 Off, 1 Heat, 2 Cool, 3 Auto (see <see cref="UserMode"/>).</summary>
        Mode = 0,
        /// <summary>Heating setpoint, 0.1 °C.</summary>
        HeatSetpoint,
        /// <summary>Cooling setpoint, 0.1 °C.</summary>
        CoolSetpoint,
        /// <summary>Display units: 0 °C, 1 °F.</summary>
        DisplayUnits,
        /// <summary>Heat call below setpoint minus this, 0.1 K.</summary>
        HeatDeadband,
        /// <summary>Heat satisfied above setpoint plus this, 0.1 K.</summary>
        HeatOverrun,
        /// <summary>Cool call above setpoint plus this, 0.1 K.</summary>
        CoolDeadband,
        /// <summary>Cool satisfied below setpoint minus this, 0.1 K.</summary>
        CoolOverrun,
        /// <summary>Smallest gap between heat and cool setpoints in Auto, 0.1 K.</summary>
        AutoMinGap,
        /// <summary>Minimum compressor off time (anti-short-cycle), s.</summary>
        MinOffTime,
        /// <summary>Minimum compressor run time, s.</summary>
        MinRunTime,
        /// <summary>Maximum compressor starts in any 60 minutes.</summary>
        MaxStartsPerHour,
        /// <summary>Upper bound of the random power-up stagger added to min-off, s.</summary>
        PowerUpStaggerMax,
        /// <summary>Compressor off time before the reversing valve may change, s.</summary>
        QuietShiftTime,
        /// <summary>Reversing valve polarity: 0 O (energised in cool), 1 B (energised in heat).</summary>
        ValvePolarity,
        /// <summary>Indoor fan start delay after the compressor starts in heat, s.</summary>
        IndoorFanHeatDelay,
        /// <summary>Indoor fan run-on after the compressor stops, s.</summary>
        IndoorFanRunOn,
        /// <summary>Indoor fan minimum PWM duty while running, %.</summary>
        IndoorFanMinDuty,
        /// <summary>Indoor fan maximum PWM duty, %.</summary>
        IndoorFanMaxDuty,
        /// <summary>Indoor fan runs continuously at minimum duty when not heating or cooling: 0 no, 1 yes.</summary>
        IndoorFanContinuous,
        /// <summary>Outdoor fan PWM duty while running, %.</summary>
        OutdoorFanDuty,
        /// <summary>Indoor and outdoor fan share one motor (window unit): 0 no, 1 yes.</summary>
        SingleFanMotor,
        /// <summary>No heating by compressor below this outdoor temperature, 0.1 °C.</summary>
        HeatLockoutOutdoor,
        /// <summary>No cooling below this outdoor temperature, 0.1 °C.</summary>
        CoolLockoutOutdoor,
        /// <summary>Defrost strategy: 0 demand, 1 time-temperature.</summary>
        DefrostStrategy,
        /// <summary>Time-temperature defrost interval, minutes of frosting run time.</summary>
        DefrostInterval,
        /// <summary>Coil at or below this accumulates frosting run time, 0.1 °C.</summary>
        DefrostCoilFrosting,
        /// <summary>Demand defrost: coil must be below this, 0.1 °C.</summary>
        DemandCoilBelow,
        /// <summary>Demand defrost: ΔT above the learned clean-coil ΔT by this, 0.1 K.</summary>
        DemandMargin,
        /// <summary>Demand defrost: minimum run time between defrosts, minutes.</summary>
        DemandMinInterval,
        /// <summary>Demand defrost: forced after this much frosting run time, minutes.</summary>
        DemandBackstop,
        /// <summary>Defrost ends when the coil reaches this, 0.1 °C.</summary>
        DefrostEndCoil,
        /// <summary>Defrost ends after this time at the latest, s.</summary>
        DefrostMaxTime,
        /// <summary>Drip time after a defrost, s.</summary>
        DripTime,
        /// <summary>Aux heat during defrost: 0 no (indoor fan held off), 1 yes.</summary>
        AuxDuringDefrost,
        /// <summary>Indoor sensor calibration offset, 0.1 K.</summary>
        IndoorOffset,
        /// <summary>Outdoor sensor calibration offset, 0.1 K.</summary>
        OutdoorOffset,
        /// <summary>Coil sensor calibration offset, 0.1 K.</summary>
        CoilOffset,
        /// <summary>Aux joins the compressor when the room stays this far below the heating setpoint, 0.1 K.</summary>
        AuxDroop,
        /// <summary>How long the droop must last before aux joins, s.</summary>
        AuxDelay,
        /// <summary>A heating run that has not gained for this long brings aux in, min.</summary>
        AuxStallTime,
        /// <summary>Above this outdoor temperature aux never joins a working compressor, 0.1 °C.</summary>
        AuxBalancePoint,
        /// <summary>Minimum blower duty while aux heat runs, %.</summary>
        AuxMinDuty,
        /// <summary>Blower purge after aux heat stops, s.</summary>
        AuxPurge,
        /// <summary>Installation type: 0 ducted, 1 ductless, 2 window; chooses the defrost airflow.</summary>
        InstallType,
    }
}
