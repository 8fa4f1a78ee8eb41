using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Application.Notes.ListNotes;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Admin.ListAllNotes;

/// <summary>Every user's notes, newest first, keyset-paged; optionally one owner's, the trash, or by moderation state.</summary>
[Requires(Permission = AdminPermissions.CanViewAllNotes)]
internal sealed record ListAllNotes(Guid? OwnerId, bool? Deleted, ModerationStatus? Moderation, int Limit, string? Cursor) : IQuery<Page<AdminNoteListItem>>;

internal sealed record AdminNoteListItem(
    Guid Id,
    Guid OwnerId,
    string? Title,
    NotePriority Priority,
    NoteStatus Status,
    bool IsArchived,
    bool IsDeleted,
    DateTimeOffset? DeletedAt,
    ModerationStatus ModerationStatus,
    DateTimeOffset? ModeratedAt,
    DateTimeOffset RecordedAt,
    DateTimeOffset UpdatedAt);

internal sealed class ListAllNotesHandler(NotesDbContext db) : IQueryHandler<ListAllNotes, Page<AdminNoteListItem>>
{
    public async Task<Result<Page<AdminNoteListItem>>> Handle(ListAllNotes request, CancellationToken cancellationToken)
    {
        NoteCursor? cursor = null;
        if (request.Cursor is { } text && (cursor = NoteCursor.Decode(text, NoteSort.Newest)) is null)
        {
            return NotesErrors.InvalidCursor;
        }

        var notes = db.AllNotes().AsNoTracking();
        if (request.OwnerId is { } owner)
        {
            var ownerId = new UserId(owner);
            notes = notes.Where(n => n.OwnerId == ownerId);
        }

        if (request.Deleted is { } deleted)
        {
            notes = notes.Where(n => n.IsDeleted == deleted);
        }

        if (request.Moderation is { } moderation)
        {
            notes = notes.Where(n => n.ModerationStatus == moderation);
        }

        var rows = await notes.After(cursor).Sorted(NoteSort.Newest).Take(request.Limit + 1)
            .Select(n => new AdminNoteListItem(n.Id, n.OwnerId.Value, n.Title, n.Priority, n.Status, n.IsArchived, n.IsDeleted, n.DeletedAt,
                n.ModerationStatus, n.ModeratedAt, n.RecordedAt, n.UpdatedAt))
            .ToListAsync(cancellationToken);
        var items = rows.Take(request.Limit).ToList();
        var next = rows.Count > request.Limit ? new NoteCursor(NoteSort.Newest, items[^1].RecordedAt, (short)items[^1].Priority, items[^1].Id).Encode() : null;
        long? total = request.Cursor is null ? await notes.LongCountAsync(cancellationToken) : null;
        return new Page<AdminNoteListItem>(items, items.Count, total, next);
    }
}

internal sealed class ListAllNotesEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/notes", async (Guid? ownerId, bool? deleted, string? moderation, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
            {
                ModerationStatus? state = null;
                if (moderation is not null)
                {
                    if (!EnumNames<ModerationStatus>.TryParse(moderation, out var parsed))
                    {
                        return ProblemResults.From(ValidationError.For("moderation", "Use NONE, APPROVED or FLAGGED."));
                    }

                    state = parsed;
                }

                var size = limit ?? PageRequest.DefaultSize;
                if (size is < 1 or > PageRequest.MaxSize)
                {
                    return ProblemResults.From(ValidationError.For("limit", $"Use 1 to {PageRequest.MaxSize}."));
                }

                return (await sender.Send(new ListAllNotes(ownerId, deleted, state, size, string.IsNullOrEmpty(cursor) ? null : cursor), ct)).ToOk();
            })
            .RequirePermission(AdminPermissions.CanViewAllNotes)
            .WithSummary("All users' notes (can_view_all_notes)");
}
