using HeatPump.Control;
using HeatPump.Control.Protection;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Referee;

namespace HeatPump.Scenarios
{
    /// <summary>A condition a scenario waits for.</summary>
    public delegate bool RigCondition(Rig rig);

    /// <summary>
    /// A test rig for the whole control core: it steps <see cref="ControlCore"/> once per simulated
    /// second with sensor readings the scenario sets, optionally moved by a coarse room and coil
    /// model, and watches the driven outputs with an <see cref="SafetyReferee"/>. Nano-safe, so the
    /// same scenarios run on nanoCLR.
    /// </summary>
    public sealed class Rig
    {
        /// <summary>Tick period, ms.</summary>
        public const long TickMs = 1000;

        /// <summary>Stagger seed used unless a scenario picks another: gives a fixed power-up stagger.</summary>
        public const uint DefaultSeed = 12345;

        private readonly RawInputs _inputs = new RawInputs();
        private long _lastStartMs = -1;
        private long _lastStopMs = -1;
        private bool _wasOn;

        /// <summary>Creates a rig at power-up (t = 0) with default settings, mode <paramref name="mode"/>, 20 °C indoors.</summary>
        public Rig(UserMode mode)
            : this(mode, new ControllerSettings())
        {
        }

        /// <summary>Creates a rig at power-up with <paramref name="settings"/>, whose mode is set to <paramref name="mode"/>.</summary>
        public Rig(UserMode mode, ControllerSettings settings)
        {
            Settings = settings;
            Set(SettingId.Mode, (int)mode);
            Core = new ControlCore(settings, 0, DefaultSeed);
            Referee = new SafetyReferee(settings, 0, Core.StaggerMs);
            IndoorC = 20f;
            OutdoorC = 5f;
            CoilC = 5f;
            IndoorStatus = SampleStatus.Ok;
            OutdoorStatus = SampleStatus.Ok;
            CoilStatus = SampleStatus.Ok;
            RoomGainKPerMin = 0.1f;
            RoomLossKPerMin = 0.05f;
            CleanCoilDeltaT = 6f;
            FrostDeltaTPerHour = 0f;

            // A coil that follows the compressor, as the board's self-checks expect of a correct install.
            CoilModel = true;
        }

        /// <summary>The live settings.</summary>
        public ControllerSettings Settings { get; }

        /// <summary>The core under test.</summary>
        public ControlCore Core { get; }

        /// <summary>Independent check of I1–I7 on the driven outputs.</summary>
        public SafetyReferee Referee { get; }

        /// <summary>Simulated time, ms since power-up.</summary>
        public long NowMs { get; private set; }

        /// <summary>Indoor air temperature, °C (moved by the room model when <see cref="RoomModel"/> is on).</summary>
        public float IndoorC;

        /// <summary>Outdoor air temperature, °C.</summary>
        public float OutdoorC;

        /// <summary>Coil temperature, °C (moved by the coil model when <see cref="CoilModel"/> is on).</summary>
        public float CoilC;

        /// <summary>What a read of each sensor returns (Ok, CrcError, NoResponse).</summary>
        public SampleStatus IndoorStatus;

        /// <summary>Outdoor sensor read outcome.</summary>
        public SampleStatus OutdoorStatus;

        /// <summary>Coil sensor read outcome.</summary>
        public SampleStatus CoilStatus;

        /// <summary>Buttons held (Hal.Buttons flags).</summary>
        public int Buttons;

        /// <summary>High-pressure switch open.</summary>
        public bool HighPressureTripped;

        /// <summary>Low-pressure switch open.</summary>
        public bool LowPressureTripped;

        /// <summary>Condensate overflow switch open.</summary>
        public bool DrainOpen;

        /// <summary>Ask for a defrost on the next tick only.</summary>
        public bool DefrostRequest;

        /// <summary>When on, the room warms while heating (cools while cooling) and drifts the other way otherwise.</summary>
        public bool RoomModel;

        /// <summary>Room temperature change per minute while the compressor heats or cools, K.</summary>
        public float RoomGainKPerMin;

        /// <summary>Room drift per minute toward outdoors while idle, K.</summary>
        public float RoomLossKPerMin;

        /// <summary>When on (the default), the coil runs at outdoor − ΔT while heating, with ΔT growing by frost, and melts in a defrost.</summary>
        public bool CoilModel;

        /// <summary>Outdoor−coil difference of a clean coil while heating, K.</summary>
        public float CleanCoilDeltaT;

        /// <summary>How fast frost raises that difference while heating with the coil below 0 °C, K per hour.</summary>
        public float FrostDeltaTPerHour;

        /// <summary>Frost on the coil model, as extra ΔT, K.</summary>
        public float FrostDeltaT;

        /// <summary>Compressor starts seen on the driven outputs.</summary>
        public int Starts { get; private set; }

        /// <summary>When the compressor last started, ms (−1 never).</summary>
        public long LastStartMs
        {
            get { return _lastStartMs; }
        }

        /// <summary>When the compressor last stopped, ms (−1 never).</summary>
        public long LastStopMs
        {
            get { return _lastStopMs; }
        }

        /// <summary>Outputs driven after the last tick.</summary>
        public OutputState Out
        {
            get { return Core.Outputs; }
        }

        /// <summary>The controller of the core.</summary>
        public Controller Controller
        {
            get { return Core.Controller; }
        }

        /// <summary>Top-level state.</summary>
        public TopState State
        {
            get { return Core.Controller.State; }
        }

        /// <summary>Sub-state.</summary>
        public SubState Sub
        {
            get { return Core.Controller.Sub; }
        }

