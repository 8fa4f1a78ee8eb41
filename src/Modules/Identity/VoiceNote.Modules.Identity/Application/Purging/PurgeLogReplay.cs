using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VoiceNote.Application.Messaging;
using VoiceNote.Infrastructure.Modules;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Purging;

/// <summary>
/// Purges again every account the purge log names and the database still holds (ADR 0085): after a restore of a
/// backup older than a purge. Each account in its own transaction, announced with a fresh <c>UserPurged</c>.
/// </summary>
internal sealed class PurgeLogReplay(IServiceScopeFactory scopes, PurgeLog log, ILogger<PurgeLogReplay> logger)
{
    /// <summary>Returns how many accounts were purged again.</summary>
    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        var listed = await log.ReadAsync(cancellationToken);
        if (listed.Count == 0)
        {
            return 0;
        }

        List<Guid> present;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            present = await db.Users.IgnoreQueryFilters().Where(u => listed.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        }

        var purged = 0;
        foreach (var id in present)
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PurgeDeletedUser(id, FromLog: true), cancellationToken);
            purged += result.IsSuccess && result.Value ? 1 : 0;
        }

        if (purged > 0)
        {
            logger.LogWarning("Purged {Count} accounts again that the purge log lists: the database was restored from before their purge", purged);
        }

        return purged;
    }
}

/// <summary>At every start: a restored database must not bring purged accounts back.</summary>
internal sealed class ReplayPurgeLogOnStart(PurgeLogReplay replay) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken) => replay.ReplayAsync(cancellationToken);
}

/// <summary><c>replay-purges</c>: the same, on demand (after a <c>restore</c>, before the service starts).</summary>
internal sealed class ReplayPurgesVerb : ICliVerb
{
    public string Name => "replay-purges";

    public string Usage => "replay-purges";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var purged = await services.GetRequiredService<PurgeLogReplay>().ReplayAsync(cancellationToken);
        Console.WriteLine($"Purged {purged} accounts again that the purge log lists.");
        return 0;
    }
}
