using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.PlayCaseRecording;

/// <summary>Where a case recording's bytes are, for any participant to play (HTTP ranges); not found when it is not in the case.</summary>
[Requires(Scope = ApiScopes.CasesRead)]
[CaseAccess(CasePermission.Read)]
internal sealed record PlayCaseRecording(Guid CaseId, Guid AudioId) : IQuery<RecordingContent>, ICaseRequest;

internal sealed class PlayCaseRecordingHandler(CasesDbContext db, ICaseRecordings recordings) : IQueryHandler<PlayCaseRecording, RecordingContent>
{
    public async Task<Result<RecordingContent>> Handle(PlayCaseRecording request, CancellationToken cancellationToken)
    {
        if (await db.RecordingInCaseAsync(request.CaseId, request.AudioId, cancellationToken) is null)
        {
            return CasesErrors.RecordingNotFound;
        }

        return await recordings.ContentAsync(request.AudioId, cancellationToken) is { } content ? content : CasesErrors.RecordingNotFound;
    }
}

internal sealed class PlayCaseRecordingEndpoint : IEndpoint
{
    /// <summary>The media types recordings are served with (AudioProcessing labels each by its stored format, as for /audio/{id}/content).</summary>
    private static readonly string[] AudioTypes =
        ["audio/webm", "audio/ogg", "audio/mp4", "audio/mpeg", "audio/aac", "audio/wav", "audio/flac", "audio/amr", "audio/x-caf", "application/octet-stream"];

    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapGet("/cases/{id}/recordings/{audioId}/content", async (Guid id, Guid audioId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new PlayCaseRecording(id, audioId), ct)).ToHttp(c => Results.File(c.Path, c.ContentType, enableRangeProcessing: true)))
            .RequireScope(ApiScopes.CasesRead).WithTags("Cases").WithName("playCaseRecording")
            .Produces(StatusCodes.Status200OK, typeof(Stream), AudioTypes[0], AudioTypes[1..])
            .Produces(StatusCodes.Status206PartialContent, typeof(Stream), AudioTypes[0], AudioTypes[1..])
            .ProducesProblem(416)
            .WithSummary("A case recording's bytes, with HTTP range support, for every participant");
}
