namespace VoiceNote.Modules.Identity.Domain;

/// <summary>Settings and AI context of one user (docs/product.md, Identity).</summary>
internal sealed class UserProfile
{
    public const int MaxJargonTerms = 200;
    public const int MaxJargonTermLength = 64;
    public const int MaxSystemPromptLength = 4000;
    public const int MaxRoleDescriptionLength = 1000;
    public const int MaxSettingsJsonBytes = 16 * 1024;

    public Guid UserId { get; set; }

    public UserRole? PrimaryRole { get; set; }

    public UserRole? SecondaryRole { get; set; }

    public string? CustomRoleDescription { get; set; }

    public string? SystemPrompt { get; set; }

    public List<string> Jargon { get; set; } = [];

    public int WorkStartHour { get; set; } = 9;

    public int WorkEndHour { get; set; } = 17;

    /// <summary>Numbered 1 = Sunday … 7 = Saturday, as the earlier mobile app stored them (docs/product.md); the default [2..6] is Monday to Friday.</summary>
    public List<int> WorkDays { get; set; } = [2, 3, 4, 5, 6];

    /// <summary>An IANA time zone id; deadlines ("tomorrow at five") are read in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    public bool ShowFloatingButton { get; set; } = true;

    public string PreferredLanguage { get; set; } = "en";

    /// <summary>fast, balanced (the default) or detailed.</summary>
    public string SummaryQuality { get; set; } = "balanced";

    public string SettingsJson { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    public static UserProfile For(Guid userId, DateTimeOffset now) => new() { UserId = userId, UpdatedAt = now };
}
