using HeatPump.Control.Commissioning;
using HeatPump.Control.FrontPanel;
using HeatPump.Control.Protection;
using HeatPump.Control.Sensors;
using HeatPump.Control.Service;
using HeatPump.Control.Settings;
using HeatPump.Control.States;

namespace HeatPump.Control
{
    /// <summary>
    /// One tick of the whole control core, wired the one way docs/architecture.md draws it:
    /// raw inputs → sensor validation and panel → controller → guard → outputs and display.
    /// The firmware loop, the simulator and the virtual bench all step this, so they cannot wire it
    /// differently. Allocates nothing after construction, on the desktop and on nanoCLR alike: the
    /// tick copies structs field by field and passes them by reference (docs/testing.md).
    /// </summary>
    public sealed class ControlCore
    {
        private readonly DisplayRenderer _renderer = new DisplayRenderer();
        private ValidatedInputs _validated;
        private DisplayInputs _displayInputs;
        private OutputState _requested;
        private OutputState _outputs;
        private int _lastButtons;

        /// <summary>Creates the core in its power-up state at <paramref name="nowMs"/>.</summary>
        /// <param name="settings">Settings as loaded from the store (or defaults); edited in place by the panel.</param>
        /// <param name="nowMs">Power-up time, ms.</param>
        /// <param name="staggerSeed">A number that differs between units (e.g. from the chip id): picks the random part of the power-up delay.</param>
        public ControlCore(ControllerSettings settings, long nowMs, uint staggerSeed)
        {
            Settings = settings;
            Indoor = new SensorValidator(SensorRole.Indoor, nowMs);
            Outdoor = new SensorValidator(SensorRole.Outdoor, nowMs);
            Coil = new SensorValidator(SensorRole.Coil, nowMs);
            Supply = new SensorValidator(SensorRole.Supply, nowMs);
            Commissioning = new CommissioningRun(settings);
            CommissioningReport = new CommissioningReport();
            Panel = new PanelLogic(settings);
            Controller = new Controller(settings, nowMs);
            StaggerMs = StaggerFromSeed(staggerSeed, settings.Get(SettingId.PowerUpStaggerMax));
            Guard = new SafetyGuard(settings, nowMs, StaggerMs);
            Display = new DisplayModel();
            Service = new ServiceLog();
            Panel.Service = Service;
            DisplayAttached = true;
        }

        /// <summary>The live settings.</summary>
        public ControllerSettings Settings { get; }

        /// <summary>Indoor sensor channel.</summary>
        public SensorValidator Indoor { get; }

        /// <summary>Outdoor sensor channel.</summary>
        public SensorValidator Outdoor { get; }

        /// <summary>Coil sensor channel.</summary>
        public SensorValidator Coil { get; }

        /// <summary>Optional supply-air sensor channel (never valid on a unit without the probe).</summary>
        public SensorValidator Supply { get; }

        /// <summary>The installer's commissioning run (docs/commissioning.md); it drives the outputs while it is active.</summary>
        public CommissioningRun Commissioning { get; }

        /// <summary>The last commissioning run's report (the loop keeps it in flash with a <see cref="CommissioningPersister"/>).</summary>
        public CommissioningReport CommissioningReport { get; }

        /// <summary>Front-panel logic.</summary>
        public PanelLogic Panel { get; }

        /// <summary>The state machine.</summary>
        public Controller Controller { get; }

        /// <summary>The interlocks.</summary>
        public SafetyGuard Guard { get; }

        /// <summary>Run hours, starts, defrosts and the last faults (the loop keeps it in flash with a <see cref="ServicePersister"/>).</summary>
        public ServiceLog Service { get; }

        /// <summary>What the panel shows after the last tick.</summary>
        public DisplayModel Display { get; }

        /// <summary>
        /// Set by the loop when the settings store held no valid record at power-up (defaults in use):
        /// the panel shows it until the settings are saved again.
        /// </summary>
        public bool SettingsFault { get; set; }

        /// <summary>
        /// Set by the loop when the board is built with the pressure switches in series with the contactor
        /// instead of on its inputs (an explicit, documented choice): the board cannot see a trip, so the
        /// panel flags it on the home screen (<c>P.SEr</c>).
        /// </summary>
        public bool PressureSwitchesInSeries { get; set; }

        /// <summary>
        /// Whether a panel shows <see cref="Display"/> (true from construction). A plant simulation that no one
        /// watches sets it false and the tick skips drawing the display, a sixth of the tick's time on the
        /// desktop; nothing in control reads what the display shows.
        /// </summary>
        public bool DisplayAttached { get; set; }

        /// <summary>The random part of the power-up delay chosen at construction, ms.</summary>
        public long StaggerMs { get; }

