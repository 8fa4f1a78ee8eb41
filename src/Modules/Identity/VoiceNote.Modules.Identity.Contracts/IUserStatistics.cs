using VoiceNote.Contracts.Statistics;

namespace VoiceNote.Modules.Identity.Contracts;

/// <summary>The Identity module's figures for the operators' analytics (docs/decisions/0087), from rolled-up counts and an index.</summary>
public interface IUserStatistics
{
    /// <summary>The users now, and those created on each day from <paramref name="from"/> to <paramref name="to"/> (UTC days).</summary>
    Task<UserStatistics> GetAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>
/// <see cref="Total"/>: accounts not deleted. Active: accounts that signed in or refreshed a session within the last
/// 1, 7 or 30 days. <see cref="NewPerDay"/>: accounts created that day (deleted ones too).
/// </summary>
public sealed record UserStatistics(long Total, long ActiveLastDay, long ActiveLast7Days, long ActiveLast30Days, IReadOnlyList<DailyCount> NewPerDay);
