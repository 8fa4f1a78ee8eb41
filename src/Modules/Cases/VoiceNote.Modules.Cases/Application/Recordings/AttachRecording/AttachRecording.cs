using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Contracts;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.AttachRecording;

/// <summary>
/// Attaches one of the caller's own recordings to the case (another user's reads as not found). It stays in their
/// library; its transcripts and analyses so far come along through AudioProcessing's contract, later ones by its
/// events. Attaching a recording the case already holds changes nothing.
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.UploadAudio)]
internal sealed record AttachRecording(Guid CaseId, Guid AudioId) : ICommand<CaseRecordingUploaded>, ICaseRequest;

internal sealed class AttachRecordingHandler(CasesDbContext db, ICaseRecordings recordings, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AttachRecording, CaseRecordingUploaded>
{
    public async Task<Result<CaseRecordingUploaded>> Handle(AttachRecording request, CancellationToken cancellationToken)
    {
        var recording = await recordings.FindOwnAsync(request.AudioId, user.Id.Value, cancellationToken);
        if (recording is null)
        {
            return CasesErrors.RecordingNotFound;
        }

        var source = recording.CaseId == request.CaseId ? CaseRecordingSource.Uploaded : CaseRecordingSource.Attached;
        var now = clock.NowForDatabase();
        var added = await db.AddRecordingAsync(request.CaseId, recording.AudioId, recording.OwnerId, source, user.Id.Value, now, cancellationToken);
        if (added)
        {
            await db.AddVersionsAsync(recording.AudioId, await recordings.VersionsAsync(recording.AudioId, cancellationToken), cancellationToken);
            db.Publish(new CaseRecordingChanged(request.CaseId, recording.AudioId, user.Id.Value, Added: true, now));
        }

        var row = await db.RecordingInCaseAsync(request.CaseId, recording.AudioId, cancellationToken);
        var (transcript, analysis) = await db.CurrentVersionsAsync(recording.AudioId, cancellationToken);
        return new CaseRecordingUploaded(CaseRecordingDto.From(row!, recording, transcript, analysis), added);
    }
}

internal sealed class AttachRecordingEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.V1.MapPost("/cases/{id}/recordings/{audioId}", async (Guid id, Guid audioId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new AttachRecording(id, audioId), ct)).ToHttp(a => a.Created
                    ? TypedResults.Created($"/api/v1/cases/{id}/recordings/{audioId}", a.Recording)
                    : TypedResults.Ok(a.Recording)))
            .RequireScope(ApiScopes.CasesWrite).WithTags("Cases")
            .WithName("attachCaseRecording").Produces<CaseRecordingDto>(StatusCodes.Status201Created).Produces<CaseRecordingDto>()
            .WithSummary("Attach one of your own recordings to a case, with the transcripts and analyses it has");
}
