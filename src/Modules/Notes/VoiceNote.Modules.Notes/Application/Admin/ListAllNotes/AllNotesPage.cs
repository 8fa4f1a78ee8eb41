using Ardalis.Specification;
using VoiceNote.Domain.Primitives;
using VoiceNote.Modules.Notes.Application.Notes.ListNotes;
using VoiceNote.Modules.Notes.Domain;

namespace VoiceNote.Modules.Notes.Application.Admin.ListAllNotes;

/// <summary>
/// Every user's notes, optionally one owner's, the trash or one moderation state: what the admin list
/// counts. It lifts the owner filter, which only an admin use case with a named permission may do.
/// </summary>
internal sealed class AllNotes : Specification<Note>
{
    public AllNotes(Guid? ownerId, bool? deleted, ModerationStatus? moderation) => Query.AnyOwners(ownerId, deleted, moderation);
}

/// <summary>One keyset page of <see cref="AllNotes"/>, newest first, with one row more than the limit.</summary>
internal sealed class AllNotesPage : Specification<Note>
{
    public AllNotesPage(Guid? ownerId, bool? deleted, ModerationStatus? moderation, NoteCursor? cursor, int limit)
    {
        Query.AnyOwners(ownerId, deleted, moderation).After(cursor).SortedBy(NoteSort.Newest);
        Query.Take(limit + 1);
    }
}

internal static class AllNotesCriteria
{
    public static ISpecificationBuilder<Note> AnyOwners(this ISpecificationBuilder<Note> query, Guid? ownerId, bool? deleted, ModerationStatus? moderation)
    {
        query.IgnoreQueryFilters();
        if (ownerId is { } owner)
        {
            var id = new UserId(owner);
            query.Where(n => n.OwnerId == id);
        }

        if (deleted is { } d)
        {
            query.Where(n => n.IsDeleted == d);
        }

        if (moderation is { } m)
        {
            query.Where(n => n.ModerationStatus == m);
        }

        return query;
    }
}
