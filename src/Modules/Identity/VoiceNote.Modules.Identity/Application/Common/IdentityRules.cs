using FluentValidation;

namespace VoiceNote.Modules.Identity.Application.Common;

/// <summary>The account field rules (docs/product.md, Identity), shared by every use case that accepts them.</summary>
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

    /// <summary>
    /// Text PostgreSQL can store: no U+0000 (text and jsonb refuse it) and no unpaired surrogate (not
    /// encodable as UTF-8). Without this rule such input would fail at the database, as a 500.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> StorableText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsStorable).WithMessage("Remove NUL characters and unpaired surrogates.");

    public static bool IsStorable(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
