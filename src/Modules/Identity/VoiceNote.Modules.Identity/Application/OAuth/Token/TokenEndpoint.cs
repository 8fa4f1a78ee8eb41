using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Primitives;
using VoiceNote.Application.Messaging;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.Accounts.SignIn;
using VoiceNote.Modules.Identity.Application.Common;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Application.Sessions.Refresh;

namespace VoiceNote.Modules.Identity.Application.OAuth.Token;

/// <summary>
/// POST /connect/token (RFC 6749): form-encoded, grants password, refresh_token and
/// client_credentials. Errors use the RFC's own JSON body (error, error_description) because standard
/// OAuth clients parse exactly that; see docs/decisions/0010.
/// </summary>
internal sealed class TokenEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes) =>
        routes.Root.MapPost("/connect/token", Handle)
            .AllowAnonymousAccess()
            .RequireRateLimiting("auth")
            .DisableAntiforgery()
            .Accepts<Dictionary<string, string>>("application/x-www-form-urlencoded")
            .WithTags("OAuth")
            .WithSummary("OAuth 2.0 token endpoint (password, refresh_token, client_credentials)");

    private static async Task<IResult> Handle(HttpContext http, ISender sender, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return OAuthError.Response("invalid_request", "Send the request as application/x-www-form-urlencoded.", StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(ct);
        string? Field(string name) => form.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

        switch (Field("grant_type"))
        {
            case "password":
                if (Field("username") is not { } username || Field("password") is not { } password)
                {
                    return OAuthError.Response("invalid_request", "username and password are required.", StatusCodes.Status400BadRequest);
                }

                var device = new SessionDevice(Field("device_id"), Field("device_model"), http.Connection.RemoteIpAddress?.ToString());
                return OAuthError.From(await sender.Send(new SignIn(username, password, Field("scope"), device), ct));

            case "refresh_token":
                return Field("refresh_token") is { } refresh
                    ? OAuthError.From(await sender.Send(new RefreshSession(refresh), ct))
                    : OAuthError.Response("invalid_request", "refresh_token is required.", StatusCodes.Status400BadRequest);

            case "client_credentials":
                var (clientId, secret, usedBasic) = ClientCredentials(http, Field);
                if (clientId is null || secret is null)
                {
                    return OAuthError.Response("invalid_client", "Client authentication is required.", StatusCodes.Status401Unauthorized, basicChallenge: true);
                }

                return OAuthError.From(await sender.Send(new IssueClientToken(clientId, secret, Field("scope")), ct), usedBasic);

            case null:
                return OAuthError.Response("invalid_request", "grant_type is required.", StatusCodes.Status400BadRequest);

            default:
                return OAuthError.Response("unsupported_grant_type", "Supported grants: password, refresh_token, client_credentials.", StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>client_secret_basic (RFC 6749 §2.3.1) or client_secret_post.</summary>
    private static (string? ClientId, string? Secret, bool UsedBasic) ClientCredentials(HttpContext http, Func<string, string?> field)
    {
        if (AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } encoded)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]), true);
                }
            }
            catch (FormatException)
            {
                // Falls through to "client authentication is required".
            }

            return (null, null, true);
        }

        return (field("client_id"), field("client_secret"), false);
    }
}

/// <summary>RFC 6749 §5.2 error responses, with our stable code alongside for logs and support.</summary>
internal static class OAuthError
{
    public static IResult From(Result<TokenResponse> result, bool basicChallenge = false)
    {
        if (result.IsSuccess)
        {
            return new NoStoreResult(TypedResults.Ok(result.Value));
        }

        return result.Error switch
        {
            RateLimitedError => ProblemResults.From(result.Error),
            { Code: "auth.invalid_client" } => Response("invalid_client", result.Error.Message, StatusCodes.Status401Unauthorized, basicChallenge, result.Error.Code),
            { Code: "auth.invalid_scope" } => Response("invalid_scope", result.Error.Message, StatusCodes.Status400BadRequest, code: result.Error.Code),
            { Kind: ErrorKind.Validation } => Response("invalid_request", result.Error.Message, StatusCodes.Status400BadRequest, code: result.Error.Code),
            _ => Response("invalid_grant", result.Error.Message, StatusCodes.Status400BadRequest, code: result.Error.Code),
        };
    }

    public static IResult Response(string error, string description, int status, bool basicChallenge = false, string? code = null) =>
        new NoStoreResult(TypedResults.Json(new { error, error_description = description, code = code ?? $"oauth.{error}" }, statusCode: status), basicChallenge);

    /// <summary>Token responses must not be cached (RFC 6749 §5.1).</summary>
    private sealed class NoStoreResult(IResult inner, bool basicChallenge = false) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers.Pragma = "no-cache";
            if (basicChallenge)
            {
                httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"voicenote\"";
            }

            return inner.ExecuteAsync(httpContext);
        }
    }
}
