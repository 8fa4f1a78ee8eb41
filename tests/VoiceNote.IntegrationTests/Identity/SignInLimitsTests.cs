using System.Net;
using System.Net.Http.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>
/// Password guessing is slowed per account and address, and nobody can lock anybody else out
/// (ADR 0069). Addresses are told apart by X-Forwarded-For from the trusted local proxy.
/// </summary>
public sealed class SignInLimitsTests : DatabaseFixture
{
    private const string Stranger = "203.0.113.7";
    private const string Owner = "198.51.100.2";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["ForwardedHeaders:KnownProxies:1"] = "::1",
        ["Auth:FreeFailuresPerAddress"] = "3",
        ["Auth:FreeFailuresPerAccount"] = "12",
        ["Auth:MaxAccountDelay"] = "00:00:02",
    };

    [Test]
    public async Task A_strangers_failures_never_lock_the_owner_out()
    {
        var account = await this.CreateAccountAsync("target");
        for (var i = 0; i < 10; i++)
        {
            var guess = await SignIn(account.Email, "Wrong-Horse-" + i, Stranger);
            Assert.That(guess.StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests));
        }

        var owner = await SignIn(account.Email, account.Password, Owner);
        Assert.That(owner.StatusCode, Is.EqualTo(HttpStatusCode.OK), await owner.Content.ReadAsStringAsync());
        Assert.That(await ScalarAsync<bool>($"SELECT lockout_end IS NULL FROM identity.users WHERE id = '{account.UserId}'"), Is.True, "no lockout is set");
    }

    [Test]
    public async Task Each_further_guess_from_one_address_waits_twice_as_long()
    {
        var login = "target_" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
        {
            await (await SignIn(login, "Wrong-Horse-1", Stranger)).AssertProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        var first = await SignIn(login, "Wrong-Horse-1", Stranger);
        await first.AssertProblem(HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        await Task.Delay(first.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(200));
        await (await SignIn(login, "Wrong-Horse-1", Stranger)).AssertProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");

        var second = await SignIn(login, "Wrong-Horse-1", Stranger);
        await second.AssertProblem(HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        Assert.That(second.Headers.RetryAfter!.Delta, Is.GreaterThan(first.Headers.RetryAfter.Delta));
    }

    [Test]
    public async Task Many_addresses_slow_an_account_down_for_seconds_only()
    {
        var account = await this.CreateAccountAsync("sprayed");
        for (var i = 0; i < 14; i++)
        {
            await SignIn(account.Email, "Wrong-Horse-" + i, $"192.0.2.{i + 1}");
        }

        var slowed = await SignIn(account.Email, account.Password, Owner);
        await slowed.AssertProblem(HttpStatusCode.TooManyRequests, "auth.too_many_attempts");
        Assert.That(slowed.Headers.RetryAfter!.Delta, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(2)), "capped at Auth:MaxAccountDelay");
        await Task.Delay(slowed.Headers.RetryAfter.Delta!.Value + TimeSpan.FromMilliseconds(200));
        Assert.That((await SignIn(account.Email, account.Password, Owner)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private Task<HttpResponseMessage> SignIn(string login, string password, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in") { Content = JsonContent.Create(new { login, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        return AnonymousClient.SendAsync(request);
    }
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

/// <summary>Every API route is rate limited per signed-in user: one user's burst does not spend another's budget.</summary>
public sealed class ApiRateLimitTests : DatabaseFixture
{
    private const int Budget = 5;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:api:PermitLimit"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:api:WindowSeconds"] = "600",
    };

    [Test]
    public async Task A_user_over_budget_gets_429_while_another_user_is_served()
    {
        var busy = await this.CreateAccountAsync("busy");
        var quiet = await this.CreateAccountAsync("quiet");
        using var busyClient = ClientWithToken(busy.AccessToken);
        using var quietClient = ClientWithToken(quiet.AccessToken);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Budget; i++)
        {
            statuses.Add((await busyClient.GetAsync("/api/v1/notes")).StatusCode);
        }

        var over = await busyClient.GetAsync("/api/v1/tasks/today");
        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
        await over.AssertProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(over.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That((await quietClient.GetAsync("/api/v1/notes")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
