using Microsoft.AspNetCore;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Accounts.SignIn;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Application.Sessions.ContinueSession;
using VoiceNote.Modules.Identity.Infrastructure.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoiceNote.Modules.Identity.Application.OAuth.Token;

/// <summary>
/// The token endpoint's own part, after OpenIddict has read and checked the request (grant type,
/// client authentication, PKCE, the refresh token or code): the module's use cases decide who gets
/// tokens, OpenIddict issues them. The JSON sign-in and refresh are the same endpoint (ADR 0059);
/// their refusals are problem details, /connect/token's are RFC 6749 §5.2 JSON.
/// </summary>
internal sealed class TokenEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        // All three addresses are rate limited before OpenIddict runs (the host's UseCredentialRateLimiting).
        routes.Root.MapPost(OpenIddictRegistration.TokenPath, Handle)
            .AllowAnonymousAccess().DisableAntiforgery().ExcludeFromDescription();
        routes.V1.MapPost("/auth/sign-in", Handle)
            .AllowAnonymousAccess().DisableAntiforgery()
            .Accepts<SignInBody>("application/json").Produces<TokenBody>()
            .WithTags("Accounts")
            .WithName("signIn").ProducesProblem(400).ProducesProblem(401).ProducesProblem(429)
            .WithSummary("Sign in with email or username and password; returns access and refresh tokens");
        routes.V1.MapPost("/auth/refresh", Handle)
            .AllowAnonymousAccess().DisableAntiforgery()
            .Accepts<RefreshBody>("application/json").Produces<TokenBody>()
            .WithTags("Accounts")
            .WithName("refreshTokens").ProducesProblem(400).ProducesProblem(401).ProducesProblem(429)
            .WithSummary("Exchange a refresh token for new tokens (the old refresh token stops working)");
    }

    private static async Task<IResult> Handle(HttpContext http, ISender sender, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle this request.");
        var json = OpenIddictRegistration.IsJsonAddress(http.Request);

        if (request.IsPasswordGrantType())
        {
            var device = new SessionDevice(request.GetParameter("device_id")?.ToString(), request.GetParameter("device_model")?.ToString(), http.Connection.RemoteIpAddress?.ToString());
            var started = await sender.Send(new SignIn(request.Username ?? "", request.Password ?? "", request.GetScopes(), request.ClientId!, device), ct);
            return started.IsSuccess ? TokenResults.ForSession(started.Value) : TokenResults.Refusal(started.Error, json);
        }

        if (request.IsRefreshTokenGrantType() || request.IsAuthorizationCodeGrantType())
        {
            var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            if (!Guid.TryParse(principal?.GetAuthorizationId(), out var sessionId) || !Guid.TryParse(principal.GetClaim(Claims.Subject), out var userId))
            {
                return TokenResults.Refusal(Identity.Application.Common.IdentityErrors.InvalidRefreshToken, json);
            }

            Guid? refreshTokenId = request.IsRefreshTokenGrantType() && Guid.TryParse(principal.GetTokenId(), out var tokenId) ? tokenId : null;
            var continued = await sender.Send(new ContinueSession(sessionId, userId, refreshTokenId), ct);
            return continued.IsSuccess ? TokenResults.ForSession(continued.Value) : TokenResults.Refusal(continued.Error, json);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var grant = await sender.Send(new IssueClientToken(request.ClientId!, [.. request.GetScopes()]), ct);
            return grant.IsSuccess ? TokenResults.ForClient(grant.Value) : TokenResults.Refusal(grant.Error, json);
        }

        return TokenResults.Refusal(new Error("oauth.unsupported_grant_type", "This grant type is not supported.", ErrorKind.Validation), json);
    }

    internal sealed record SignInBody(string Login, string Password, string? Scope, string? DeviceId, string? DeviceModel);

    internal sealed record RefreshBody(string RefreshToken);

    /// <summary>RFC 6749 §5.1, with the session id beside it.</summary>
    internal sealed record TokenBody(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("scope")] string Scope,
        [property: JsonPropertyName("session_id")] string? SessionId);
}
