using Xunit;
using Xunit.Abstractions;

namespace NanoChecks.Tests;

/// <summary>
/// The control step allocates nothing on nanoCLR, counted by nanoCLR's own rules (docs/testing.md,
/// "Allocations on nanoCLR"), and the scanner that counts them finds each kind of allocation.
/// </summary>
public class AllocationTests
{
    /// <summary>
    /// Where the per-tick code starts. Everything reachable from these, through calls, constructors
    /// and virtual or interface calls into the core, must allocate nothing; a board loop that moves
    /// into the core joins this list.
    /// </summary>
    public static readonly string[] TickEntryPoints =
    {
        "HeatPump.Control.ControlCore.Step",
    };

    /// <summary>
    /// Sites in the tick that are accepted, by <see cref="AllocationSite.Key"/>, each with the reason
    /// it is bounded. Empty: the control step allocates nothing.
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new();

    private readonly ITestOutputHelper _output;

    public AllocationTests(ITestOutputHelper output) => _output = output;

    private static string Built(string fileName) => NanoAssemblyTests.Built(fileName);

    private static string NanoMscorlib => Built(Path.Combine("nano", "mscorlib.dll"));

    private static AllocationReport ScanFixture(string entry) =>
        AllocationScanner.Scan(Built("AllocationFixture.dll"), new[] { "AllocationFixture.Allocations." + entry }, NanoMscorlib);

    [Fact]
    public void Control_step_allocates_nothing_on_nanoCLR()
    {
        AllocationReport report = AllocationScanner.Scan(Built("HeatPump.Control.Nano.dll"), TickEntryPoints, NanoMscorlib);
        _output.WriteLine($"{report.ReachableMethods.Count} methods reachable from {string.Join(", ", TickEntryPoints)}; {report.Sites.Count} allocation sites");
        foreach (AllocationSite site in report.Sites)
        {
            _output.WriteLine("  " + site);
        }

        // Guards the check against passing on a walk that stopped early.
        void Reached(string method) =>
            Assert.True(report.ReachableMethods.Any(m => m == method || m.StartsWith(method + "(", StringComparison.Ordinal)), method + " not reached");
        Reached("HeatPump.Control.Protection.SafetyGuard.Apply");
        Reached("HeatPump.Control.FrontPanel.DisplayRenderer.Render");
        Reached("HeatPump.Control.Sensors.SensorValidator.Update");
        Reached("HeatPump.Control.States.DefrostState.Step"); // only through a virtual call

        List<AllocationSite> unexpected = report.Sites.Where(s => !Allowed.ContainsKey(s.Key)).ToList();
        Assert.True(unexpected.Count == 0,
            $"{unexpected.Count} heap allocation sites on nanoCLR in the control step (method, IL offset, kind: detail); "
            + "see docs/testing.md, \"Allocations on nanoCLR\", for what allocates there and how to avoid it:\n  "
            + string.Join("\n  ", unexpected));
    }

    /// <summary>
    /// The Home Assistant bridge runs after the step, never in it, and may allocate a bounded amount
    /// (docs/home-assistant.md): the string headers its literals take on nanoCLR, and the reason text
    /// of a refused command. It must not allocate objects, arrays, boxes or struct copies.
    /// </summary>
    [Fact]
    public void Publishing_allocates_only_string_headers_and_refusal_text_on_nanoCLR()
    {
        string[] entry = { "HeatPump.Control.Remote.HomeAssistantBridge.Service" };
        AllocationReport report = AllocationScanner.Scan(Built("HeatPump.Control.Nano.dll"), entry, NanoMscorlib);
        var byKind = report.Sites.GroupBy(s => s.Kind).OrderBy(g => g.Key).ToList();
        _output.WriteLine($"{report.ReachableMethods.Count} methods reachable from {entry[0]}; {report.Sites.Count} allocation sites");
        foreach (var g in byKind)
        {
            _output.WriteLine($"  {g.Key}: {g.Count()}");
        }

        foreach (AllocationSite site in report.Sites)
        {
            _output.WriteLine("  " + site);
        }

        Assert.Contains("HeatPump.Control.Remote.HomeAssistantBridge.WriteState", report.ReachableMethods.Select(m => m.Split('(')[0]));
        // A refusal's reason is a concatenation, whose argument array is the one array allowed.
        List<AllocationSite> objects = report.Sites
            .Where(s => s.Kind != AllocationScanner.StringLiteral && s.Kind != AllocationScanner.StringBuilding)
            .Where(s => !(s.Kind == AllocationScanner.NewArray && s.Detail == "System.String[]" && s.Method.StartsWith("HeatPump.Control.Settings.ControllerSettings.", StringComparison.Ordinal)))
            .ToList();
        Assert.True(objects.Count == 0, "objects, arrays, boxes or struct copies while publishing:\n  " + string.Join("\n  ", objects));
    }

