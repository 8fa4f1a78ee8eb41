namespace VoiceNote.Modules.Cases.Domain;

/// <summary>
/// A row of the status table (seed 001 CaseStatus). The migration seeds ACTIVE, PENDING and CLOSED; an
/// operator may add more (or retire one with <see cref="IsActive"/> false: kept for cases that have it,
/// refused for new changes).
/// </summary>
internal sealed class CaseStatus
{
    public const string Active = "ACTIVE";
    public const string Pending = "PENDING";
    public const string Closed = "CLOSED";

    public string Code { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public bool IsActive { get; set; } = true;

    /// <summary>Where the status is shown among the others.</summary>
    public int Position { get; set; }
}

/// <summary>A row of the priority table (seed 001 CasePriority): lists sort by <see cref="Weight"/>, heaviest first.</summary>
internal sealed class CasePriority
{
    public const string High = "HIGH";
    public const string Medium = "MEDIUM";
    public const string Low = "LOW";

    public string Code { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public int Weight { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>The last case number handed out in a year (ADR 0077): one row per year, bumped under its row lock.</summary>
internal sealed class CaseCodeCounter
{
    public int Year { get; set; }

    public int LastNumber { get; set; }
}

internal static class CaseLimits
{
    public const int TitleLength = 200;
    public const int DescriptionLength = 10_000;
    public const int ReasonLength = 1_000;
    public const int CodeLength = 32;
    public const int LookupCodeLength = 32;
    public const int LoginLength = 256;
}
