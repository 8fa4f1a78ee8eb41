using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Application.Library.UploadAudio;

/// <summary>
/// The second half of an upload: keep what <see cref="ReceiveAudio"/> read, or answer with the owner's
/// item that already holds these bytes (or this Idempotency-Key). The file, its row and its processing
/// job are all or nothing: a refusal leaves none of them, and a placed file goes again unless the row commits.
/// </summary>
[Requires(Scope = ApiScopes.AudioWrite)]
internal sealed record UploadAudio(ReceivedAudio Received) : ICommand<UploadOutcome>;

/// <summary>The item an upload resolved to, and whether this request created it.</summary>
internal sealed record UploadOutcome(AudioFileDto Item, bool Created);

internal sealed class UploadAudioHandler(RecordingKeeper keeper, ICurrentUser caller) : ICommandHandler<UploadAudio, UploadOutcome>
{
    public async Task<Result<UploadOutcome>> Handle(UploadAudio request, CancellationToken cancellationToken)
    {
        var received = request.Received;
        if (received.New is not { } upload)
        {
            // ReceiveAudio found the upload this Idempotency-Key made: the retry gets its result.
            return new UploadOutcome(received.Earlier!, Created: false);
        }

        return await keeper.KeepAsync(upload, caller.Id, caseId: null, received.IdempotencyKey, cancellationToken);
    }
}