    /// <summary>
    /// Where the board loop may allocate on nanoCLR, by method, and why each is bounded. Everything
    /// else BoardLoop.Tick reaches - the 1-Wire slices, the poller, the display slices, the storage
    /// guard, the control step - must allocate nothing.
    /// </summary>
    private static readonly string[] BoardLoopAllocatingMethods =
    {
        // Log lines: an EVT line in a tick where something a user notices changed, an STS line every 10 s,
        // SENSOR lines when output-test mode is entered or left (docs/serial-log.md).
        "HeatPump.Control.Logging.LogFormat.",
        "HeatPump.Control.Settings.SettingFormat.Scaled",
        "HeatPump.Control.ControlCore.get_Outputs",
        "HeatPump.Control.Board.LoopHealth.Describe",
        "HeatPump.Control.Board.BoardLoop.Report",
        "HeatPump.Control.Board.BoardLoop.LogBindings",
        "HeatPump.Control.Board.RomCode.ToHex",
        // The COMM line, once after a commissioning run finishes (20 minutes at the least).
        "HeatPump.Control.Board.BoardLoop.ReportCommissioning",
        "HeatPump.Control.Commissioning.CommissioningCodes.",
        // The learn dialog: an installer's action, a few dozen steps, each logged.
        "HeatPump.Control.Board.LearnDialog.",
        "HeatPump.Control.Board.BoardLoop.ConfigureSlice",
        // Throws on a programming error (a buffer or a transaction too small), never in a working tick.
        "HeatPump.Control.Settings.SettingsRecord.Encode IL_",
        "HeatPump.Control.Service.ServiceRecord.Encode IL_",
        "HeatPump.Control.Commissioning.CommissioningRecord.Encode IL_",
        "HeatPump.Control.Board.OneWireTransaction.Add IL_",
    };