        /// <summary>What the controller asked for in the last tick.</summary>
        public OutputState Requested
        {
            get { return _requested; }
        }

        /// <summary>What the guard let through in the last tick: drive these.</summary>
        public OutputState Outputs
        {
            get { return _outputs; }
        }

        /// <summary>
        /// Copies <see cref="Outputs"/> into <paramref name="driven"/>: the form for the device loop,
        /// as reading the property makes a heap copy on nanoCLR and this makes none.
        /// </summary>
        public void CopyOutputsTo(ref OutputState driven)
        {
            driven.CopyFrom(ref _outputs);
        }

        /// <summary>Runs one tick.</summary>
        public void Step(RawInputs inputs)
        {
            long now = inputs.NowMs;
            Indoor.Update(inputs.Indoor.Status, inputs.Indoor.Sixteenths, now, Settings.Tenths(SettingId.IndoorOffset));
            Outdoor.Update(inputs.Outdoor.Status, inputs.Outdoor.Sixteenths, now, Settings.Tenths(SettingId.OutdoorOffset));
            Coil.Update(inputs.Coil.Status, inputs.Coil.Sixteenths, now, Settings.Tenths(SettingId.CoilOffset));
            Supply.Update(inputs.Supply.Status, inputs.Supply.Sixteenths, now, 0f);

            // The output-test walk learns what the guard drove last tick (_outputs still holds it).
            Panel.OutputTest.See(Settings.SecondsAsMs(SettingId.MinRunTime), Guard.HeatingPositionEnergised(), _outputs.Compressor, _outputs.ValveEnergised);
            Panel.Update(CommissioningKeys(inputs.Buttons, now), now);
            if (Panel.CommissioningRequested)
            {
                StartCommissioning(now);
            }

            _validated.NowMs = now;
            _validated.IndoorValid = Indoor.IsValid;
            _validated.IndoorFailed = Indoor.Health == SensorHealth.Failed || Indoor.Health == SensorHealth.Recovering;
            _validated.IndoorC = Indoor.Celsius;
            _validated.OutdoorValid = Outdoor.IsValid;
            _validated.OutdoorC = Outdoor.Celsius;
            _validated.CoilValid = Coil.IsValid;
            _validated.CoilC = Coil.Celsius;
            _validated.HighPressureTripped = inputs.HighPressureTripped;
            _validated.LowPressureTripped = inputs.LowPressureTripped;
            _validated.DrainOpen = inputs.DrainOpen;
            _validated.ResetRequested = Panel.ResetRequested;
            // A forced defrost from the panel keeps asking until it starts or is refused (PanelLogic.ObserveControl).
            _validated.DefrostRequested = inputs.DefrostRequested || Panel.DefrostPending;
            Guard.Feedback(now, ref _validated.Guard);

            if (Panel.LeftOutputTestThisTick)
            {
                // Output-test mode ends through the power-up state: everything off, min-off running again —
                // except the valve, which may not drop under a compressor the test just had running (I2).
                Guard.Restart(now, StaggerMs);
                Controller.PowerUp(now);
                _requested = new OutputState();
            }
            else if (Panel.OutputTest.Active)
            {
                // Output-test mode drives outputs by hand; the guard still protects the compressor, and an
                // open pressure switch still stops it — and counts, as in normal running, toward a
                // lockout. A locked-out unit runs nothing that moves heat until the lockout is
                // acknowledged (MODE held 10 s).
                bool tripped = inputs.HighPressureTripped || inputs.LowPressureTripped;
                if (tripped && _outputs.Compressor)
                {
                    Controller.RecordTestRunTrip(inputs.HighPressureTripped ? FaultKind.HighPressure : FaultKind.LowPressure, now);
                }

                if (Panel.ResetRequested)
                {
                    Controller.AcknowledgeLockout();
                }

                Panel.OutputTest.CopyOutputsTo(ref _requested);
                _requested.Fault = tripped || Controller.LockedOut;
            }
            else if (Commissioning.Active)
            {
                StepCommissioning(now);
            }
            else
            {
                Controller.Step(ref _validated, ref _requested);
                Panel.ObserveControl(Controller.State, now);
            }

            Guard.Apply(ref _requested, now, Indoor.IsValid, Outdoor.IsValid, Outdoor.Celsius, inputs.DrainOpen, ref _outputs);
            Service.Observe(Controller.State, Controller.Fault, Controller.LockedOut, _outputs.Compressor, now);
            if (DisplayAttached)
            {
                FillDisplayInputs(now);
                _renderer.Render(Display, Settings, Panel, ref _displayInputs);
            }
        }

