using Microsoft.EntityFrameworkCore;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.Modules.Cases.Application.Participants;

/// <summary>A participant as the others in the case see them; the name is null once the account is deleted.</summary>
internal sealed record ParticipantDto(
    Guid UserId,
    string? Username,
    string? DisplayName,
    CaseRole Role,
    IReadOnlyList<string> Permissions,
    bool HasCustomPermissions,
    DateTimeOffset AddedAt)
{
    public static ParticipantDto From(CaseParticipant p, UserSummary? user) =>
        new(p.UserId.Value, user?.Username, user?.DisplayName, p.Role, CasePermissions.NamesOf(p.Permissions), p.GrantedPermissions is not null, p.AddedAt);
}

/// <summary>The rules every change of who takes part in a case follows (ADR 0076).</summary>
internal static class ParticipantRules
{
    public const int ParticipantsPerCase = 200;

    /// <summary>A role and optional permissions as sent: unknown names, and writing permissions for a viewer, are 400s naming the field.</summary>
    public static Result<(CaseRole Role, CasePermission? Granted)> Parse(string? role, IReadOnlyList<string>? permissions)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ApiEnum<CaseRole>.TryParse(role, out var parsed))
        {
            errors["role"] = [$"Use one of {string.Join(", ", ApiEnum<CaseRole>.Names)}."];
        }

        CasePermission? granted = null;
        if (permissions is not null)
        {
            var names = permissions.Select(p => p.Trim().ToUpperInvariant()).ToList();
            if (names.FirstOrDefault(n => !CasePermissions.Grantable.ContainsKey(n)) is { } unknown)
            {
                errors["permissions"] = [$"'{unknown}' is not a permission; use any of {string.Join(", ", CasePermissions.Grantable.Keys)}."];
            }
            else
            {
                granted = CasePermissions.FromNames(names);
                if (errors.Count == 0 && (granted.Value & ~CasePermissions.CeilingOf(parsed)) != 0)
                {
                    errors["permissions"] = [$"A {ApiEnum<CaseRole>.NameOf(parsed)} may hold only {string.Join(", ", CasePermissions.NamesOf(CasePermissions.CeilingOf(parsed)))}."];
                }
            }
        }

        return errors.Count > 0 ? new ValidationError(errors) : (parsed, granted);
    }

    /// <summary>Owners alone give, change or take the owner role; a participant manager handles the other roles.</summary>
    public static Error? MayTouch(CaseCaller caller, CaseRole? current, CaseRole? wanted) =>
        caller.Role != CaseRole.Owner && (current == CaseRole.Owner || wanted == CaseRole.Owner) ? CasesErrors.OwnersOnly : null;

    /// <summary>Whether taking <paramref name="leaving"/> out of the owners would leave the case with none.</summary>
    public static async Task<bool> IsLastOwnerAsync(this CasesDbContext db, Guid caseId, CaseParticipant leaving, CancellationToken cancellationToken) =>
        leaving.Role == CaseRole.Owner
        && !await db.Participants.AnyAsync(p => p.CaseId == caseId && p.Role == CaseRole.Owner && p.UserId != leaving.UserId, cancellationToken);

    public static Task<CaseParticipant?> FindParticipantAsync(this CasesDbContext db, Guid caseId, UserId userId, CancellationToken cancellationToken) =>
        db.Participants.FirstOrDefaultAsync(p => p.CaseId == caseId && p.UserId == userId, cancellationToken);

    public static async Task<ParticipantDto> DescribeAsync(this IIdentityModule identity, CaseParticipant participant, CancellationToken cancellationToken)
    {
        var users = await identity.GetUsersAsync([participant.UserId], cancellationToken);
        return ParticipantDto.From(participant, users.FirstOrDefault());
    }
}
