using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>Register, sign in, use, change, sign out, delete: the whole life of an account over HTTP.</summary>
public sealed class AccountLifecycleTests : DatabaseFixture
{
    [Test]
    public async Task An_account_lives_from_registration_to_deletion()
    {
        var account = await this.CreateAccountAsync("lifecycle");
        using var client = this.ClientFor(account);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("email").GetString(), Is.EqualTo(account.Email));
            Assert.That(me.GetProperty("username").GetString(), Is.EqualTo(account.Username));
            Assert.That(me.GetProperty("isAdmin").GetBoolean(), Is.False);
            Assert.That(me.TryGetProperty("passwordHash", out _), Is.False);
        });

        var renamed = await client.PatchAsJsonAsync("/api/v1/me", new { displayName = "Renamed", deviceModel = "Pixel 9" });
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString(), Is.EqualTo("Renamed"));

        // Signing in by username works as well as by email.
        var second = await TestAccounts.SignInAsync(AnonymousClient, account.Username, account.Password);
        var sessions = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/sessions");
        Assert.That(sessions.GetProperty("items").GetArrayLength(), Is.EqualTo(2));

        var changed = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = account.Password, newPassword = "Another-Horse-7" });
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await changed.Content.ReadAsStringAsync());
        using (var secondClient = ClientWithToken(second.AccessToken))
        {
            Assert.That((await secondClient.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "other sessions end on a password change");
        }

        Assert.That((await client.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the current session stays");
        var oldPassword = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = account.Email, password = account.Password });
        await oldPassword.AssertProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");

        var deleted = await client.DeleteAsync("/api/v1/me");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "tokens stop at once after deletion");
        var afterDeletion = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = account.Email, password = "Another-Horse-7" });
        await afterDeletion.AssertProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Test]
    public async Task A_session_narrowed_to_notes_read_cannot_change_credentials_or_end_the_account()
    {
        var account = await this.CreateAccountAsync("narrowed", scope: "notes:read");
        using var client = this.ClientFor(account);

        var delete = await client.DeleteAsync("/api/v1/me");
        var password = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = account.Password, newPassword = "Another-Horse-7" });
        var widerClient = await client.PostAsJsonAsync("/api/v1/oauth-clients", new { name = "Escape", scopes = new[] { "notes:read", "notes:write" } });

        await delete.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        await password.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        await widerClient.AssertProblem(HttpStatusCode.Forbidden, "auth.scope_beyond_session");
        Assert.That((await client.GetAsync("/api/v1/notes")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "what the session may do, it still does");
    }

    [Test]
    public async Task Sign_out_stops_the_access_token_at_once()
    {
        var account = await this.CreateAccountAsync("signout");
        using var client = this.ClientFor(account);
        Assert.That((await client.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var signedOut = await client.PostAsync("/api/v1/auth/sign-out", null);
        Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var after = await client.GetAsync("/api/v1/me");
        await after.AssertProblem(HttpStatusCode.Unauthorized, "auth.not_authenticated");

        var refresh = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = account.RefreshToken });
        await refresh.AssertProblem(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
    }

    [Test]
    public async Task Registration_rules_are_enforced_with_field_errors()
    {
        var response = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/register", new { email = "not-an-email", username = "a b", password = "short" });
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(errors.TryGetProperty("email", out _), Is.True);
            Assert.That(errors.TryGetProperty("username", out _), Is.True);
            Assert.That(errors.TryGetProperty("password", out _), Is.True);
        });
    }

    [Test]
    public async Task Email_and_username_are_unique_ignoring_case()
    {
        var account = await this.CreateAccountAsync("unique");
        var sameEmail = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/register", new { email = account.Email.ToUpperInvariant(), username = "other_" + Guid.NewGuid().ToString("N")[..6], password = TestAccounts.Password });
        await sameEmail.AssertProblem(HttpStatusCode.Conflict, "identity.email_taken");
        var sameName = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/register", new { email = $"x{Guid.NewGuid():N}@example.test", username = account.Username.ToUpperInvariant(), password = TestAccounts.Password });
        await sameName.AssertProblem(HttpStatusCode.Conflict, "identity.username_taken");
    }

    [Test]
    public async Task A_failed_sign_in_looks_the_same_whether_or_not_the_account_exists()
    {
        var account = await this.CreateAccountAsync("enumeration");
        var wrongPassword = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = account.Email, password = "Wrong-Horse-1" });
        var noSuchUser = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = "nobody-" + account.Email, password = "Wrong-Horse-1" });

        var a = await wrongPassword.AssertProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var b = await noSuchUser.AssertProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        Assert.That(a.GetProperty("detail").GetString(), Is.EqualTo(b.GetProperty("detail").GetString()));
    }
}