        /// <summary>
        /// Copies this tick's values from the controller, the sensors and the guard into the display
        /// inputs (after the guard has applied this tick's outputs): the core does it, so the panel
        /// reads plain values and knows neither the controller nor the guard.
        /// </summary>
        private void FillDisplayInputs(long nowMs)
        {
            _displayInputs.NowMs = nowMs;
            _displayInputs.State = Controller.State;
            _displayInputs.Sub = Controller.Sub;
            _displayInputs.Hold = Controller.Hold;
            _displayInputs.HoldUntilMs = Controller.HoldUntilMs;
            _displayInputs.Fault = Controller.Fault;
            _displayInputs.AuxReason = Controller.AuxReason;
            _displayInputs.LockedOut = Controller.LockedOut;
            _displayInputs.IndoorHealth = Indoor.Health;
            _displayInputs.IndoorC = Indoor.Celsius;
            _displayInputs.OutdoorHealth = Outdoor.Health;
            _displayInputs.OutdoorC = Outdoor.Celsius;
            _displayInputs.CoilHealth = Coil.Health;
            _displayInputs.CoilC = Coil.Celsius;
            Guard.CopyOutputsTo(ref _displayInputs.Driven);
            Guard.Feedback(nowMs, ref _displayInputs.Guard);
            _displayInputs.GuardRefused = Guard.Refused;
            _displayInputs.GuardRefusal = Guard.RefusalReason;
            _displayInputs.GuardRefusedUntilMs = Guard.RefusedUntilMs;
            _displayInputs.SettingsCorrupt = SettingsFault;
            _displayInputs.SwitchesInSeries = PressureSwitchesInSeries;
            _displayInputs.CommissioningStep = Commissioning.Step;
            _displayInputs.CommissioningFindings = Commissioning.Findings;
            _displayInputs.ReportPresent = CommissioningReport.Present;
            _displayInputs.ReportFindings = CommissioningReport.Findings;
        }

        /// <summary>
        /// Starts the commissioning run at <paramref name="nowMs"/> (docs/commissioning.md). Refused in output-test
        /// mode, which already drives the outputs by hand; returns whether the run started.
        /// </summary>
        public bool StartCommissioning(long nowMs)
        {
            if (Panel.OutputTest.Active)
            {
                return false;
            }

            Commissioning.Start(nowMs);
            return true;
        }

        /// <summary>
        /// The keys while the commissioning run owns the panel (running, or showing its result): MODE
        /// cancels a run under way; on the result, UP after a reversed-valve finding flips
        /// <c>valve.polarity</c> and runs again, any other key dismisses it. Returns the levels the
        /// panel may see: none while the run owns it, so a key here never also steps a setpoint.
        /// </summary>
        private int CommissioningKeys(int buttons, long now)
        {
            int pressed = buttons & ~_lastButtons;
            _lastButtons = buttons;
            if (Commissioning.Active)
            {
                if ((pressed & Hal.Buttons.Mode) != 0)
                {
                    Commissioning.Cancel();
                    Controller.PowerUp(now);
                }

                return Hal.Buttons.None;
            }

            if (Commissioning.Step != CommissioningStep.Done)
            {
                return buttons;
            }

            if (pressed == 0)
            {
                return Hal.Buttons.None;
            }

            if ((pressed & Hal.Buttons.Up) != 0 && Commissioning.Has(CommissioningFinding.ReversedValve))
            {
                // One key: the board drives the valve the other way from now, and the run proves it.
                Settings.TrySet(SettingId.ValvePolarity, 1 - Settings.Get(SettingId.ValvePolarity));
                StartCommissioning(now);
                return Hal.Buttons.None;
            }

            Commissioning.Acknowledge();
            return Hal.Buttons.None;
        }

        /// <summary>
        /// One tick of the commissioning run in place of the controller. Its outputs go through the guard
        /// like the controller's; an open pressure switch counts toward a lockout as in normal running; at
        /// the end the controller takes over from its power-up state (Off), the guard's min-off running
        /// from the run's last stop.
        /// </summary>
        private void StepCommissioning(long now)
        {
            Commissioning.Tick(ref _validated, Supply.IsValid, Supply.Celsius, Controller.LockedOut, ref _requested);
            if (Commissioning.TripThisTick != FaultKind.None)
            {
                Controller.RecordTestRunTrip(Commissioning.TripThisTick, now);
            }

            if (!Commissioning.Active)
            {
                CommissioningReport.Capture(Commissioning, Service.PowerUps);
                Controller.PowerUp(now);
            }
        }

        /// <summary>The power-up stagger for <paramref name="seed"/>: 0..<paramref name="maxSeconds"/> whole seconds, as ms.</summary>
        public static long StaggerFromSeed(uint seed, int maxSeconds)
        {
            // A multiplicative hash spreads chip ids that differ only in their low bits.
            uint mixed = seed * 2654435761u;
            return (long)((mixed >> 8) % (uint)(maxSeconds + 1)) * 1000L;
        }
    }
}
