using Microsoft.EntityFrameworkCore;
using Pgvector;
using VoiceNote.Application.Embeddings;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Contracts;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Search.EmbedNote;

/// <summary>
/// (Re)embeds a note after its text changed, in the background through the outbox, never inside the
/// request that changed it. Idempotent beyond the inbox: a note whose embedding already matches its
/// text and the current model is skipped, and the write only lands if the text is still the one that
/// was embedded, so a slow handler cannot overwrite a newer embedding with an older one. A provider
/// failure throws, and the outbox retries with backoff.
/// </summary>
internal sealed class EmbedNoteWhenTextChanges(NotesDbContext db, IEmbeddingGenerator generator, TimeProvider clock)
    : IIntegrationEventHandler<NoteTextChanged>
{
    /// <summary>Remote models take ~8k tokens; a note longer than this is embedded by its beginning.</summary>
    public const int MaxCharacters = 24_000;

    public async Task Handle(NoteTextChanged integrationEvent, CancellationToken cancellationToken)
    {
        // Background work has no caller: the owner filter is lifted for this one note, by id.
        var note = await db.Notes.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).AsNoTracking()
            .Include(n => n.Transcripts)
            .FirstOrDefaultAsync(n => n.Id == integrationEvent.NoteId, cancellationToken);
        if (note is null || (note.EmbeddedTextHash == note.ContentHash && note.EmbeddingModel == generator.Model))
        {
            return;
        }

        var text = note.EmbeddingText();
        var vector = text.Length == 0 ? null : await generator.GenerateAsync(text.Length > MaxCharacters ? text[..MaxCharacters] : text, note.OwnerId, cancellationToken);
        var embedding = vector is null ? null : new Vector(vector);
        var embeddedBy = vector is null ? null : generator.Model;
        DateTimeOffset? embeddedAt = clock.NowForDatabase();
        // Lands only if the text is still the one embedded: a newer change wins a race.
        await db.Notes.IgnoreQueryFilters([ModuleDbContext.OwnerFilter])
            .Where(n => n.Id == note.Id && n.ContentHash == note.ContentHash)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(n => n.Embedding, embedding)
                    .SetProperty(n => n.EmbeddingModel, embeddedBy)
                    .SetProperty(n => n.EmbeddedTextHash, note.ContentHash)
                    .SetProperty(n => n.EmbeddedAt, embeddedAt),
                cancellationToken);
    }
}
