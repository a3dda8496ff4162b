using System.Text.RegularExpressions;
using Xunit;

namespace HeatPump.Control.Tests.Architecture;

/// <summary>docs/architecture.md stays true: the files its walkthrough names exist, and its drawing of the layers is the code's.</summary>
public class ArchitectureDocsTests
{
    private static string Doc() => File.ReadAllText(Path.Combine(DocsSync.RepoRoot(), "docs", "architecture.md"));

    /// <summary>The text of the section under <paramref name="heading"/> (a "## " heading), up to the next one.</summary>
    private static string SectionUnder(string heading)
    {
        string doc = Doc();
        int start = doc.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/architecture.md has no section '" + heading + "'");
        int end = doc.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? doc.Substring(start) : doc.Substring(start, end - start);
    }

    [Fact]
    public void Every_file_and_folder_the_walkthrough_names_exists()
    {
        // A path is taken from the repository root when it starts with src/; a bare file name is in
        // the folder the row named last, and any other path in the project the row named last (the
        // control core unless the row says otherwise).
        string root = DocsSync.RepoRoot();
        var missing = new List<string>();
        int checkedPaths = 0;
        foreach (string row in SectionUnder("A newcomer's walkthrough").Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
        {
            string project = "src/HeatPump.Control/";
            string folder = project;
            foreach (Match m in Regex.Matches(row, @"`([A-Za-z0-9_./]+(?:\.cs|/))`"))
            {
                string path = m.Groups[1].Value;
                if (path.StartsWith("src/", StringComparison.Ordinal))
                {
                    project = string.Join("/", path.Split('/').Take(2)) + "/";
                    folder = path.EndsWith('/') ? path : project;
                }
                else
                {
                    path = (path.Contains('/') ? project : folder) + path;
                }

                checkedPaths++;
                string full = Path.Combine(root, path);
                if (!File.Exists(full) && !Directory.Exists(full))
                {
                    missing.Add(path);
                }
            }
        }

        Assert.True(checkedPaths > 20, $"only {checkedPaths} paths found in the walkthrough");
        Assert.True(missing.Count == 0, "the walkthrough names files that do not exist:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_drawing_of_the_layers_is_the_code()
    {
        // Each arrow A --> B of the drawing is a direct use (B uses A), and every direct use the
        // code makes follows the arrows, so the drawing neither invents a layer nor hides one.
        string section = SectionUnder("Layers of the core");
        int start = section.IndexOf("```mermaid", StringComparison.Ordinal);
        int end = section.IndexOf("```", start + 3, StringComparison.Ordinal);
        var edges = new HashSet<(string From, string To)>();
        foreach (string line in section.Substring(start, end - start).Split('\n').Where(l => l.Contains("-->", StringComparison.Ordinal)))
        {
            string[] stages = line.Split("-->").Select(s => s.Trim()).ToArray();
            for (int i = 0; i + 1 < stages.Length; i++)
            {
                foreach (string from in Nodes(stages[i]))
                {
                    foreach (string to in Nodes(stages[i + 1]))
                    {
                        edges.Add((from, to));
                    }
                }
            }
        }

        CoreFolders core = CoreFolders.Scan();
        var wrong = edges.Where(e => !core.UsedBy(e.To).Contains(e.From)).Select(e => $"{e.From} --> {e.To}: {e.To} does not use {e.From}").ToList();
        foreach (string folder in core.Folders)
        {
            foreach (string used in core.UsedBy(folder))
            {
                if (!Reaches(edges, used, folder))
                {
                    wrong.Add($"{folder} uses {used}, which the drawing does not put below it");
                }
            }
        }

        Assert.True(edges.Count > 10, $"only {edges.Count} arrows found in the drawing");
        Assert.True(wrong.Count == 0, "docs/architecture.md's layer drawing differs from the code:\n" + string.Join("\n", wrong));
    }

    /// <summary>The folders a stage of a Mermaid line names: "A &amp; B", or a node with a label, Root["…"] being the root.</summary>
    private static IEnumerable<string> Nodes(string stage) => stage.Split('&').Select(n =>
    {
        string id = n.Trim();
        int label = id.IndexOf('[', StringComparison.Ordinal);
        if (label >= 0) id = id.Substring(0, label);
        return id == "Root" ? CoreFolders.Root : id;
    });

    private static bool Reaches(HashSet<(string From, string To)> edges, string from, string to)
    {
        var seen = new HashSet<string> { from };
        var queue = new Queue<string>(seen);
        while (queue.Count > 0)
        {
            string at = queue.Dequeue();
            if (at == to) return true;
            foreach (var e in edges.Where(e => e.From == at && seen.Add(e.To))) queue.Enqueue(e.To);
        }

        return false;
    }
}
