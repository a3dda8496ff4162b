using HeatPump.Control.Sensors;
using HeatPump.Control.Tests;
using HeatPump.Simulator.Plant;
using Xunit;
using Xunit.Abstractions;

namespace HeatPump.Proof.Tests.Faults;

/// <summary>
/// The fault-injection matrix over the simulator's physics: asserts the design's limits on every
/// cell and keeps docs/reliability.md equal to what the run measured (UPDATE_DOCS=1 rewrites it).
/// </summary>
public class FaultMatrixTests
{
    private static readonly Lazy<IReadOnlyList<CellResult>> Results = new(() =>
        FaultMatrix.Cells().AsParallel().AsOrdered().Select(c => FaultMatrix.Run(c.Item1, c.Item2, c.Item3)).ToList());

    private readonly ITestOutputHelper _output;

    public FaultMatrixTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Every_cell_keeps_the_outputs_safe()
    {
        var bad = Results.Value.Where(c => c.Violations != 0).ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
        Assert.Equal(3 * 6 * 4, Results.Value.Count);
    }

    [Fact]
    public void Detectable_faults_are_detected_within_30_s_and_no_bad_sample_is_used()
    {
        var late = Results.Value.Where(c => c.Detectable && !c.DetectedInTime).ToList();
        Assert.True(late.Count == 0, string.Join("\n", late));

        // Open wires and 85 °C resets leave no good sample: the sensor itself is declared failed.
        Assert.All(Results.Value.Where(c => c.Fault is SensorFaultKind.Open or SensorFaultKind.Reset85), c => Assert.True(c.SensorFailed, c.ToString()));
    }

    [Fact]
    public void Undetectable_faults_leave_the_sensor_trusted_and_the_controller_bounded()
    {
        foreach (var c in Results.Value.Where(c => !c.Detectable))
        {
            // One sensor cannot tell a stuck or slowly drifting reading from a real temperature:
            // it stays trusted, and the controller follows it within the invariants.
            Assert.False(c.SensorFailed, c.ToString());
            Assert.Equal(0, c.Violations);
            if (c.State == MatrixState.Defrost)
            {
                // A coil sensor that never warms cannot stretch a defrost past its maximum (I3).
                Assert.True(c.DefrostMeltMs > 0 && c.DefrostMeltMs <= 600_000 + 1000, c.ToString());
            }
        }

        // A coil sensor stuck at the start of a defrost never shows the coil warm: the defrost runs to
        // its maximum time, unless the plant's high-pressure switch trips first on the overheated coil
        // (a defrost with little ice) and aborts it: either way it never ends on coil temperature.
        var stuckCoilInDefrost = Results.Value.Single(c => c.Sensor == SensorRole.Coil && c.Fault == SensorFaultKind.Stuck && c.State == MatrixState.Defrost);
        Assert.True(stuckCoilInDefrost.Action.Contains("max time") || stuckCoilInDefrost.Action.Contains("aborted"), stuckCoilInDefrost.ToString());

        // An indoor sensor stuck while heating is believed: the controller heats on a reading the room has left 2 K behind.
        var stuckIndoorHeating = Results.Value.Single(c => c.Sensor == SensorRole.Indoor && c.Fault == SensorFaultKind.Stuck && c.State == MatrixState.HeatRunning);
        Assert.True(stuckIndoorHeating.BadAccepted > 0 && stuckIndoorHeating.WorstErrorK > 2, stuckIndoorHeating.ToString());
    }

    [Fact]
    public void Every_cell_recovers_after_60_s_of_good_readings()
    {
        var stuck = Results.Value.Where(c => !c.Recovered).ToList();
        Assert.True(stuck.Count == 0, string.Join("\n", stuck));
    }

    [Fact]
    public void Indoor_sensor_loss_is_a_fault_except_that_a_defrost_under_way_finishes()
    {
        foreach (var c in Results.Value.Where(c => c.Sensor == SensorRole.Indoor && c.SensorFailed))
        {
            Assert.Contains("Fault E1", c.Action);
        }
    }

    [Fact]
    public void Reliability_doc_matches_the_matrix()
    {
        string generated = FaultMatrix.Table(Results.Value);
        _output.WriteLine(generated);
        string current = DocsSync.Section("docs/reliability.md", "reliability", generated);
        Assert.Equal(generated, current);
    }
}
