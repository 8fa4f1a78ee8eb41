using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Application.Settings;
using VoiceNote.Infrastructure.Settings;
using VoiceNote.Modules.Operations.Application.Settings;
using VoiceNote.Modules.Operations.Infrastructure.Persistence;

namespace VoiceNote.Modules.Operations.Infrastructure.Settings;

/// <summary>
/// Keeps this process's <see cref="SettingsOverlay"/> in step with the stored settings: read before the host
/// serves, then every <see cref="SettingsOptions.RefreshInterval"/> (ADR 0086). A poll of a table of a few rows
/// is cheaper than a listening connection per process, and bounds the delay the same way.
/// </summary>
internal sealed class SettingsRefresher(
    IServiceScopeFactory scopes, SettingsOverlay overlay, IEnumerable<SettingDefinition> definitions, IOptions<SettingsOptions> options,
    TimeProvider clock, ILogger<SettingsRefresher> logger) : BackgroundService
{
    private readonly Dictionary<string, SettingDefinition> _definitions = definitions.ToDictionary(d => d.Key, StringComparer.OrdinalIgnoreCase);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryRefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Reads the stored settings now (after a change through this process, so it is in force at once).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OperationsDbContext>();
        var rows = await db.Settings.AsNoTracking().ToListAsync(cancellationToken);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            // A key a newer or older build declared is kept but not applied here.
            if (_definitions.TryGetValue(row.Key, out var definition))
            {
                keys.Add(definition.Key);
                foreach (var (key, value) in SettingValues.ToConfiguration(definition, row.Value))
                {
                    values[key] = value;
                }
            }
        }

        overlay.Replace(values, keys);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TryRefreshAsync(stoppingToken);
        }
    }

    private async Task TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Before the first migration: the files' values hold.
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The database is away: keep the settings last read, and try again on the next tick.
            logger.LogWarning("System settings not refreshed: {Reason}", e.Message);
        }
    }
}
