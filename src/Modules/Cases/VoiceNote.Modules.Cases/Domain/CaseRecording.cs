namespace VoiceNote.Modules.Cases.Domain;

/// <summary>How a recording came into a case (docs/decisions/0079).</summary>
internal enum CaseRecordingSource
{
    /// <summary>Uploaded into the case: stored under its folder, and deleted when the case is purged.</summary>
    Uploaded,

    /// <summary>Attached from its owner's library: detached, never deleted, when it leaves the case.</summary>
    Attached,
}

/// <summary>
/// A recording in a case. The recording itself is AudioProcessing's (its owner's quota and note); the case keeps
/// which recordings it holds, whose they are and who added them, and reads the rest through that module's contract.
/// </summary>
internal sealed class CaseRecording
{
    private CaseRecording()
    {
    }

    public Guid CaseId { get; private set; }

    public Guid AudioId { get; private set; }

    /// <summary>The recording's owner (AudioProcessing's), who alone may attach it and whose library it stays in.</summary>
    public Guid OwnerId { get; private set; }

    public CaseRecordingSource Source { get; private set; }

    public Guid AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public static CaseRecording Add(Guid caseId, Guid audioId, Guid ownerId, CaseRecordingSource source, Guid addedBy, DateTimeOffset now) => new()
    {
        CaseId = caseId,
        AudioId = audioId,
        OwnerId = ownerId,
        Source = source,
        AddedBy = addedBy,
        AddedAt = now,
    };
}

/// <summary>What a version holds: a transcript's text, or an analysis's result.</summary>
internal enum RecordingVersionKind
{
    Transcript,
    Analysis,
}

/// <summary>
/// One transcription or analysis of a recording some case holds, as AudioProcessing reported it (docs/decisions/0079).
/// Keyed by (recording, kind, number): a run makes one transcript and one analysis numbered alike, so an event that
/// arrives twice, or a version also read when the recording was attached, is kept once. The highest number is current.
/// A recording's versions are shared by every case that holds it; a case route reaches them only through its own rows.
/// </summary>
internal sealed class RecordingVersion
{
    public const int EngineLength = 100;

    private RecordingVersion()
    {
    }

    public Guid AudioId { get; private set; }

    public RecordingVersionKind Kind { get; private set; }

    public int Number { get; private set; }

    public string Engine { get; private set; } = string.Empty;

    public string Language { get; private set; } = string.Empty;

    public Guid StartedBy { get; private set; }

    public Guid? JobId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A transcript's text; null for an analysis.</summary>
    public string? Text { get; private set; }

    /// <summary>An analysis's result as JSON (jsonb); null for a transcript.</summary>
    public string? Result { get; private set; }
}
