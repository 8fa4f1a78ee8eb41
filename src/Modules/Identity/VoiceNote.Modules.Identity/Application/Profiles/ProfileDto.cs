using System.Text.Json;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Profiles;

/// <summary>
/// The profile and AI context as the owner reads and writes it (roles and the summary quality as UPPER_SNAKE names, ADRs 0011 and 0061).
/// Mapped by hand (docs/decisions/0003): role names and the settings JSON are computed, and a user with no
/// profile row reads the defaults, so there is no column projection to gain.
/// </summary>
internal sealed record ProfileDto(
    string? PrimaryRole,
    string? SecondaryRole,
    string? CustomRoleDescription,
    string? SystemPrompt,
    IReadOnlyList<string> Jargon,
    int WorkStartHour,
    int WorkEndHour,
    IReadOnlyList<int> WorkDays,
    string TimeZone,
    bool ShowFloatingButton,
    string PreferredLanguage,
    string SummaryQuality,
    JsonElement Settings,
    DateTimeOffset UpdatedAt)
{
    public static ProfileDto From(UserProfile profile) => new(
        ProfileNames.Of(profile.PrimaryRole),
        ProfileNames.Of(profile.SecondaryRole),
        profile.CustomRoleDescription,
        profile.SystemPrompt,
        profile.Jargon,
        profile.WorkStartHour,
        profile.WorkEndHour,
        profile.WorkDays,
        profile.TimeZone,
        profile.ShowFloatingButton,
        profile.PreferredLanguage,
        ProfileNames.ApiQualityOf(profile.SummaryQuality),
        ProfileRules.ParseSettings(profile.SettingsJson),
        profile.UpdatedAt);
}
