namespace VoiceNote.Modules.AudioProcessing.Contracts;

/// <summary>
/// What the Exports module reads of recordings (docs/decisions/0083). The <c>Own</c> reads check the owner: another
/// user's recording reads as none. <see cref="GetAsync"/> checks no owner: Exports calls it only with the recordings
/// of a case the caller may export, which the Cases module vouched for, or a page of an owner's notes' recordings in
/// one read (keeping only that owner's).
/// </summary>
public interface IRecordingExports
{
    /// <summary>One of <paramref name="ownerId"/>'s recordings (archived too); null for another user's or a missing one.</summary>
    Task<RecordingForExport?> FindOwnAsync(Guid audioId, Guid ownerId, CancellationToken cancellationToken);

    /// <summary>The recordings among these ids that exist, whoever owns them.</summary>
    Task<IReadOnlyList<RecordingForExport>> GetAsync(IReadOnlyCollection<Guid> audioIds, CancellationToken cancellationToken);

    /// <summary>One page of every recording <paramref name="ownerId"/> owns, in id order, after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<RecordingForExport>> PageOwnAsync(Guid ownerId, Guid? after, int take, CancellationToken cancellationToken);

    /// <summary>How many recordings <paramref name="ownerId"/> owns and their stored bytes, for an export's progress and quota.</summary>
    Task<RecordingTotals> TotalsOwnAsync(Guid ownerId, CancellationToken cancellationToken);
}

/// <summary>
/// A recording as an export writes it: what it is, its stored file (null when the file is gone), every transcript and
/// analysis, and the timed words of the newest transcript (empty when there is none).
/// </summary>
public sealed record RecordingForExport(
    RecordingSummary Recording,
    string? OriginalFileName,
    RecordingContent? Content,
    RecordingVersions Versions,
    IReadOnlyList<TimedTranscriptWord> CurrentWords);

public sealed record RecordingTotals(int Count, long Bytes);
