// Checks a packages.config against the packages NuGet restored: for every pinned package, each
// dependency its .nuspec declares (the version it was built against) must be pinned too, with the
// same major.minor. nanoCLR binds assembly references by name and major.minor
// (nf-interpreter src/CLR/Core/TypeSystem.cpp), so a mismatch that restores and builds cleanly
// still fails on the board with "Link failure: some assembly references cannot be resolved".
//
// Usage: dotnet run .github/tools/CheckPackagePins.cs -- <packages directory> <packages.config>...
// Exit code 0 when every pin agrees, 1 with one line per disagreement, 2 on bad arguments.
using System.Xml.Linq;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: CheckPackagePins <packages directory> <packages.config>...");
    return 2;
}

string packagesDir = args[0];
int problems = 0;
foreach (string config in args.Skip(1))
{
    if (!File.Exists(config))
    {
        Console.WriteLine($"{config}: no such packages.config");
        problems++;
        continue;
    }

    XDocument pc = XDocument.Load(config);
    Dictionary<string, string> pins = pc.Root!.Elements("package")
        .ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!, StringComparer.OrdinalIgnoreCase);
    foreach ((string id, string version) in pins)
    {
        // nuget restore -PackagesDirectory extracts each package to <id>.<version>/ with its .nuspec.
        string? folder = Directory.Exists(packagesDir)
            ? Directory.GetDirectories(packagesDir).FirstOrDefault(d => string.Equals(Path.GetFileName(d), id + "." + version, StringComparison.OrdinalIgnoreCase))
            : null;
        string? nuspec = folder == null ? null : Directory.GetFiles(folder, "*.nuspec").FirstOrDefault();
        if (nuspec == null)
        {
            Console.WriteLine($"{config}: {id} {version} is not restored (no .nuspec under {packagesDir}/{id}.{version})");
            problems++;
            continue;
        }

        int before = problems;

        IEnumerable<XElement> deps = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency");
        foreach (XElement dep in deps)
        {
            string depId = (string)dep.Attribute("id")!;
            string builtAgainst = ((string?)dep.Attribute("version") ?? "").Trim('[', ']', '(', ')').Split(',')[0].Trim();
            if (!pins.TryGetValue(depId, out string? pinned))
            {
                Console.WriteLine($"{config}: {id} {version} was built against {depId} {builtAgainst}, which is not pinned");
                problems++;
            }
            else if (MajorMinor(pinned) != MajorMinor(builtAgainst))
            {
                Console.WriteLine($"{config}: {id} {version} was built against {depId} {builtAgainst}; pinned {pinned} differs in major.minor");
                problems++;
            }
        }

        if (problems == before)
        {
            Console.WriteLine($"{config}: {id} {version} ok");
        }
    }
}

Console.WriteLine(problems == 0 ? "package pins agree" : $"{problems} package pin problem(s)");
return problems == 0 ? 0 : 1;

static string MajorMinor(string version)
{
    string[] parts = version.Split('.', '-');
    return parts.Length >= 2 ? parts[0] + "." + parts[1] : version;
}