        /// <summary>State and sub-state as numbers, for failure messages.</summary>
        public string StateName
        {
            get { return ((int)State).ToString() + "/" + ((int)Sub).ToString(); }
        }

        /// <summary>True when the driven valve is in the heating position.</summary>
        public bool ValveInHeating
        {
            get { return Out.ValveEnergised == Core.Guard.HeatingPositionEnergised(); }
        }

        /// <summary>Sets a setting, failing the scenario if it is refused.</summary>
        public void Set(SettingId id, int raw)
        {
            string reason;
            if (!Settings.TrySet(id, raw, out reason))
            {
                throw new ScenarioFailedException("setting refused: " + reason);
            }
        }

        /// <summary>
        /// The panel's lockout reset as a user does it: MODE held 11 s (the reset needs 10), released,
        /// then a second for the release to be read.
        /// </summary>
        public void HoldModeToClearLockout()
        {
            Buttons = HeatPump.Control.Hal.Buttons.Mode;
            Run(11000);
            Buttons = HeatPump.Control.Hal.Buttons.None;
            Run(1000);
        }

        /// <summary>Runs for <paramref name="ms"/> of simulated time.</summary>
        public void Run(long ms)
        {
            long end = NowMs + ms;
            while (NowMs < end)
            {
                Tick();
            }
        }

        /// <summary>Runs until <paramref name="condition"/> holds (checked after each tick) or <paramref name="maxMs"/> passes; true if it held.</summary>
        public bool RunUntil(RigCondition condition, long maxMs)
        {
            long end = NowMs + maxMs;
            while (NowMs < end)
            {
                Tick();
                if (condition(this))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>How often each transition-table row was taken by every rig that reached <see cref="CheckClean"/>.</summary>
        public static readonly int[] Coverage = new int[HeatPump.Control.States.TransitionTable.Count];

        /// <summary>Fails unless no invariant was breached, the guard never had to step in and every transition was in the table.</summary>
        public void CheckClean()
        {
            Check.Equal(0, Core.Guard.Vetoes, "guard vetoes of controller commands", this);
            CheckCleanWithVetoes();
        }

        /// <summary>
        /// As <see cref="CheckClean"/>, but the guard may have stepped in: for output-test mode, whose hand-driven
        /// outputs the guard holds back by design (min-off, quiet shift, an open pressure switch).
        /// </summary>
        public void CheckCleanWithVetoes()
        {
            Check.Equal(0, Referee.Total, "safety referee breaches (first: " + Referee.FirstMessage + ")", this);
            Check.Equal(0, Core.Controller.UnlistedTransitions, "transitions not in the table", this);
            for (int i = 0; i < Coverage.Length; i++)
            {
                Coverage[i] += Core.Controller.TransitionVisits(i);
            }
        }

        /// <summary>One tick: sensors and buttons in, core step, models advance on the driven outputs.</summary>
        public void Tick()
        {
            NowMs += TickMs;
            _inputs.NowMs = NowMs;
            _inputs.Indoor = Sample(IndoorStatus, IndoorC);
            _inputs.Outdoor = Sample(OutdoorStatus, OutdoorC);
            _inputs.Coil = Sample(CoilStatus, CoilC);
            _inputs.Buttons = Buttons;
            _inputs.HighPressureTripped = HighPressureTripped;
            _inputs.LowPressureTripped = LowPressureTripped;
            _inputs.DrainOpen = DrainOpen;
            _inputs.DefrostRequested = DefrostRequest;
            DefrostRequest = false;

            Core.Step(_inputs);
            OutputState o = Core.Outputs;
            Referee.Observe(NowMs, o, Core.Indoor.IsValid, Core.Outdoor.IsValid, Core.Outdoor.Celsius, DrainOpen);

            if (o.Compressor && !_wasOn)
            {
                Starts++;
                _lastStartMs = NowMs;
            }
            else if (!o.Compressor && _wasOn)
            {
                _lastStopMs = NowMs;
            }

            _wasOn = o.Compressor;
            AdvanceModels(o);
        }

        private void AdvanceModels(OutputState o)
        {
            bool heatingPosition = o.ValveEnergised == Core.Guard.HeatingPositionEnergised();
            float dtMin = TickMs / 60000f;
            if (RoomModel)
            {
                if (o.Compressor && !o.Defrost)
                {
                    IndoorC += (heatingPosition ? RoomGainKPerMin : -RoomGainKPerMin) * dtMin;
                }
                else
                {
                    IndoorC += (OutdoorC < IndoorC ? -RoomLossKPerMin : RoomLossKPerMin) * dtMin;
                }
            }

            if (!CoilModel)
            {
                return;
            }

            float target;
            if (o.Compressor && heatingPosition)
            {
                if (CoilC < 0f)
                {
                    FrostDeltaT += FrostDeltaTPerHour * dtMin / 60f;
                }

                target = OutdoorC - CleanCoilDeltaT - FrostDeltaT;
            }
            else if (o.Compressor)
            {
                // Reverse cycle: the coil holds at 0 °C while ice melts, then warms quickly.
                if (FrostDeltaT > 0f)
                {
                    FrostDeltaT -= 1.5f * dtMin;
                    target = 0f;
                    if (FrostDeltaT < 0f)
                    {
                        FrostDeltaT = 0f;
                    }
                }
                else
                {
                    target = 30f;
                }
            }
            else
            {
                target = OutdoorC;
            }

            // First-order lag with a 60 s time constant.
            CoilC += (target - CoilC) * (TickMs / 60000f);
        }

        private static SensorSample Sample(SampleStatus status, float celsius)
        {
            return status == SampleStatus.Ok ? SensorSample.Good(SensorSample.ToSixteenths(celsius)) : SensorSample.Failed(status);
        }
    }
}
