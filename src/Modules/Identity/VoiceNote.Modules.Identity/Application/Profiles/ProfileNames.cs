using VoiceNote.Modules.Identity.Domain;

namespace VoiceNote.Modules.Identity.Application.Profiles;

/// <summary>
/// The names the API (and the facade) use for roles and summary qualities: upper-case role
/// names and lower-case qualities (docs/product.md, ADR 0011). Mapped by hand so a renamed enum member cannot change the API.
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

    public static IReadOnlyList<string> SummaryQualities { get; } = ["fast", "balanced", "detailed"];

    public static string? Of(UserRole? role) => role is { } value ? Roles.First(r => r.Role == value).Name : null;

    /// <summary>Exact upper-case names only (ADR 0011).</summary>
    public static bool TryParseRole(string? name, out UserRole role)
    {
        foreach (var (candidate, candidateName) in Roles)
        {
            if (string.Equals(candidateName, name, StringComparison.Ordinal))
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
