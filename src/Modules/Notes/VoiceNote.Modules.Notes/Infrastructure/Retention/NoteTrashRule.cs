using Microsoft.Extensions.Options;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Retention;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Application.Notes.PurgeExpiredNotes;

namespace VoiceNote.Modules.Notes.Infrastructure.Retention;

/// <summary><c>notes.trash</c>: notes in the trash longer than <c>Notes:TrashRetentionDays</c>, purged in batches (ADR 0084).</summary>
internal sealed class NoteTrashRule(IServiceScopeFactory scopes, IOptionsMonitor<NotesOptions> options) : IRetentionRule
{
    public string Name => "notes.trash";

    public string Description => "Notes in the trash, with their transcripts, tasks and passages.";

    public string ConfigurationKey => NotesOptions.Section + ":" + nameof(NotesOptions.TrashRetentionDays);

    public TimeSpan Period => TimeSpan.FromDays(options.CurrentValue.TrashRetentionDays);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int purged;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PurgeExpiredNotes(), cancellationToken);
            purged = result.IsSuccess ? result.Value : 0;
            total += purged;
        }
        while (purged == PurgeExpiredNotes.DefaultBatch);

        return total;
    }
}
