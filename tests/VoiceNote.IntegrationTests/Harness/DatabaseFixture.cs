using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using VoiceNote.IntegrationTests.Harness.Conformance;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>
/// Base of every integration fixture: its own database cloned from the migrated template, and the API
/// host on it. Fixtures run in parallel; tests inside one fixture share its database and run in order,
/// and a test that needs it empty calls <see cref="ResetDatabaseAsync"/> first.
/// </summary>
public abstract class DatabaseFixture
{
    private string _database = string.Empty;
    private Respawner? _respawner;

    internal ApiFactory Api { get; private set; } = null!;

    protected string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The fixture database's connection string, for harness helpers.</summary>
    internal string DatabaseConnectionString => ConnectionString;

    /// <summary>A client without credentials.</summary>
    protected HttpClient Client { get; private set; } = null!;

    internal HttpClient AnonymousClient => Client;

    /// <summary>Settings this fixture's host needs beyond the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The host's port on 127.0.0.1; 0 (the default) takes any free one.</summary>
    protected virtual int Port => 0;

    /// <summary>
    /// Whether the host reaches its database through a forwarder the fixture can cut (<see cref="Forwarder"/>),
    /// to take the database away from this host alone; the fixture's own connection stays direct.
    /// </summary>
    protected virtual bool ThroughForwarder => false;

    /// <summary>The forwarder between the host and its database, when <see cref="ThroughForwarder"/>.</summary>
    internal DatabaseOutage? Forwarder { get; private set; }

    [OneTimeSetUp]
    public async Task CreateDatabaseAndHost()
    {
        _database = await TestDatabases.CreateAsync();
        ConnectionString = PostgresServer.ForDatabase(_database);
        Forwarder = ThroughForwarder ? DatabaseOutage.Start(ConnectionString) : null;
        Api = new ApiFactory(Forwarder?.ConnectionString ?? ConnectionString, Settings, ConfigureServices, Port);
        Api.StartServer();
        Client = Api.CreateClient();
    }

    [OneTimeTearDown]
    public async Task DropDatabaseAndHost()
    {
        Client?.Dispose();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Forwarder is not null)
        {
            await Forwarder.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        if (_database.Length > 0)
        {
            await TestDatabases.DropAsync(_database);
        }
    }

    /// <summary>
    /// Every answer of this test checked against the host's OpenAPI document (issue 11): a status it does
    /// not declare, a body that does not match the schema or a 500 fails the test that caused it; so does
    /// a body that shows a server path or a stack trace (issue 12).
    /// </summary>
    [TearDown]
    public async Task CheckAnswersAgainstTheDocument()
    {
        var exchanges = Api.Exchanges.Drain();
        if (exchanges.Count == 0)
        {
            return;
        }

        var contract = await OpenApiContracts.OfAsync(Client);
        var violations = exchanges.SelectMany(contract.Violations)
            .Concat(exchanges.SelectMany(e => ServerInternals.Violations(e, Api.StorageRoot)))
            .Distinct(StringComparer.Ordinal).ToList();
        if (violations.Count > 0)
        {
            Assert.Fail($"{violations.Count} answer(s) break the OpenAPI document:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        }
    }

    protected AsyncServiceScope CreateScope() => Api.Services.CreateAsyncScope();

    /// <summary>A new client that sends this bearer token on every request (disposed with the fixture's host).</summary>
    internal HttpClient ClientWithToken(string token)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestAccounts.Bearer(token);
        return client;
    }

    /// <summary>
    /// Empties every module's tables (Respawn), for a test that counts, totals or lists every row: the
    /// database, its migrations and the running host stay, and the start-up tasks run again as on a fresh
    /// install (they register the product's own OAuth clients). Call it while nothing else writes (first thing in a test).
    /// </summary>
    protected async Task ResetDatabaseAsync()
    {
        // The previous test's events may still be delivered meanwhile: a deadlock with one is tried again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                _respawner ??= await DatabaseReset.CreateAsync(connection, Api.Services);
                await _respawner.ResetAsync(connection);
                break;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }

        await using var scope = CreateScope();
        foreach (var task in scope.ServiceProvider.GetServices<VoiceNote.Infrastructure.Modules.IStartupTask>())
        {
            await task.RunAsync(CancellationToken.None);
        }
    }

    protected async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
