using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.Cases.Domain;

/// <summary>
/// A user's membership of a case (seed 001 CaseParticipant): their role and, when chosen for them, their
/// own set of the grantable permissions. Removing the row ends their access on their next request.
/// </summary>
internal sealed class CaseParticipant
{
    private CaseParticipant()
    {
    }

    public Guid CaseId { get; private set; }

    public UserId UserId { get; private set; }

    public CaseRole Role { get; private set; }

    /// <summary>The grantable permissions chosen for this participant; null means the role's defaults.</summary>
    public CasePermission? GrantedPermissions { get; private set; }

    public UserId AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public CasePermission Permissions => CasePermissions.Effective(Role, GrantedPermissions);

    public static CaseParticipant Join(Guid caseId, UserId userId, CaseRole role, CasePermission? granted, UserId addedBy, DateTimeOffset now) => new()
    {
        CaseId = caseId,
        UserId = userId,
        Role = role,
        GrantedPermissions = role == CaseRole.Owner ? null : granted,
        AddedBy = addedBy,
        AddedAt = now,
        UpdatedAt = now,
    };

    public void Change(CaseRole role, CasePermission? granted, DateTimeOffset now)
    {
        Role = role;
        GrantedPermissions = role == CaseRole.Owner ? null : granted;
        UpdatedAt = now;
    }
}
