using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.AudioProcessing.Application.Analysis;

/// <summary>
/// Everything the analysis needs about one recording and its owner. Work hours and days follow seed
/// 000 (9, 17, [2,3,4,5,6] with 1 = Sunday); the time zone is an IANA id (unknown ids mean UTC).
/// </summary>
internal sealed record AnalysisInput
{
    public required string Transcript { get; init; }

    /// <summary>The recogniser's words with timings, when it gave them; key moments need them.</summary>
    public IReadOnlyList<TimedWord>? Words { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public string? TimeZone { get; init; }

    public int WorkStartHour { get; init; } = 9;

    public int WorkEndHour { get; init; } = 17;

    public IReadOnlyList<int>? WorkDays { get; init; }

    /// <summary>Seed 000's primary role (STUDENT, DEVELOPER, …); steers the summary.</summary>
    public string? Role { get; init; }

    /// <summary>The owner's own system prompt; only language-model adapters use it.</summary>
    public string? SystemPrompt { get; init; }

    public IReadOnlyList<string> Jargon { get; init; } = [];

    /// <summary>BCP 47 language of the transcript ("en", "en-GB", "de"); the local rules understand English.</summary>
    public string? Language { get; init; } = "en";

    public int SummaryMaxCharacters { get; init; } = Summary.ExtractiveSummarizer.DefaultMaxCharacters;

    /// <summary>A recording's input in its owner's context: time zone, work week, role, prompt and jargon.</summary>
    public static AnalysisInput For(UserContext owner, string transcript, IReadOnlyList<TimedWord>? words, DateTimeOffset recordedAt, string? language) => new()
    {
        Transcript = transcript,
        Words = words,
        RecordedAt = recordedAt,
        TimeZone = owner.TimeZone,
        WorkStartHour = owner.WorkStartHour,
        WorkEndHour = owner.WorkEndHour,
        WorkDays = owner.WorkDays,
        Role = owner.PrimaryRole,
        SystemPrompt = owner.SystemPrompt,
        Jargon = owner.Jargon,
        Language = language,
    };
}
