using System.Diagnostics;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>
/// The real host (the built VoiceNote.WebApi.dll: the <c>worker</c> or <c>serve</c> verb) in its own OS
/// process, on a fixture's database and storage root, so a test can kill it for real (SIGKILL) in the
/// middle of a job or an upload.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The <c>worker</c> verb: job workers and the outbox, no HTTP.</summary>
    public static HostProcess Worker(string connectionString, string storageRoot, IReadOnlyDictionary<string, string>? settings = null) =>
        Start("worker", connectionString, storageRoot, settings ?? new Dictionary<string, string>());

    /// <summary>The <c>serve</c> verb on http://127.0.0.1:<paramref name="port"/> (Production: no seed data, no docs).</summary>
    public static HostProcess Server(int port, string connectionString, string storageRoot, IReadOnlyDictionary<string, string>? settings = null) =>
        Start("serve", connectionString, storageRoot, new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

    private static HostProcess Start(string verb, string connectionString, string storageRoot, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "VoiceNote.WebApi.dll"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["ConnectionStrings__VoiceNote"] = connectionString;
        env["Database__MigrateOnStartup"] = "false";
        env["Storage__Root"] = storageRoot;
        env["Secrets__MasterKeyFile"] = Path.Combine(storageRoot, "keys", "master.key");
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            env[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"The {verb} process did not start.");

        // Drained so the process never blocks on a full pipe; its errors show in the test output.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                TestContext.Progress.WriteLine($"  {verb}: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process);
    }

    /// <summary>Whether the process answers <paramref name="path"/> with a success yet (false while it starts).</summary>
    public static async Task<bool> AnswersAsync(HttpClient http, string path = "/health/live")
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown hook runs; leases are never renewed again, requests are cut off mid-way.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}
