using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.Cases.Domain;

/// <summary>
/// A matter people gather recordings and notes about (docs/product.md, Cases; seed 001 Case). It belongs to
/// its participants, not to one owner, so it is not <see cref="IOwnedByUser"/>: who may see it is decided
/// by the case access check (ADR 0076).
/// </summary>
internal sealed class Case
{
    private Case()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The human-readable code, VN-&lt;year&gt;-&lt;number&gt; (ADR 0077); unique, never reused.</summary>
    public string Code { get; private set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    /// <summary>The code of a row of the status table (ACTIVE, PENDING, CLOSED, or one an operator added).</summary>
    public string StatusCode { get; private set; } = CaseStatus.Active;

    /// <summary>The code of a row of the priority table (HIGH, MEDIUM, LOW, …).</summary>
    public string PriorityCode { get; set; } = CasePriority.Medium;

    public CasePriority Priority { get; private set; } = null!;

    /// <summary>Why the case was last closed or reopened.</summary>
    public string? StatusReason { get; private set; }

    public UserId CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsDeleted { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public List<CaseParticipant> Participants { get; private set; } = [];

    public bool IsClosed => StatusCode == CaseStatus.Closed;

    public static Case Open(string code, string title, string? description, string priority, string status, UserId creator, DateTimeOffset now)
    {
        var opened = new Case
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Title = title,
            Description = description,
            PriorityCode = priority,
            StatusCode = status,
            CreatedBy = creator,
            CreatedAt = now,
            UpdatedAt = now,
        };
        opened.Participants.Add(CaseParticipant.Join(opened.Id, creator, CaseRole.Owner, null, creator, now));
        return opened;
    }

    /// <summary>Sets an open status (not CLOSED: closing goes through <see cref="Close"/>, with a reason).</summary>
    public void SetStatus(string status, DateTimeOffset now)
    {
        StatusCode = status;
        Touch(now);
    }

    public void Close(string reason, DateTimeOffset now)
    {
        StatusCode = CaseStatus.Closed;
        StatusReason = reason;
        ClosedAt = now;
        Touch(now);
    }

    public void Reopen(string reason, DateTimeOffset now)
    {
        StatusCode = CaseStatus.Active;
        StatusReason = reason;
        ClosedAt = null;
        Touch(now);
    }

    public void SoftDelete(DateTimeOffset now)
    {
        if (!IsDeleted)
        {
            IsDeleted = true;
            DeletedAt = now;
            Touch(now);
        }
    }

    public void Restore(DateTimeOffset now)
    {
        if (IsDeleted)
        {
            IsDeleted = false;
            DeletedAt = null;
            Touch(now);
        }
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}
