using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Modules.Cases.Application.Cases.PurgeExpiredCases;
using VoiceNote.Modules.Cases.Application.Common;

namespace VoiceNote.Modules.Cases.Infrastructure;

/// <summary>
/// Purges the cases past their time in the trash on a timer (<c>Cases:TrashPurgeInterval</c>), the way the storage
/// sweep keeps <c>audio/</c> clean: a hosted service in every process, each pass in batches until none is left.
/// </summary>
internal sealed class CaseTrashPurger(IServiceScopeFactory scopes, IOptions<CasesOptions> options, TimeProvider clock, ILogger<CaseTrashPurger> logger)
    : BackgroundService
{
    /// <summary>One pass: every case past its retention; returns how many were purged.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int purged;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PurgeExpiredCases(), cancellationToken);
            purged = result.IsSuccess ? result.Value : 0;
            total += purged;
        }
        while (purged == PurgeExpiredCases.DefaultBatch);

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.TrashPurgeEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.TrashPurgeInterval, clock);
        do
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} cases past their time in the trash", purged);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The case trash purge failed; trying again at the next interval.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
