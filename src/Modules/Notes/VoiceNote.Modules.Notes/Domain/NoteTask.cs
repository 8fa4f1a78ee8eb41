using VoiceNote.Domain.Primitives;

namespace VoiceNote.Modules.Notes.Domain;

/// <summary>
/// Something to do that a note gave rise to (docs/product.md, Notes): a deadline and priority, reminder
/// bookkeeping, who it concerns and how to reach them, and its place in the note's list.
/// </summary>
internal sealed class NoteTask : IOwnedByUser, ICreatedOnce
{
    private NoteTask()
    {
    }

    public Guid Id { get; private set; }

    public Guid NoteId { get; private set; }

    public Note? Note { get; private set; }

    public UserId OwnerId { get; private set; }

    /// <summary>The Idempotency-Key the create was sent with; (owner, key) is unique, so a retry finds this task (ADR 0067).</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>SHA-256 of that create's body (with its note), to tell a retry from another request under the same key.</summary>
    public string? IdempotencyHash { get; private set; }

    public string Description { get; set; } = string.Empty;

    public bool IsDone { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public DateTimeOffset? Deadline { get; set; }

    public NotePriority Priority { get; set; } = NotePriority.Medium;

    public bool IsDeleted { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the last reminder went out.</summary>
    public DateTimeOffset? NotifiedAt { get; set; }

    public int ReminderCount { get; set; }

    public bool NotificationEnabled { get; set; } = true;

    public List<AssignedEntity> AssignedEntities { get; set; } = [];

    public List<string> ImageUrls { get; set; } = [];

    public List<string> DocumentUrls { get; set; } = [];

    public List<string> ExternalLinks { get; set; } = [];

    public CommunicationType? CommunicationType { get; set; }

    /// <summary>The owner approved the suggested action (e.g. sending the message).</summary>
    public bool IsActionApproved { get; set; }

    /// <summary>The task's place in its note's list; gaps are fine, ties break by creation.</summary>
    public int Position { get; set; }

    /// <summary>
    /// For tasks the analysis pipeline suggested: a key derived from the recording and the task's
    /// text, so that a repeated analysis updates the task instead of adding it twice.
    /// </summary>
    public string? SourceKey { get; private set; }

    /// <summary>The owner changed this task: a later analysis keeps it as it is (docs/decisions/0075).</summary>
    public bool EditedByOwner { get; set; }

    public static NoteTask Create(Note note, string description, int position, DateTimeOffset now, string? sourceKey = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        NoteId = note.Id,
        OwnerId = note.OwnerId,
        Description = description,
        Position = position,
        SourceKey = sourceKey,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    public void Complete(DateTimeOffset now)
    {
        if (!IsDone)
        {
            IsDone = true;
            DoneAt = now;
            UpdatedAt = now;
        }
    }

    public void Reopen(DateTimeOffset now)
    {
        if (IsDone)
        {
            IsDone = false;
            DoneAt = null;
            UpdatedAt = now;
        }
    }

    public void SoftDelete(DateTimeOffset now)
    {
        if (!IsDeleted)
        {
            IsDeleted = true;
            DeletedAt = now;
            UpdatedAt = now;
        }
    }

    public void Restore(DateTimeOffset now)
    {
        if (IsDeleted)
        {
            IsDeleted = false;
            DeletedAt = null;
            UpdatedAt = now;
        }
    }

    public void RememberCreate(string idempotencyKey, string bodyHash)
    {
        IdempotencyKey = idempotencyKey;
        IdempotencyHash = bodyHash;
    }
}
