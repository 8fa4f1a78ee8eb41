using System.Collections.Concurrent;
using System.Reflection;
using MediatR;
using VoiceNote.Application.Messaging;
using VoiceNote.Application.Security;

namespace VoiceNote.Application.Behaviours;

/// <summary>
/// Refuses a use case whose caller lacks what the request type declares with <see cref="RequiresAttribute"/>.
/// A request without <see cref="AnonymousAllowedAttribute"/> needs a signed-in caller, unless it is sent by
/// background work that is explicitly a system request (<see cref="ISystemRequest"/>).
/// </summary>
internal sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly ConcurrentDictionary<Type, RequiresAttribute[]> Requirements = new();

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var type = typeof(TRequest);
        if (request is ISystemRequest || type.IsDefined(typeof(AnonymousAllowedAttribute), inherit: false))
        {
            return next();
        }

        if (!currentUser.IsAuthenticated)
        {
            return Task.FromResult(ResultFactory.Failure<TResponse>(SecurityErrors.NotAuthenticated));
        }

        foreach (var requirement in Requirements.GetOrAdd(type, t => t.GetCustomAttributes<RequiresAttribute>(inherit: false).ToArray()))
        {
            if (requirement.Scope is { } scope && !currentUser.HasScope(scope))
            {
                return Task.FromResult(ResultFactory.Failure<TResponse>(SecurityErrors.MissingScope(scope)));
            }

            if (requirement.Permission is { } permission && !currentUser.HasPermission(permission))
            {
                return Task.FromResult(ResultFactory.Failure<TResponse>(SecurityErrors.MissingPermission(permission)));
            }
        }

        return next();
    }
}
