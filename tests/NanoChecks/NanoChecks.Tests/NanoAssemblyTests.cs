using Xunit;

namespace NanoChecks.Tests;

public class NanoAssemblyTests
{
    /// <summary>
    /// The control core as NanoCore compiled it against nanoFramework's mscorlib, and the fixtures:
    /// copied next to this test assembly by their project references, so the path holds for Debug
    /// and Release alike.
    /// </summary>
    internal static string Built(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, fileName);
        Assert.True(File.Exists(path), $"{fileName} was not built next to the tests ({AppContext.BaseDirectory}); build tests/NanoChecks/NanoChecks.Tests, which builds it first");
        return path;
    }

    private static string NanoCore => Built("HeatPump.Control.Nano.dll");

    private static string Fixture => Built("GenericsFixture.dll");

    [Fact]
    public void The_scanned_assembly_is_the_whole_control_core()
    {
        // Guards the scan below against passing on an empty or wrong assembly.
        List<string> types = MetadataScanner.DefinedTypes(NanoCore);
        Assert.Contains("HeatPump.Control.ControlCore", types);
        Assert.Contains("HeatPump.Control.Settings.SettingsRecord", types);
        Assert.Contains("HeatPump.Control.Sensors.SensorValidator", types);
    }

    [Fact]
    public void Control_core_uses_no_generics_and_no_multidimensional_arrays()
    {
        List<string> findings = MetadataScanner.Scan(NanoCore);
        Assert.True(findings.Count == 0,
            "nanoFramework cannot run these, found in HeatPump.Control.Nano.dll:\n  " + string.Join("\n  ", findings));
    }

    [Fact]
    public void Control_core_references_only_mscorlib()
    {
        Assert.Equal(new[] { "mscorlib" }, MetadataScanner.ReferencedAssemblies(NanoCore));
    }

    [Fact]
    public void Scanner_reports_each_kind_of_generic_in_the_fixture()
    {
        List<string> findings = MetadataScanner.Scan(Fixture);
        string all = string.Join("\n", findings);

        void Has(string kind, string detail) =>
            Assert.True(findings.Any(f => f.StartsWith(kind + ":", StringComparison.Ordinal) && f.Contains(detail, StringComparison.Ordinal)),
                $"expected a '{kind}' finding mentioning '{detail}' in:\n{all}");

        Has(MetadataScanner.GenericTypeDefinition, "GenericsFixture.Box`1");
        Has(MetadataScanner.GenericMethodDefinition, "GenericsFixture.Holder.Identity");
        Has(MetadataScanner.GenericParameter, "T of GenericsFixture.Box`1");
        Has(MetadataScanner.GenericParameter, "T of GenericsFixture.Holder.Identity");
        Has(MetadataScanner.GenericTypeSpec, "System.Collections.Generic.List`1<int32>");
        Has(MetadataScanner.GenericMethodSpec, "GenericsFixture.Holder.Identity<int32>");
        Has(MetadataScanner.GenericTypeReference, "System.Collections.Generic.List`1");
        Has(MetadataScanner.GenericTypeReference, "System.Nullable`1");
        Has(MetadataScanner.GenericInSignature, "field GenericsFixture.Holder.Numbers");
        Has(MetadataScanner.GenericInSignature, "field GenericsFixture.Holder.Maybe");
        Has(MetadataScanner.MultidimensionalArray, "field GenericsFixture.Grid.Cells");
    }

    [Fact]
    public void Reference_check_sees_a_netstandard_assembly()
    {
        Assert.Contains("netstandard", MetadataScanner.ReferencedAssemblies(Fixture));
    }
}
