using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>Admins over HTTP: the life of an account under an admin, permissions granted and revoked, the audit trail.</summary>
public sealed class AdminUsersTests : DatabaseFixture
{
    private static readonly string[] SecretFields = ["passwordHash", "securityStamp", "concurrencyStamp"];

    [Test]
    public async Task An_admin_deactivates_reactivates_deletes_and_restores_an_account()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var manager = await this.CreateAccountAsync("manager");
        await this.GrantAdminAsync(manager, [.. AdminPermissions.All]);
        using var admin = this.ClientFor(manager);
        var target = await this.CreateAccountAsync("target");
        var secondSession = await TestAccounts.SignInAsync(AnonymousClient, target.Username, target.Password);
        using var targetClient = this.ClientFor(target);
        using var targetSecond = ClientWithToken(secondSession.AccessToken);
        var user = $"/api/v1/admin/users/{target.UserId}";

        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?search={target.Username[4..].ToUpperInvariant()}");
        Assert.That(found.GetProperty("total").GetInt64(), Is.EqualTo(1));
        AssertNoSecrets(found.GetProperty("items")[0]);
        Assert.That(found.GetProperty("items")[0].GetProperty("id").GetGuid(), Is.EqualTo(target.UserId));
        var viewed = await admin.GetFromJsonAsync<JsonElement>(user);
        AssertNoSecrets(viewed);
        Assert.That(viewed.GetProperty("email").GetString(), Is.EqualTo(target.Email));
        await (await admin.GetAsync($"/api/v1/admin/users/{Guid.NewGuid()}")).AssertProblem(HttpStatusCode.NotFound, "identity.user_not_found");

