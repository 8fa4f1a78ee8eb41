using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace VoiceNote.Benchmarks;

/// <summary>
/// One build of the API under test (before or after a change) on its own database and port, with a
/// registered user, its signed-in token and a partner client; measures the auth rows against it.
/// </summary>
internal sealed class AuthSide : IAsyncDisposable
{
    private const string Password = "Bench-Passw0rd";

    /// <summary>The password grant on purpose signs one account in hundreds of times a minute: lift the sign-in throttles, and run no jobs.</summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["RateLimits__auth__PermitLimit"] = "1000000",
        ["Auth__AccountAttemptsPerWindow"] = "1000000",
        ["Jobs__Enabled"] = "false",
    };

    private readonly ApiProcess _api;
    private readonly string _workDir;
    private readonly HttpClient _anonymous;
    private readonly HttpClient _authorized = new();
    private readonly NpgsqlDataSource _dataSource;
    private string _login = string.Empty;
    private string _clientId = string.Empty;
    private string _clientSecret = string.Empty;
    private SessionCheck? _check;

    private AuthSide(string name, ApiProcess api, string workDir, string connection)
    {
        Name = name;
        _api = api;
        _workDir = workDir;
        _anonymous = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        _authorized.BaseAddress = new Uri(api.BaseUrl);
        _dataSource = NpgsqlDataSource.Create(connection);
    }

    public string Name { get; }

    public string BaseUrl => _api.BaseUrl;

    /// <summary>"session lookup" or "live-token check": which per-request statement this side runs.</summary>
    public string CheckName => _check?.Name ?? "?";

    public static async Task<AuthSide> StartAsync(string name, string webApiDll, string serverConnection, string database, int port)
    {
        var connection = await BenchDatabase.EnsureAsync(serverConnection, database);
        var workDir = Directory.CreateTempSubdirectory($"voicenote-bench-auth-{name}-").FullName;
        var api = await ApiProcess.StartAsync(webApiDll, connection, port, workDir, BenchDatabase.MasterKeyFile(database), Settings);
        var side = new AuthSide(name, api, workDir, connection);
        try
        {
            await side.SetUpAsync();
            return side;
        }
        catch
        {
            await side.DisposeAsync();
            throw;
        }
    }

    /// <summary>The rows, in this order on every side and round (pairs are matched by position).</summary>
    public async Task<IReadOnlyList<LoadFigures>> MeasureAsync(int requests, int tokenRequests)
    {
        // Each password grant hashes the password; ten warm-up calls, not fifty.
        var rows = new List<LoadFigures>();
        foreach (var c in new[] { 1, 4 })
        {
            rows.Add(await LoadRun.RunAsync($"POST /connect/token, password grant (c={c})", tokenRequests, c, PasswordGrantAsync, warmup: 10));
        }

        foreach (var c in new[] { 1, 4 })
        {
            rows.Add(await LoadRun.RunAsync($"POST /connect/token, client_credentials (c={c})", tokenRequests, c, ClientCredentialsAsync, warmup: 10));
        }

        rows.Add(await LoadRun.RunAsync("per-request check SQL alone (Npgsql, c=1)", requests, 1, _check!.RunAsync));
        foreach (var c in new[] { 1, 8 })
        {
            rows.Add(await LoadRun.RunAsync($"GET /health/live (anonymous, c={c})", requests, c, async () => (await _anonymous.GetAsync("/health/live")).EnsureSuccessStatusCode()));
            rows.Add(await LoadRun.RunAsync($"GET /api/v1/me (token + check, c={c})", requests, c, async () => (await _authorized.GetAsync("/api/v1/me")).EnsureSuccessStatusCode()));
        }

        return rows;
    }

    private async Task SetUpAsync()
    {
        _login = "bench_" + Guid.NewGuid().ToString("N")[..8];
        (await _anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = $"{_login}@example.test", username = _login, password = Password })).EnsureSuccessStatusCode();
        var signIn = await ReadAsync(await _anonymous.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = _login, password = Password }));
        var token = signIn.GetProperty("access_token").GetString()!;
        _authorized.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var userId = (await ReadAsync(await _authorized.GetAsync("/api/v1/me"))).GetProperty("id").GetGuid();
        var client = await ReadAsync(await _authorized.PostAsJsonAsync("/api/v1/oauth-clients", new { name = "bench partner", scopes = new[] { "notes:read" } }));
        _clientId = client.GetProperty("clientId").GetString()!;
        _clientSecret = client.GetProperty("clientSecret").GetString()!;
        _check = SessionCheck.For(_dataSource, AccessTokenClaims.Read(token), userId, signIn.GetProperty("session_id").GetGuid());
    }

    // client_id names the app since OpenIddict; the older token endpoint ignores it.
    private Task PasswordGrantAsync() => TokenAsync(new() { ["grant_type"] = "password", ["client_id"] = "voicenote-app", ["username"] = _login, ["password"] = Password });

    private Task ClientCredentialsAsync() => TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = _clientId, ["client_secret"] = _clientSecret });

    private async Task TokenAsync(Dictionary<string, string> form)
    {
        using var response = await _anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        _authorized.Dispose();
        await _dataSource.DisposeAsync();
        await _api.DisposeAsync();
        Directory.Delete(_workDir, recursive: true);
    }
}
