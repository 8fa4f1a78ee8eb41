using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Primitives;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;

namespace VoiceNote.Modules.AudioProcessing.Application.Cases.StoreCaseRecording;

/// <summary>
/// Keeps an upload into a case as the uploader's recording stored under the case's folder (docs/decisions/0079), in
/// AudioProcessing's own transaction. Sent only by <see cref="CaseRecordings"/> once the Cases module has checked that
/// the caller may upload into the case.
/// </summary>
[Requires(Scope = ApiScopes.CasesWrite)]
internal sealed record StoreCaseRecording(NewAudio Upload, Guid UploaderId, Guid CaseId) : ICommand<UploadOutcome>;

internal sealed class StoreCaseRecordingHandler(RecordingKeeper keeper) : ICommandHandler<StoreCaseRecording, UploadOutcome>
{
    public Task<Result<UploadOutcome>> Handle(StoreCaseRecording request, CancellationToken cancellationToken) =>
        keeper.KeepAsync(request.Upload, new UserId(request.UploaderId), request.CaseId, idempotencyKey: null, cancellationToken);
}
