using Xunit;

namespace HeatPump.Control.Tests.Architecture;

/// <summary>
/// The control core is layered by folder (docs/architecture.md): each folder uses only folders below
/// it, so a newcomer can read it bottom-up and a change low down cannot depend on one higher up.
/// </summary>
public class FolderLayerTests
{
    [Fact]
    public void No_folder_of_the_core_uses_a_folder_that_uses_it_back()
    {
        CoreFolders core = CoreFolders.Scan();
        List<List<string>> cycles = core.Cycles();
        string report = string.Join("\n", cycles.Select(group =>
            "  " + string.Join(" ⇄ ", group) + ":\n" + string.Join("\n", group.SelectMany(from =>
                core.Uses.TryGetValue(from, out var targets)
                    ? targets.Where(t => group.Contains(t.Key)).Select(t => $"    {from} → {t.Key} ({t.Value})")
                    : Enumerable.Empty<string>()))));
        Assert.True(cycles.Count == 0, "folders of src/HeatPump.Control that use each other:\n" + report);
    }

    [Fact]
    public void The_vocabulary_uses_no_other_folder()
    {
        CoreFolders core = CoreFolders.Scan();
        Assert.Empty(core.UsedBy("Vocabulary"));
    }

    [Fact]
    public void The_scan_sees_the_uses_every_tick_depends_on()
    {
        // Guards the two tests above against passing on a scan that finds nothing.
        CoreFolders core = CoreFolders.Scan();
        Assert.Contains("States", core.UsedBy(CoreFolders.Root));
        Assert.Contains("Settings", core.UsedBy("States"));
        Assert.Contains("Vocabulary", core.UsedBy("Protection"));
        Assert.Contains("Hal", core.Folders);
    }

    [Fact]
    public void The_scan_reports_two_folders_that_use_each_other()
    {
        // The cycle test must be able to fail: two folders whose types name each other are a cycle,
        // whether the use is a field, a base class or a call; a third folder used one way only is not.
        string dir = Path.Combine(Path.GetTempPath(), "core-folders-" + Guid.NewGuid().ToString("N"));
        try
        {
            Write(dir, "Top/Panel.cs", "namespace N.Top { public class Panel { public N.Mid.Machine M; } }");
            Write(dir, "Mid/Machine.cs", "namespace N.Mid { public class Machine { public void Show() { N.Top.Panel p = null; } } }");
            Write(dir, "Low/Word.cs", "namespace N.Low { public enum Word { A } }");
            Write(dir, "Mid/UsesLow.cs", "namespace N.Mid { public class UsesLow { public N.Low.Word W; } }");

            CoreFolders scan = new CoreFolders(dir);

            List<string> cycle = Assert.Single(scan.Cycles());
            Assert.Equal(new[] { "Mid", "Top" }, cycle);
            Assert.Contains("Low", scan.UsedBy("Mid"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static void Write(string dir, string relativePath, string text)
    {
        string path = Path.Combine(dir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path));
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Architecture_doc_lists_what_each_folder_uses()
    {
        CoreFolders core = CoreFolders.Scan();
        var rows = new System.Text.StringBuilder();
        rows.Append("| folder | uses |\n|---|---|\n");
        foreach (string folder in core.Folders)
        {
            string uses = string.Join(", ", core.UsedBy(folder).Select(f => "`" + f + "`"));
            rows.Append($"| `{folder}` | {(uses.Length == 0 ? "—" : uses)} |\n");
        }

        string generated = rows.ToString();
        Assert.Equal(generated, DocsSync.Section("docs/architecture.md", "core-folders", generated));
    }
}
