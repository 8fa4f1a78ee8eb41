using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Persistence;
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
internal sealed record NoteListItem
{
    public required Guid Id { get; init; }

    public required string? Title { get; init; }

    public required string? Summary { get; init; }

    public required NotePriority Priority { get; init; }

    public required NoteStatus Status { get; init; }

    public required bool IsPinned { get; init; }

    public required bool IsLiked { get; init; }

    public required bool IsArchived { get; init; }

    public required bool IsEncrypted { get; init; }

    public required bool IsDeleted { get; init; }

    public required DateTimeOffset? DeletedAt { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required double? DurationSeconds { get; init; }

    public required Guid? AudioId { get; init; }

    public required int OpenTaskCount { get; init; }
}

/// <summary>The list's columns only: the summary cut to an excerpt, the open tasks counted in SQL.</summary>
internal sealed class NoteListItemMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Note, NoteListItem>()
        .Map(d => d.Summary, n => n.Summary == null ? null : n.Summary.Substring(0, Math.Min(n.Summary.Length, ListNotesHandler.SummaryExcerptLength)))
        // Count() (the method) is a COUNT(*) subquery; the Count property would load every task.
        .Map(d => d.OpenTaskCount, n => n.Tasks.Count(t => !t.IsDone && !t.IsDeleted));
}

internal sealed class ListNotesHandler(NotesDbContext db) : IQueryHandler<ListNotes, Page<NoteListItem>>
{
    public const int SummaryExcerptLength = 280;

    public async Task<Result<Page<NoteListItem>>> Handle(ListNotes request, CancellationToken cancellationToken)
    {
        NoteCursor? cursor = null;
        if (request.Cursor is { } text && (cursor = NoteCursor.Decode(text, request.Sort)) is null)
        {
            return KeysetCursor.Invalid;
        }

        var rows = await db.Notes.WithSpecification(new NotesOfOwnerPage(request.Filter, request.Sort, cursor, request.Limit))
            .ProjectToType<NoteListItem>(NotesMappings.Config)
            .ToListAsync(cancellationToken);

        long? total = request.Cursor is null || request.IncludeTotal
            ? await db.Notes.WithSpecification(new NotesOfOwner(request.Filter)).LongCountAsync(cancellationToken)
            : null;
        return KeysetPage.From(rows, request.Limit, last => new NoteCursor(request.Sort, request.Sort == NoteSort.Updated ? last.UpdatedAt : last.RecordedAt, (short)last.Priority, last.Id).Encode(), total);
    }
}
