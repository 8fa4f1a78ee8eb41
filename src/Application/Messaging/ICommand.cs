using MediatR;
using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Messaging;

/// <summary>
/// A request that changes state. It runs inside one transaction of its module (see
/// <see cref="Behaviours.UnitOfWorkBehaviour{TRequest,TResponse}"/>); outbox rows commit with it.
/// MediatR stays behind these aliases so an upgrade touches one folder.
/// </summary>
public interface ICommand : IRequest<Result>, ICommandBase;

public interface ICommand<TResponse> : IRequest<Result<TResponse>>, ICommandBase;

/// <summary>Marker the pipeline uses to tell commands from queries.</summary>
public interface ICommandBase;

public interface ICommandHandler<in TCommand> : IRequestHandler<TCommand, Result>
    where TCommand : ICommand;

public interface ICommandHandler<in TCommand, TResponse> : IRequestHandler<TCommand, Result<TResponse>>
    where TCommand : ICommand<TResponse>;
