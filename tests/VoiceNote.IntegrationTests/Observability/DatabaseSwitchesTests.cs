using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Observability;

/// <summary>
/// Seed 000's query echo and seed 004's pool size, through the configuration an operator sets: with
/// <c>Database:LogQueries</c> on, the SQL a request runs is logged, with the request's correlation and trace ids in scope;
/// the data source's pool takes <c>Database:MinPoolSize</c>/<c>MaxPoolSize</c>.
/// </summary>
public sealed class QueryLoggingOnTests : DatabaseFixture
{
    private readonly CapturedLogs _logs = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:LogQueries"] = "true",
        ["Database:MinPoolSize"] = "2",
        ["Database:MaxPoolSize"] = "17",
    };

    // Registered without a rule of its own: it sees what the host's filters let through, like the JSON console.
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_logs);

    [Test]
    public async Task A_requests_sql_is_logged_with_its_correlation_and_trace_ids()
    {
        var account = await this.CreateAccountAsync("echoed");
        using var client = this.ClientFor(account);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notes");
        request.Headers.Add("X-Correlation-Id", "echo-test-42");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();

        var lines = _logs.Containing("Executed DbCommand").Where(l => l.Contains("CorrelationId:echo-test-42", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Is.Not.Empty, "the notes list's SQL, logged in the request's scope");
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.Contain("notes.notes").Or.Contain("FROM notes"), "the command text");
            Assert.That(lines[0], Does.Match("TraceId:[0-9a-f]{32}"), "the trace id in scope");
        });
    }

    [Test]
    public void The_pool_size_comes_from_the_configuration()
    {
        var pool = new NpgsqlConnectionStringBuilder(Api.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(pool.MinPoolSize, Is.EqualTo(2));
            Assert.That(pool.MaxPoolSize, Is.EqualTo(17));
        });
    }
}

/// <summary>The defaults: no query echo, and the pool of 5 to 20 that appsettings.json names (seed 004).</summary>
public sealed class QueryLoggingOffTests : DatabaseFixture
{
    private readonly CapturedLogs _logs = new();

    // The harness sets a minimum of 0 for its many short-lived hosts; here appsettings.json's 5 stands.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:MinPoolSize"] = "5" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_logs);

    [Test]
    public async Task No_sql_is_logged_and_the_pool_is_five_to_twenty()
    {
        var account = await this.CreateAccountAsync("quiet");
        using var client = this.ClientFor(account);
        using var response = await client.GetAsync("/api/v1/notes");
        response.EnsureSuccessStatusCode();

        var pool = new NpgsqlConnectionStringBuilder(Api.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(_logs.Containing("Executed DbCommand"), Is.Empty);
            Assert.That(_logs.Lines, Is.Not.Empty, "the provider does capture what passes the filters");
            Assert.That(pool.MinPoolSize, Is.EqualTo(5));
            Assert.That(pool.MaxPoolSize, Is.EqualTo(20));
        });
    }
}
