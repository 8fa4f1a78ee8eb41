using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Infrastructure.Security;
using VoiceNote.Modules.Identity.Application.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoiceNote.Modules.Identity.Application.OAuth.Token;

/// <summary>What the token endpoint answers: OpenIddict's sign-in for a grant, an error otherwise.</summary>
internal static class TokenResults
{
    /// <summary>Tokens for a person's session: "sid" and the authorization id are the session's id.</summary>
    public static IResult ForSession(StartedSession session)
    {
        var principal = Principal(session.UserId, session.Scopes);
        principal.SetClaim(VoiceNoteClaims.SessionId, session.SessionId.ToString());
        principal.SetAuthorizationId(session.SessionId.ToString());
        var properties = new AuthenticationProperties();
        properties.Parameters["session_id"] = session.SessionId.ToString();
        return SignIn(principal, properties);
    }

    /// <summary>An authorization code for a session a person just authorized (the code's response carries no session id).</summary>
    public static IResult ForAuthorization(StartedSession session)
    {
        var principal = Principal(session.UserId, session.Scopes);
        principal.SetClaim(VoiceNoteClaims.SessionId, session.SessionId.ToString());
        principal.SetAuthorizationId(session.SessionId.ToString());
        return SignIn(principal, new AuthenticationProperties());
    }

    /// <summary>A client credentials token: acts for the client's owner; no session, no refresh token.</summary>
    public static IResult ForClient(Token.ClientGrant grant) => SignIn(Principal(grant.OwnerId, grant.Scopes), new AuthenticationProperties());

    /// <summary>
    /// A refusal by a use case: RFC 6749 §5.2 at /connect/token (a rate limit is 429 with Retry-After),
    /// the API's problem details at the JSON addresses.
    /// </summary>
    public static IResult Refusal(Error error, bool json)
    {
        if (json)
        {
            return new NoStore(ProblemResults.From(error));
        }

        return error switch
        {
            RateLimitedError limited => OAuthError.Response("temporarily_unavailable", error.Message, StatusCodes.Status429TooManyRequests, limited.RetryAfter),
            { Code: "auth.invalid_client" } => OAuthError.Response(Errors.InvalidClient, error.Message, StatusCodes.Status401Unauthorized),
            { Code: "auth.invalid_scope" } => OAuthError.Response(Errors.InvalidScope, error.Message, StatusCodes.Status400BadRequest),
            { Code: "oauth.unsupported_grant_type" } => OAuthError.Response(Errors.UnsupportedGrantType, error.Message, StatusCodes.Status400BadRequest),
            { Kind: ErrorKind.Validation } => OAuthError.Response(Errors.InvalidRequest, error.Message, StatusCodes.Status400BadRequest),
            _ => OAuthError.Response(Errors.InvalidGrant, error.Message, StatusCodes.Status400BadRequest),
        };
    }

    private static ClaimsPrincipal Principal(Guid userId, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, userId.ToString());
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources(VoiceNoteClients.ApiAudience);
        return principal;
    }

    private static IResult SignIn(ClaimsPrincipal principal, AuthenticationProperties properties)
    {
        // The session id also goes into ID tokens (OpenID Connect's "sid"); nothing else leaves the access token.
        principal.SetDestinations(claim => claim.Type == VoiceNoteClaims.SessionId
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return Results.SignIn(principal, properties, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Token responses and their refusals must not be cached (RFC 6749 §5.1).</summary>
    private sealed class NoStore(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>RFC 6749 §5.2 error bodies for refusals the module decides itself.</summary>
internal static class OAuthError
{
    public static IResult Response(string error, string description, int status, TimeSpan? retryAfter = null) => new ErrorResult(error, description, status, retryAfter);

    private sealed class ErrorResult(string error, string description, int status, TimeSpan? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers.Pragma = "no-cache";
            if (retryAfter is { } wait)
            {
                httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (status == StatusCodes.Status401Unauthorized)
            {
                httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"voicenote\"";
            }

            return TypedResults.Json(new { error, error_description = description }, statusCode: status).ExecuteAsync(httpContext);
        }
    }
}
