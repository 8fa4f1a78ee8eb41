using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceNote.Modules.Operations.Application.Backups.TakeBackup;

namespace VoiceNote.Modules.Operations.Application.Backups.Scheduling;

/// <summary>
/// <c>Backup:Schedule</c>: every process runs this, but a session advisory lock lets one back up at a time, and the
/// holder looks at the folder again first, so a slot another process has just served is not served twice. After each
/// backup the folder is pruned (<see cref="BackupRetention"/>).
/// </summary>
internal sealed class ScheduledBackups(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    IOptions<BackupOptions> options,
    TimeProvider clock,
    ILogger<ScheduledBackups> logger) : BackgroundService
{
    private const long LockKey = 0x766e6261636b7570; // "vnbackup"
    private static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromMinutes(15);

    /// <summary>One look at the schedule: backs up and prunes when due and no other process holds the lock; whether it did.</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = Path.GetFullPath(settings.Schedule.Directory);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection))
        {
            if (!(bool)(await take.ExecuteScalarAsync(cancellationToken))!)
            {
                return false;
            }
        }

        try
        {
            var now = clock.GetUtcNow();
            var archives = BackupSchedule.Archives(folder);
            if (BackupSchedule.Due(archives.Count > 0 ? archives.Keys.Max() : null, now, settings.Schedule) > now)
            {
                return false;
            }

            var (passphrase, error) = PassphraseSource.Read(settings.Schedule.PassphraseFile);
            if (passphrase is null)
            {
                throw new BackupException(error!);
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<BackupWriter>()
                    .WriteAsync(Path.Combine(folder, BackupSchedule.FileName(now)), passphrase, cancellationToken);
            }

            archives = BackupSchedule.Archives(folder);
            foreach (var old in BackupRetention.ToDelete(archives.Keys, settings.KeepDaily, settings.KeepWeekly))
            {
                File.Delete(archives[old]);
                logger.LogInformation("Scheduled backups: removed {Path} (keeping {Daily} daily, {Weekly} weekly)", archives[old], settings.KeepDaily, settings.KeepWeekly);
            }

            return true;
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Schedule.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Recheck;
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "The scheduled backup failed; trying again in {Wait}", AfterFailure);
                wait = AfterFailure;
            }

            await Task.Delay(wait, clock, stoppingToken);
        }
    }
}
