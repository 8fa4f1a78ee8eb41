using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Paging;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Notes.ListNotes;

/// <summary>The orders a note list can take. Each is a total order (the id breaks ties), so keyset paging never skips or repeats.</summary>
internal enum NoteSort
{
    /// <summary>recorded_at, id descending.</summary>
    Newest,

    /// <summary>recorded_at, id ascending.</summary>
    Oldest,

    /// <summary>updated_at, id descending.</summary>
    Updated,

    /// <summary>priority (HIGH first), then newest.</summary>
    Priority,
}

/// <summary>Which notes a list shows. Null means "any", except archived, which hides archived notes unless asked.</summary>
internal sealed record NoteFilter(
    NoteStatus? Status = null,
    NotePriority? Priority = null,
    bool? Pinned = null,
    bool? Liked = null,
    bool? Archived = null,
    bool Deleted = false,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool? HasOpenTasks = null);

/// <summary>
/// The position after the last row of a page: the sort keys of that row, in the one cursor format
/// (<see cref="KeysetCursor"/>); it names its sort, so a cursor from another order is refused rather than misread.
/// </summary>
internal sealed record NoteCursor(NoteSort Sort, DateTimeOffset At, short Priority, Guid Id)
{
    public string Encode() => KeysetCursor.Encode(this);

    public static NoteCursor? Decode(string text, NoteSort expected) =>
        KeysetCursor.TryDecode(text, out NoteCursor? cursor) && cursor is not null && cursor.Sort == expected && Enum.IsDefined(cursor.Sort) ? cursor : null;
}

/// <summary>
/// The pieces of a note list's specification. Filters come first, then the keyset condition as a
/// row-value comparison (<c>(recorded_at, id) &lt; (@at, @id)</c>), which PostgreSQL answers from the
/// per-owner indexes <c>(owner_id, is_deleted, is_archived, key…, id)</c> without counting the rows it skips.
/// </summary>
internal static class NoteListing
{
    public static ISpecificationBuilder<Note> Matching(this ISpecificationBuilder<Note> query, NoteFilter filter)
    {
        query.Where(n => n.IsDeleted == filter.Deleted);
        // The trash shows archived and unarchived notes alike unless asked; other lists hide the archive by default.
        var archived = filter.Archived ?? (filter.Deleted ? null : false);
        if (archived is { } a)
        {
            query.Where(n => n.IsArchived == a);
        }

        if (filter.Status is { } status)
        {
            query.Where(n => n.Status == status);
        }

        if (filter.Priority is { } priority)
        {
            query.Where(n => n.Priority == priority);
        }

        if (filter.Pinned is { } pinned)
        {
            query.Where(n => n.IsPinned == pinned);
        }

        if (filter.Liked is { } liked)
        {
            query.Where(n => n.IsLiked == liked);
        }

        if (filter.From is { } from)
        {
            query.Where(n => n.RecordedAt >= from);
        }

        if (filter.To is { } to)
        {
            query.Where(n => n.RecordedAt < to);
        }

        if (filter.HasOpenTasks is { } open)
        {
            query.Where(n => n.Tasks.Any(t => !t.IsDone && !t.IsDeleted) == open);
        }

        return query;
    }

    /// <summary>The rows after the cursor in its sort's order: the page starts where the last one ended.</summary>
    public static ISpecificationBuilder<Note> After(this ISpecificationBuilder<Note> query, NoteCursor? cursor)
    {
        if (cursor is null)
        {
            return query;
        }

        var (at, id, priority) = (cursor.At, cursor.Id, (NotePriority)cursor.Priority);
        return cursor.Sort switch
        {
            NoteSort.Oldest => query.Where(n => EF.Functions.GreaterThan(ValueTuple.Create(n.RecordedAt, n.Id), ValueTuple.Create(at, id))),
            NoteSort.Updated => query.Where(n => EF.Functions.LessThan(ValueTuple.Create(n.UpdatedAt, n.Id), ValueTuple.Create(at, id))),
            NoteSort.Priority => query.Where(n => EF.Functions.LessThan(ValueTuple.Create(n.Priority, n.RecordedAt, n.Id), ValueTuple.Create(priority, at, id))),
            _ => query.Where(n => EF.Functions.LessThan(ValueTuple.Create(n.RecordedAt, n.Id), ValueTuple.Create(at, id))),
        };
    }

    public static ISpecificationBuilder<Note> SortedBy(this ISpecificationBuilder<Note> query, NoteSort sort) => sort switch
    {
        NoteSort.Oldest => query.OrderBy(n => n.RecordedAt).ThenBy(n => n.Id),
        NoteSort.Updated => query.OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id),
        NoteSort.Priority => query.OrderByDescending(n => n.Priority).ThenByDescending(n => n.RecordedAt).ThenByDescending(n => n.Id),
        _ => query.OrderByDescending(n => n.RecordedAt).ThenByDescending(n => n.Id),
    };
}
