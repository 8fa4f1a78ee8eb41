using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace VoiceNote.Benchmarks;

/// <summary>
/// What the per-request session check costs: the lookup SQL alone through Npgsql, and an authenticated
/// request (/api/v1/me: token validation + lookup + a query) next to an anonymous one (/health/live).
/// </summary>
internal static class AuthLookupBenchmark
{
    private const string LookupSql =
        """
        SELECT u.is_admin, u.admin_permissions FROM identity.sessions s JOIN identity.users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active AND NOT u.is_deleted
        """;

    /// <summary><c>build/bench.sh auth [--requests N]</c>: its own database and API process, then the table.</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var requests = options.Number("requests", 2000);
        var report = new BenchReport(options.Output);
        var connection = await BenchDatabase.EnsureAsync(options.ConnectionString, options.Database);
        var workDir = Directory.CreateTempSubdirectory("voicenote-bench-auth-").FullName;
        try
        {
            await using var api = await ApiProcess.StartAsync(options.WebApiDll, connection, options.Port, workDir, BenchDatabase.MasterKeyFile(options.Database));
            report.Line($"## Identity: the per-request session check — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            report.Line(string.Empty);
            report.Line($"Machine: {Machine.Describe()}. Release API on {api.BaseUrl}; {requests} requests per row after 50 warm-up calls.");
            report.Line(string.Empty);
            var figures = await RunAsync(new Uri(api.BaseUrl), connection, requests);
            report.Line(LoadFigures.Header);
            foreach (var figure in figures)
            {
                report.Line(figure.ToString());
            }

            report.Line(string.Empty);
            report.Line($"Load average at the end: {Machine.LoadAverage()}.");
            await report.SaveAsync();
            return figures.Any(f => f.Errors > 0) ? 1 : 0;
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    public static async Task<IReadOnlyList<LoadFigures>> RunAsync(Uri baseAddress, string connectionString, int requests)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var name = "bench_" + Guid.NewGuid().ToString("N")[..8];
        var password = "Bench-Passw0rd";
        (await http.PostAsJsonAsync("/api/v1/auth/register", new { email = $"{name}@example.test", username = name, password })).EnsureSuccessStatusCode();
        var signIn = await (await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = name, password })).Content.ReadFromJsonAsync<JsonElement>();
        var token = signIn.GetProperty("access_token").GetString()!;
        var sessionId = signIn.GetProperty("session_id").GetGuid();
        var userId = (await (await Authorized(http, token).GetAsync("/api/v1/me")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var results = new List<LoadFigures>
        {
            await LoadRun.RunAsync("session lookup SQL (Npgsql, 1 caller)", requests, 1, async () =>
            {
                await using var command = dataSource.CreateCommand(LookupSql);
                command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
                command.Parameters.Add(new NpgsqlParameter { Value = userId });
                await using var reader = await command.ExecuteReaderAsync();
                if (!await reader.ReadAsync())
                {
                    throw new InvalidOperationException("session not found");
                }
            }),
        };

        var authorized = Authorized(new HttpClient { BaseAddress = baseAddress }, token);
        foreach (var concurrency in new[] { 1, 8 })
        {
            results.Add(await LoadRun.RunAsync($"GET /health/live (anonymous, c={concurrency})", requests, concurrency, async () => (await http.GetAsync("/health/live")).EnsureSuccessStatusCode()));
            results.Add(await LoadRun.RunAsync($"GET /api/v1/me (token + session lookup, c={concurrency})", requests, concurrency, async () => (await authorized.GetAsync("/api/v1/me")).EnsureSuccessStatusCode()));
        }

        return results;
    }

    private static HttpClient Authorized(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
