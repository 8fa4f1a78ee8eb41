using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Profiles.UpdateProfile;

/// <summary>
/// Replaces every editable field of the caller's profile (PUT, see docs/decisions/0011): the fields
/// without a null meaning are required, so a client that forgot one gets a field error instead of a
/// silent reset. Null roles, description and prompt mean "none".
/// </summary>
[Requires(Scope = ApiScopes.ProfileWrite)]
internal sealed record UpdateProfile(
    string? PrimaryRole,
    string? SecondaryRole,
    string? CustomRoleDescription,
    string? SystemPrompt,
    IReadOnlyList<string?>? Jargon,
    int? WorkStartHour,
    int? WorkEndHour,
    IReadOnlyList<int>? WorkDays,
    string? TimeZone,
    bool? ShowFloatingButton,
    string? PreferredLanguage,
    string? SummaryQuality,
    JsonElement? Settings) : ICommand<ProfileDto>
{
    /// <summary>The profile's ETag from If-Match: the replacement applies only to that version (else 412).</summary>
    [JsonIgnore]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateProfileValidator : AbstractValidator<UpdateProfile>
{
    private const string Required = "Required: PUT replaces the whole profile (send back what GET returned, changed).";

    public UpdateProfileValidator()
    {
        var roles = $"Use one of {string.Join(", ", ProfileNames.RoleNames)}, or null.";
        RuleFor(p => p.PrimaryRole).Must(r => r is null || ProfileNames.TryParseRole(r, out _)).WithMessage(roles);
        RuleFor(p => p.SecondaryRole).Must(r => r is null || ProfileNames.TryParseRole(r, out _)).WithMessage(roles);
        RuleFor(p => p.CustomRoleDescription).MaximumLength(UserProfile.MaxRoleDescriptionLength).StorableText();
        RuleFor(p => p.SystemPrompt).MaximumLength(UserProfile.MaxSystemPromptLength).StorableText();

        RuleFor(p => p.Jargon).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Required)
            .Must(j => ProfileRules.NormalizeJargon(j!).Count <= UserProfile.MaxJargonTerms)
            .WithMessage($"Use at most {UserProfile.MaxJargonTerms} different terms.");
        RuleForEach(p => p.Jargon).Must(ProfileRules.IsJargonTerm)
            .WithMessage($"Each term needs 1 to {UserProfile.MaxJargonTermLength} characters (after trimming), without control characters.");

        RuleFor(p => p.WorkStartHour).Cascade(CascadeMode.Stop).NotNull().WithMessage(Required).InclusiveBetween(0, 23);
        RuleFor(p => p.WorkEndHour).Cascade(CascadeMode.Stop).NotNull().WithMessage(Required).InclusiveBetween(0, 23)
            .Must((p, end) => p.WorkStartHour is not (>= 0 and <= 23) || end > p.WorkStartHour)
            .WithMessage("The work day must end after it starts.");

        RuleFor(p => p.WorkDays).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Required)
            .NotEmpty().WithMessage("Choose at least one work day.")
            .Must(d => d!.Distinct().Count() == d!.Count).WithMessage("List each day once.");
        RuleForEach(p => p.WorkDays).InclusiveBetween(1, 7).WithMessage("Days are 1 (Sunday) to 7 (Saturday).");

        RuleFor(p => p.TimeZone).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Required)
            .Must(ProfileRules.IsIanaTimeZone).WithMessage("Use an IANA time zone id such as \"Europe/Berlin\" or \"UTC\".");

        RuleFor(p => p.ShowFloatingButton).NotNull().WithMessage(Required);

        RuleFor(p => p.PreferredLanguage).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Required)
            .Must(ProfileRules.IsLanguageTag).WithMessage($"Use a language tag such as \"en\" or \"en-US\" (at most {ProfileRules.MaxLanguageLength} characters).");

        RuleFor(p => p.SummaryQuality).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(Required)
            .Must(q => ProfileNames.StoredQualityOf(q) is not null).WithMessage("Use FAST, BALANCED or DETAILED.");

        RuleFor(p => p.Settings).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(Required)
            .Must(s => ProfileRules.SettingsProblem(s) is null).WithMessage(p => ProfileRules.SettingsProblem(p.Settings) ?? string.Empty);
    }
}
