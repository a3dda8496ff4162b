using System.Diagnostics;
using HeatPump.Control;
using HeatPump.Control.Sensors;
using HeatPump.Control.Settings;
using HeatPump.Control.States;
using HeatPump.Simulator.Plant;
using HeatPump.Simulator.Weather;
using Xunit;
using Xunit.Abstractions;

namespace HeatPump.Proof.Tests.Faults;

/// <summary>
/// The long soak: the control core in Auto against the simulator's plant through the built-in
/// "year" climate, with sensor faults of every kind injected at random (one every few days, from a
/// minute to six hours long). No invariant may break, and the core's step must allocate nothing on
/// any day, first to last. CI runs the first 30 days; before a release run the whole year with
/// <c>PROOF_SOAK_DAYS=365 dotnet test tests/HeatPump.Proof.Tests --filter Soak</c> (docs/testing.md).
/// </summary>
public class SoakTests
{
    /// <summary>Days the soak runs in CI.</summary>
    public const int CiDays = 30;

    private readonly ITestOutputHelper _output;

    public SoakTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static int Days => int.TryParse(Environment.GetEnvironmentVariable("PROOF_SOAK_DAYS"), out int d) && d > 0 ? d : CiDays;

    /// <summary>Random faults for <paramref name="days"/>: one starting every 1–5 days, any sensor, any kind, 1 min to 6 h.</summary>
    public static FaultSchedule RandomFaults(int days, int seed)
    {
        var r = new Random(seed);
        var faults = new List<SensorFault>();
        double t = 3600 * 6;
        while (t < days * 86400.0)
        {
            var kind = (SensorFaultKind)r.Next(6);
            double duration = 60 + r.NextDouble() * 6 * 3600;
            faults.Add(new SensorFault((SensorRole)r.Next(3), kind, FaultMatrix.Parameter(kind), t, duration));
            t += duration + 86400 * (1 + r.NextDouble() * 4);
        }

        return new FaultSchedule(faults);
    }

    [Fact]
    public void Soak_with_random_faults_keeps_every_invariant_and_allocates_nothing_per_tick()
    {
        int days = Days;

        // One-time costs (static tables built on first use, first calls) are paid before the soak
        // measures: the claim is about the steady tick, from the first simulated day on.
        var warm = NewRig(1, 99);
        warm.RunTo(86_400_000L);

        var rig = NewRig(days, 2024);
        int faults = rig.Sensors.Faults.Faults.Count;
        var allocatedPerDay = new long[days];
        int faultTicks = 0;
        var clock = Stopwatch.StartNew();
        for (int day = 0; day < days; day++)
        {
            long before = rig.CoreAllocatedBytes;
            long endMs = (day + 1) * 86_400_000L;
            while (rig.NowMs < endMs)
            {
                rig.Tick();
                if (rig.Core.Controller.State == TopState.Fault)
                {
                    faultTicks++;
                }
            }

            allocatedPerDay[day] = rig.CoreAllocatedBytes - before;
            Assert.True(rig.Referee.Total == 0, $"day {day + 1}: {rig.Referee.FirstMessage}");
        }

        clock.Stop();
        Controller c = rig.Core.Controller;
        string summary = $"soak: {days} days, {rig.Ticks:N0} ticks in {clock.Elapsed.TotalSeconds:F1} s; {faults} sensor faults injected; "
            + $"{c.DefrostCount} defrosts, {faultTicks:N0} ticks in Fault; invariant breaches {rig.Referee.Total}; "
            + $"core allocation {rig.CoreAllocatedBytes} bytes (days with any: {allocatedPerDay.Count(b => b != 0)})";
        _output.WriteLine(summary);
        Console.WriteLine("[proof] " + summary);

        var allocatingDays = Enumerable.Range(0, days).Where(d => allocatedPerDay[d] != 0).Select(d => $"day {d + 1}: {allocatedPerDay[d]} B").ToList();
        Assert.True(allocatingDays.Count == 0, "the core step allocated on " + string.Join(", ", allocatingDays));
        if (days >= CiDays)
        {
            Assert.True(faults > 0 && faultTicks > 0, "faults were injected and some reached the controller");
            Assert.True(c.DefrostCount > 0, "the winter brought defrosts");
        }
    }

    private static FaultRig NewRig(int days, int seed)
    {
        var s = new ControllerSettings();
        s.TrySet(SettingId.Mode, (int)UserMode.Auto, out _);
        IWeather weather = WeatherLibrary.Create(WeatherLibrary.Year, Math.Max(days, 1), seed);
        return new FaultRig(s, weather, RandomFaults(days, seed), 20, seed);
    }
}
