using Mapster;
using VoiceNote.Modules.AudioProcessing.Application.Common;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Speech;

namespace VoiceNote.Modules.AudioProcessing.Application.Library;

/// <summary>An uploaded recording as the API shows it (never its storage path).</summary>
internal sealed record AudioFileDto
{
    public required Guid Id { get; init; }

    public required string? Title { get; init; }

    public required string? OriginalName { get; init; }

    public required string Format { get; init; }

    public required string Codec { get; init; }

    public required long SizeBytes { get; init; }

    public required double DurationSeconds { get; init; }

    public required string Sha256 { get; init; }

    public required AudioStatus Status { get; init; }

    public required SpeechEngineChoice SpeechEngine { get; init; }

    public required string? ProcessingError { get; init; }

    public required string? OnDeviceTranscript { get; init; }

    public required string? OnDeviceTranscriptLanguage { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required bool IsArchived { get; init; }

    public required string? ArchiveReason { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A recording after a change or an upload's dedup read; queries project with <c>ProjectToType&lt;AudioFileDto&gt;</c> instead.</summary>
    public static AudioFileDto From(AudioFile file) => file.Adapt<AudioFileDto>(AudioMappings.Config);

    /// <summary>The duration in seconds to the millisecond, rounded as .NET rounds (to even).</summary>
    internal static double SecondsOf(TimeSpan duration) => Math.Round(duration.TotalSeconds, 3);
}

/// <summary>
/// The storage key and the owner have no member here, so they can never be mapped out. Duration and engine
/// are read as columns and converted in C# (EF runs a method it cannot translate on the row it reads):
/// PostgreSQL's round() goes half away from zero where Math.Round goes to even, so SQL could differ by 0.001.
/// </summary>
internal sealed class AudioFileDtoMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<AudioFile, AudioFileDto>()
        .Map(d => d.DurationSeconds, a => AudioFileDto.SecondsOf(a.Duration))
        .Map(d => d.SpeechEngine, a => SpeechEngineNames.OfStored(a.SpeechEngine));
}
