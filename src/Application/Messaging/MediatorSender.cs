using MediatR;
using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Messaging;

internal sealed class MediatorSender(IMediator mediator) : ISender
{
    public Task<Result> Send(ICommand command, CancellationToken cancellationToken = default) =>
        mediator.Send(command, cancellationToken);

    public Task<Result<TResponse>> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) =>
        mediator.Send(command, cancellationToken);

    public Task<Result<TResponse>> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) =>
        mediator.Send(query, cancellationToken);
}
