using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Embeddings;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Application.Search.Passages;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Infrastructure.Search;

namespace VoiceNote.Modules.Notes.Application.Search.EmbedNote;

/// <summary>How one note's embedding went.</summary>
internal enum EmbedOutcome
{
    /// <summary>Already embedded from this text by this model.</summary>
    Current,

    Embedded,

    /// <summary>Gone, or its text changed while it was embedded (the newer change embeds it again).</summary>
    Skipped,
}

/// <summary>
/// Cuts a note into passages, embeds them with the current model and stores them (docs/decisions/0072):
/// shared by the background handler and the re-embedding of all notes. A note already embedded from its
/// current text by the current model is left alone, so running it again costs nothing.
/// </summary>
internal sealed class NoteEmbedder(
    NotesDbContext db, IEmbeddingGenerator generator, NotePassageStore passages, IEnumerable<IRecordingWordTimings> timings, TimeProvider clock)
{
    public string Model => generator.Model;

    /// <exception cref="EmbeddingUnavailableException">the provider failed (the caller retries)</exception>
    public async Task<EmbedOutcome> EmbedAsync(Guid noteId, CancellationToken cancellationToken)
    {
        // Background work has no caller: the owner filter is lifted for this one note, by id.
        var note = await db.Notes.IgnoreQueryFilters([ModuleDbContext.OwnerFilter]).AsNoTracking()
            .Include(n => n.Transcripts)
            .FirstOrDefaultAsync(n => n.Id == noteId, cancellationToken);
        if (note is null)
        {
            return EmbedOutcome.Skipped;
        }

        if (note.EmbeddedTextHash == note.ContentHash && note.EmbeddingModel == generator.Model)
        {
            return EmbedOutcome.Current;
        }

        var timed = note.AudioId is { } audio && timings.FirstOrDefault() is { } source
            ? await source.ForRecordingAsync(audio, note.OwnerId.Value, cancellationToken)
            : [];
        var cut = PassageSplitter.Split(note.Title, note.Summary, note.PreferredTranscript?.Text, timed);
        IReadOnlyList<float[]> vectors = [];
        if (cut.Count > 0)
        {
            await passages.EnsureIndexAsync(generator.Model, generator.Dimensions, cancellationToken);
            vectors = await generator.GenerateManyAsync(cut.Select(p => PassageSplitter.ModelInput(note.Title, p)).ToList(), note.OwnerId, cancellationToken);
        }

        var stored = await passages.ReplaceAsync(
            note.Id, note.OwnerId, note.ContentHash, cut.Count > 0 ? generator.Model : null, cut, vectors, clock.NowForDatabase(), cancellationToken);
        return stored ? EmbedOutcome.Embedded : EmbedOutcome.Skipped;
    }
}
