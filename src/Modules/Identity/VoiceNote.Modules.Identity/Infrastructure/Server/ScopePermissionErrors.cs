using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// A scope the client may not ask for is <c>invalid_scope</c> (RFC 6749 §4.1.2.1 and §5.2: "exceeds the
/// scope granted"); OpenIddict's own check answers <c>invalid_request</c>. Runs just before it, with the
/// same rule (openid and offline_access need no permission of their own).
/// </summary>
internal sealed class ScopePermissionErrors<TContext>(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<TContext>
    where TContext : BaseValidatingContext
{
    public static OpenIddictServerHandlerDescriptor Descriptor(int builtInOrder) =>
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseScopedHandler<ScopePermissionErrors<TContext>>()
            .SetOrder(builtInOrder - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(TContext context)
    {
        if (context.Transaction.Request is not { ClientId: { Length: > 0 } clientId } request
            || await applications.FindByClientIdAsync(clientId, context.CancellationToken) is not { } application)
        {
            return;
        }

        foreach (var scope in request.GetScopes())
        {
            if (scope is not (Scopes.OpenId or Scopes.OfflineAccess)
                && !await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + scope, context.CancellationToken))
            {
                context.Reject(Errors.InvalidScope, $"This client may not ask for the scope '{scope}'.");
                return;
            }
        }
    }
}
