using System.Text;
using HeatPump.Control.Settings;
using Xunit;

namespace HeatPump.Control.Tests;

/// <summary>
/// docs/settings.md carries a table generated from SettingsCatalog; this test fails when the two
/// differ, so the documentation cannot drift from the firmware. Run it with UPDATE_SETTINGS_DOC=1
/// to rewrite the table after changing the catalog.
/// </summary>
public class SettingsDocTests
{
    private const string Begin = "<!-- BEGIN settings table: generated from SettingsCatalog by SettingsDocTests, do not edit by hand -->";
    private const string End = "<!-- END settings table -->";

    internal static string Table()
    {
        var sb = new StringBuilder();
        sb.Append("| key | default | range | step | unit | why |\n");
        sb.Append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < SettingsCatalog.Count; i++)
        {
            SettingDefinition d = SettingsCatalog.At(i);
            sb.Append("| `").Append(d.Key).Append("` | ")
              .Append(SettingFormat.Scaled(d.Default, d.Scale)).Append(" | ")
              .Append(SettingFormat.Scaled(d.Min, d.Scale)).Append(" … ").Append(SettingFormat.Scaled(d.Max, d.Scale)).Append(" | ")
              .Append(SettingFormat.Scaled(d.Step, d.Scale)).Append(" | ")
              .Append(d.Unit.Length == 0 ? "—" : d.Unit).Append(" | ")
              .Append(d.Why.Replace("|", "\\|")).Append(" |\n");
        }

        return sb.ToString();
    }

    internal static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HeatPump.Firmware.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new FileNotFoundException("repository root (HeatPump.Firmware.sln) not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Settings_doc_table_matches_the_catalog()
    {
        string path = RepositoryFile(Path.Combine("docs", "settings.md"));
        string doc = File.ReadAllText(path).Replace("\r\n", "\n");
        int begin = doc.IndexOf(Begin, StringComparison.Ordinal);
        int end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/settings.md lacks the generated-table markers");

        string current = doc.Substring(begin + Begin.Length, end - begin - Begin.Length);
        string expected = "\n" + Table();
        if (current != expected && Environment.GetEnvironmentVariable("UPDATE_SETTINGS_DOC") == "1")
        {
            File.WriteAllText(path, doc.Substring(0, begin + Begin.Length) + expected + doc.Substring(end));
            return;
        }

        Assert.True(current == expected,
            "docs/settings.md is out of date with SettingsCatalog; run the tests with UPDATE_SETTINGS_DOC=1 to regenerate it.\nExpected table:\n" + expected);
    }
}
