using MediatR;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Persistence;
using VoiceNote.Domain.Results;

namespace VoiceNote.Application.Behaviours;

/// <summary>
/// Wraps every command in its module's transaction. A failed <see cref="Result"/> rolls back, so a
/// use case that fails half-way leaves no half-written row; queries pass straight through.
/// </summary>
internal sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IEnumerable<IUnitOfWork> unitsOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommandBase)
        {
            return next();
        }

        var unitOfWork = unitsOfWork.FirstOrDefault(u => u.Owns(typeof(TRequest)));
        if (unitOfWork is null)
        {
            return next();
        }

        var commitFailures = typeof(TRequest).IsDefined(typeof(PersistsOnFailureAttribute), inherit: false);
        return unitOfWork.RunAsync(() => next(), response => commitFailures || response is Result { IsSuccess: true }, cancellationToken);
    }
}
