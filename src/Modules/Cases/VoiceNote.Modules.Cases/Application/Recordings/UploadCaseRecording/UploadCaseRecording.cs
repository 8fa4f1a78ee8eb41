using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Application.Access;
using VoiceNote.Modules.Cases.Application.Common;
using VoiceNote.Modules.Cases.Domain;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.Modules.Cases.Application.Recordings.UploadCaseRecording;

/// <summary>
/// The first half of an upload into a case: once the access check has let the caller upload here, AudioProcessing reads
/// the body into its temp area and probes it. It changes nothing and runs outside a transaction (docs/decisions/0050).
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.UploadAudio)]
internal sealed record ReceiveCaseRecording(Guid CaseId, Stream Body, string? ContentType, long? ContentLength, string? Title)
    : IQuery<IStagedRecording>, ICaseRequest;

internal sealed class ReceiveCaseRecordingHandler(ICaseRecordings recordings) : IQueryHandler<ReceiveCaseRecording, IStagedRecording>
{
    public Task<Result<IStagedRecording>> Handle(ReceiveCaseRecording request, CancellationToken cancellationToken) =>
        recordings.ReceiveAsync(request.Body, request.ContentType, request.ContentLength, request.Title, cancellationToken);
}

/// <summary>
/// The second half: AudioProcessing keeps the audio as the caller's recording stored in the case (their quota, their
/// note, <c>cases/{case_id}/</c>) in its own transaction, then the case lists it. The caller's recording with the same
/// bytes is attached instead (a recording is one item for its owner). Its versions arrive with its processing.
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
[CaseAccess(CasePermission.UploadAudio)]
internal sealed record UploadCaseRecording(Guid CaseId, IStagedRecording Staged) : ICommand<CaseRecordingUploaded>, ICaseRequest;

internal sealed class UploadCaseRecordingHandler(CasesDbContext db, ICaseRecordings recordings, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UploadCaseRecording, CaseRecordingUploaded>
{
    public async Task<Result<CaseRecordingUploaded>> Handle(UploadCaseRecording request, CancellationToken cancellationToken)
    {
        var me = user.Id.Value;
        var stored = await recordings.StoreAsync(request.Staged, me, request.CaseId, cancellationToken);
        if (stored.IsFailure)
        {
            return stored.Error;
        }

        var recording = stored.Value.Recording;
        var source = recording.CaseId == request.CaseId ? CaseRecordingSource.Uploaded : CaseRecordingSource.Attached;
        var now = clock.NowForDatabase();
        if (await db.AddRecordingAsync(request.CaseId, recording.AudioId, recording.OwnerId, source, me, now, cancellationToken) && !stored.Value.Created)
        {
            // Bytes the caller had already: the recording may have been processed before it joined the case.
            await db.AddVersionsAsync(recording.AudioId, await recordings.VersionsAsync(recording.AudioId, cancellationToken), cancellationToken);
        }

        var row = await db.RecordingInCaseAsync(request.CaseId, recording.AudioId, cancellationToken);
        var (transcript, analysis) = await db.CurrentVersionsAsync(recording.AudioId, cancellationToken);
        return new CaseRecordingUploaded(CaseRecordingDto.From(row!, recording, transcript, analysis), stored.Value.Created);
    }
}
