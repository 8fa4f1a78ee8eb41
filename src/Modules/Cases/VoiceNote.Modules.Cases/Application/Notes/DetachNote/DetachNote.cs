using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Notes.DetachNote;

/// <summary>Takes a note out of the case; the note itself stays, in its owner's own notes (docs/decisions/0080).</summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.EditNotes)]
internal sealed record DetachNote(Guid CaseId, Guid NoteId) : ICommand, ICaseRequest;

internal sealed class DetachNoteHandler(CasesDbContext db, ICurrentUser caller, TimeProvider clock) : ICommandHandler<DetachNote>
{
    public async Task<Result> Handle(DetachNote request, CancellationToken cancellationToken)
    {
        if (await db.LockForNoteChangeAsync(request.CaseId, caller.Id, cancellationToken) is { } gone)
        {
            return gone;
        }

        var link = await db.FindNoteLinkAsync(request.CaseId, request.NoteId, cancellationToken);
        if (link is null)
        {
            return CasesErrors.NoteNotFound;
        }

        db.Notes.Remove(link);
        db.Publish(new CaseNoteChanged(request.CaseId, link.NoteId, caller.Id.Value, CaseNoteChange.Detached, clock.NowForDatabase()));
        return Result.Success();
    }
}

internal sealed class DetachNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapDelete("/cases/{id}/notes/{noteId}", async (Guid id, Guid noteId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DetachNote(id, noteId), ct)).ToNoContent())
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("detachCaseNote").Produces(StatusCodes.Status204NoContent)
            .WithSummary("Take a note out of a case; the note stays with its owner");
}
