using FluentValidation;
using Mapster;
using Microsoft.EntityFrameworkCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Http.Json;
using VoiceNote.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Common;
using VoiceNote.Modules.Notes.Application.Notes.ListNotes;
using VoiceNote.Modules.Notes.Domain;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;

namespace VoiceNote.Modules.Notes.Application.Admin.ListAllNotes;

/// <summary>Every user's notes, newest first, keyset-paged; optionally one owner's, the trash, or by moderation state.</summary>
[Requires(Permission = AdminPermissions.CanViewAllNotes)]
internal sealed record ListAllNotes(Guid? OwnerId, bool? Deleted, ModerationStatus? Moderation, PageQuery Page) : IQuery<Page<AdminNoteListItem>>;

internal sealed class ListAllNotesValidator : AbstractValidator<ListAllNotes>
{
    public ListAllNotesValidator() => RuleFor(q => q.Page).ValidPage();
}

internal sealed record AdminNoteListItem
{
    public required Guid Id { get; init; }

    public required Guid OwnerId { get; init; }

    public required string? Title { get; init; }

    public required NotePriority Priority { get; init; }

    public required NoteStatus Status { get; init; }

    public required bool IsArchived { get; init; }

    public required bool IsDeleted { get; init; }

    public required DateTimeOffset? DeletedAt { get; init; }

    public required ModerationStatus ModerationStatus { get; init; }

    public required DateTimeOffset? ModeratedAt { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The owner as its plain id; the other members match by name.</summary>
internal sealed class AdminNoteListItemMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Note, AdminNoteListItem>().Map(d => d.OwnerId, n => n.OwnerId.Value);
}

internal sealed class ListAllNotesHandler(NotesDbContext db) : IQueryHandler<ListAllNotes, Page<AdminNoteListItem>>
{
    public async Task<Result<Page<AdminNoteListItem>>> Handle(ListAllNotes request, CancellationToken cancellationToken)
    {
        NoteCursor? cursor = null;
        if (request.Page.Cursor is { } text && (cursor = NoteCursor.Decode(text, NoteSort.Newest)) is null)
        {
            return KeysetCursor.Invalid;
        }

        var limit = request.Page.Limit;
        var rows = await db.Notes.WithSpecification(new AllNotesPage(request.OwnerId, request.Deleted, request.Moderation, cursor, limit))
            .ProjectToType<AdminNoteListItem>(NotesMappings.Config)
            .ToListAsync(cancellationToken);
        long? total = request.Page.CountsTotal
            ? await db.Notes.WithSpecification(new AllNotes(request.OwnerId, request.Deleted, request.Moderation)).LongCountAsync(cancellationToken)
            : null;
        return KeysetPage.From(rows, limit, last => new NoteCursor(NoteSort.Newest, last.RecordedAt, (short)last.Priority, last.Id).Encode(), total);
    }
}

internal sealed class ListAllNotesEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Admin.MapGet("/notes", async (Guid? ownerId, bool? deleted, string? moderation, [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                ModerationStatus? state = null;
                if (moderation is not null)
                {
                    if (!ApiEnum<ModerationStatus>.TryParse(moderation, out var parsed))
                    {
                        return ProblemResults.From(ValidationError.For("moderation", "Use NONE, APPROVED or FLAGGED."));
                    }

                    state = parsed;
                }

                return (await sender.Send(new ListAllNotes(ownerId, deleted, state, paging.ToQuery()), ct)).ToPagedOk(http);
            })
            .RequirePermission(AdminPermissions.CanViewAllNotes)
            .WithName("listAllNotes").Produces<Page<AdminNoteListItem>>()
            .WithSummary("All users' notes (can_view_all_notes)");
}
