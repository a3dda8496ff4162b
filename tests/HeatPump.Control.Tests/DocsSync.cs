namespace HeatPump.Control.Tests;

/// <summary>
/// Keeps generated sections of docs/ equal to what the code says. A section sits between
/// <c>&lt;!-- BEGIN name --&gt;</c> and <c>&lt;!-- END name --&gt;</c>; run the tests with
/// UPDATE_DOCS=1 to rewrite it after a deliberate change.
/// </summary>
internal static class DocsSync
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "HeatPump.Firmware.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Returns the section's current text and, with UPDATE_DOCS=1, writes <paramref name="generated"/> into it.</summary>
    public static string Section(string relativePath, string name, string generated)
    {
        string path = Path.Combine(RepoRoot(), relativePath);
        string text = File.ReadAllText(path).Replace("\r\n", "\n");
        string begin = $"<!-- BEGIN {name} -->\n";
        string end = $"<!-- END {name} -->";
        int b = text.IndexOf(begin, StringComparison.Ordinal);
        int e = text.IndexOf(end, StringComparison.Ordinal);
        if (b < 0 || e < b)
        {
            throw new InvalidOperationException($"{relativePath} has no generated section '{name}'");
        }

        string current = text.Substring(b + begin.Length, e - b - begin.Length);
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1" && current != generated)
        {
            File.WriteAllText(path, text.Substring(0, b + begin.Length) + generated + text.Substring(e));
            return generated;
        }

        return current;
    }
}
