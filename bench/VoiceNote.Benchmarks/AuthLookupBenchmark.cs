namespace VoiceNote.Benchmarks;

/// <summary>
/// What signing in and the per-request check cost: token issue (password and client_credentials
/// grants), the check's SQL alone through Npgsql, and an authenticated request (/api/v1/me: token
/// validation + check + a query) next to an anonymous one (/health/live). With --before-webapi it
/// measures an older build too, each on its own database, alternating sides round by round.
/// </summary>
internal static class AuthLookupBenchmark
{
    /// <summary><c>build/bench.sh auth [--requests N] [--token-requests N] [--rounds N] [--before-webapi DLL]</c>.</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var requests = options.Number("requests", 2000);
        var tokenRequests = options.Number("token-requests", 300);
        var beforeDll = options.Values.GetValueOrDefault("before-webapi");
        var rounds = options.Number("rounds", beforeDll is null ? 1 : 2);
        var report = new BenchReport(options.Output);
        var sides = new List<AuthSide>();
        try
        {
            // Before first, so that within every round it runs first too.
            if (beforeDll is not null)
            {
                sides.Add(await AuthSide.StartAsync("before", Path.GetFullPath(beforeDll), options.ConnectionString, options.Database + "_before", options.Port + 1));
            }

            sides.Add(await AuthSide.StartAsync(beforeDll is null ? "current" : "after", options.WebApiDll, options.ConnectionString, beforeDll is null ? options.Database : options.Database + "_after", options.Port));
            report.Line($"## Identity: token issue and the per-request check — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            report.Line(string.Empty);
            report.Line($"Machine: {Machine.Describe()}. Release APIs: {string.Join("; ", sides.Select(s => $"{s.Name} on {s.BaseUrl} ({s.CheckName})"))}. "
                + $"{tokenRequests} requests per token row after 10 warm-up calls, {requests} per other row after 50; {rounds} round(s) a side, alternating.");
            report.Line(string.Empty);

            var figures = sides.Select(_ => new List<IReadOnlyList<LoadFigures>>()).ToList();
            for (var round = 1; round <= rounds; round++)
            {
                for (var i = 0; i < sides.Count; i++)
                {
                    var rows = await sides[i].MeasureAsync(requests, tokenRequests);
                    figures[i].Add(rows);
                    report.Line($"### Round {round}, {sides[i].Name} (load average at its end: {Machine.LoadAverage()})");
                    report.Line(string.Empty);
                    WriteTable(report, rows);
                }
            }

            var medians = figures.Select(side => Enumerable.Range(0, side[0].Count).Select(row => AuthComparison.Median(side.Select(r => r[row]).ToList())).ToList()).ToList();
            report.Line($"### Medians over {rounds} round(s)");
            report.Line(string.Empty);
            if (medians.Count == 2)
            {
                report.Line(AuthComparison.Header);
                foreach (var (before, after) in medians[0].Zip(medians[1]))
                {
                    report.Line(AuthComparison.Row(before, after));
                }
            }
            else
            {
                WriteTable(report, medians[0]);
            }

            report.Line(string.Empty);
            report.Line($"Load average at the end: {Machine.LoadAverage()}.");
            await report.SaveAsync();
            return medians.SelectMany(m => m).Any(f => f.Errors > 0) ? 1 : 0;
        }
        finally
        {
            foreach (var side in sides)
            {
                await side.DisposeAsync();
            }
        }
    }

    private static void WriteTable(BenchReport report, IEnumerable<LoadFigures> rows)
    {
        report.Line(LoadFigures.Header);
        foreach (var row in rows)
        {
            report.Line(row.ToString());
        }

        report.Line(string.Empty);
    }
}
