using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using VoiceNote.Application.Embeddings;
using VoiceNote.Application.IntegrationEvents;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Infrastructure.Vectors;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Contracts;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Infrastructure.Search;

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
        await db.Database.ExecuteSqlRawAsync(
            NoteSearchStore.WriteEmbeddingSql,
            [
                vector is null ? new NpgsqlParameter("v", NpgsqlDbType.Array | NpgsqlDbType.Real) { Value = DBNull.Value } : PgVector.Parameter("v", vector),
                new NpgsqlParameter("model", NpgsqlDbType.Varchar) { Value = vector is null ? DBNull.Value : generator.Model },
                new NpgsqlParameter("hash", NpgsqlDbType.Varchar) { Value = note.ContentHash },
                new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = clock.NowForDatabase() },
                new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = note.Id },
            ],
            cancellationToken);
    }
}
