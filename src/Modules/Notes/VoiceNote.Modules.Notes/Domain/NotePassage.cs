using Pgvector;
using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.Notes.Domain;

/// <summary>
/// A stretch of a note's text (~80 words, overlapping its neighbours) and its vector by one model, so a
/// long recording is found by the passage that talks about the query, and the result can point to when
/// that was said (docs/decisions/0072). Written and read with SQL (NotePassageStore); mapped for the schema.
/// </summary>
internal sealed class NotePassage : IOwnedByUser
{
    private NotePassage()
    {
    }

    public Guid NoteId { get; private set; }

    public UserId OwnerId { get; private set; }

    /// <summary>The model whose vector this is; vectors of different models are never compared.</summary>
    public string Model { get; private set; } = string.Empty;

    /// <summary>The passage's place in the note, from 0.</summary>
    public int Ordinal { get; private set; }

    public string Text { get; private set; } = string.Empty;

    /// <summary>When the passage starts in the recording (ms), when the transcript has word timings.</summary>
    public int? StartMs { get; private set; }

    public int? EndMs { get; private set; }

    /// <summary>The note's content hash the passage was cut from.</summary>
    public string TextHash { get; private set; } = string.Empty;

    /// <summary>An untyped vector: each model has its own length, and its own partial HNSW index over a cast.</summary>
    public Vector Embedding { get; private set; } = null!;
}
