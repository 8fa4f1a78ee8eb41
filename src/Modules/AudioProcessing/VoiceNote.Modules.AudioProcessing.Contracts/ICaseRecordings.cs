using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Contracts;

/// <summary>
/// What the Cases module may ask of recordings (docs/decisions/0079). Cases decides who may act in a case and
/// then calls this; the recordings stay AudioProcessing's (their owner's quota, their note, their files), and
/// Cases never reads AudioProcessing's tables. Refusals come back as the upload's own errors (413, 415, …).
/// </summary>
public interface ICaseRecordings
{
    /// <summary>
    /// Reads an upload's body (raw audio, or a multipart part named <c>file</c>) into the temp area and probes it,
    /// outside any transaction. Dispose the result to remove the staged bytes (stored ones have moved already).
    /// </summary>
    Task<Result<IStagedRecording>> ReceiveAsync(Stream body, string? contentType, long? contentLength, string? title, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps a staged upload as <paramref name="uploaderId"/>'s recording stored in the case (<c>cases/{case_id}/</c>)
    /// and queues its processing, in AudioProcessing's own transaction. The uploader's existing recording with the
    /// same bytes is answered instead (<see cref="StoredRecording.Created"/> false), where it already is.
    /// </summary>
    Task<Result<StoredRecording>> StoreAsync(IStagedRecording staged, Guid uploaderId, Guid caseId, CancellationToken cancellationToken);

    /// <summary>One of <paramref name="ownerId"/>'s own recordings; null for another user's or a missing one.</summary>
    Task<RecordingSummary?> FindOwnAsync(Guid audioId, Guid ownerId, CancellationToken cancellationToken);

    /// <summary>The recordings among these ids that still exist, whoever owns them (the caller checked the case).</summary>
    Task<IReadOnlyList<RecordingSummary>> DescribeAsync(IReadOnlyCollection<Guid> audioIds, CancellationToken cancellationToken);

    /// <summary>Where a recording's bytes are and their media type, for playback; null when it or its file is gone.</summary>
    Task<RecordingContent?> ContentAsync(Guid audioId, CancellationToken cancellationToken);

    /// <summary>Every transcript and analysis of the recording so far, for a case it is attached to after processing.</summary>
    Task<RecordingVersions> VersionsAsync(Guid audioId, CancellationToken cancellationToken);

    /// <summary>
    /// Queues another run of the recording with <paramref name="engine"/> (a speech engine name; auto when null), started by
    /// <paramref name="startedBy"/>, whose stored keys a remote engine uses. It adds versions; it never replaces one.
    /// </summary>
    Task<Result<Guid>> ProcessAgainAsync(Guid audioId, Guid startedBy, string? engine, CancellationToken cancellationToken);
}

/// <summary>An upload read and probed, waiting to be stored; disposing it removes its bytes unless stored.</summary>
public interface IStagedRecording : IDisposable;

/// <summary>The recording an upload into a case resolved to, and whether this upload created it.</summary>
public sealed record StoredRecording(RecordingSummary Recording, bool Created);

/// <summary>A recording as a case shows it; <see cref="CaseId"/> is the case it is stored in, if it was uploaded into one.</summary>
public sealed record RecordingSummary(
    Guid AudioId,
    Guid OwnerId,
    Guid? CaseId,
    string? Title,
    string Format,
    double DurationSeconds,
    long SizeBytes,
    string Status,
    bool IsArchived,
    DateTimeOffset RecordedAt,
    DateTimeOffset CreatedAt);

/// <summary>A stored file to stream back (a server path, never shown to clients) and its media type.</summary>
public sealed record RecordingContent(string Path, string ContentType);

/// <summary>A recording's transcripts and analyses as AudioProcessing keeps them.</summary>
public sealed record RecordingVersions(IReadOnlyList<TranscriptRun> Transcripts, IReadOnlyList<AnalysisRun> Analyses);

/// <summary>One transcript version: its number, engine, language, who started the run, which job, when, and the text.</summary>
public sealed record TranscriptRun(int Version, string Engine, string Language, Guid StartedBy, Guid JobId, DateTimeOffset CreatedAt, string Text);

/// <summary>One analysis, numbered by the transcript version it analysed (a run makes one of each).</summary>
public sealed record AnalysisRun(
    int Version,
    string Engine,
    string Language,
    Guid StartedBy,
    Guid JobId,
    DateTimeOffset CreatedAt,
    string Summary,
    string? Title,
    IReadOnlyList<AnalysedTask> Tasks,
    IReadOnlyList<AnalysedKeyMoment> KeyMoments,
    AnalysedSentiment? Sentiment,
    AnalysedPriority? Priority);
