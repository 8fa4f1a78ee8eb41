using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Cases.Application.Notes.AttachNote;

/// <summary>
/// Adds one of the caller's own notes to the case (docs/decisions/0080); it stays in their own notes too. Another
/// user's note is not found (404), as in Notes. Adding a note the case already has answers it again (200).
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.EditNotes)]
internal sealed record AttachNote(Guid CaseId, Guid NoteId) : ICommand<AttachedNote>, ICaseRequest;

/// <summary>The note in the case, and whether this request added it.</summary>
internal sealed record AttachedNote(CaseNoteDto Note, bool Added);

internal sealed class AttachNoteHandler(CasesDbContext db, ICurrentUser caller, INotesModule notes, IIdentityModule identity, TimeProvider clock)
    : ICommandHandler<AttachNote, AttachedNote>
{
    public async Task<Result<AttachedNote>> Handle(AttachNote request, CancellationToken cancellationToken)
    {
        var note = (await notes.GetNotesAsync([request.NoteId], cancellationToken)).FirstOrDefault();
        if (note is null || note.OwnerId != caller.Id.Value)
        {
            return CasesErrors.OwnNoteNotFound;
        }

        if (note.IsInTrash)
        {
            return CasesErrors.NoteInTrash;
        }

        if (await db.LockForNoteChangeAsync(request.CaseId, caller.Id, cancellationToken) is { } gone)
        {
            return gone;
        }

        var link = await db.FindNoteLinkAsync(request.CaseId, request.NoteId, cancellationToken);
        var added = link is null;
        if (link is null)
        {
            link = CaseNote.Link(request.CaseId, note.Id, caller.Id, caller.Id, clock.NowForDatabase());
            db.Notes.Add(link);
            db.Publish(new CaseNoteChanged(request.CaseId, note.Id, caller.Id.Value, CaseNoteChange.Attached, link.AddedAt));
        }

        var owner = await identity.GetUsersAsync([caller.Id], cancellationToken);
        return new AttachedNote(CaseNoteDto.From(link, note, owner.FirstOrDefault()), added);
    }
}

internal sealed class AttachNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases/{id}/notes/{noteId}", async (Guid id, Guid noteId, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var attached = await sender.Send(new AttachNote(id, noteId), ct);
                return attached.IsSuccess
                    ? Result.Success(attached.Value.Note).ToNoteAnswer(http, attached.Value.Added ? $"/api/v1/cases/{id}/notes/{noteId}" : null)
                    : ProblemResults.From(attached.Error);
            })
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("attachCaseNote").Produces<CaseNoteDto>(StatusCodes.Status201Created).Produces<CaseNoteDto>().ProducesProblem(409)
            .WithSummary("Add one of my notes to a case (it stays in my notes); a note the case already has answers 200");
}
