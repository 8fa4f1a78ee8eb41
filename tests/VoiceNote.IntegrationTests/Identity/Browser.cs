using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>
/// A person's browser in the authorization code flow: keeps cookies, does not follow redirects (each
/// step is asserted), and fills in the server's HTML forms as a browser would (every hidden field).
/// </summary>
internal sealed partial class Browser(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>A new browser on the fixture's host, over its real Kestrel socket.</summary>
    public static Browser Open(DatabaseFixture fixture) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = fixture.AnonymousClient.BaseAddress,
        });

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// <summary>Submits the page's only form with its hidden fields plus the given ones (a button's name/value too).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpResponseMessage page, params (string Name, string Value)[] fields)
    {
        var html = await page.Content.ReadAsStringAsync();
        var action = FormAction().Match(html);
        Assert.That(action.Success, Is.True, "the page has a form: " + html);
        var values = HiddenField().Matches(html).Select(m => (Name: WebUtility.HtmlDecode(m.Groups["name"].Value), Value: WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .Concat(fields)
            .Select(f => new KeyValuePair<string, string>(f.Name, f.Value));
        return await Http.PostAsync(WebUtility.HtmlDecode(action.Groups["action"].Value), new FormUrlEncodedContent(values));
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\">")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();
}

/// <summary>An RFC 7636 verifier and its S256 challenge.</summary>
internal sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce New()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))));
    }
}

/// <summary>Reading the redirect a step answers with.</summary>
internal static class Redirects
{
    public static Uri Location(this HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect).Or.EqualTo(HttpStatusCode.Found).Or.EqualTo(HttpStatusCode.SeeOther),
            () => "expected a redirect, got " + (int)response.StatusCode + ": " + response.Content.ReadAsStringAsync().Result);
        return response.Headers.Location!;
    }

    /// <summary>A query parameter of the redirect's target (an absolute or a relative URL).</summary>
    public static string? QueryValue(this Uri location, string name)
    {
        var query = location.IsAbsoluteUri ? location.Query : location.OriginalString.Contains('?') ? location.OriginalString[location.OriginalString.IndexOf('?')..] : string.Empty;
        return QueryHelpers.ParseQuery(query).TryGetValue(name, out var values) ? values.ToString() : null;
    }
}
