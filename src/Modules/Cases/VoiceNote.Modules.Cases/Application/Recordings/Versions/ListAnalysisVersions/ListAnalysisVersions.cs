using FluentValidation;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Paging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.Versions.ListAnalysisVersions;

/// <summary>Every analysis of a case recording, newest first, for participants who may see analyses.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.SeeAnalyses)]
internal sealed record ListAnalysisVersions(Guid CaseId, Guid AudioId, PageQuery Page) : IQuery<Page<CaseAnalysisVersionDto>>, ICaseRequest;

internal sealed class ListAnalysisVersionsValidator : AbstractValidator<ListAnalysisVersions>
{
    public ListAnalysisVersionsValidator() => RuleFor(q => q.Page).ValidPage();
}

internal sealed class ListAnalysisVersionsHandler(CasesDbContext db) : IQueryHandler<ListAnalysisVersions, Page<CaseAnalysisVersionDto>>
{
    public Task<Result<Page<CaseAnalysisVersionDto>>> Handle(ListAnalysisVersions request, CancellationToken cancellationToken) =>
        db.PageAsync(request.CaseId, request.AudioId, RecordingVersionKind.Analysis, request.Page, CaseAnalysisVersionDto.From, cancellationToken);
}

internal sealed class ListAnalysisVersionsEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/recordings/{audioId}/analyses", async (Guid id, Guid audioId, [AsParameters] PageParameters paging, HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ListAnalysisVersions(id, audioId, paging.ToQuery()), ct)).ToPagedOk(http))
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("listCaseAnalysisVersions").Produces<Page<CaseAnalysisVersionDto>>()
            .WithSummary("Every analysis of a case recording (summary, tasks, key moments, sentiment), newest first");
}
