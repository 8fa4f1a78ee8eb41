using System.Text;
using System.Text.Encodings.Web;
using VoiceNote.Application.Security;

namespace VoiceNote.Modules.Identity.Application.OAuth.Authorize;

/// <summary>
/// The two small server-rendered pages of the authorization code flow: sign-in and consent. Plain HTML,
/// every value encoded; no script, framing refused, never cached.
/// </summary>
internal static class AuthorizationPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>What each scope lets a client do, in the words the consent page shows.</summary>
    private static readonly Dictionary<string, string> ScopeWords = new(StringComparer.Ordinal)
    {
        [ApiScopes.ProfileRead] = "See your profile",
        [ApiScopes.ProfileWrite] = "Change your profile",
        [ApiScopes.NotesRead] = "Read your notes",
        [ApiScopes.NotesWrite] = "Create, change and delete your notes",
        [ApiScopes.AudioRead] = "Listen to your recordings and read their transcripts",
        [ApiScopes.AudioWrite] = "Upload and delete recordings",
        [ApiScopes.CasesRead] = "See your cases",
        [ApiScopes.CasesWrite] = "Create and change cases",
        [ApiScopes.ExportsRead] = "Download your exports",
        [ApiScopes.ExportsWrite] = "Export your notes",
        ["openid"] = "Know who you are",
        ["profile"] = "See your name and username",
        ["email"] = "See your email address",
        ["offline_access"] = "Keep access while you are away",
    };

    public static IResult SignIn(SignInPage.SignInPrompt prompt, string antiforgeryField, string antiforgeryToken, string? error, string? login)
    {
        var body = new StringBuilder()
            .Append("<h1>Sign in to VoiceNote</h1>")
            .Append(prompt.ClientName is null ? string.Empty : $"<p>to continue to {Html.Encode(prompt.ClientName)}</p>")
            .Append(error is null ? string.Empty : $"<p role=\"alert\" class=\"error\">{Html.Encode(error)}</p>")
            .Append("<form method=\"post\" action=\"/connect/sign-in\">")
            .Append(Hidden(antiforgeryField, antiforgeryToken))
            .Append(Hidden("returnUrl", prompt.ReturnUrl))
            .Append($"<label>Email or username <input name=\"login\" autocomplete=\"username\" required maxlength=\"256\" value=\"{Html.Encode(login ?? string.Empty)}\"></label>")
            .Append("<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"128\"></label>")
            .Append("<button type=\"submit\">Sign in</button></form>");
        return Page("Sign in", body.ToString(), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>The consent form posts the original request's parameters back to the authorization endpoint.</summary>
    public static IResult Consent(string clientName, IReadOnlyList<string> scopes, IEnumerable<KeyValuePair<string, string?>> parameters, string antiforgeryField, string antiforgeryToken)
    {
        var body = new StringBuilder()
            .Append($"<h1>{Html.Encode(clientName)} wants to use your VoiceNote account</h1><p>It will be able to:</p><ul>");
        foreach (var scope in scopes)
        {
            body.Append($"<li>{Html.Encode(ScopeWords.GetValueOrDefault(scope, scope))} <code>{Html.Encode(scope)}</code></li>");
        }

        body.Append("</ul><form method=\"post\" action=\"/connect/authorize\">").Append(Hidden(antiforgeryField, antiforgeryToken));
        foreach (var (name, value) in parameters)
        {
            body.Append(Hidden(name, value ?? string.Empty));
        }

        body.Append("<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button> ")
            .Append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>");
        return Page("Allow access", body.ToString(), StatusCodes.Status200OK);
    }

    private static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{Html.Encode(name)}\" value=\"{Html.Encode(value)}\">";

    private static IResult Page(string title, string body, int status) => new PageResult(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{Html.Encode(title)} · VoiceNote</title>" +
        "<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.8rem 0}input{display:block;width:100%;padding:.4rem}" +
        "button{margin-top:1rem;padding:.5rem 1rem}.error{color:#a00}</style></head><body>" + body + "</body></html>", status);

    private sealed class PageResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers["X-Frame-Options"] = "DENY";
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status).ExecuteAsync(httpContext);
        }
    }
}
