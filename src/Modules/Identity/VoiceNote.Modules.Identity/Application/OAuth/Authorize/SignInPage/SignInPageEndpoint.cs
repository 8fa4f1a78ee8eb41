using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using VoiceNote.Application.Messaging;
using VoiceNote.Domain.Results;
using VoiceNote.Infrastructure.Http;
using VoiceNote.Modules.Identity.Infrastructure.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VoiceNote.Modules.Identity.Application.OAuth.Authorize.SignInPage;

/// <summary>
/// GET shows the sign-in form; POST checks it (antiforgery, then <see cref="VerifyBrowserSignIn"/>),
/// sets the authorization server's cookie and goes back to the authorization request it came from.
/// </summary>
internal sealed class SignInPageEndpoint : IEndpoint
{
    public void MapEndpoint(ApiRoutes routes)
    {
        routes.Root.MapGet(BrowserSignIn.SignInPath, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
                Form(http, antiforgery, SafeReturnUrl(returnUrl), error: null, login: null))
            .AllowAnonymousAccess().ExcludeFromDescription();
        routes.Root.MapPost(BrowserSignIn.SignInPath, Submit)
            .AllowAnonymousAccess().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> Submit(HttpContext http, IAntiforgery antiforgery, ISender sender, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return Results.Problem(detail: "Send the sign-in form as a form post.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await http.Request.ReadFormAsync(ct);
        var returnUrl = SafeReturnUrl(form["returnUrl"]);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, antiforgery, returnUrl, "This form has expired. Please sign in again.", form["login"]);
        }

        var verified = await sender.Send(new VerifyBrowserSignIn(form["login"].ToString(), form["password"].ToString()), ct);
        if (verified.IsFailure)
        {
            var message = verified.Error is RateLimitedError ? "Too many attempts. Please wait a minute and try again." : "The email, username or password is wrong.";
            return Form(http, antiforgery, returnUrl, message, form["login"]);
        }

        var identity = new ClaimsIdentity([new Claim(Claims.Subject, verified.Value.ToString())], BrowserSignIn.Scheme, Claims.Subject, Claims.Role);
        await http.SignInAsync(BrowserSignIn.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        return Results.Redirect(returnUrl);
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string returnUrl, string? error, string? login)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return AuthorizationPages.SignIn(returnUrl, tokens.FormFieldName, tokens.RequestToken!, error, login);
    }

    /// <summary>Only back to the authorization endpoint on this server: anything else would be an open redirect.</summary>
    private static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(OpenIddictRegistration.AuthorizePath + "?", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : OpenIddictRegistration.AuthorizePath;
}
