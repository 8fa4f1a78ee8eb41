using VoiceNote.Benchmarks;

// One entry point for every benchmark (build/bench.sh <command> [options]; docs/benchmarks.md):
//   notes     lists and search over seeded notes, API against direct SQL (the default)
//   auth      token issue and the per-request check (optionally after / before another build)
//   uploads   upload throughput against a file copy, and concurrent uploads with the API's memory
//   pipeline  a 60-second recording from upload to a completed processing job
//   streams   normal requests while one user holds the most progress streams it may, against none
//   cases     the case list of a user in 500 of 5,000 cases, API against direct SQL, with the plans
//   timeline  a case timeline of 10,000 entries among 200,000, API against direct SQL
//   exports   a two-hour note in every document format, and an account export of 1,000 notes and 5 GB of audio
//   analytics the operators' analytics page at 1,000,000 notes (rollups) against naive counts over the base tables
var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "notes";
var rest = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[1..] : args;
return command switch
{
    "notes" => await NotesBenchmark.RunAsync(BenchOptions.Parse(rest)),
    "auth" => await AuthLookupBenchmark.RunAsync(BenchOptions.Parse(rest, "voicenote_bench_auth")),
    "uploads" => await UploadBenchmark.RunAsync(BenchOptions.Parse(rest, "voicenote_bench_uploads")),
    // Its own database: uploads leave queued jobs (workers off) that a pipeline run's workers would pick up.
    "pipeline" => await PipelineBenchmark.RunAsync(BenchOptions.Parse(rest, "voicenote_bench_pipeline")),
    // Its own database too: its recording stays pending (workers off) so that its streams stay open.
    "streams" => await StreamsBenchmark.RunAsync(BenchOptions.Parse(rest, "voicenote_bench_streams")),
    "cases" => await CasesBenchmark.RunAsync(BenchOptions.Parse(rest, "voicenote_bench_cases")),
    "timeline" => await TimelineBenchmark.RunAsync(BenchOptions.Parse(rest, "voicenote_bench_timeline")),
    "exports" => await ExportsBenchmark.RunAsync(BenchOptions.Parse(rest, "voicenote_bench_exports")),
    "analytics" => await AnalyticsBenchmark.RunAsync(BenchOptions.Parse(rest, "voicenote_bench_analytics")),

    // One writer run in a process of its own, so its peak RSS is the writer's (the exports benchmark starts it).
    "export-one" => await ExportsBenchmark.WriteOneAsync(rest),
    _ => Unknown(command),
};

static int Unknown(string command)
{
    Console.Error.WriteLine($"Unknown benchmark '{command}'. Commands: notes (default), auth, uploads, pipeline, streams, cases, timeline, exports, analytics.");
    return 2;
}
