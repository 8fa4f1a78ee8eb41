using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.Versions.ListTranscriptVersions;

/// <summary>Every transcription of a case recording, newest first; the latest is current.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.Read)]
internal sealed record ListTranscriptVersions(Guid CaseId, Guid AudioId, PageQuery Page) : IQuery<Page<CaseTranscriptVersionDto>>, ICaseRequest;

internal sealed class ListTranscriptVersionsValidator : AbstractValidator<ListTranscriptVersions>
{
    public ListTranscriptVersionsValidator() => RuleFor(q => q.Page).ValidPage();
}

internal sealed class ListTranscriptVersionsHandler(CasesDbContext db) : IQueryHandler<ListTranscriptVersions, Page<CaseTranscriptVersionDto>>
{
    public Task<Result<Page<CaseTranscriptVersionDto>>> Handle(ListTranscriptVersions request, CancellationToken cancellationToken) =>
        db.PageAsync(request.CaseId, request.AudioId, RecordingVersionKind.Transcript, request.Page, CaseTranscriptVersionDto.From, cancellationToken);
}

internal sealed class ListTranscriptVersionsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/recordings/{audioId}/transcripts", async (Guid id, Guid audioId, [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListTranscriptVersions(id, audioId, paging.ToQuery()), ct)).ToPagedOk(http))
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("listCaseTranscriptVersions").Produces<Page<CaseTranscriptVersionDto>>()
            .WithSummary("Every transcription of a case recording (engine, language, who started it, when), newest first");
}
