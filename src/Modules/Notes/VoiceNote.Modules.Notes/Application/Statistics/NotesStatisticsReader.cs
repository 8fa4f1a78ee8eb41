using VoiceNote.Infrastructure.Statistics;
using VoiceNote.Modules.Notes.Contracts;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Statistics;

/// <summary>
/// Notes and tasks for the analytics (docs/decisions/0087), from <c>notes.daily_counts</c>, which the notes' and tasks'
/// triggers keep (migration AddAnalytics): a few rows per day, however many notes there are.
/// </summary>
internal sealed class NotesStatisticsReader(NotesDbContext db) : INotesStatistics
{
    public const string Notes = "notes";
    public const string NotesInTrash = "notes.trash";
    public const string Tasks = "tasks";
    public const string TasksDeleted = "tasks.deleted";

    public async Task<NotesStatistics> GetAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var sheet = await DailyCountSheet.ReadAsync(db, NotesDbContext.SchemaName, from, to, cancellationToken);
        return new NotesStatistics(
            sheet.Total(Notes) - sheet.Total(NotesInTrash),
            sheet.Total(NotesInTrash),
            sheet.Total(Tasks) - sheet.Total(TasksDeleted),
            sheet.Series(Notes),
            sheet.Series(Tasks));
    }
}
