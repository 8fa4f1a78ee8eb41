using System.Globalization;

namespace VoiceNote.Benchmarks;

/// <summary>
/// Command-line options: <c>--name value</c> pairs; every one has a default (the figures). The
/// fields are the Notes benchmark's and the shared ones; the other benchmarks read theirs with
/// <see cref="Number"/> and <see cref="Text"/>.
/// </summary>
internal sealed record BenchOptions(
    string ConnectionString,
    string Database,
    string WebApiDll,
    int Port,
    int TotalNotes,
    int OtherUsers,
    int UserNotes,
    bool SkipSeed,
    string MaintenanceWorkMem,
    int Workers,
    int RecallQueries,
    int? DeepPage,
    int Warmup,
    int Samples,
    int Concurrency,
    int ThroughputCalls,
    string? Output,
    IReadOnlyDictionary<string, string> Values)
{
    public int Number(string name, int fallback) => Values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string Text(string name, string fallback) => Values.GetValueOrDefault(name, fallback);

    public static BenchOptions Parse(string[] args, string defaultDatabase = "voicenote_bench")
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                flags.Add(args[i][2..]);
            }
        }

        string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var connection = values.GetValueOrDefault("db")
            ?? Environment.GetEnvironmentVariable("VOICENOTE_BENCH_DB")
            ?? Environment.GetEnvironmentVariable("VOICENOTE_DB")
            ?? throw new ArgumentException("Give --db or VOICENOTE_BENCH_DB / VOICENOTE_DB (a server where databases may be created).");
        return new BenchOptions(
            connection,
            Text("database", defaultDatabase),
            Path.GetFullPath(Text("webapi", "src/WebApi/bin/Release/net10.0/VoiceNote.WebApi.dll")),
            Number("port", 5199),
            Number("notes", 200_000),
            Number("users", 1_000),
            Number("user-notes", 20_000),
            flags.Contains("skip-seed"),
            Text("maintenance-work-mem", "512MB"),
            Number("workers", 2),
            Number("recall-queries", 100),
            values.TryGetValue("deep-page", out var deepPage) ? int.Parse(deepPage, CultureInfo.InvariantCulture) : null,
            Number("warmup", 50),
            Number("samples", 200),
            Number("concurrency", 4),
            Number("throughput", 400),
            values.GetValueOrDefault("output"),
            values);
    }
}
