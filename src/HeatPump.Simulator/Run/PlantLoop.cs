using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Simulator.Kpi;
using HeatPump.Simulator.Plant;

namespace HeatPump.Simulator.Run;

/// <summary>
/// The one plant loop of the simulator: it owns the weather, the plant and the sensors, and hands
/// whichever controller it drives — the firmware core, a reference board, the board loop on a
/// virtual board — the same reading: the DS18B20 samples where the probes are fitted, and the
/// pressure switches and the condensate switch on the board's inputs. Each tick is
/// <see cref="Read"/> (weather now → the true temperatures at the probes → the sensor model), the
/// controller, then <see cref="Advance"/> (the plant with the outputs as driven, its flows into the
/// <see cref="Ledger"/>). The simulator's runner, the virtual bench, the commissioning harness and
/// the proof tests' fault rig all step through it. Nothing is allocated per tick.
/// </summary>
public sealed class PlantLoop
{
    private readonly RawInputs _reading = new();
    private WeatherSample _weather;

    /// <summary>A loop over <paramref name="plant"/> in <paramref name="weather"/>, read by <paramref name="sensors"/>.</summary>
    /// <param name="weather">The outdoor conditions.</param>
    /// <param name="plant">The house and heat pump.</param>
    /// <param name="sensors">The DS18B20 models.</param>
    /// <param name="supplyFitted">The optional supply-air probe is fitted (otherwise its sample is left empty, as the board reads nothing there).</param>
    public PlantLoop(IWeather weather, IPlant plant, ISensorModel sensors, bool supplyFitted = false)
    {
        Weather = weather;
        Plant = plant;
        Sensors = sensors;
        SupplyFitted = supplyFitted;
    }

    /// <summary>The outdoor conditions.</summary>
    public IWeather Weather { get; }

    /// <summary>The house and heat pump.</summary>
    public IPlant Plant { get; private set; }

    /// <summary>The DS18B20 models.</summary>
    public ISensorModel Sensors { get; }

    /// <summary>The optional supply-air probe is fitted.</summary>
    public bool SupplyFitted { get; set; }

    /// <summary>The condensate overflow switch is open (the pan is full): the plant has no pan, so a key, a script or a test sets it.</summary>
    public bool DrainOpen { get; set; }

    /// <summary>What the plant drew and delivered since the loop started.</summary>
    public EnergyLedger Ledger { get; } = new();

    /// <summary>
    /// The reading of the last <see cref="Read"/>. The loop fills the time, the samples and the
    /// switches; <see cref="RawInputs.Buttons"/> and <see cref="RawInputs.DefrostRequested"/> are
    /// the caller's and the loop never touches them.
    /// </summary>
    public RawInputs Reading => _reading;

    /// <summary>The weather of the last <see cref="Read"/>: what <see cref="Advance"/> steps the plant in.</summary>
    public WeatherSample WeatherNow => _weather;

    /// <summary>Puts <paramref name="plant"/> in place of the present one (an installation made again before power-up).</summary>
    public void Replace(IPlant plant) => Plant = plant;

    /// <summary>
    /// Reads the board's inputs at <paramref name="nowMs"/>: the weather at that instant, each probe's
    /// true temperature where it is fitted, the sensor model's sample of it, and the switches.
    /// </summary>
    public RawInputs Read(long nowMs)
    {
        double t = nowMs / 1000.0;
        WeatherSample w = Weather.At(t);
        _weather = w;
        IPlant plant = Plant;
        ISensorModel sensors = Sensors;
        RawInputs r = _reading;
        r.NowMs = nowMs;
        r.Indoor = sensors.Read(SensorRole.Indoor, plant.IndoorC, t);
        r.Outdoor = sensors.Read(SensorRole.Outdoor, plant.ProbeC(SensorRole.Outdoor, w.OutdoorC), t);
        r.Coil = sensors.Read(SensorRole.Coil, plant.ProbeC(SensorRole.Coil, w.OutdoorC), t);
        r.Supply = SupplyFitted ? sensors.Read(SensorRole.Supply, plant.ProbeC(SensorRole.Supply, w.OutdoorC), t) : default;

        // The pressure switches are on the board's inputs, as the firmware's default wiring has them.
        r.HighPressureTripped = plant.HighPressureTripped;
        r.LowPressureTripped = plant.LowPressureTripped;
        r.DrainOpen = DrainOpen;
        return r;
    }

    /// <summary>Steps the plant by <paramref name="dtSeconds"/> with <paramref name="driven"/> in the weather of the last <see cref="Read"/>, and adds its flows to the ledger.</summary>
    public void Advance(double dtSeconds, in OutputState driven)
    {
        Plant.Step(dtSeconds, driven, _weather);
        Ledger.Add(Plant, dtSeconds);
    }
}
