using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Domain;

/// <summary>
/// One analysis of a transcript version: the engine that made it and its result as JSON (the
/// published <c>AudioAnalysed</c> payload). <see cref="PublishedAt"/> is set in the same transaction
/// as the outbox rows, so a resumed job never publishes twice.
/// </summary>
internal sealed class AnalysisVersion : IOwnedByUser
{
    private AnalysisVersion()
    {
    }

    public AnalysisVersion(Guid audioId, UserId ownerId, Guid jobId, Guid transcriptId, string engine, string language, string result, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        AudioId = audioId;
        OwnerId = ownerId;
        JobId = jobId;
        TranscriptId = transcriptId;
        Engine = engine;
        Language = language;
        Result = result;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid AudioId { get; private set; }

    public UserId OwnerId { get; private set; }

    public Guid JobId { get; private set; }

    public Guid TranscriptId { get; private set; }

    public string Engine { get; private set; } = string.Empty;

    public string Language { get; private set; } = string.Empty;

    /// <summary>The analysis as JSON (summary, title, tasks, key moments, sentiment).</summary>
    public string Result { get; private set; } = "{}";

    /// <summary>Who started the run when it was not the owner (a case participant re-processing it, docs/decisions/0079); null means the owner.</summary>
    public Guid? StartedBy { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The owner's remote engine this analysis was meant for, when an AUTO run fell back to the offline one (docs/decisions/0065).</summary>
    public string? FallbackFrom { get; private set; }

    /// <summary>Why it fell back; null when the engine that made it is the one the run chose.</summary>
    public EngineFallbackReason? FallbackReason { get; private set; }

    /// <summary>Records that the offline engine stood in for <paramref name="from"/>.</summary>
    public void RecordFallback(string from, EngineFallbackReason reason)
    {
        FallbackFrom = from;
        FallbackReason = reason;
    }

    public DateTimeOffset? PublishedAt { get; set; }
}
