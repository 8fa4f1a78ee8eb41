using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace VoiceNote.Benchmarks;

/// <summary>The real API, as its own process (the built VoiceNote.WebApi.dll) on 127.0.0.1, pointed at the bench database.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>The API's process id (the dotnet host runs the app in-process), for /proc/&lt;pid&gt;/status.</summary>
    public int Id => _process.Id;

    /// <summary>Where the API keeps its files (<c>Storage:Root</c>): under <paramref name="workDir"/>, on the same disk.</summary>
    public static string StorageRoot(string workDir) => Path.Combine(workDir, "storage");

    /// <summary>Starts the API; <paramref name="settings"/> are extra configuration values (environment variables, <c>Section__Key</c>) that win over the defaults here.</summary>
    public static async Task<ApiProcess> StartAsync(string webApiDll, string connectionString, int port, string workDir, string masterKeyFile, IReadOnlyDictionary<string, string>? settings = null)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [webApiDll, "serve", "--urls", baseUrl])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDir,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ConnectionStrings__VoiceNote"] = connectionString;
        env["Database__MigrateOnStartup"] = "true";
        env["Storage__Root"] = StorageRoot(workDir);
        // Kept across runs: the database holds secrets (the token signing key) encrypted with it.
        env["Secrets__MasterKeyFile"] = masterKeyFile;
        env["Auth__AccessTokenLifetime"] = "04:00:00";
        // Since OpenIddict (ADR 0059) the API needs its public base URL as the token issuer; older builds ignore these.
        env["Identity__Issuer"] = baseUrl + "/";
        env["Identity__AllowHttp"] = "true";
        env["RateLimits__api__PermitLimit"] = "100000000";
        env["RateLimits__auth__PermitLimit"] = "100000";
        env["Notes__Search__QueryEmbeddingsPerMinute"] = "100000000";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the API");
        // Drain the output so the process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("  api: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var api = new ApiProcess(process, baseUrl);
        using var probe = new HttpClient { BaseAddress = new Uri(baseUrl) };
        for (var i = 0; ; i++)
        {
            try
            {
                if ((await probe.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited || i > 600)
            {
                throw new InvalidOperationException("The API did not come up.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Registers an account and signs it in; returns its id and access token.</summary>
    public async Task<(Guid UserId, string Token)> CreateUserAsync(string username)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        const string password = "Bench-Password-1";
        var email = $"{username}@bench.test";
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, username, password });
        registered.EnsureSuccessStatusCode();
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var signedIn = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = email, password });
        signedIn.EnsureSuccessStatusCode();
        var token = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        return (id, token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
