using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Cases.Application.Notes.EditCaseNote;

/// <summary>
/// Changes the title or summary of a note of the case, whoever's note it is (docs/decisions/0080). With If-Match (the
/// note's ETag) only that version changes: of two participants writing with one tag, one wins and the other gets 412
/// with the note's current tag, so neither overwrites the other unseen.
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.EditNotes)]
internal sealed record EditCaseNote(Guid CaseId, Guid NoteId, CaseNoteContent Changes, string? IfMatch = null) : ICommand<CaseNoteDto>, ICaseRequest;

internal sealed class EditCaseNoteHandler(CasesDbContext db, INotesModule notes, IIdentityModule identity, ICurrentUser caller, TimeProvider clock) : ICommandHandler<EditCaseNote, CaseNoteDto>
{
    public async Task<Result<CaseNoteDto>> Handle(EditCaseNote request, CancellationToken cancellationToken)
    {
        var link = await db.FindNoteLinkAsync(request.CaseId, request.NoteId, cancellationToken);
        if (link is null)
        {
            return CasesErrors.NoteNotFound;
        }

        // Notes takes the note's row lock and compares the tag under it, in its own transaction.
        var edited = await notes.EditNoteAsync(link.NoteId, request.Changes.ToNotes(), request.IfMatch, cancellationToken);
        if (edited.IsFailure)
        {
            return edited.Error switch
            {
                NoteChangedSinceRead stale => new StaleCaseNote(stale.Current.ETag),
                { Kind: ErrorKind.NotFound } => CasesErrors.NoteNotFound,
                { Kind: ErrorKind.Conflict } => CasesErrors.NoteInTrash,
                var other => other,
            };
        }

        db.Publish(new CaseNoteChanged(request.CaseId, link.NoteId, caller.Id.Value, CaseNoteChange.Edited, clock.NowForDatabase()));
        var owner = await identity.GetUsersAsync([new UserId(edited.Value.OwnerId)], cancellationToken);
        return CaseNoteDto.From(link, edited.Value, owner.FirstOrDefault());
    }
}

internal sealed class EditCaseNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPatch("/cases/{id}/notes/{noteId}", async (Guid id, Guid noteId, CaseNoteContent changes, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new EditCaseNote(id, noteId, changes, http.IfMatch()), ct)).ToNoteAnswer(http))
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("editCaseNote").Produces<CaseNoteDto>().ProducesProblem(409).ProducesProblem(412)
            .WithSummary("Change the title or summary of a note of a case (anybody's, with EDIT_NOTES); If-Match makes it conditional (412 with the current ETag when stale)");
}
