using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.Cases.Domain;

/// <summary>
/// A matter people gather recordings and notes about (docs/product.md, Cases; seed 001 Case). It belongs to
/// its participants, not to one owner, so it is not <see cref="IOwnedByUser"/>: who may see it is decided
/// by the case access check (ADR 0076).
/// </summary>
internal sealed class Case : ICreatedOnce
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

    /// <summary>The Idempotency-Key the create was sent with; (creator, key) is unique, so a retry finds this case (ADR 0067).</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>SHA-256 of that create's body, to tell a retry from another request under the same key.</summary>
    public string? IdempotencyHash { get; private set; }

    /// <summary>
    /// The owner whose account was deleted when nobody was left to take the case over (ADR 0081): it went to
    /// the trash with them, and comes back to them if their account is restored before it is purged.
    /// </summary>
    public UserId? OrphanedBy { get; private set; }

    /// <summary>When the case was orphaned; equal to <see cref="DeletedAt"/> when the orphaning put it in the trash.</summary>
    public DateTimeOffset? OrphanedAt { get; private set; }

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

    public void RememberCreate(string idempotencyKey, string bodyHash)
    {
        IdempotencyKey = idempotencyKey;
        IdempotencyHash = bodyHash;
    }

    /// <summary>Its last owner's account went and nobody may take it over: to the trash (unless there already), kept for them.</summary>
    public void Orphan(UserId owner, DateTimeOffset now)
    {
        OrphanedBy = owner;
        OrphanedAt = now;
        SoftDelete(now);
    }

    /// <summary>
    /// Its orphaning owner is back: out of the trash if the orphaning put it there (not if they had trashed it
    /// themselves before), and no longer waiting for them.
    /// </summary>
    public void Adopt(DateTimeOffset now)
    {
        if (IsDeleted && DeletedAt == OrphanedAt)
        {
            Restore(now);
        }

        OrphanedBy = null;
        OrphanedAt = null;
        Touch(now);
    }
}
