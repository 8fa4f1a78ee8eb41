using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.Harness.Conformance;
using VoiceNote.IntegrationTests.Probe;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>
/// The real API host (Program) on a real Kestrel socket on 127.0.0.1, pointed at one fixture's
/// database and its own storage folder, with the probe module added.
/// </summary>
internal sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="port">The port on 127.0.0.1; 0 takes any free one (a browser test names it first, for its redirect URI).</param>
    public ApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, int port = 0)
    {
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
        StorageRoot = Path.Combine(Path.GetTempPath(), "voicenote-tests", Guid.NewGuid().ToString("N"));
        UseKestrel(port);
    }

    public string StorageRoot { get; }

    /// <summary>Every answer this host gave since the fixture last looked (checked against the OpenAPI document).</summary>
    public ExchangeRecorder Exchanges { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:VoiceNote", _connectionString);
        builder.UseSetting("Storage:Root", StorageRoot);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:MinPoolSize", "0");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Jobs:PollInterval", "00:00:00.200");
        // Tests sign in often from one address; fixtures that test the limits set their own.
        builder.UseSetting("RateLimits:auth:PermitLimit", "100000");
        // The test server answers at http://localhost/: that is the issuer clients see (RFC 8414 §3.3).
        builder.UseSetting("Identity:Issuer", "http://localhost/");
        builder.UseSetting("Identity:AllowHttp", "true");
        builder.UseSetting("Identity:WebRedirectUris:0", "http://localhost/app/callback");
        builder.UseSetting("RateLimits:api:PermitLimit", "100000");
        builder.UseSetting("Secrets:MasterKeyFile", Path.Combine(StorageRoot, "keys", "master.key"));
        // A typed note's analysis rewrites it in the background at a moment the test does not choose (ADR 0075):
        // fixtures about analysis turn it on, the others keep their notes as they wrote them.
        builder.UseSetting("Notes:Analysis:AnalyseText", "false");
        // The retention scheduler runs its rules when the moved clock ticks (ADR 0084): fixtures run rules themselves.
        builder.UseSetting("Retention:Enabled", "false");
        builder.UseSetting("Retention:PurgeLogPath", Path.Combine(StorageRoot, "keys", "purged-users.log"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // First, so it wraps every other start-up filter's middleware too.
            services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(Exchanges));
            services.AddProbeModule();
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
    }
}
