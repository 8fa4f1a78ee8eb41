using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Messaging;

/// <summary>What endpoints and workers use to run a use case; the only door into MediatR.</summary>
public interface ISender
{
    Task<Result> Send(ICommand command, CancellationToken cancellationToken = default);

    Task<Result<TResponse>> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default);

    Task<Result<TResponse>> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default);
}