        // Deactivate: every session ends at once, sign-in is refused with the same answer as a wrong password.
        var deactivated = await admin.PostAsync($"{user}/deactivate", null);
        Assert.That(deactivated.StatusCode, Is.EqualTo(HttpStatusCode.OK), await deactivated.Content.ReadAsStringAsync());
        Assert.That((await deactivated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean(), Is.False);
        await (await targetClient.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized, "auth.not_authenticated");
        await (await targetSecond.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized, "auth.not_authenticated");
        await (await AnonymousClient.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = target.RefreshToken })).AssertProblem(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        await AssertSignInRefusedAsync(target);
        await (await admin.PostAsync($"{user}/deactivate", null)).AssertProblem(HttpStatusCode.Conflict, "identity.user_already_inactive");
        var inactive = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?isActive=false&search={target.Username}");
        Assert.That(inactive.GetProperty("total").GetInt64(), Is.EqualTo(1));

        // Reactivate: sign-in works again; the ended sessions stay ended.
        Assert.That((await admin.PostAsync($"{user}/reactivate", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await (await admin.PostAsync($"{user}/reactivate", null)).AssertProblem(HttpStatusCode.Conflict, "identity.user_already_active");
        Assert.That((await targetClient.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var afterReactivation = await TestAccounts.SignInAsync(AnonymousClient, target.Email, target.Password);
        using var reactivatedClient = ClientWithToken(afterReactivation.AccessToken);
        Assert.That((await reactivatedClient.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Delete: soft, tokens stop at once, UserDeleted goes out through the outbox.
        Assert.That((await admin.DeleteAsync(user)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await reactivatedClient.GetAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Unauthorized, "auth.not_authenticated");
        await AssertSignInRefusedAsync(target);
        await (await admin.DeleteAsync(user)).AssertProblem(HttpStatusCode.Conflict, "identity.user_already_deleted");
        var deleted = await admin.GetFromJsonAsync<JsonElement>(user);
        Assert.Multiple(() =>
        {
            Assert.That(deleted.GetProperty("isDeleted").GetBoolean(), Is.True);
            Assert.That(deleted.GetProperty("deletedAt").ValueKind, Is.EqualTo(JsonValueKind.String));
        });
        var deletedList = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?isDeleted=true&search={target.Username}");
        Assert.That(deletedList.GetProperty("total").GetInt64(), Is.EqualTo(1));
        Assert.That(await OutboxCountAsync("UserDeleted", target.UserId), Is.EqualTo(1));

        // Restore: sign-in works again, UserRestored goes out.
        var restored = await admin.PostAsync($"{user}/restore", null);
        Assert.That(restored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await restored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isDeleted").GetBoolean(), Is.False);
        await (await admin.PostAsync($"{user}/restore", null)).AssertProblem(HttpStatusCode.Conflict, "identity.user_not_deleted");
        var afterRestore = await TestAccounts.SignInAsync(AnonymousClient, target.Email, target.Password);
        using (var restoredClient = ClientWithToken(afterRestore.AccessToken))
        {
            Assert.That((await restoredClient.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(await OutboxCountAsync("UserRestored", target.UserId), Is.EqualTo(1));

        // The audit trail: who, what, to whom, from where, when; newest first; refused attempts left no row.
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/actions?targetUserId={target.UserId}");
        var rows = trail.GetProperty("items").EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("action").GetString()), Is.EqualTo(new[] { "user.restored", "user.deleted", "user.reactivated", "user.deactivated" }));
        Assert.Multiple(() =>
        {
            Assert.That(trail.GetProperty("total").GetInt64(), Is.EqualTo(4));
            foreach (var row in rows)
            {
                Assert.That(row.GetProperty("adminId").GetGuid(), Is.EqualTo(manager.UserId));
                Assert.That(row.GetProperty("adminUsername").GetString(), Is.EqualTo(manager.Username));
                Assert.That(row.GetProperty("targetUsername").GetString(), Is.EqualTo(target.Username));
                Assert.That(row.GetProperty("ipAddress").GetString(), Is.EqualTo("127.0.0.1"));
                Assert.That(row.GetProperty("at").GetDateTimeOffset(), Is.InRange(started, DateTimeOffset.UtcNow.AddSeconds(1)));
            }

            Assert.That(rows[3].GetProperty("details").GetProperty("sessionsEnded").GetInt32(), Is.EqualTo(2));
            Assert.That(rows[1].GetProperty("details").GetProperty("sessionsEnded").GetInt32(), Is.EqualTo(1));
        });
        var me = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{manager.UserId}");
        Assert.That(me.GetProperty("adminLastActionAt").GetDateTimeOffset(), Is.EqualTo(rows[0].GetProperty("at").GetDateTimeOffset()));
        var byAdmin = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/actions?adminId={manager.UserId}&limit=2");
        Assert.Multiple(() =>
        {
            Assert.That(byAdmin.GetProperty("total").GetInt64(), Is.EqualTo(4));
            Assert.That(byAdmin.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Granted_and_revoked_permissions_apply_on_the_very_next_request()
    {
        var manager = await this.CreateAccountAsync("granter");
        await this.GrantAdminAsync(manager, AdminPermissions.CanManageAdmins);
        using var admin = this.ClientFor(manager);
        var target = await this.CreateAccountAsync("grantee");
        using var targetClient = this.ClientFor(target);
        var adminResource = $"/api/v1/admin/users/{target.UserId}/admin";

        await (await targetClient.GetAsync("/api/v1/admin/users")).AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");

        var granted = await admin.PutAsJsonAsync(adminResource, new { permissions = new[] { AdminPermissions.CanViewAllUsers, AdminPermissions.CanViewAllUsers } });
        Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await granted.Content.ReadAsStringAsync());
        var grantedBody = await granted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(grantedBody.GetProperty("isAdmin").GetBoolean(), Is.True);
            Assert.That(grantedBody.GetProperty("adminPermissions").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { AdminPermissions.CanViewAllUsers }));
            Assert.That(grantedBody.GetProperty("adminGrantedBy").GetString(), Is.EqualTo(manager.UserId.ToString()));
        });

        // Same token as before the grant: permissions are read per request, not baked into tokens.
        Assert.That((await targetClient.GetAsync("/api/v1/admin/users")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await targetClient.GetAsync("/api/v1/admin/actions")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var same = await admin.PutAsJsonAsync(adminResource, new { permissions = new[] { AdminPermissions.CanViewAllUsers } });
        Assert.That(same.StatusCode, Is.EqualTo(HttpStatusCode.OK), "granting what is already held is a no-op");

        var replaced = await admin.PutAsJsonAsync(adminResource, new { permissions = new[] { AdminPermissions.CanViewAnalytics } });
        Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await targetClient.GetAsync("/api/v1/admin/users")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a replaced permission is gone at once");

        Assert.That((await admin.DeleteAsync(adminResource)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await admin.DeleteAsync(adminResource)).AssertProblem(HttpStatusCode.Conflict, "identity.user_not_admin");
        var me = await targetClient.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("isAdmin").GetBoolean(), Is.False, "the account stays signed in as a normal user");
            Assert.That(me.GetProperty("adminPermissions").GetArrayLength(), Is.Zero);
        });

        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/actions?targetUserId={target.UserId}");
        var rows = trail.GetProperty("items").EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("action").GetString()), Is.EqualTo(new[] { "admin.revoked", "admin.granted", "admin.granted" }));
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].GetProperty("details").GetProperty("previous")[0].GetString(), Is.EqualTo(AdminPermissions.CanViewAnalytics));
            Assert.That(rows[1].GetProperty("details").GetProperty("permissions")[0].GetString(), Is.EqualTo(AdminPermissions.CanViewAnalytics));
            Assert.That(rows[1].GetProperty("details").GetProperty("previous")[0].GetString(), Is.EqualTo(AdminPermissions.CanViewAllUsers));
            Assert.That(rows[2].GetProperty("details").GetProperty("previous").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task A_grant_names_known_permissions_only()
    {
        var manager = await this.CreateAccountAsync("validator");
        await this.GrantAdminAsync(manager, AdminPermissions.CanManageAdmins);
        using var admin = this.ClientFor(manager);
        var target = await this.CreateAccountAsync("invalid_grant");
        var adminResource = $"/api/v1/admin/users/{target.UserId}/admin";

        var unknown = await admin.PutAsJsonAsync(adminResource, new { permissions = new[] { AdminPermissions.CanViewAllUsers, "can_rule_the_world" } });
        var problem = await unknown.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.GetProperty("errors").GetProperty("permissions")[0].GetString(), Does.Contain("'can_rule_the_world'"));
        var empty = await admin.PutAsJsonAsync(adminResource, new { permissions = Array.Empty<string>() });
        (await empty.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("permissions");
        var missing = await admin.PutAsJsonAsync(adminResource, new { });
        (await missing.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("permissions");
        var nobody = await admin.PutAsJsonAsync($"/api/v1/admin/users/{Guid.NewGuid()}/admin", new { permissions = new[] { AdminPermissions.CanViewAllUsers } });
        await nobody.AssertProblem(HttpStatusCode.NotFound, "identity.user_not_found");

        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM identity.admin_actions WHERE target_user_id = '{target.UserId}'"), Is.Zero, "refused requests leave no audit row");
    }

    [Test]
    public async Task Search_is_a_case_insensitive_substring_and_pages_are_bounded()
    {
        // Every account in the database counts here: the other tests' accounts are gone.
        await ResetDatabaseAsync();
        var viewer = await this.CreateAccountAsync("viewer");
        await this.GrantAdminAsync(viewer, AdminPermissions.CanViewAllUsers);
        using var admin = this.ClientFor(viewer);
        const string tag = "ZqTagged";
        for (var i = 0; i < 3; i++)
        {
            await this.CreateAccountAsync(tag + "_" + i);
        }

        var firstPage = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?search={tag.ToLowerInvariant()}&limit=2");
        var cursor = firstPage.GetProperty("nextCursor").GetString();
        var secondPage = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?search={tag.ToUpperInvariant()}&limit=2&cursor={cursor}");
        Assert.Multiple(() =>
        {
            Assert.That(firstPage.GetProperty("total").GetInt64(), Is.EqualTo(3));
            Assert.That(firstPage.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(secondPage.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
            Assert.That(secondPage.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null), "the last page");
            Assert.That(secondPage.GetProperty("total").ValueKind, Is.EqualTo(JsonValueKind.Null), "counted on the first page only unless asked");
        });

        // A search is text, not a pattern: "%" matches only a literal percent sign.
        var literal = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?search=%25");
        Assert.That(literal.GetProperty("total").GetInt64(), Is.Zero);
        var admins = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?isAdmin=true&limit=100");
        Assert.That(admins.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()), Is.EqualTo(new[] { viewer.UserId }));
        Assert.That(admins.GetProperty("items").EnumerateArray().All(u => u.GetProperty("isAdmin").GetBoolean()), Is.True);
        var everyone = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?limit=100");
        Assert.That(everyone.GetProperty("total").GetInt64(), Is.EqualTo(4), "the viewer and the three tagged accounts");

        var tooBig = await admin.GetAsync("/api/v1/admin/users?limit=101");
        (await tooBig.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("limit");
        (await (await admin.GetAsync("/api/v1/admin/users?limit=0")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("limit");
        (await (await admin.GetAsync("/api/v1/admin/users?cursor=not-a-cursor")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("cursor");
        await (await admin.GetAsync("/api/v1/admin/users?isActive=perhaps")).AssertProblem(HttpStatusCode.BadRequest, "bad_request");
        var defaults = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        Assert.That(defaults.GetProperty("items").GetArrayLength(), Is.EqualTo(4), "20 a page by default: everyone fits");
        Assert.That(defaults.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task The_api_document_lists_the_admin_routes()
    {
        var document = await AnonymousClient.GetStringAsync("/openapi/v1.json");
        Assert.Multiple(() =>
        {
            Assert.That(document, Does.Contain("/api/v1/admin/users/{id}/admin"));
            Assert.That(document, Does.Contain("/api/v1/admin/actions"));
        });
    }

    private static void AssertNoSecrets(JsonElement user)
    {
        var names = user.EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(names, Has.None.AnyOf(SecretFields.Cast<object>().ToArray()));
        Assert.That(names.Any(n => n.Contains("password", StringComparison.OrdinalIgnoreCase) || n.Contains("stamp", StringComparison.OrdinalIgnoreCase)), Is.False, string.Join(", ", names));
    }

    private async Task AssertSignInRefusedAsync(TestAccount account)
    {
        var refused = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = account.Email, password = account.Password });
        await refused.AssertProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    private Task<long> OutboxCountAsync(string eventName, Guid userId) =>
        ScalarAsync<long>($"SELECT count(*) FROM identity.outbox_messages WHERE type LIKE '%.{eventName}' AND payload::jsonb ->> 'userId' = '{userId}'");
}
