using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;
using VoiceNote.Modules.Identity.Contracts;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.Modules.Cases.Application.Notes.GetCaseNote;

/// <summary>One note of the case, whoever's it is, with its tag for an edit.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.Read)]
internal sealed record GetCaseNote(Guid CaseId, Guid NoteId) : IQuery<CaseNoteDto>, ICaseRequest;

internal sealed class GetCaseNoteHandler(CasesDbContext db, INotesModule notes, IIdentityModule identity) : IQueryHandler<GetCaseNote, CaseNoteDto>
{
    public async Task<Result<CaseNoteDto>> Handle(GetCaseNote request, CancellationToken cancellationToken)
    {
        var link = await db.FindNoteLinkAsync(request.CaseId, request.NoteId, cancellationToken);
        var note = link is null ? null : await link.DescribeAsync(notes, identity, cancellationToken);
        return note is null ? CasesErrors.NoteNotFound : note;
    }
}

internal sealed class GetCaseNoteEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/notes/{noteId}", async (Guid id, Guid noteId, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetCaseNote(id, noteId), ct)).ToNoteAnswer(http))
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("getCaseNote").Produces<CaseNoteDto>()
            .WithSummary("A note of a case, with its ETag for an edit");
}
