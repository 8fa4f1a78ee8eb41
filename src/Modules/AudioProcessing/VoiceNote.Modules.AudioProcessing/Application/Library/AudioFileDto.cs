using VoiceNote.Modules.AudioProcessing.Domain;

namespace VoiceNote.Modules.AudioProcessing.Application.Library;

/// <summary>An uploaded recording as the API shows it (never its storage path).</summary>
internal sealed record AudioFileDto(
    Guid Id,
    string? Title,
    string? OriginalName,
    string Format,
    string Codec,
    long SizeBytes,
    double DurationSeconds,
    string Sha256,
    string Status,
    string SpeechEngine,
    string? ProcessingError,
    string? OnDeviceTranscript,
    string? OnDeviceTranscriptLanguage,
    DateTimeOffset RecordedAt,
    bool IsArchived,
    string? ArchiveReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AudioFileDto From(AudioFile a) => new(
        a.Id,
        a.Title,
        a.OriginalName,
        a.Format,
        a.Codec,
        a.SizeBytes,
        Math.Round(a.Duration.TotalSeconds, 3),
        a.Sha256,
        a.Status.ToString().ToLowerInvariant(),
        a.SpeechEngine,
        a.ProcessingError,
        a.OnDeviceTranscript,
        a.OnDeviceTranscriptLanguage,
        a.RecordedAt,
        a.IsArchived,
        a.ArchiveReason,
        a.CreatedAt,
        a.UpdatedAt);
}
