using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;
using VoiceNote.Domain.Results;

namespace VoiceNote.Modules.AudioProcessing.Application.Processing.FollowProcessing;

/// <summary>Takes one of the caller's progress-stream places (<see cref="ProgressStreams"/>), or says when to come back.</summary>
[Requires(Scope = ApiScopes.AudioRead)]
internal sealed record OpenProgressStream : IQuery<ProgressStreamSlot>;

internal sealed class OpenProgressStreamHandler(ProgressStreams streams, ICurrentUser caller) : IQueryHandler<OpenProgressStream, ProgressStreamSlot>
{
    private static readonly TimeSpan ComeBackAfter = TimeSpan.FromSeconds(30);

    public Task<Result<ProgressStreamSlot>> Handle(OpenProgressStream request, CancellationToken cancellationToken) =>
        Task.FromResult<Result<ProgressStreamSlot>>(streams.TryOpen(caller.Id.Value) is { } slot
            ? slot
            : new RateLimitedError("audio.too_many_streams", "You have as many progress streams open as you may; close one or come back later.", ComeBackAfter));
}
