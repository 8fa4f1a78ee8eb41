using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using VoiceNote.Application.Messaging;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Application.OAuth.Token;
using VoiceNote.Modules.Identity.Application.Sessions;
using VoiceNote.Modules.Identity.Infrastructure.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoiceNote.Modules.Identity.Application.OAuth.Authorize;

/// <summary>
/// The authorization endpoint's own part (OpenIddict has checked client, redirect URI, response type,
/// PKCE and scopes): make sure a person is signed in here, ask for consent where the client is a
/// partner's, then start the session OpenIddict issues the code for. Refusals go back to the client as
/// RFC 6749 §4.1.2.1 errors on its redirect URI.
/// </summary>
internal sealed class AuthorizeEndpoint : IEndpoint
{
    private const string DecisionField = "decision";

    public void MapEndpoint(ApiRoutes routes) =>
        routes.Root.MapMethods(OpenIddictRegistration.AuthorizePath, [HttpMethods.Get, HttpMethods.Post], Handle)
            .AllowAnonymousAccess().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> Handle(HttpContext http, IAntiforgery antiforgery, ISender sender, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle this request.");
        var signedIn = await http.AuthenticateAsync(BrowserSignIn.Scheme);
        var userId = signedIn.Succeeded && Guid.TryParse(signedIn.Principal?.FindFirst(Claims.Subject)?.Value, out var id) ? id : (Guid?)null;

        if (userId is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            await http.SignOutAsync(BrowserSignIn.Scheme);
            // Back here after signing in, without prompt=login (or it would ask again forever).
            var back = OpenIddictRegistration.AuthorizePath + QueryString.Create(RequestParameters(request, except: Parameters.Prompt));
            return Results.Redirect($"{BrowserSignIn.SignInPath}?returnUrl={Uri.EscapeDataString(back)}");
        }

        var scopes = request.GetScopes().ToList();
        var review = await sender.Send(new ReviewAuthorization.ReviewAuthorization(request.ClientId!, scopes), ct);
        if (review.IsFailure)
        {
            return Refusal(review.Error);
        }

        // A partner's app always asks; the product's own app only when the client asks for it (prompt=consent).
        if (review.Value.NeedsConsent || request.HasPromptValue(PromptValues.Consent))
        {
            var decision = HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct))[DecisionField].ToString() : null;
            if (string.IsNullOrEmpty(decision) || !await antiforgery.IsRequestValidAsync(http))
            {
                if (request.HasPromptValue(PromptValues.None))
                {
                    return Refuse(Errors.ConsentRequired, "The user has not consented to this application.");
                }

                var tokens = antiforgery.GetAndStoreTokens(http);
                return AuthorizationPages.Consent(review.Value.ClientName, review.Value.Scopes, RequestParameters(request, except: null), tokens.FormFieldName, tokens.RequestToken!);
            }

            if (decision != "allow")
            {
                return Refuse(Errors.AccessDenied, "The user denied access.");
            }
        }

        var device = new SessionDevice(DeviceId: null, DeviceModel: http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 128)] : null, http.Connection.RemoteIpAddress?.ToString());
        var started = await sender.Send(new AuthorizeClient.AuthorizeClient(userId.Value, request.ClientId!, scopes, device), ct);
        return started.IsSuccess ? TokenResults.ForAuthorization(started.Value) : Refusal(started.Error);
    }

    /// <summary>The request's OAuth parameters (not the page's own fields), to send the person back with.</summary>
    private static IEnumerable<KeyValuePair<string, string?>> RequestParameters(OpenIddictRequest request, string? except) =>
        request.GetParameters()
            .Where(p => p.Key is not DecisionField and not "__af" && p.Key != except)
            .Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString()));

    private static IResult Refusal(Error error) => error.Code switch
    {
        "auth.invalid_scope" => Refuse(Errors.InvalidScope, error.Message),
        _ => Refuse(Errors.AccessDenied, error.Message),
    };

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
