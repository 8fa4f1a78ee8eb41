using VoiceNote.Application.Messaging;
using VoiceNote.Infrastructure.Http;

namespace VoiceNote.Modules.Identity.Application.OAuth.Discovery;

/// <summary>The discovery document and the public signing keys (JWKS), so standard clients can validate our tokens.</summary>
internal sealed class DiscoveryEndpoints : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.Root.MapGet("/.well-known/openid-configuration", async (HttpContext http, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetDiscoveryDocument($"{http.Request.Scheme}://{http.Request.Host}"), ct)).ToOk())
            .AllowAnonymousAccess().WithTags("OAuth").WithSummary("OAuth 2.0 authorization server metadata");

        routes.Root.MapGet("/.well-known/jwks.json", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetSigningKeys(), ct)).ToOk())
            .AllowAnonymousAccess().WithTags("OAuth").WithSummary("Public keys that sign access tokens");
    }
}
