using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Modules.Exports.Application.Common;
using VoiceNote.Modules.Exports.Application.Retention.PruneExpiredExports;

namespace VoiceNote.Modules.Exports.Infrastructure.Retention;

/// <summary>Runs <see cref="PruneExpiredExports"/> on a timer (<c>Exports:SweepInterval</c>) in every process, in batches until none is left.</summary>
internal sealed class ExportSweeper(IServiceScopeFactory scopes, IOptions<ExportsOptions> options, TimeProvider clock, ILogger<ExportSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                int removed;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PruneExpiredExports(), stoppingToken);
                    removed = result.IsSuccess ? result.Value : 0;
                    if (removed > 0)
                    {
                        logger.LogInformation("Removed {Count} exports past their retention", removed);
                    }
                }
                while (removed > 0);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The export sweep failed; trying again at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
