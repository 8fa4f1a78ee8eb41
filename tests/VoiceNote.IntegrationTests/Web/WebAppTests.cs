using System.Net;
using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Web;

/// <summary>
/// Issue 17's foundation: the web app built from web/ (build/test.sh runs npm ci and npm run build),
/// served by the real host on a real port, in Debian's Chromium against the real database. The person
/// signs in through the authorization code flow with PKCE as client voicenote-web, whose redirect URI
/// is the app's callback on this host's origin.
/// </summary>
public sealed class WebAppTests : DatabaseFixture
{
    private const string Password = "Web-Passw0rd-17";
    private static readonly string DistFolder = Path.Combine(RepositoryRoot.Path, "web", "dist");

    private readonly int _port = LoopbackPorts.Closed();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private string Origin => $"http://127.0.0.1:{_port}";

    protected override int Port => _port;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Web:Root"] = DistFolder,
        ["Identity:Issuer"] = Origin + "/",
        ["Identity:WebRedirectUris:0"] = Origin + "/callback",
    };

    [OneTimeSetUp]
    public void TheAppIsBuilt() =>
        Assert.That(Path.Combine(DistFolder, "index.html"), Does.Exist, "The web app is not built: build/test.sh builds it (npm ci and npm run build in web/).");

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Test]
    public async Task The_app_is_served_at_the_root_with_a_strict_policy_and_cache_headers_and_leaves_the_servers_paths_alone()
    {
        var index = await Client.GetAsync("/");
        Assert.That(index.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(index.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(index.Headers.CacheControl?.NoCache, Is.True, "index.html is revalidated on every load");
        var policy = string.Join(";", index.Headers.GetValues("Content-Security-Policy"));
        Assert.That(policy, Does.Contain("default-src 'self'").And.Contain("connect-src 'self'").And.Contain("script-src 'self'").And.Not.Contain("unsafe-inline"));
        var html = await index.Content.ReadAsStringAsync();
        Assert.That(html, Does.Not.Match("<script(?![^>]*\\bsrc=)"), "no inline script: the policy would refuse it");

        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.That(script, Is.Not.Empty, html);
        var asset = await Client.GetAsync(script);
        Assert.That(asset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(asset.Headers.CacheControl?.ToString(), Does.Contain("immutable").And.Contain("max-age=31536000"));

        // The app's own routes are its page; a missing file is not.
        var route = await Client.GetAsync("/notes/new");
        Assert.That(route.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await route.Content.ReadAsStringAsync(), Is.EqualTo(html));
        Assert.That((await Client.GetAsync("/assets/missing-0000.js")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        // The server's paths keep their own answers: never the app's page.
        foreach (var path in new[] { "/api/v1/no-such-route", "/connect/no-such-page", "/health/nothing", "/openapi/nothing.json", "/.well-known/nothing" })
        {
            var answer = await Client.GetAsync(path);
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("text/html"), path);
        }

        var document = await Client.GetAsync("/openapi/v1.json");
        Assert.That(document.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That((await Client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_person_registers_signs_in_with_PKCE_writes_a_note_sees_it_and_signs_out_at_phone_width()
    {
        var page = await OpenPageAsync(width: 390, height: 844);
        var problems = WatchForErrors(page);
        string? lastToken = null;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/v1/", StringComparison.Ordinal) && request.Headers.TryGetValue("authorization", out var header))
            {
                lastToken = header["Bearer ".Length..];
            }
        };
        var name = $"web_{Guid.NewGuid():N}"[..20];

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync($"{name}@example.com");
        await page.GetByLabel("Username").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your account is ready");

        await SignInAsync(page, name);
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/notes"));
        await Expect(page.GetByText("No notes yet")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "notes-empty-phone");
        Assert.That(lastToken, Is.Not.Null, "the notes list was asked for with the access token");

        await page.GetByRole(AriaRole.Link, new() { Name = "New note" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Call the dentist");
        await page.GetByLabel("Summary").FillAsync("Book a check-up before the end of the month.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        var notes = page.GetByRole(AriaRole.List, new() { Name = "Your notes" });
        await Expect(notes.GetByRole(AriaRole.Heading, new() { Name = "Call the dentist" })).ToBeVisibleAsync();
        await Expect(notes).ToContainTextAsync("Book a check-up before the end of the month.");
        await ScreenshotAsync(page, "notes-phone");

        // The app's session is one of the account's sessions, marked as this browser's.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sessions" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Signed-in sessions" })).ToContainTextAsync("(this browser)");
        await ScreenshotAsync(page, "sessions-phone");

        var token = lastToken!;
        using (var api = ClientWithToken(token))
        {
            Assert.That((await api.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the app's access token works before sign-out");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have signed out");
        using (var api = ClientWithToken(token))
        {
            Assert.That((await api.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "sign-out ended the session the token belongs to");
        }

        // Signing out also ended the sign-in on the server: signing in again asks for the password.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByLabel("Password")).ToBeVisibleAsync();
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/connect/sign-in"));
        Assert.That(problems, Is.Empty, "the browser reported errors (a refused script, style or request shows here)");
    }

    [Test]
    public async Task A_refused_registration_shows_the_servers_problem()
    {
        var page = await OpenPageAsync(width: 1280, height: 800);
        await page.GotoAsync("/register");
        await page.GetByLabel("Email").FillAsync("not-an-email");
        await page.GetByLabel("Username").FillAsync("someone");
        await page.GetByLabel("Password").FillAsync("short");
        // The browser's own checks would stop the form first; the server's answer is what is tested.
        await page.EvalOnSelectorAsync("form", "form => form.noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToBeVisibleAsync();
        var shown = await alert.InnerTextAsync();
        await ScreenshotAsync(page, "register-refused-desktop");

        var refused = await Client.PostAsJsonAsync("/api/v1/auth/register", new { email = "not-an-email", username = "someone", password = "short" });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var expected = problem.TryGetProperty("detail", out var detail) ? detail.GetString() : problem.GetProperty("title").GetString();
        Assert.That(shown, Does.Contain(expected), "the problem's detail (or title) is what the person reads");
        Assert.That(shown, Does.Contain("Use at least 8 characters"), "and the field messages of the validation problem");
    }

    [Test]
    public async Task The_sign_in_page_and_the_notes_list_have_no_serious_accessibility_violations()
    {
        var account = await this.CreateAccountAsync("axe");
        var page = await OpenPageAsync(width: 1280, height: 800);
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        AssertNoSeriousViolations("the sign-in page", await page.RunAxe());
        await ScreenshotAsync(page, "sign-in-desktop");

        using (var api = ClientWithToken(account.AccessToken))
        {
            (await api.PostAsJsonAsync("/api/v1/notes", new { title = "Accessible note", summary = "Read by a screen reader." })).EnsureSuccessStatusCode();
        }

        await SignInAsync(page, account.Username, account.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accessible note" })).ToBeVisibleAsync();
        AssertNoSeriousViolations("the notes list", await page.RunAxe());
        await ScreenshotAsync(page, "notes-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "New note" }).ClickAsync();
        await Expect(page.GetByLabel("Title")).ToBeVisibleAsync();
        AssertNoSeriousViolations("the new note form", await page.RunAxe());
        await ScreenshotAsync(page, "new-note-desktop");
    }

    [Test]
    public async Task A_refused_access_token_is_replaced_silently_with_the_refresh_token()
    {
        var account = await this.CreateAccountAsync("refresh");
        var page = await OpenPageAsync(width: 1280, height: 800);
        var tokens = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/v1/", StringComparison.Ordinal) && request.Headers.TryGetValue("authorization", out var header))
            {
                tokens.Add(header["Bearer ".Length..]);
            }
        };
        await page.GotoAsync("/");
        await SignInAsync(page, account.Username, account.Password);
        await Expect(page.GetByText("No notes yet")).ToBeVisibleAsync();
        var first = tokens.Last();

        // The server refuses the app's access token from now on (RFC 7009); the refresh token still works.
        var revoked = await Client.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = "voicenote-web", ["token"] = first }));
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await page.GetByRole(AriaRole.Link, new() { Name = "Sessions" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Signed-in sessions" })).ToContainTextAsync("(this browser)");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        var second = tokens.Last();
        Assert.That(second, Is.Not.EqualTo(first), "the list was asked for again with a new access token");
        using var oldToken = ClientWithToken(first);
        using var newToken = ClientWithToken(second);
        Assert.That((await oldToken.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await newToken.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_notes_list_shows_the_newest_first_and_loads_more_on_the_cursor()
    {
        var account = await this.CreateAccountAsync("many");
        using (var api = ClientWithToken(account.AccessToken))
        {
            // One more than a page (the API's default page is 20 notes).
            for (var i = 1; i <= 21; i++)
            {
                (await api.PostAsJsonAsync("/api/v1/notes", new { title = $"Note {i:00}", summary = "One of many." })).EnsureSuccessStatusCode();
            }
        }

        var page = await OpenPageAsync(width: 390, height: 844);
        await page.GotoAsync("/notes");
        await SignInAsync(page, account.Username, account.Password);
        var notes = page.GetByRole(AriaRole.List, new() { Name = "Your notes" }).GetByRole(AriaRole.Heading);
        await Expect(notes).ToHaveCountAsync(20);
        await Expect(notes.First).ToHaveTextAsync("Note 21");
        await Expect(notes.Last).ToHaveTextAsync("Note 02");

        await page.GetByRole(AriaRole.Button, new() { Name = "Load more notes" }).ClickAsync();
        await Expect(notes).ToHaveCountAsync(21);
        await Expect(notes.Last).ToHaveTextAsync("Note 01");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Load more notes" })).ToHaveCountAsync(0);
    }

    private static async Task SignInAsync(IPage page, string login, string password = Password)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/connect/sign-in", StringComparison.Ordinal));
        await page.GetByLabel("Email or username").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notes", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>With VOICENOTE_SCREENSHOTS set to a folder, the page as it looks there (docs/screenshots are made so).</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("VOICENOTE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    private static void AssertNoSeriousViolations(string what, Deque.AxeCore.Commons.AxeResult result)
    {
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.That(result.Passes, Is.Not.Empty, $"axe ran on {what}");
        Assert.That(serious, Is.Empty, $"axe-core on {what}");
    }

    private async Task<IPage> OpenPageAsync(int width, int height)
    {
        if (_browser is null)
        {
            (_playwright, _browser) = await Chromium.LaunchAsync();
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Origin, ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Console errors and failed page loads: a CSP refusal shows here as a console error.</summary>
    private static List<string> WatchForErrors(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        return problems;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
