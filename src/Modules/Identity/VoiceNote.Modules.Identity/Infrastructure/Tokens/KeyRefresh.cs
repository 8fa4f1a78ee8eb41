using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VoiceNote.Modules.Identity.Infrastructure.Tokens;

/// <summary>
/// Picks up a key rotation made by another process (the <c>rotate-signing-key</c> verb) within a
/// minute: a rotation in this process applies at once.
/// </summary>
internal sealed class KeyRefresh(SigningKeyStore keys, ILogger<KeyRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await keys.RefreshIfRotatedAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not check the signing keys; trying again in a minute.");
            }
        }
    }
}
