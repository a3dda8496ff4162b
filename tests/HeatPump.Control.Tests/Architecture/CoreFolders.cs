using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HeatPump.Control.Tests.Architecture;

/// <summary>
/// Which folder of the control core uses which: the core's sources compiled with Roslyn, every name in
/// code (not in comments) resolved to the type it means, and that type's file mapped to its folder.
/// A use inside one folder is not an edge; the root folder is named "(root)".
/// </summary>
internal sealed class CoreFolders
{
    public const string Root = "(root)";

    /// <summary>Folder → folder → one example use ("File.cs uses Type"), for the message when a test fails.</summary>
    public readonly SortedDictionary<string, SortedDictionary<string, string>> Uses = new(StringComparer.Ordinal);

    /// <summary>Every folder that holds core source.</summary>
    public readonly SortedSet<string> Folders = new(StringComparer.Ordinal);

    private static CoreFolders _scanned;

    public static CoreFolders Scan()
    {
        return _scanned ??= new CoreFolders(Path.Combine(DocsSync.RepoRoot(), "src", "HeatPump.Control"));
    }

    /// <summary>Scans the C# sources below <paramref name="coreDir"/> (bin/ and obj/ left out).</summary>
    public CoreFolders(string coreDir)
    {
        var trees = new List<SyntaxTree>();
        foreach (string file in Directory.EnumerateFiles(coreDir, "*.cs", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(coreDir, file).Replace('\\', '/');
            if (rel.StartsWith("bin/", StringComparison.Ordinal) || rel.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.CSharp7_3), rel));
            Folders.Add(FolderOf(rel));
        }

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("CoreFolders", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("the core does not compile for the folder scan:\n" + string.Join("\n", errors));
        }

        foreach (SyntaxTree tree in trees)
        {
            string from = FolderOf(tree.FilePath);
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (SimpleNameSyntax name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                INamedTypeSymbol type = OutermostType(model.GetSymbolInfo(name).Symbol);
                if (type == null)
                {
                    continue;
                }

                foreach (SyntaxReference declaration in type.DeclaringSyntaxReferences)
                {
                    string to = FolderOf(declaration.SyntaxTree.FilePath);
                    if (to != from)
                    {
                        if (!Uses.TryGetValue(from, out var targets))
                        {
                            Uses[from] = targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
                        }

                        targets.TryAdd(to, $"{Path.GetFileName(tree.FilePath)} uses {type.Name}");
                    }
                }
            }
        }
    }

    /// <summary>The folders <paramref name="folder"/> uses, directly.</summary>
    public IEnumerable<string> UsedBy(string folder)
    {
        return Uses.TryGetValue(folder, out var targets) ? targets.Keys : Enumerable.Empty<string>();
    }

    /// <summary>Groups of folders that use each other, directly or round a loop (Tarjan's strongly connected components of two or more).</summary>
    public List<List<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<List<string>>();
        int next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (string w in UsedBy(v))
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var group = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    group.Add(w);
                }
                while (w != v);
                if (group.Count > 1)
                {
                    group.Sort(StringComparer.Ordinal);
                    cycles.Add(group);
                }
            }
        }

        foreach (string f in Folders)
        {
            if (!index.ContainsKey(f))
            {
                Visit(f);
            }
        }

        return cycles;
    }

    private static string FolderOf(string relativePath)
    {
        int slash = relativePath.IndexOf('/');
        return slash < 0 ? Root : relativePath.Substring(0, slash);
    }

    private static INamedTypeSymbol OutermostType(ISymbol symbol)
    {
        if (symbol == null)
        {
            return null;
        }

        INamedTypeSymbol type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        while (type?.ContainingType != null)
        {
            type = type.ContainingType;
        }

        return type?.OriginalDefinition;
    }
}
