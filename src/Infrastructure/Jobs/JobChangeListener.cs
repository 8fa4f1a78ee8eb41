using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace VoiceNote.Infrastructure.Jobs;

/// <summary>
/// One connection per process that LISTENs for job changes and hands them to <see cref="JobChanges"/>;
/// after losing the database it listens again and wakes every follower, who then read for themselves.
/// </summary>
internal sealed partial class JobChangeListener(NpgsqlDataSource dataSource, JobChanges changes, ILogger<JobChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                LogLost(logger, e.Message);
                changes.AllChanged();
                await Task.Delay(Reconnect, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, e) =>
        {
            if (Guid.TryParse(e.Payload, out var jobId))
            {
                changes.Changed(jobId);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {JobChangeNotifications.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        changes.AllChanged(); // whatever changed before this connection listened
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped listening for job changes ({Reason}); listening again shortly")]
    private static partial void LogLost(ILogger logger, string reason);
}
