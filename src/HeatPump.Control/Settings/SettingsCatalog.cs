namespace HeatPump.Control.Settings
{
    /// <summary>
    /// The table of every setting, indexed by <see cref="SettingId"/>. Defaults and ranges follow
    /// the project's control defaults; docs/settings.md is written from the same figures.
    /// </summary>
    public static class SettingsCatalog
    {
        private static readonly SettingDefinition[] Definitions = new SettingDefinition[]
        {
            new SettingDefinition(SettingId.Mode, "mode", "", 1, 0, 0, 4, 1,
                "Off until the user chooses: a new board must not start a compressor by itself. 4 is emergency heat: aux and blower only, the outdoor unit never started."),
            new SettingDefinition(SettingId.HeatSetpoint, "heat.setpoint", "°C", 10, 200, 100, 300, 5,
                "20 °C is a common comfort default; 10 °C keeps pipes from freezing, 30 °C caps runaway."),
            new SettingDefinition(SettingId.CoolSetpoint, "cool.setpoint", "°C", 10, 240, 160, 320, 5,
                "24 °C is a common cooling default; below 16 °C coils ice and comfort suffers."),
            new SettingDefinition(SettingId.DisplayUnits, "display.units", "", 1, 0, 0, 1, 1,
                "0 °C, 1 °F. Control always works in °C; only the panel converts."),
            new SettingDefinition(SettingId.HeatDeadband, "heat.deadband", "K", 10, 5, 2, 20, 1,
                "Heat calls at SP − 0.5 K (ESPHome default); below 0.2 K noise short-cycles."),
            new SettingDefinition(SettingId.HeatOverrun, "heat.overrun", "K", 10, 5, 2, 20, 1,
                "Heat stops at SP + 0.5 K; the band sets the cycle length."),
            new SettingDefinition(SettingId.CoolDeadband, "cool.deadband", "K", 10, 5, 2, 20, 1,
                "Cool calls at SP + 0.5 K."),
            new SettingDefinition(SettingId.CoolOverrun, "cool.overrun", "K", 10, 5, 2, 20, 1,
                "Cool stops at SP − 0.5 K."),
            new SettingDefinition(SettingId.AutoMinGap, "auto.min-gap", "K", 10, 20, 5, 35, 5,
                "Heat and cool setpoints at least 2 K apart so Auto cannot chase itself (thermostats use 1–6 °F)."),
            new SettingDefinition(SettingId.MinOffTime, "compressor.min-off", "s", 1, 300, 180, 900, 30,
                "5 min lets pressures equalise before a restart (Honeywell, Bard, Lennox); also applied at power-up."),
            new SettingDefinition(SettingId.MinRunTime, "compressor.min-run", "s", 1, 180, 60, 600, 30,
                "3 min returns oil to the compressor; Off, Fault and lockouts may still cut a run short."),
            new SettingDefinition(SettingId.MaxStartsPerHour, "compressor.max-starts", "/h", 1, 6, 3, 10, 1,
                "Compressors are rated for about 3 cycles/h at 50 % load; 6 leaves headroom, never more than 10."),
            new SettingDefinition(SettingId.PowerUpStaggerMax, "power-up.stagger", "s", 1, 60, 0, 300, 10,
                "Spreads restarts of many units after an outage; the random part comes from the chip id."),
            new SettingDefinition(SettingId.QuietShiftTime, "valve.quiet-shift", "s", 1, 30, 30, 120, 10,
                "The reversing valve moves only after pressures fall, 30 s after the compressor stops."),
            new SettingDefinition(SettingId.ValvePolarity, "valve.polarity", "", 1, 0, 0, 1, 1,
                "0 O (energised in cool: most brands), 1 B (energised in heat: Rheem/Ruud and others)."),
            new SettingDefinition(SettingId.IndoorFanHeatDelay, "fan.indoor.heat-delay", "s", 1, 30, 0, 120, 5,
                "In heat the indoor fan waits for the coil to warm, so no cold air is blown."),
            new SettingDefinition(SettingId.IndoorFanRunOn, "fan.indoor.run-on", "s", 1, 60, 0, 300, 10,
                "Runs on after the compressor stops to use the heat or cold left in the coil."),
            new SettingDefinition(SettingId.IndoorFanMinDuty, "fan.indoor.min-duty", "%", 1, 40, 20, 100, 5,
                "Below about 20 % many EC and PSC motors stall."),
            new SettingDefinition(SettingId.IndoorFanMaxDuty, "fan.indoor.max-duty", "%", 1, 100, 20, 100, 5,
                "Caps airflow noise; duty rises from min to max with the distance from setpoint."),
            new SettingDefinition(SettingId.IndoorFanContinuous, "fan.indoor.continuous", "", 1, 0, 0, 1, 1,
                "1 keeps air moving at minimum duty between cycles (filtration, even temperatures)."),
            new SettingDefinition(SettingId.OutdoorFanDuty, "fan.outdoor.duty", "%", 1, 100, 20, 100, 5,
                "Full airflow over the outdoor coil while the compressor runs."),
            new SettingDefinition(SettingId.SingleFanMotor, "fan.single-motor", "", 1, 0, 0, 1, 1,
                "1 for window units with one motor driving both fans: the indoor fan output follows the outdoor fan."),
            new SettingDefinition(SettingId.HeatLockoutOutdoor, "heat.lockout-outdoor", "°C", 10, -250, -300, 0, 5,
                "−25 °C (−13 °F), the low end cold-climate units are commonly rated to. Above it even a standard unit heats at a COP near 2 (1.8 at −25 °C on the NREL curves) and staged aux adds what it lacks, so a higher lockout only buys heat from the strips at COP 1; set the unit's own rated minimum (−15…−20 °C for many standard units)."),
            new SettingDefinition(SettingId.CoolLockoutOutdoor, "cool.lockout-outdoor", "°C", 10, 120, 0, 200, 5,
                "Below +12 °C cooling risks a frozen indoor coil and low suction pressure."),
            new SettingDefinition(SettingId.DefrostStrategy, "defrost.strategy", "", 1, 0, 0, 1, 1,
                "0 demand (reads the coil ΔT, defrosts only when frost is there), 1 time-temperature (fixed interval)."),
            new SettingDefinition(SettingId.DefrostInterval, "defrost.interval", "min", 1, 60, 30, 120, 30,
                "Time-temperature boards offer 30/60/90/120 min of run time with a cold coil; also the demand strategy's interval before its first calibration."),
            new SettingDefinition(SettingId.DefrostCoilFrosting, "defrost.coil-frosting", "°C", 10, -10, -50, 0, 5,
                "At or below −1 °C the coil can collect frost, so run time there counts toward a defrost."),
            new SettingDefinition(SettingId.DemandCoilBelow, "defrost.demand.coil-below", "°C", 10, 20, -50, 50, 5,
                "Demand defrost only considers a coil below +2 °C."),
            new SettingDefinition(SettingId.DemandMargin, "defrost.demand.margin", "K", 10, 15, 10, 100, 5,
                "How far the outdoor−coil ΔT must rise above the clean-coil ΔT before frost is declared."),
            new SettingDefinition(SettingId.DemandMinInterval, "defrost.demand.min-interval", "min", 1, 30, 30, 120, 10,
                "At least 30 min of run between demand defrosts, as on demand-defrost boards."),
            new SettingDefinition(SettingId.DemandBackstop, "defrost.demand.backstop", "min", 1, 360, 120, 720, 30,
                "A defrost is forced after 6 h of frosting run time even if ΔT never rises; each one that finds the coil clean doubles the wait, up to 4 × (docs/state-machine.md)."),
            new SettingDefinition(SettingId.DefrostEndCoil, "defrost.end-coil", "°C", 10, 150, 100, 270, 5,
                "A coil at +15 °C is clear of ice (boards use 14–27 °C)."),
            new SettingDefinition(SettingId.DefrostMaxTime, "defrost.max-time", "s", 1, 600, 300, 840, 30,
                "A defrost ends after 10 min whatever the coil reads (boards use 10–14 min)."),
            new SettingDefinition(SettingId.DripTime, "defrost.drip", "s", 1, 60, 30, 180, 10,
                "Melt water drains off the coil with the outdoor fan off before heating resumes."),
            new SettingDefinition(SettingId.AuxDuringDefrost, "defrost.aux", "", 1, 0, 0, 1, 1,
                "1 runs aux heat in defrost so the indoor fan can run without cold blow; 0 holds the fan off."),
            new SettingDefinition(SettingId.IndoorOffset, "sensor.indoor.offset", "K", 10, 0, -30, 30, 1,
                "Corrects a sensor mounted near a heat source or in a draught."),
            new SettingDefinition(SettingId.OutdoorOffset, "sensor.outdoor.offset", "K", 10, 0, -30, 30, 1,
                "Corrects an outdoor sensor in sun or near the discharge air."),
            new SettingDefinition(SettingId.CoilOffset, "sensor.coil.offset", "K", 10, 0, -30, 30, 1,
                "Corrects a coil sensor with poor thermal contact."),
            new SettingDefinition(SettingId.AuxDroop, "aux.droop", "K", 10, 10, 5, 30, 1,
                "1 K (2 °F) below setpoint, the droop heat-pump thermostats stage aux on: less buys resistance heat for sensor noise, more lets the room sag out of comfort."),
            new SettingDefinition(SettingId.AuxDelay, "aux.delay", "s", 1, 300, 0, 1800, 60,
                "The droop must last 5 min, so a dip after a defrost or an open door recovers on the compressor alone."),
            new SettingDefinition(SettingId.AuxStallTime, "aux.stall-time", "min", 1, 60, 15, 240, 15,
                "The time a run is given to catch up: one that has not gained 0.1 K in 60 min with the room past halfway from the aux drop point to the droop gets aux, and so does a drooped room it would not bring back within the droop in 60 min at its gain so far. A defrost pauses the clock, and winning back what it cost counts as gain."),
            new SettingDefinition(SettingId.AuxBalancePoint, "aux.balance-point", "°C", 10, 0, -300, 150, 5,
                "Above 0 °C a working heat pump carries a house sized for it: aux stays locked out there (unless the compressor cannot run)."),
            new SettingDefinition(SettingId.AuxMinDuty, "aux.min-duty", "%", 1, 70, 50, 100, 5,
                "Heater kits list a minimum airflow near the rated airflow; below 50 % the strips cycle on their limit switches."),
            new SettingDefinition(SettingId.AuxPurge, "aux.purge", "s", 1, 60, 30, 300, 10,
                "The blower runs on after aux stops to carry the heat out of the strips before they sit in still air."),
            new SettingDefinition(SettingId.InstallType, "install.type", "", 1, 1, 0, 2, 1,
                "0 ducted: the blower stays on through a defrost's melt and aux tempers the air, so a fixed-orifice or TXV indoor coil neither freezes nor floods the compressor; 1 ductless and 2 window stop the indoor fan in the melt (no cold draught, no strips to temper with). 1 keeps a unit set up before this setting as it was."),
        };

        /// <summary>Number of settings; also the number of values in a settings record.</summary>
        public static int Count
        {
            get { return Definitions.Length; }
        }

        /// <summary>The definition of <paramref name="id"/>.</summary>
        public static SettingDefinition Get(SettingId id)
        {
            return Definitions[(int)id];
        }

        /// <summary>The definition at position <paramref name="index"/> (0 .. Count−1).</summary>
        public static SettingDefinition At(int index)
        {
            return Definitions[index];
        }

        /// <summary>Finds a definition by its <see cref="SettingDefinition.Key"/>; null if there is none.</summary>
        public static SettingDefinition Find(string key)
        {
            for (int i = 0; i < Definitions.Length; i++)
            {
                if (Definitions[i].Key == key)
                {
                    return Definitions[i];
                }
            }

            return null;
        }
    }
}
