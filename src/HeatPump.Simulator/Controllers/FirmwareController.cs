using HeatPump.Control;
using HeatPump.Control.Settings;

namespace HeatPump.Simulator.Controllers;

/// <summary>
/// The project's own control core, stepped exactly as the firmware loop steps it: raw samples in,
/// guarded outputs out. As the oracle it is the same core with its own defrost decisions switched
/// off and a defrost requested whenever the plant's true ice reaches a fixed fraction.
/// </summary>
public sealed class FirmwareController : ISimController
{
    private readonly ControlCore _core;
    private readonly RawInputs _inputs = new RawInputs();
    private readonly bool _isOracle;
    private readonly double _oracleFraction;

    /// <summary>The firmware as shipped.</summary>
    /// <param name="settings">Settings for this run (the core keeps and may edit this instance: pass a copy per run).</param>
    /// <param name="staggerSeed">Stands in for the chip id: picks the random part of the power-up delay.</param>
    public FirmwareController(ControllerSettings settings, uint staggerSeed)
        : this("firmware", settings, staggerSeed, double.NaN)
    {
    }

    private FirmwareController(string name, ControllerSettings settings, uint staggerSeed, double oracleFraction)
    {
        Name = name;
        _core = new ControlCore(settings, 0, staggerSeed) { DisplayAttached = false };
        _isOracle = !double.IsNaN(oracleFraction);
        _oracleFraction = oracleFraction;
        if (_isOracle)
        {
            _core.Controller.AutomaticDefrost = false;
        }
    }

    /// <summary>The oracle: defrosts exactly when the true ice fraction reaches <paramref name="fraction"/>.</summary>
    public static FirmwareController Oracle(ControllerSettings settings, uint staggerSeed, double fraction)
    {
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), "the oracle's ice fraction must be in (0, 1]");
        }

        return new FirmwareController("oracle", settings, staggerSeed, fraction);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The ice fraction this oracle defrosts at; NaN for the plain firmware.</summary>
    public double OracleFraction => _oracleFraction;

    /// <summary>The raw inputs handed to the core in the last tick.</summary>
    internal RawInputs LastInputs => _inputs;

    /// <summary>The core, for inspection after a run.</summary>
    public ControlCore Core => _core;

    /// <inheritdoc />
    public DefrostEnd LastDefrostEnd => _core.Controller.LastDefrostEnd;

    /// <inheritdoc />
    public OutputState Step(RawInputs reading, double trueFrostFraction)
    {
        RawInputs i = _inputs;
        i.NowMs = reading.NowMs;
        i.Indoor = reading.Indoor;
        i.Outdoor = reading.Outdoor;
        i.Coil = reading.Coil;
        i.Supply = reading.Supply;
        i.Buttons = 0;
        i.HighPressureTripped = reading.HighPressureTripped;
        i.LowPressureTripped = reading.LowPressureTripped;
        i.DrainOpen = reading.DrainOpen;
        // The request stays up while the ice is over the mark and no defrost is under way, as a
        // demand board holds its frost signal until the controller acts on it.
        i.DefrostRequested = _isOracle && trueFrostFraction >= _oracleFraction && !_core.Outputs.Defrost;
        _core.Step(i);
        return _core.Outputs;
    }
}