    [Fact]
    public void Board_loop_allocates_only_for_log_lines_the_learn_dialog_and_throws()
    {
        AllocationReport report = AllocationScanner.Scan(Built("HeatPump.Control.Nano.dll"), new[] { "HeatPump.Control.Board.BoardLoop.Tick" }, NanoMscorlib);
        _output.WriteLine($"{report.ReachableMethods.Count} methods reachable from BoardLoop.Tick; {report.Sites.Count} allocation sites, by method:");
        foreach (IGrouping<string, AllocationSite> g in report.Sites.GroupBy(s => s.ToString().Split(' ')[0]).OrderByDescending(g => g.Count()))
        {
            _output.WriteLine($"  {g.Count(),3} {g.Key}");
        }

        Assert.Contains("HeatPump.Control.ControlCore.Step", report.ReachableMethods.Select(m => m.Split('(')[0]));
        Assert.Contains("HeatPump.Control.Board.OneWireTransaction.RunSlice", report.ReachableMethods.Select(m => m.Split('(')[0]));
        Assert.Contains("HeatPump.Control.Board.PanelDisplay.WriteSlice", report.ReachableMethods.Select(m => m.Split('(')[0]));
        List<string> unexpected = report.Sites.Select(s => s.ToString())
            .Where(s => !BoardLoopAllocatingMethods.Any(m => s.StartsWith(m, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0,
            $"{unexpected.Count} heap allocation sites on nanoCLR in the board loop's steady tick:\n  " + string.Join("\n  ", unexpected));
    }

    [Fact]
    public void Scanner_counts_struct_locals_copies_parameters_and_returns()
    {
        List<string> sites = ScanFixture("StructLocalCopyAndReturn").Sites.Select(s => s.ToString()).ToList();
        string all = string.Join("\n", sites);

        Assert.Contains(sites, s => s.StartsWith("AllocationFixture.Allocations.StructLocalCopyAndReturn (frame): struct local: AllocationFixture.Reading", StringComparison.Ordinal));
        Assert.Contains(sites, s => s.StartsWith("AllocationFixture.Allocations.StructLocalCopyAndReturn (frame): struct return: AllocationFixture.Reading", StringComparison.Ordinal));
        Assert.Contains(sites, s => s.StartsWith("AllocationFixture.Allocations.Pass (frame): by-value struct parameter: AllocationFixture.Reading r", StringComparison.Ordinal));
        Assert.Contains(sites, s => s.StartsWith("AllocationFixture.Allocations.Pass IL_", StringComparison.Ordinal) && s.Contains(": struct copy: ldarg.0 0 (AllocationFixture.Reading)"));
        Assert.True(sites.Count(s => s.StartsWith("AllocationFixture.Allocations.StructLocalCopyAndReturn IL_", StringComparison.Ordinal) && s.Contains(": struct copy: ldloc")) >= 1, all);
    }

    [Fact]
    public void Scanner_counts_copies_out_of_fields_and_arrays()
    {
        List<AllocationSite> sites = ScanFixture("FieldAndElementCopies").Sites.ToList();
        string all = string.Join("\n", sites);

        Assert.True(sites.Any(s => s.Kind == AllocationScanner.StructCopy && s.Detail == "ldfld AllocationFixture.Allocations._reading (AllocationFixture.Reading)"), all);
        Assert.True(sites.Any(s => s.Kind == AllocationScanner.StructCopy && s.Detail == "ldelem AllocationFixture.Reading"), all);
        Assert.True(sites.Any(s => s.Kind == AllocationScanner.StructParameter && s.Method == "AllocationFixture.Allocations.Take"), all);
    }

    [Theory]
    [InlineData("NewObject", AllocationScanner.NewObject, "AllocationFixture.AllocatingStage..ctor")]
    [InlineData("BoxInt", AllocationScanner.Box, "System.Int32")]
    [InlineData("Strings", AllocationScanner.StringLiteral, "\"count \"")]
    [InlineData("Strings", AllocationScanner.StringBuilding, "System.String.Concat")]
    [InlineData("Strings", AllocationScanner.StringBuilding, "System.Int32.ToString")]
    public void Scanner_counts_each_instruction_that_allocates(string entry, string kind, string detail)
    {
        List<AllocationSite> sites = ScanFixture(entry).Sites.ToList();
        Assert.True(sites.Any(s => s.Kind == kind && s.Detail == detail && s.ILOffset >= 0),
            $"expected '{kind}: {detail}' with an IL offset in:\n{string.Join("\n", sites)}");
    }

    [Fact]
    public void Scanner_follows_virtual_calls_into_overrides()
    {
        AllocationReport report = ScanFixture("VirtualCall");
        Assert.Contains("AllocationFixture.AllocatingStage.Run", report.ReachableMethods);
        Assert.Contains(report.Sites, s => s.Method == "AllocationFixture.AllocatingStage.Run" && s.Kind == AllocationScanner.NewArray && s.Detail == "System.Int32[]");
    }

    [Fact]
    public void Scanner_follows_interface_calls_into_explicit_implementations()
    {
        AllocationReport report = ScanFixture("InterfaceCall");
        Assert.Contains(report.Sites, s => s.Method == "AllocationFixture.BoxingSink.AllocationFixture.ISink.Put" && s.Kind == AllocationScanner.Box);
    }

    [Fact]
    public void Scanner_finds_nothing_where_nanoCLR_allocates_nothing()
    {
        // Enums, long, DateTime (its own data type on nanoCLR), struct fields reached through a
        // managed pointer, a field-by-field copy and an initobj allocate nothing.
        AllocationReport report = ScanFixture("Clean");
        Assert.Contains("AllocationFixture.Reading.CopyFrom", report.ReachableMethods);
        Assert.True(report.Sites.Count == 0, string.Join("\n", report.Sites));
    }

    [Fact]
    public void Scanner_refuses_an_entry_point_that_does_not_exist()
    {
        Assert.Throws<ArgumentException>(() => ScanFixture("NoSuchMethod"));
    }
}
