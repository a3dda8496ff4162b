using HeatPump.Control;

namespace HeatPump.Simulator.Output;

/// <summary>
/// Per-minute averages of a run for the CSV and the plot: arrays sized once for the whole run (a
/// year is 525,600 rows of nine floats, about 19 MB), nothing allocated per tick. Only created when
/// a CSV or a plot is asked for.
/// </summary>
public sealed class SeriesRecorder
{
    private readonly int _ticksPerRow;
    private int _ticks;
    private double _outdoor;
    private double _indoor;
    private double _coil;
    private double _frost;
    private double _compressor;
    private double _defrost;
    private double _electric;
    private double _heat;

    /// <summary>Room for <paramref name="totalTicks"/> ticks, averaged over <paramref name="ticksPerRow"/> ticks per row (60 at 1 s: one row a minute).</summary>
    public SeriesRecorder(long totalTicks, int ticksPerRow = 60)
    {
        _ticksPerRow = ticksPerRow;
        int rows = (int)((totalTicks + ticksPerRow - 1) / ticksPerRow);
        OutdoorC = new float[rows];
        IndoorC = new float[rows];
        CoilC = new float[rows];
        FrostFraction = new float[rows];
        CompressorOn = new float[rows];
        DefrostOn = new float[rows];
        ElectricW = new float[rows];
        HeatToHouseW = new float[rows];
    }

    /// <summary>Rows recorded so far.</summary>
    public int Count { get; private set; }

    /// <summary>Minutes per row.</summary>
    public double MinutesPerRow => _ticksPerRow / 60.0;

    /// <summary>Outdoor air, °C.</summary>
    public float[] OutdoorC { get; }

    /// <summary>True indoor air, °C.</summary>
    public float[] IndoorC { get; }

    /// <summary>True outdoor coil, °C.</summary>
    public float[] CoilC { get; }

    /// <summary>True ice fraction, 0..1.</summary>
    public float[] FrostFraction { get; }

    /// <summary>Share of the row with the compressor on, 0..1.</summary>
    public float[] CompressorOn { get; }

    /// <summary>Share of the row with a defrost under way, 0..1.</summary>
    public float[] DefrostOn { get; }

    /// <summary>Mean electric power, W.</summary>
    public float[] ElectricW { get; }

    /// <summary>Mean heat into the house, W.</summary>
    public float[] HeatToHouseW { get; }

    /// <summary>Adds one tick.</summary>
    public void Add(double outdoorC, double indoorC, double coilC, double frost, in OutputState o, double electricW, double heatW)
    {
        _outdoor += outdoorC;
        _indoor += indoorC;
        _coil += coilC;
        _frost += frost;
        _compressor += o.Compressor ? 1 : 0;
        _defrost += o.Defrost ? 1 : 0;
        _electric += electricW;
        _heat += heatW;
        if (++_ticks == _ticksPerRow)
        {
            Flush();
        }
    }

    /// <summary>Writes out a last, partial row (call once at the end of a run).</summary>
    public void Complete()
    {
        if (_ticks > 0)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (Count >= OutdoorC.Length)
        {
            return;
        }

        float n = _ticks;
        int i = Count++;
        OutdoorC[i] = (float)(_outdoor / n);
        IndoorC[i] = (float)(_indoor / n);
        CoilC[i] = (float)(_coil / n);
        FrostFraction[i] = (float)(_frost / n);
        CompressorOn[i] = (float)(_compressor / n);
        DefrostOn[i] = (float)(_defrost / n);
        ElectricW[i] = (float)(_electric / n);
        HeatToHouseW[i] = (float)(_heat / n);
        _ticks = 0;
        _outdoor = _indoor = _coil = _frost = _compressor = _defrost = _electric = _heat = 0;
    }
}
