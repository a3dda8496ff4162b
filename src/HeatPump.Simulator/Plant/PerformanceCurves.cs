namespace HeatPump.Simulator.Plant;

/// <summary>
/// Performance of a single-speed air-source heat pump relative to its rating, from the curves of
/// Cutler et al. (NREL) as used by bigladder/resdx and EnergyPlus. The heating points between
/// −20 °C and +10 °C are the table in docs/simulator.md; the end points (−30, −25, +15, +20 °C) and the cooling
/// points were evaluated from the same published curves at the rating indoor condition
/// (21.1 °C dry bulb heating, 19.4 °C wet bulb cooling). Between points the ratios are linear;
/// outside the range they are held at the end values.
/// </summary>
public static class PerformanceCurves
{
    /// <summary>Outdoor dry bulb of the heating points, °C.</summary>
    public static readonly double[] HeatingOutdoorC = { -30.0, -25.0, -20.0, -15.0, -8.3, 0.0, 8.3, 10.0, 15.0, 20.0 };

    /// <summary>Heating capacity ÷ rated capacity (rated at 8.3 °C outdoor) at <see cref="HeatingOutdoorC"/>.</summary>
    public static readonly double[] HeatingCapacityRatio = { 0.29, 0.36, 0.43, 0.51, 0.63, 0.80, 1.00, 1.04, 1.17, 1.31 };

    /// <summary>Heating COP ÷ rated COP at <see cref="HeatingOutdoorC"/>.</summary>
    public static readonly double[] HeatingCopRatio = { 0.46, 0.51, 0.57, 0.64, 0.74, 0.88, 1.00, 1.03, 1.08, 1.11 };

    /// <summary>Outdoor dry bulb of the cooling points, °C (rated at 35 °C).</summary>
    public static readonly double[] CoolingOutdoorC = { 25.0, 30.0, 35.0, 40.0, 45.0 };

    /// <summary>Total cooling capacity ÷ rated capacity at <see cref="CoolingOutdoorC"/>.</summary>
    public static readonly double[] CoolingCapacityRatio = { 1.094, 1.048, 1.000, 0.950, 0.898 };

    /// <summary>Cooling EIR (power per unit of cooling) ÷ rated EIR at <see cref="CoolingOutdoorC"/>.</summary>
    public static readonly double[] CoolingEirRatio = { 0.745, 0.858, 1.000, 1.172, 1.374 };

    /// <summary>Lowest indoor airflow ratio the airflow curves are used at; a stopped fan still moves some air by convection.</summary>
    public const double MinAirflowRatio = 0.5;

    /// <summary>
    /// Capacity multiplier of the indoor coil at fan duty <paramref name="duty"/>: the airflow curve
    /// <paramref name="airflowCurve"/> from half duty up, linear from <paramref name="stillAirFactor"/>
    /// (fan stopped) to the curve's value at half duty below that.
    /// </summary>
    public static double IndoorCapacityFactor(double duty, double stillAirFactor, Func<double, double> airflowCurve)
    {
        if (duty >= MinAirflowRatio) return airflowCurve(duty);
        double atHalf = airflowCurve(MinAirflowRatio);
        return stillAirFactor + (atHalf - stillAirFactor) * Math.Max(0.0, duty) / MinAirflowRatio;
    }

    /// <summary>Piecewise-linear value of <paramref name="ys"/> over <paramref name="xs"/> at <paramref name="x"/>, held at the ends.</summary>
    public static double Interpolate(double[] xs, double[] ys, double x)
    {
        if (x <= xs[0]) return ys[0];
        int last = xs.Length - 1;
        if (x >= xs[last]) return ys[last];
        int i = 1;
        while (xs[i] < x) i++;
        double f = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
        return ys[i - 1] + f * (ys[i] - ys[i - 1]);
    }

    /// <summary>Heating capacity multiplier for indoor airflow ratio <paramref name="flow"/> (Cutler quadratic).</summary>
    public static double HeatingCapacityAirflowFactor(double flow)
    {
        flow = ClampFlow(flow);
        return 0.694045465 + flow * (0.474207981 - 0.168253446 * flow);
    }

    /// <summary>Heating EIR multiplier for indoor airflow ratio <paramref name="flow"/> (Cutler quadratic).</summary>
    public static double HeatingEirAirflowFactor(double flow)
    {
        flow = ClampFlow(flow);
        return 2.185418751 + flow * (-1.942827919 + 0.757409168 * flow);
    }

    /// <summary>Cooling capacity multiplier for indoor airflow ratio <paramref name="flow"/> (Cutler quadratic).</summary>
    public static double CoolingCapacityAirflowFactor(double flow)
    {
        flow = ClampFlow(flow);
        return 0.718664047 + flow * (0.41797409 - 0.136638137 * flow);
    }

    /// <summary>Cooling EIR multiplier for indoor airflow ratio <paramref name="flow"/> (Cutler quadratic).</summary>
    public static double CoolingEirAirflowFactor(double flow)
    {
        flow = ClampFlow(flow);
        return 1.143487507 + flow * (-0.13943972 - 0.004047787 * flow);
    }

    private static double ClampFlow(double flow) => Math.Clamp(flow, MinAirflowRatio, 1.0);
}

/// <summary>
/// A function of one variable sampled on an even grid and interpolated linearly: the per-step
/// plant reads capacities from these instead of searching the curve points.
/// </summary>
public sealed class LinearTable
{
    private readonly double[] _values;
    private readonly double _min;
    private readonly double _inverseStep;

    /// <summary>Samples <paramref name="f"/> from <paramref name="min"/> to <paramref name="max"/> every <paramref name="step"/>.</summary>
    public LinearTable(Func<double, double> f, double min, double max, double step)
    {
        int n = (int)Math.Round((max - min) / step) + 1;
        _values = new double[n];
        for (int i = 0; i < n; i++) _values[i] = f(min + i * step);
        _min = min;
        _inverseStep = 1.0 / step;
    }

    /// <summary>The interpolated value at <paramref name="x"/>, held at the table's ends.</summary>
    public double this[double x]
    {
        get
        {
            double p = (x - _min) * _inverseStep;
            if (!(p > 0)) return _values[0];
            int i = (int)p;
            if (i >= _values.Length - 1) return _values[^1];
            double f = p - i;
            return _values[i] + f * (_values[i + 1] - _values[i]);
        }
    }
}
