using System.Runtime.Serialization;
using VoiceNote.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Contracts;

// What the AudioProcessing module publishes about a processed recording. Each event is complete in
// itself (no event depends on another having arrived first), carries the recording's id and owner,
// and may be delivered more than once: consumers key their effect on (owner, audio id).

/// <summary>The recogniser that produced a transcript.</summary>
public enum SpeechEngine
{
    /// <summary>The offline recogniser (PocketSphinx), the default.</summary>
    Local = 0,

    /// <summary>An OpenAI-compatible /v1/audio/transcriptions server (OpenAI Whisper, self-hosted).</summary>
    OpenAi = 1,

    /// <summary>Groq's OpenAI-compatible endpoint.</summary>
    Groq = 2,

    Deepgram = 3,
}

/// <summary>
/// A recording was transcribed. <see cref="Preferred"/> says whether this transcript should become the
/// note's preferred one (the engine the owner chose, or the only one there is).
/// </summary>
/// <param name="AudioId">The recording (AudioProcessing's id); with the owner, the key of the note it becomes.</param>
/// <param name="Language">BCP 47 tag of the recognised language, e.g. "en".</param>
/// <param name="RecordedAt">When the recording was made (the client's timestamp, else the upload time).</param>
/// <param name="Title">A title the client sent with the upload, if any.</param>
/// <param name="OnDeviceTranscript">The phone's own transcript sent with the upload ), if any.</param>
/// <param name="AudioUrl">Where the owner can fetch the processed audio (a path on this server).</param>
/// <param name="RawAudioUrl">Where the owner can fetch the original upload.</param>
/// <param name="ProcessingOptions">The settings used, as a JSON object (engine, requested engine, analysis engine, transcript version), if any.</param>
/// <param name="CaseId">The case the recording is stored in (uploaded into it), if any (docs/decisions/0079).</param>
/// <param name="StartedBy">Who started the run: the owner, or the case participant who re-processed it; null in events made before ADR 0079.</param>
/// <param name="TranscriptVersion">The transcript's version number (1, 2, …): with the audio id, the key of the version.</param>
/// <param name="JobId">The processing job that made it.</param>
public sealed record AudioTranscribed(
    Guid AudioId,
    Guid OwnerId,
    SpeechEngine Engine,
    string Language,
    string Text,
    double DurationSeconds,
    DateTimeOffset RecordedAt,
    DateTimeOffset TranscribedAt,
    string? Title = null,
    string? OnDeviceTranscript = null,
    string? OnDeviceLanguage = null,
    bool Preferred = true,
    string? AudioUrl = null,
    string? RawAudioUrl = null,
    long? SizeBytes = null,
    string? ProcessingOptions = null,
    Guid? CaseId = null,
    Guid? StartedBy = null,
    int? TranscriptVersion = null,
    Guid? JobId = null) : IntegrationEvent(TranscribedAt);

/// <summary>A recording's transcript was analysed: summary, tasks, key moments, sentiment.</summary>
/// <param name="Title">A short title the analysis proposes (used when the note has none).</param>
/// <param name="Engine">The analyser that made it ("local-rules-1", "openai-chat:gpt-4o-mini"), when known.</param>
/// <param name="TranscriptVersion">The version number of the transcript analysed; a run makes one of each, so it numbers the analysis too (docs/decisions/0079).</param>
public sealed record AudioAnalysed(
    Guid AudioId,
    Guid OwnerId,
    string Summary,
    IReadOnlyList<AnalysedTask> Tasks,
    IReadOnlyList<AnalysedKeyMoment> KeyMoments,
    AnalysedSentiment? Sentiment,
    DateTimeOffset RecordedAt,
    DateTimeOffset AnalysedAt,
    string? Title = null,
    AnalysedPriority? Priority = null,
    string? Engine = null,
    string? Language = null,
    Guid? CaseId = null,
    Guid? StartedBy = null,
    int? TranscriptVersion = null,
    Guid? JobId = null) : IntegrationEvent(AnalysedAt);

/// <summary>
/// The text of a note (a <c>NoteTextWritten</c>) was analysed, by the same analysers as a recording's transcript
/// (docs/decisions/0075). <see cref="TextHash"/> names the text analysed: a note whose text changed since ignores it.
/// </summary>
/// <param name="FallbackFrom">The owner's language model the analysis was meant for, when AUTO gave way to the local rules.</param>
public sealed record NoteTextAnalysed(
    Guid NoteId,
    Guid OwnerId,
    string TextHash,
    string Engine,
    string? FallbackFrom,
    string Summary,
    string? Title,
    IReadOnlyList<AnalysedTask> Tasks,
    IReadOnlyList<AnalysedKeyMoment> KeyMoments,
    AnalysedSentiment? Sentiment,
    DateTimeOffset AnalysedAt,
    AnalysedPriority? Priority = null) : IntegrationEvent(AnalysedAt);

/// <summary>A task's priority, as the product names them (docs/decisions/0031).</summary>
public enum AnalysedPriority
{
    Low = 0,
    Medium = 1,
    High = 2,
}

/// <summary>
/// How the owner will reach someone for a task (docs/decisions/0031). The API names WhatsApp as Notes does
/// ("WHATSAPP", ADR 0061) through EnumMember, which stored analyses' JSON ignores, so they keep reading.
/// </summary>
public enum AnalysedChannel
{
    [EnumMember(Value = "WHATSAPP")]
    WhatsApp = 0,
    Sms = 1,
    Call = 2,
    Meet = 3,
    Slack = 4,
}

/// <summary>A task the analysis found; the deadline is already resolved in the owner's time zone ("tomorrow at five").</summary>
public sealed record AnalysedTask(
    string Description,
    DateTimeOffset? Deadline,
    AnalysedPriority Priority,
    AnalysedChannel? CommunicationType,
    IReadOnlyList<AnalysedAssignee> Assignees);

/// <summary>
/// Somebody a task concerns: a name, and optionally a contact (phone, e-mail), a channel and a role:
/// "assignee" (is to do it) or "recipient" (it goes to them); none in analyses made before ADR 0074.
/// </summary>
public sealed record AnalysedAssignee(string Name, string? Contact = null, string? Channel = null, string? Role = null);

/// <summary>A moment in the recording: its offset, what happens there, and the analysis's confidence (0..1).</summary>
public sealed record AnalysedKeyMoment(TimeSpan At, string Description, double Confidence);

/// <summary>The tone of the recording: a label (positive, neutral, negative, mixed) and a score from -1 to 1.</summary>
public sealed record AnalysedSentiment(string Label, double Score);
