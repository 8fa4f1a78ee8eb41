using VoiceNote.Contracts.Statistics;

namespace VoiceNote.Modules.Notes.Contracts;

/// <summary>The Notes module's figures for the operators' analytics (docs/decisions/0087), from rolled-up counts.</summary>
public interface INotesStatistics
{
    /// <summary>Notes and tasks now, and those created on each day from <paramref name="from"/> to <paramref name="to"/> (UTC days).</summary>
    Task<NotesStatistics> GetAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>
/// <see cref="Notes"/>: notes outside the trash; <see cref="NotesInTrash"/>: in it; <see cref="Tasks"/>: tasks not deleted.
/// The daily series count the rows that exist now by the day they were created (the trash and deleted tasks included).
/// </summary>
public sealed record NotesStatistics(
    long Notes,
    long NotesInTrash,
    long Tasks,
    IReadOnlyList<DailyCount> NotesCreatedPerDay,
    IReadOnlyList<DailyCount> TasksCreatedPerDay);
