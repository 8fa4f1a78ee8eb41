namespace VoiceNote.Modules.AudioProcessing.Analysis;

/// <summary>
/// What the analysis needs to know about a note's owner (from their profile): the time zone and work
/// week deadlines are resolved in (docs/decisions/0030), and the role, own prompt and jargon that
/// steer the summary and a language model's wording.
/// </summary>
internal sealed record OwnerContext
{
    /// <summary>No profile: UTC, 9 to 5 on Monday to Friday, no role, no jargon.</summary>
    public static OwnerContext Default { get; } = new();

    /// <summary>An IANA id ("Europe/Berlin"); unknown or absent means UTC.</summary>
    public string? TimeZone { get; init; }

    public int WorkStartHour { get; init; } = 9;

    public int WorkEndHour { get; init; } = 17;

    /// <summary>1 = Sunday … 7 = Saturday; absent means Monday to Friday.</summary>
    public IReadOnlyList<int>? WorkDays { get; init; }

    /// <summary>The owner's primary role (STUDENT, DEVELOPER, OFFICE_WORKER, …); steers the summary.</summary>
    public string? Role { get; init; }

    /// <summary>The owner's own instructions; only language-model analysers use them.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Terms the owner uses; they weigh in the summary and a model is told to spell them exactly.</summary>
    public IReadOnlyList<string> Jargon { get; init; } = [];
}
