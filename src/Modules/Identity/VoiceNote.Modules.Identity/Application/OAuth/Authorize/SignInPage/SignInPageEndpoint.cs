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
        routes.Root.MapGet(BrowserSignIn.SignInPath, async (HttpContext http, IAntiforgery antiforgery, ISender sender, string? returnUrl, CancellationToken ct) =>
                Form(http, antiforgery, await Describe(sender, returnUrl, ct), error: null, login: null))
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
        var prompt = await Describe(sender, form["returnUrl"], ct);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, antiforgery, prompt, "This form has expired. Please sign in again.", form["login"]);
        }

        var verified = await sender.Send(new VerifyBrowserSignIn(form["login"].ToString(), form["password"].ToString()), ct);
        if (verified.IsFailure)
        {
            var message = verified.Error is RateLimitedError ? "Too many attempts. Please wait a minute and try again." : "The email, username or password is wrong.";
            return Form(http, antiforgery, prompt, message, form["login"]);
        }

        var identity = new ClaimsIdentity([new Claim(Claims.Subject, verified.Value.ToString())], BrowserSignIn.Scheme, Claims.Subject, Claims.Role);
        await http.SignInAsync(BrowserSignIn.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        return Results.Redirect(prompt.ReturnUrl);
    }

    private static async Task<SignInPrompt> Describe(ISender sender, string? returnUrl, CancellationToken ct) =>
        (await sender.Send(new DescribeSignIn(returnUrl), ct)).Value;

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, SignInPrompt prompt, string? error, string? login)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return AuthorizationPages.SignIn(prompt, tokens.FormFieldName, tokens.RequestToken!, error, login);
    }
}
