using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Profiles;

/// <summary>
/// The names the API (and the facade) use for roles and summary qualities: upper-case role names; qualities
/// stored (and given to the facade) lower-case and shown UPPER_SNAKE (docs/product.md, ADRs 0011 and 0061).
/// Mapped by hand so a renamed enum member cannot change the API. Read in any case, '-' standing for '_'.
/// </summary>
internal static class ProfileNames
{
    private static readonly (UserRole Role, string Name)[] Roles =
    [
        (UserRole.Student, "STUDENT"),
        (UserRole.Teacher, "TEACHER"),
        (UserRole.Developer, "DEVELOPER"),
        (UserRole.OfficeWorker, "OFFICE_WORKER"),
        (UserRole.BusinessMan, "BUSINESS_MAN"),
        (UserRole.Psychiatrist, "PSYCHIATRIST"),
        (UserRole.Psychologist, "PSYCHOLOGIST"),
        (UserRole.Generic, "GENERIC"),
    ];

    public static IReadOnlyList<string> RoleNames { get; } = Roles.Select(r => r.Name).ToArray();

    /// <summary>As stored: the profile's column and what the facade hands to the pipeline.</summary>
    public static IReadOnlyList<string> SummaryQualities { get; } = ["fast", "balanced", "detailed"];

    /// <summary>The stored spelling of a quality in any case ("BALANCED" is "balanced"); null when it is none.</summary>
    public static string? StoredQualityOf(string? name) =>
        SummaryQualities.FirstOrDefault(q => string.Equals(q, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string ApiQualityOf(string stored) => stored.ToUpperInvariant();

    public static string? Of(UserRole? role) => role is { } value ? Roles.First(r => r.Role == value).Name : null;

    /// <summary>Any case, '-' for '_' ("office-worker" is OFFICE_WORKER; ADR 0061).</summary>
    public static bool TryParseRole(string? name, out UserRole role)
    {
        var spelled = name?.Trim().Replace('-', '_');
        foreach (var (candidate, candidateName) in Roles)
        {
            if (string.Equals(candidateName, spelled, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static UserRole? ParseRoleOrNull(string? name) => TryParseRole(name, out var role) ? role : null;
}
