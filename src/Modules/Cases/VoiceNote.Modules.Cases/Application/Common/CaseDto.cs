using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Domain;

namespace VoiceNote.Modules.Cases.Application.Common;

/// <summary>A case as its participants see it, with the caller's own role and permissions in it.</summary>
internal sealed record CaseDto : IVersionedRepresentation
{
    public required Guid Id { get; init; }

    /// <summary>VN-&lt;year&gt;-&lt;number&gt;, e.g. VN-2026-00042.</summary>
    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string? Description { get; init; }

    /// <summary>A code of the status table (GET /cases/statuses).</summary>
    public required string Status { get; init; }

    /// <summary>Why the case was last closed or reopened.</summary>
    public required string? StatusReason { get; init; }

    /// <summary>A code of the priority table (GET /cases/priorities).</summary>
    public required string Priority { get; init; }

    public required Guid CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required DateTimeOffset? ClosedAt { get; init; }

    public required bool IsDeleted { get; init; }

    public required DateTimeOffset? DeletedAt { get; init; }

    public required CaseRole MyRole { get; init; }

    /// <summary>The grantable permissions the caller holds here (UPLOAD_AUDIO, EDIT_NOTES, SEE_ANALYSES, EXPORT, MANAGE_PARTICIPANTS).</summary>
    public required IReadOnlyList<string> MyPermissions { get; init; }

    /// <summary>Whether the caller may change the case itself (title, description, status, priority, close, reopen).</summary>
    public required bool CanEdit { get; init; }

    public static CaseDto From(Case c, CaseRole role, CasePermission permissions) => new()
    {
        Id = c.Id,
        Code = c.Code,
        Title = c.Title,
        Description = c.Description,
        Status = c.StatusCode,
        StatusReason = c.StatusReason,
        Priority = c.PriorityCode,
        CreatedBy = c.CreatedBy.Value,
        CreatedAt = c.CreatedAt,
        UpdatedAt = c.UpdatedAt,
        ClosedAt = c.ClosedAt,
        IsDeleted = c.IsDeleted,
        DeletedAt = c.DeletedAt,
        MyRole = role,
        MyPermissions = CasePermissions.NamesOf(permissions),
        CanEdit = permissions.HasFlag(CasePermission.Edit),
    };

    /// <summary>The tag covers the case, not the caller's part in it: two participants holding the same version hold the same tag.</summary>
    public object VersionedView() => this with { MyRole = CaseRole.Viewer, MyPermissions = [], CanEdit = false };
}
