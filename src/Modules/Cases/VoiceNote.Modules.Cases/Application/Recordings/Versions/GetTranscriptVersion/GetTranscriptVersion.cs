using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.Versions.GetTranscriptVersion;

/// <summary>One transcription of a case recording, by its version number.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.Read)]
internal sealed record GetTranscriptVersion(Guid CaseId, Guid AudioId, int Version) : IQuery<CaseTranscriptVersionDto>, ICaseRequest;

internal sealed class GetTranscriptVersionHandler(CasesDbContext db) : IQueryHandler<GetTranscriptVersion, CaseTranscriptVersionDto>
{
    public async Task<Result<CaseTranscriptVersionDto>> Handle(GetTranscriptVersion request, CancellationToken cancellationToken)
    {
        var found = await db.OneAsync(request.CaseId, request.AudioId, RecordingVersionKind.Transcript, request.Version, cancellationToken);
        return found.IsFailure ? found.Error : CaseTranscriptVersionDto.From(found.Value.Version, found.Value.Current);
    }
}

internal sealed class GetTranscriptVersionEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/recordings/{audioId}/transcripts/{version}", async (Guid id, Guid audioId, int version, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetTranscriptVersion(id, audioId, version), ct)).ToOk())
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases")
            .WithName("getCaseTranscriptVersion").Produces<CaseTranscriptVersionDto>()
            .WithSummary("One transcription of a case recording, by version number");
}
