using System.Net;
using System.Net.Http.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>Lockout after repeated failures, a per-account attempt limit, and the per-address limit on the auth endpoints.</summary>
public sealed class SignInLimitsTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:AccountAttemptsPerWindow"] = "8",
        ["Auth:AccountAttemptWindow"] = "00:10:00",
    };

    [Test]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var account = await this.CreateAccountAsync("lockout");
        for (var i = 0; i < 5; i++)
        {
            var failed = await SignIn(account.Email, "Wrong-Horse-" + i);
            await failed.AssertProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        var locked = await SignIn(account.Email, account.Password);
        await locked.AssertProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var lockoutEnd = await ScalarAsync<bool>($"SELECT lockout_end > now() FROM identity.users WHERE id = '{account.UserId}'");
        Assert.That(lockoutEnd, Is.True);
    }

    [Test]
    public async Task Too_many_attempts_on_one_account_name_get_a_429_with_retry_after()
    {
        var login = "target_" + Guid.NewGuid().ToString("N")[..8];
        HttpResponseMessage last = null!;
        for (var i = 0; i < 9; i++)
        {
            last = await SignIn(login, "Wrong-Horse-1");
        }

        await last.AssertProblem(HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        Assert.That(last.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    private Task<HttpResponseMessage> SignIn(string login, string password) =>
        AnonymousClient.PostAsJsonAsync("/api/v1/auth/sign-in", new { login, password });
}

/// <summary>The per-address limit: a small budget for this fixture's host only.</summary>
public sealed class AuthRateLimitTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:auth:PermitLimit"] = "3" };

    [Test]
    public async Task Register_sign_in_and_token_share_a_per_address_budget()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            statuses.Add((await AnonymousClient.PostAsJsonAsync("/api/v1/auth/register", new { email = "bad" })).StatusCode);
        }

        statuses.Add((await AnonymousClient.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = "x", password = "y" })).StatusCode);
        var limited = await AnonymousClient.PostAsync("/connect/token", new FormUrlEncodedContent([new("grant_type", "password")]));
        var limitedJson = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = "x", password = "y" });

        Assert.That(statuses, Has.None.EqualTo(HttpStatusCode.TooManyRequests));
        // The token endpoint answers as OAuth clients read it (issue 10); the JSON API answers a problem.
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That((await limited.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error").GetString(), Is.EqualTo("temporarily_unavailable"));
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        await limitedJson.AssertProblem(HttpStatusCode.TooManyRequests, "rate_limited");
    }
}
