using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.Notes.Contracts;

/// <summary>
/// What other modules may ask the Notes module about notes that are not the caller's own (docs/decisions/0080).
/// It checks no owner: the calling module vouches for every id it passes (Cases: notes linked to a case the caller
/// takes part in, with the permission the use case needs), so only such a module's use cases may call it.
/// </summary>
public interface INotesModule
{
    /// <summary>The notes among these ids that exist, whoever owns them (notes in their owner's trash too, marked so).</summary>
    Task<IReadOnlyList<SharedNote>> GetNotesAsync(IReadOnlyCollection<Guid> noteIds, CancellationToken cancellationToken);

    /// <summary>A new note of <paramref name="owner"/>, written by them: it is in their own notes like any other.</summary>
    /// <returns>The note; or a validation error naming <c>title</c> or <c>summary</c>.</returns>
    Task<Result<SharedNote>> CreateNoteAsync(UserId owner, NoteContent content, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a note's title or summary, whoever owns it. With <paramref name="ifMatch"/> (its <see cref="SharedNote.ETag"/>)
    /// only that version is changed: two writers with the same tag take turns on the note's row, and the second gets
    /// <see cref="NoteChangedSinceRead"/> carrying the note as it now is.
    /// </summary>
    /// <returns>The note as changed, with its new tag; or not found, in the trash (409), stale (412), or a validation error.</returns>
    Task<Result<SharedNote>> EditNoteAsync(Guid noteId, NoteContent changes, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>
    /// Searches only the given notes and the notes made from the given recordings, whoever owns them, with the same
    /// modes, scores and passages as a user's own search (docs/decisions/0072). Notes in the trash are never found.
    /// </summary>
    Task<Result<NoteSearchResults>> SearchWithinAsync(NoteSearchWithin request, CancellationToken cancellationToken);
}

/// <summary>
/// A note as another module shows it. <see cref="ETag"/> is the note's own entity tag, the one its owner's
/// <c>GET /api/v1/notes/{id}</c> answers, so an edit anywhere makes every older tag stale.
/// </summary>
public sealed record SharedNote(
    Guid Id,
    Guid OwnerId,
    string? Title,
    string? Summary,
    string? Transcript,
    Guid? AudioId,
    DateTimeOffset RecordedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool IsInTrash,
    string ETag);

/// <summary>A note's title and summary as written. On an edit, null keeps a field and an empty string clears it.</summary>
public sealed record NoteContent(string? Title, string? Summary);

/// <summary>The note changed since the tag the writer sent (412, <c>concurrency.stale</c>); <see cref="Current"/> is how it is now.</summary>
public sealed record NoteChangedSinceRead(SharedNote Current)
    : Error(StaleCode, "This note changed since you read it. Read it again, then reapply your change.", ErrorKind.PreconditionFailed)
{
    /// <summary>The code every stale write answers (docs/decisions/0060).</summary>
    public const string StaleCode = "concurrency.stale";
}

/// <summary>How a search matches: both halves fused (the default), words only, or meaning only.</summary>
public enum NoteSearchMode
{
    Hybrid,
    Text,
    Semantic,
}

/// <summary>
/// A search among some notes: <paramref name="NoteIds"/> and the notes made from the recordings <paramref name="AudioIds"/>.
/// <paramref name="SearchedBy"/> is whose rate limit and key the query's embedding counts against.
/// </summary>
public sealed record NoteSearchWithin(
    UserId SearchedBy, string Query, NoteSearchMode Mode, int Limit, IReadOnlyCollection<Guid> NoteIds, IReadOnlyCollection<Guid> AudioIds);

public sealed record NoteSearchResults(NoteSearchMode Mode, bool SemanticAvailable, string EmbeddingModel, IReadOnlyList<NoteSearchHit> Items);

/// <summary>
/// One note found: its score and ranks as in the user's search, a snippet (HTML-escaped, the query's words in
/// &lt;mark&gt;) and the passage that matched, with its time in the recording when known.
/// </summary>
public sealed record NoteSearchHit(
    Guid NoteId,
    Guid OwnerId,
    Guid? AudioId,
    string? Title,
    string Snippet,
    double Score,
    int? TextRank,
    int? SemanticRank,
    double? Similarity,
    DateTimeOffset RecordedAt,
    NoteSearchPassage? Passage);

public sealed record NoteSearchPassage(string Text, int? StartMs, int? EndMs);
