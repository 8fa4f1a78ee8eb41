using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Retention;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Purging;

/// <summary><c>users.deleted</c>: accounts soft-deleted longer than <c>Identity:DeletedUserRetentionDays</c>, purged one per transaction (ADR 0084, 0085).</summary>
internal sealed class DeletedUserRule(IServiceScopeFactory scopes, IOptionsMonitor<DeletedUserOptions> options, TimeProvider clock) : IRetentionRule
{
    private const int Batch = 100;

    public string Name => "users.deleted";

    public string Description => "Soft-deleted accounts, with everything they own in every module.";

    public string ConfigurationKey => DeletedUserOptions.Section + ":" + nameof(DeletedUserOptions.DeletedUserRetentionDays);

    public TimeSpan Period => TimeSpan.FromDays(options.CurrentValue.DeletedUserRetentionDays);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Period;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            due = await db.Users.IgnoreQueryFilters().Where(u => u.IsDeleted && u.DeletedAt < cutoff)
                .OrderBy(u => u.DeletedAt).Select(u => u.Id).Take(Batch).ToListAsync(cancellationToken);
        }

        var purged = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PurgeDeletedUser(id), cancellationToken);
            purged += result.IsSuccess && result.Value ? 1 : 0;
        }

        return purged;
    }
}
