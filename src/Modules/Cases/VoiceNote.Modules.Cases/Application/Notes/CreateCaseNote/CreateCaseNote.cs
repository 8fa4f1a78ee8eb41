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

namespace VoiceNote.Modules.Cases.Application.Notes.CreateCaseNote;

/// <summary>
/// Writes a new note in the case: it is the writer's own note (in their notes like any other), linked to the case
/// (docs/decisions/0080). The note is created by Notes in its own transaction first; should the link then fail, the
/// writer keeps the note in their notes, and nothing else sees it.
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.EditNotes)]
internal sealed record CreateCaseNote(Guid CaseId, CaseNoteContent Content) : ICommand<CaseNoteDto>, ICaseRequest;

internal sealed class CreateCaseNoteHandler(CasesDbContext db, ICurrentUser caller, INotesModule notes, IIdentityModule identity, TimeProvider clock)
    : ICommandHandler<CreateCaseNote, CaseNoteDto>
{
    public async Task<Result<CaseNoteDto>> Handle(CreateCaseNote request, CancellationToken cancellationToken)
    {
        if (await db.LockForNoteChangeAsync(request.CaseId, caller.Id, cancellationToken) is { } gone)
        {
            return gone;
        }

        var created = await notes.CreateNoteAsync(caller.Id, request.Content.ToNotes(), cancellationToken);
        if (created.IsFailure)
        {
            return created.Error;
        }

        var link = CaseNote.Link(request.CaseId, created.Value.Id, caller.Id, caller.Id, clock.NowForDatabase());
        db.Notes.Add(link);
        db.Publish(new CaseNoteChanged(request.CaseId, link.NoteId, caller.Id.Value, CaseNoteChange.Created, link.AddedAt));
        var owner = await identity.GetUsersAsync([caller.Id], cancellationToken);
        return CaseNoteDto.From(link, created.Value, owner.FirstOrDefault());
    }
}

internal sealed class CreateCaseNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases/{id}/notes", async (Guid id, CaseNoteContent content, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(new CreateCaseNote(id, content), ct);
                return created.ToNoteAnswer(http, created.IsSuccess ? $"/api/v1/cases/{id}/notes/{created.Value.Id}" : null);
            })
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("createCaseNote").Produces<CaseNoteDto>(StatusCodes.Status201Created)
            .WithSummary("Write a new note in a case: my own note, linked to the case");
}
