using System.Text.Json;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.Modules.AudioProcessing.Domain;

/// <summary>
/// One transcription of a recording (every version is kept; docs/decisions/0047): which engine and language made
/// it, the text and the words with their timings. A job writes at most one (unique on its job id), so
/// a retried job reuses the transcript its earlier attempt saved.
/// </summary>
internal sealed class TranscriptVersion : IOwnedByUser
{
    private TranscriptVersion()
    {
    }

    public TranscriptVersion(Guid audioId, UserId ownerId, Guid jobId, int version, string engine, string language, string text, IReadOnlyList<TranscriptWord> words, TimeSpan duration, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        AudioId = audioId;
        OwnerId = ownerId;
        JobId = jobId;
        Version = version;
        Engine = engine;
        Language = language;
        Text = text;
        Words = JsonSerializer.Serialize(words, JsonSerializerOptions.Web);
        Duration = duration;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid AudioId { get; private set; }

    public UserId OwnerId { get; private set; }

    public Guid JobId { get; private set; }

    /// <summary>1 for the first transcript of the recording, then counting up.</summary>
    public int Version { get; private set; }

    public string Engine { get; private set; } = string.Empty;

    public string Language { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    /// <summary>The words as a JSON array (jsonb): read whole, never queried into.</summary>
    public string Words { get; private set; } = "[]";

    public TimeSpan Duration { get; private set; }

    /// <summary>Who started the run when it was not the owner (a case participant re-processing it, docs/decisions/0079); null means the owner.</summary>
    public Guid? StartedBy { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The owner's remote engine this transcription was meant for, when an AUTO run fell back to the offline one (docs/decisions/0065).</summary>
    public string? FallbackFrom { get; private set; }

    /// <summary>Why it fell back; null when the engine that made it is the one the run chose.</summary>
    public EngineFallbackReason? FallbackReason { get; private set; }

    /// <summary>Records that the offline engine stood in for <paramref name="from"/>.</summary>
    public void RecordFallback(string from, EngineFallbackReason reason)
    {
        FallbackFrom = from;
        FallbackReason = reason;
    }

    public IReadOnlyList<TranscriptWord> ReadWords() =>
        JsonSerializer.Deserialize<List<TranscriptWord>>(Words, JsonSerializerOptions.Web) ?? [];
}

/// <summary>A recognised word on the recording's clock (seconds), with the engine's confidence in [0, 1].</summary>
internal sealed record TranscriptWord(string Text, double Start, double End, double Confidence);
