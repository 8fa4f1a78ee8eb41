using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using VoiceNote.Modules.Identity.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// A spent refresh token presented again means a copy was stolen. OpenIddict revokes every token of
/// the chain (reuse leeway zero) but keeps the authorization; this ends the session and its authorization
/// too, so nothing more can be issued in it and the user sees why in their sessions list.
/// Runs just before OpenIddict's own check of the token entry, which then refuses the request.
/// </summary>
internal sealed class RefreshReuseRecorder(IOpenIddictTokenManager tokens, IdentityDbContext db, TimeProvider clock) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public const string Reason = "refresh_token_reuse";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseScopedHandler<RefreshReuseRecorder>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is not { } principal || !principal.HasTokenType(TokenTypeIdentifiers.RefreshToken)
            || string.IsNullOrEmpty(context.TokenId) || !Guid.TryParse(context.AuthorizationId, out var sessionId))
        {
            return;
        }

        var token = await tokens.FindByIdAsync(context.TokenId, context.CancellationToken);
        if (token is null || !await tokens.HasStatusAsync(token, Statuses.Redeemed, context.CancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        await db.Sessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, Reason), context.CancellationToken);
        await db.OAuthAuthorizations.Where(a => a.Id == sessionId)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, Statuses.Revoked), context.CancellationToken);
    }
}
