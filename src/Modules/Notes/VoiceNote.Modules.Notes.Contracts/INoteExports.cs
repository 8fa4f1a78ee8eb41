namespace VoiceNote.Modules.Notes.Contracts;

/// <summary>
/// What the Exports module reads of notes (docs/decisions/0083). The <c>Own</c> reads check the owner: another user's
/// note reads as none. <see cref="GetAsync"/> checks no owner: Exports calls it only with the notes of a case the
/// caller may export, which the Cases module vouched for.
/// </summary>
public interface INoteExports
{
    /// <summary>One of <paramref name="ownerId"/>'s notes (in the trash too); null for another user's or a missing one.</summary>
    Task<NoteForExport?> FindOwnAsync(Guid noteId, Guid ownerId, CancellationToken cancellationToken);

    /// <summary>The note <paramref name="ownerId"/>'s recording <paramref name="audioId"/> made; null when there is none.</summary>
    Task<NoteForExport?> FindOwnByRecordingAsync(Guid audioId, Guid ownerId, CancellationToken cancellationToken);

    /// <summary>The notes among these ids that exist and are not in their owner's trash, whoever owns them.</summary>
    Task<IReadOnlyList<NoteForExport>> GetAsync(IReadOnlyCollection<Guid> noteIds, CancellationToken cancellationToken);

    /// <summary>
    /// One page of every note <paramref name="ownerId"/> owns (the trash too), in id order: those after
    /// <paramref name="after"/> (null: from the first), at most <paramref name="take"/>.
    /// </summary>
    Task<IReadOnlyList<NoteForExport>> PageOwnAsync(Guid ownerId, Guid? after, int take, CancellationToken cancellationToken);

    /// <summary>How many notes <paramref name="ownerId"/> owns, the trash included.</summary>
    Task<int> CountOwnAsync(Guid ownerId, CancellationToken cancellationToken);
}

/// <summary>
/// A note as an export writes it. Priority is HIGH, MEDIUM or LOW and sentiment positive, neutral, negative or mixed,
/// as the API writes them; <see cref="Transcript"/> is the note's current transcript text.
/// </summary>
public sealed record NoteForExport(
    Guid Id,
    Guid OwnerId,
    Guid? AudioId,
    string? Title,
    string? Summary,
    string? Transcript,
    string? Language,
    DateTimeOffset RecordedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    double? DurationSeconds,
    string Priority,
    string? Sentiment,
    bool IsInTrash,
    IReadOnlyList<NoteTaskForExport> Tasks,
    IReadOnlyList<NoteKeyMomentForExport> KeyMoments);

/// <summary>A task of the note, in its order; deleted tasks are left out.</summary>
public sealed record NoteTaskForExport(Guid Id, string Description, DateTimeOffset? Deadline, string Priority, bool IsDone, DateTimeOffset? DoneAt);

public sealed record NoteKeyMomentForExport(TimeSpan At, string Description);
