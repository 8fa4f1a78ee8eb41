using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.Versions.GetAnalysisVersion;

/// <summary>One analysis of a case recording, numbered as the transcript it analysed.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.SeeAnalyses)]
internal sealed record GetAnalysisVersion(Guid CaseId, Guid AudioId, int Version) : IQuery<CaseAnalysisVersionDto>, ICaseRequest;

internal sealed class GetAnalysisVersionHandler(CasesDbContext db) : IQueryHandler<GetAnalysisVersion, CaseAnalysisVersionDto>
{
    public async Task<Result<CaseAnalysisVersionDto>> Handle(GetAnalysisVersion request, CancellationToken cancellationToken)
    {
        var found = await db.OneAsync(request.CaseId, request.AudioId, RecordingVersionKind.Analysis, request.Version, cancellationToken);
        return found.IsFailure ? found.Error : CaseAnalysisVersionDto.From(found.Value.Version, found.Value.Current);
    }
}

internal sealed class GetAnalysisVersionEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/recordings/{audioId}/analyses/{version}", async (Guid id, Guid audioId, int version, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetAnalysisVersion(id, audioId, version), ct)).ToOk())
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("getCaseAnalysisVersion").Produces<CaseAnalysisVersionDto>()
            .WithSummary("One analysis of a case recording, by version number");
}
