using VoiceNote.AuthBenchmarks;

// Usage: VoiceNote.Benchmarks <suite> --base http://127.0.0.1:5080 --db "<Npgsql connection string>" [--requests N]
// Suites: auth. Prints a markdown table for docs/benchmarks.md.
var suite = args.FirstOrDefault() ?? "auth";
string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var baseAddress = new Uri(Option("--base", "http://127.0.0.1:5080"));
var connectionString = Option("--db", Environment.GetEnvironmentVariable("VOICENOTE_DB") ?? string.Empty);
var requests = int.Parse(Option("--requests", "2000"), System.Globalization.CultureInfo.InvariantCulture);

IReadOnlyList<Figures> figures = suite switch
{
    "auth" => await AuthLookupBenchmark.RunAsync(baseAddress, connectionString, requests),
    _ => throw new ArgumentException($"Unknown suite '{suite}'. Suites: auth."),
};

Console.WriteLine(Figures.Header);
foreach (var figure in figures)
{
    Console.WriteLine(figure);
}
