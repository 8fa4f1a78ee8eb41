using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// Discovery lists every endpoint under the configured issuer (Identity:Issuer, the public base URL),
/// not under whatever host and port the request reached: behind a proxy or on 127.0.0.1 they differ,
/// and RFC 8414 §3 clients build every call from this document.
/// </summary>
internal sealed class IssuerEndpoints : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<IssuerEndpoints>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        if (context.Options.Issuer is not { } issuer || context.BaseUri is not { } requestBase)
        {
            return ValueTask.CompletedTask;
        }

        var root = issuer.AbsoluteUri.EndsWith('/') ? issuer : new Uri(issuer.AbsoluteUri + "/");
        Uri? Move(Uri? endpoint) => endpoint is null ? null : new Uri(root, requestBase.MakeRelativeUri(endpoint));

        context.AuthorizationEndpoint = Move(context.AuthorizationEndpoint);
        context.TokenEndpoint = Move(context.TokenEndpoint);
        context.RevocationEndpoint = Move(context.RevocationEndpoint);
        context.IntrospectionEndpoint = Move(context.IntrospectionEndpoint);
        context.UserInfoEndpoint = Move(context.UserInfoEndpoint);
        context.JsonWebKeySetEndpoint = Move(context.JsonWebKeySetEndpoint);
        context.EndSessionEndpoint = Move(context.EndSessionEndpoint);
        context.DeviceAuthorizationEndpoint = Move(context.DeviceAuthorizationEndpoint);
        context.PushedAuthorizationEndpoint = Move(context.PushedAuthorizationEndpoint);
        return ValueTask.CompletedTask;
    }
}
