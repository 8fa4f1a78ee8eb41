using System.Reflection;
using System.Text.Json;

namespace VoiceNote.UnitTests.Architecture;

/// <summary>What one assembly references: in its compiled metadata (the assemblies whose types it uses) and in its project file.</summary>
/// <param name="Declared">
/// Its direct project and package references, as the build wrote them into deps.json: a reference nothing
/// uses leaves no trace in the metadata but still drags its packages into every consumer.
/// </param>
internal sealed record AssemblyReferences(string Assembly, IReadOnlyList<string> Compiled, IReadOnlyList<string> Declared)
{
    public IReadOnlyList<string> All => Compiled.Union(Declared, StringComparer.Ordinal).ToList();
}

/// <summary>The production assemblies of the solution, as built next to the tests.</summary>
internal static class SolutionAssemblies
{
    public static IReadOnlyList<Assembly> All { get; } = Load();

    /// <summary>The same assemblies as ArchUnitNET sees them (read with Mono.Cecil, method bodies included); loaded once, on first use.</summary>
    public static ArchUnitNET.Domain.Architecture Architecture => ArchUnit.Value;

    public static IEnumerable<Type> Types => All.SelectMany(a => a.GetTypes());

    public static IReadOnlyList<AssemblyReferences> AssemblyReferences { get; } = ReadReferences();

    public static IEnumerable<(string Assembly, IEnumerable<string> References)> References =>
        AssemblyReferences.Select(a => (a.Assembly, (IEnumerable<string>)a.All));

    private static Lazy<ArchUnitNET.Domain.Architecture> ArchUnit { get; } = new(() => new ArchUnitNET.Loader.ArchLoader().LoadAssemblies([.. All]).Build());

    private static List<Assembly> Load() =>
        Directory.GetFiles(AppContext.BaseDirectory, "VoiceNote.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.EndsWith("Tests", StringComparison.Ordinal) && !name.EndsWith("Benchmarks", StringComparison.Ordinal))
            .Select(name => Assembly.Load(name!))
            .ToList();

    private static List<AssemblyReferences> ReadReferences()
    {
        var declared = DeclaredDependencies();
        return All.Select(a => a.GetName().Name!)
            .Select(name => new AssemblyReferences(
                name,
                All.Single(a => a.GetName().Name == name).GetReferencedAssemblies().Select(r => r.Name!).ToList(),
                declared.TryGetValue(name, out var dependencies) ? dependencies : throw new InvalidOperationException($"deps.json does not list {name}")))
            .ToList();
    }

    /// <summary>Each project's direct dependencies by name, from the test project's deps.json (which lists every project it pulls in).</summary>
    private static Dictionary<string, IReadOnlyList<string>> DeclaredDependencies()
    {
        var path = Path.Combine(AppContext.BaseDirectory, $"{typeof(SolutionAssemblies).Assembly.GetName().Name}.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(path));
        var target = deps.RootElement.GetProperty("targets").EnumerateObject().First().Value;
        return target.EnumerateObject()
            .Where(library => library.Name.StartsWith("VoiceNote.", StringComparison.Ordinal))
            .ToDictionary(
                library => library.Name.Split('/')[0],
                library => (IReadOnlyList<string>)(library.Value.TryGetProperty("dependencies", out var dependencies)
                    ? dependencies.EnumerateObject().Select(d => d.Name).ToList()
                    : []));
    }
}
