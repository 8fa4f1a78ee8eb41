using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// A UserInfo POST that carries only its bearer token (OIDC Core §5.3.1, RFC 6750 §2.1) has no body to
/// read; OpenIddict's form reader would refuse it for its missing Content-Type before the token is even
/// looked at. Such a request is an empty one; anything else (GET, or a POST with a body) is read as OpenIddict reads it.
/// </summary>
internal sealed class BodilessUserInfoRequests : IOpenIddictServerHandler<ExtractUserInfoRequestContext>
{
    private static readonly OpenIddictServerAspNetCoreHandlers.ExtractGetOrPostRequest<ExtractUserInfoRequestContext> DefaultReader = new();

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ExtractUserInfoRequestContext>()
            .UseSingletonHandler<BodilessUserInfoRequests>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ExtractGetOrPostRequest<ExtractUserInfoRequestContext>.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ExtractUserInfoRequestContext context)
    {
        var request = context.Transaction.GetHttpRequest() ?? throw new InvalidOperationException("Not an ASP.NET Core request.");
        if (HttpMethods.IsPost(request.Method) && request.ContentLength is null or 0 && string.IsNullOrEmpty(request.ContentType))
        {
            context.Transaction.Request = new OpenIddictRequest();
            return ValueTask.CompletedTask;
        }

        return DefaultReader.HandleAsync(context);
    }
}
