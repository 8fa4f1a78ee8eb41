using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using OpenIddict.Validation.AspNetCore;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Security;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// A valid token without the scope an endpoint needs is refused with RFC 6750 §3.1's
/// <c>WWW-Authenticate: Bearer error="insufficient_scope"</c> and the scope it lacks; every other
/// refusal is the default one. The body is the usual problem (status code pages).
/// </summary>
internal sealed class ScopeChallenge : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true
            && context.GetEndpoint()?.Metadata.GetOrderedMetadata<AccessRequirement>()
                .FirstOrDefault(r => r.Kind == AccessKind.Scope && !VoiceNoteClaims.HasScope(context.User, r.Value!)) is { } missing)
        {
            var properties = new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictValidationAspNetCoreConstants.Properties.Error] = "insufficient_scope",
                [OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription] = $"This request needs the scope {missing.Value}.",
                [OpenIddictValidationAspNetCoreConstants.Properties.Scope] = missing.Value,
            });
            return context.ForbidAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, properties);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
