using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Notes.ListNotes;

/// <summary>
/// One page of the caller's notes. Keyset paging: the next page starts after the cursor's row, so a
/// deep page costs what the first does. The total is counted only when cheap to ask for: on the first
/// page, or when <see cref="IncludeTotal"/> says so.
/// </summary>
[Requires(Scope = ApiScopes.NotesRead)]
internal sealed record ListNotes(NoteFilter Filter, NoteSort Sort, int Limit, string? Cursor, bool IncludeTotal) : IQuery<Page<NoteListItem>>;

/// <summary>A note in a list: what a list shows, without transcripts.</summary>
internal sealed record NoteListItem(
    Guid Id,
    string? Title,
    string? Summary,
    NotePriority Priority,
    NoteStatus Status,
    bool IsPinned,
    bool IsLiked,
    bool IsArchived,
    bool IsEncrypted,
    bool IsDeleted,
    DateTimeOffset? DeletedAt,
    DateTimeOffset RecordedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    double? DurationSeconds,
    Guid? AudioId,
    int OpenTaskCount);

internal sealed class ListNotesHandler(NotesDbContext db) : IQueryHandler<ListNotes, Page<NoteListItem>>
{
    public const int SummaryExcerptLength = 280;

    public async Task<Result<Page<NoteListItem>>> Handle(ListNotes request, CancellationToken cancellationToken)
    {
        NoteCursor? cursor = null;
        if (request.Cursor is { } text && (cursor = NoteCursor.Decode(text, request.Sort)) is null)
        {
            return NotesErrors.InvalidCursor;
        }

        var filtered = db.Notes.AsNoTracking().Filter(request.Filter);
        var rows = await filtered.After(cursor).Sorted(request.Sort).Take(request.Limit + 1)
            .Select(n => new
            {
                Note = new NoteListItem(
                    n.Id,
                    n.Title,
                    n.Summary == null ? null : n.Summary.Substring(0, SummaryExcerptLength),
                    n.Priority,
                    n.Status,
                    n.IsPinned,
                    n.IsLiked,
                    n.IsArchived,
                    n.IsEncrypted,
                    n.IsDeleted,
                    n.DeletedAt,
                    n.RecordedAt,
                    n.CreatedAt,
                    n.UpdatedAt,
                    n.DurationSeconds,
                    n.AudioId,
                    n.Tasks.Count(t => !t.IsDone && !t.IsDeleted)),
                n.Priority,
            })
            .ToListAsync(cancellationToken);

        var items = rows.Take(request.Limit).Select(r => r.Note).ToList();
        string? next = null;
        if (rows.Count > request.Limit)
        {
            var last = items[^1];
            next = new NoteCursor(request.Sort, request.Sort == NoteSort.Updated ? last.UpdatedAt : last.RecordedAt, (short)last.Priority, last.Id).Encode();
        }

        long? total = request.Cursor is null || request.IncludeTotal ? await filtered.LongCountAsync(cancellationToken) : null;
        return new Page<NoteListItem>(items, items.Count, total, next);
    }
}
