using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// Every grant here is made to a client, so a token request naming none is a failed client
/// authentication: <c>invalid_client</c> with 401 (RFC 6749 §5.2, "no client authentication included"),
/// where OpenIddict would answer <c>invalid_request</c>.
/// </summary>
internal sealed class AnonymousTokenRequests : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<AnonymousTokenRequests>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateClientIdParameter.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (string.IsNullOrEmpty(context.ClientId))
        {
            context.Reject(Errors.InvalidClient, "Name the client (client_id, or HTTP Basic authentication for a confidential client).");
        }

        return ValueTask.CompletedTask;
    }
}
