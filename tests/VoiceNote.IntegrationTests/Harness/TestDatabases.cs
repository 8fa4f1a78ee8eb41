using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.IntegrationTests.Probe;
using VoiceNote.WebApi.Hosting;

namespace VoiceNote.IntegrationTests.Harness;

/// <summary>
/// Isolation between parallel fixtures: the first request migrates a template database once per run;
/// every fixture then gets its own database cloned from it (CREATE DATABASE … TEMPLATE), dropped
/// afterwards. Inside a fixture, a test that needs an empty database resets it (<see cref="DatabaseReset"/>).
/// </summary>
internal static class TestDatabases
{
    private const string Prefix = "vn_test_";
    private static readonly string RunId = $"{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;
    private static int _counter;

    public static async Task<string> CreateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _template ??= await BuildTemplateAsync();
            var name = $"{Prefix}{RunId}_{Interlocked.Increment(ref _counter)}";
            await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {_template}");
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A new database with nothing in it (not cloned from the migrated template): a restore's target.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = $"{Prefix}{RunId}_empty_{Interlocked.Increment(ref _counter)}";
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template1");
        return name;
    }

    public static Task DropAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    public static Task DropTemplateAsync() => _template is null ? Task.CompletedTask : DropAsync(_template);

    private static async Task<string> BuildTemplateAsync()
    {
        await DropLeftoversOfDeadRunsAsync();
        var template = $"{Prefix}{RunId}_template";
        await ExecuteAsync($"CREATE DATABASE {template} TEMPLATE template1");

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:VoiceNote"] = PostgresServer.ForDatabase(template) })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddVoiceNote(configuration)
            .AddProbeModule();
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            await using var scope = provider.CreateAsyncScope();
            var probe = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            await probe.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
            await probe.Database.ExecuteSqlRawAsync("CREATE TABLE probe.vectors (id int PRIMARY KEY, label text NOT NULL)");
        }

        // A template must have no open connections when it is cloned.
        NpgsqlConnection.ClearAllPools();
        return template;
    }

    /// <summary>Drops databases left by runs whose process is gone (a killed run cannot clean up after itself).</summary>
    private static async Task DropLeftoversOfDeadRunsAsync()
    {
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{Prefix}%'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            var pid = name[Prefix.Length..].Split('_')[0];
            if (!Directory.Exists($"/proc/{pid}"))
            {
                await DropAsync(name);
            }
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
