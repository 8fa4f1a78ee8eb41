using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Configuration;

namespace VoiceNote.Modules.Identity.Infrastructure.Server;

/// <summary>
/// The authorization server's own sign-in, for the authorization code flow: a short-lived cookie on
/// /connect only, set by the sign-in page. It never authenticates API calls (those take access tokens),
/// so it cannot be used for cross-site requests against the API.
/// </summary>
internal static class BrowserSignIn
{
    public const string Scheme = "VoiceNote.AuthorizationServer";
    public const string SignInPath = "/connect/sign-in";

    /// <summary>How long a person stays signed in to the authorization server for further consents.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public static void AddBrowserSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var allowHttp = configuration.GetValue<bool>($"{AuthorizationServerOptions.Section}:{nameof(AuthorizationServerOptions.AllowHttp)}");
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "vn_signin";
            cookie.Cookie.Path = "/connect";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = allowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = Lifetime;
            cookie.SlidingExpiration = false;
            // The pages decide where to go; the cookie handler never redirects on its own.
            cookie.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; },
                OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; },
            };
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "vn_af";
            antiforgery.Cookie.Path = "/connect";
            antiforgery.Cookie.SecurePolicy = allowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            antiforgery.FormFieldName = "__af";
        });
    }
}
