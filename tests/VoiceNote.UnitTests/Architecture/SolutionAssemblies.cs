using System.Reflection;

namespace VoiceNote.UnitTests.Architecture;

/// <summary>The production assemblies of the solution, as built next to the tests.</summary>
internal static class SolutionAssemblies
{
    public static IReadOnlyList<Assembly> All { get; } = Load();

    public static IEnumerable<Type> Types => All.SelectMany(a => a.GetTypes());

    public static IEnumerable<(string Assembly, IEnumerable<string> References)> References =>
        All.Select(a => (a.GetName().Name!, a.GetReferencedAssemblies().Select(r => r.Name!)));

    private static List<Assembly> Load() =>
        Directory.GetFiles(AppContext.BaseDirectory, "VoiceNote.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.EndsWith("Tests", StringComparison.Ordinal) && !name.EndsWith("Benchmarks", StringComparison.Ordinal))
            .Select(name => Assembly.Load(name!))
            .ToList();
}
