using FluentValidation;

namespace VoiceNote.Modules.Identity.Application.Common;

/// <summary>The account field rules (seed 002), shared by every use case that accepts them.</summary>
internal static class IdentityRules
{
    public const string UsernamePattern = "^[A-Za-z0-9_-]{3,32}$";

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(256).EmailAddress().WithMessage("Enter a valid email address.");

    public static IRuleBuilderOptions<T, string> ValidUsername<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(UsernamePattern).WithMessage("Use 3 to 32 letters, digits, '_' or '-'.");

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(8).MaximumLength(128)
            .Must(p => p is not null && p.Any(char.IsUpper) && p.Any(char.IsLower) && p.Any(char.IsDigit))
            .WithMessage("Use at least 8 characters with an upper-case letter, a lower-case letter and a digit.");

    public static IRuleBuilderOptions<T, string?> ShortText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max);

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
