using Microsoft.EntityFrameworkCore;
using VoiceNote.Infrastructure.Statistics;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;

namespace VoiceNote.Modules.Identity.Application.Statistics;

/// <summary>
/// Users for the analytics (docs/decisions/0087): totals and new accounts from <c>identity.daily_counts</c> (kept by the
/// users table's triggers, migration AddAnalytics); activity from the sessions' last use, a range of the
/// <c>(last_used_at, user_id)</c> index: a sign-in starts a session and a refresh moves its last use.
/// </summary>
internal sealed class UserStatisticsReader(IdentityDbContext db, TimeProvider clock) : IUserStatistics
{
    public const string Created = "users.created";
    public const string Deleted = "users.deleted";

    public async Task<UserStatistics> GetAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var sheet = await DailyCountSheet.ReadAsync(db, IdentityDbContext.SchemaName, from, to, cancellationToken);
        var now = clock.GetUtcNow();
        return new UserStatistics(
            sheet.Total(Created) - sheet.Total(Deleted),
            await ActiveSinceAsync(now.AddDays(-1), cancellationToken),
            await ActiveSinceAsync(now.AddDays(-7), cancellationToken),
            await ActiveSinceAsync(now.AddDays(-30), cancellationToken),
            sheet.Series(Created));
    }

    private Task<long> ActiveSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        db.Sessions.AsNoTracking().Where(s => s.LastUsedAt >= since).Select(s => s.UserId).Distinct().LongCountAsync(cancellationToken);
}
