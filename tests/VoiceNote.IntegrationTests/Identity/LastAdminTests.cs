using System.Net;
using System.Net.Http.Json;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>
/// Somebody must always be able to manage admins. The rule counts every manager in the database, so
/// each test starts from an empty one: managers made by other tests would hide it.
/// </summary>
public sealed class LastAdminTests : DatabaseFixture
{
    [SetUp]
    public Task StartEmpty() => ResetDatabaseAsync();

    [Test]
    public async Task The_last_admin_who_can_manage_admins_cannot_be_removed()
    {
        var sole = await this.CreateAccountAsync("sole");
        await this.GrantAdminAsync(sole, [.. AdminPermissions.All]);
        var deleter = await this.CreateAccountAsync("deleter");
        await this.GrantAdminAsync(deleter, AdminPermissions.CanDeleteUsers);
        using var soleClient = this.ClientFor(sole);
        using var deleterClient = this.ClientFor(deleter);
        var soleUser = $"/api/v1/admin/users/{sole.UserId}";

        // Neither deactivating nor deleting the account, nor revoking or narrowing its admin status.
        await (await deleterClient.PostAsync($"{soleUser}/deactivate", null)).AssertProblem(HttpStatusCode.Conflict, "identity.last_admin");
        await (await deleterClient.DeleteAsync(soleUser)).AssertProblem(HttpStatusCode.Conflict, "identity.last_admin");
        await (await soleClient.DeleteAsync($"{soleUser}/admin")).AssertProblem(HttpStatusCode.Conflict, "identity.last_admin");
        await (await soleClient.PutAsJsonAsync($"{soleUser}/admin", new { permissions = new[] { AdminPermissions.CanViewAllUsers } }))
            .AssertProblem(HttpStatusCode.Conflict, "identity.last_admin");
        await (await soleClient.DeleteAsync("/api/v1/me")).AssertProblem(HttpStatusCode.Conflict, "identity.last_admin");
        Assert.That((await soleClient.GetAsync("/api/v1/admin/actions")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still an admin with every permission");

        // With a second manager, removing the first is allowed, but never by themselves.
        var promoted = await soleClient.PutAsJsonAsync($"/api/v1/admin/users/{deleter.UserId}/admin", new { permissions = new[] { AdminPermissions.CanManageAdmins, AdminPermissions.CanDeleteUsers } });
        Assert.That(promoted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await (await soleClient.DeleteAsync($"{soleUser}/admin")).AssertProblem(HttpStatusCode.Forbidden, "identity.admin_self_change");
        await (await soleClient.PostAsync($"{soleUser}/deactivate", null)).AssertProblem(HttpStatusCode.Forbidden, "identity.admin_self_change");
        await (await soleClient.PutAsJsonAsync($"{soleUser}/admin", new { permissions = new[] { AdminPermissions.CanManageAdmins } }))
            .AssertProblem(HttpStatusCode.Forbidden, "identity.admin_self_change");
        Assert.That((await deleterClient.PostAsync($"{soleUser}/deactivate", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Now the promoted one is the last manager: a deactivated manager does not count.
        await (await deleterClient.DeleteAsync($"/api/v1/admin/users/{deleter.UserId}/admin")).AssertProblem(HttpStatusCode.Conflict, "identity.last_admin");
        Assert.That(await ManagersAsync(), Is.EqualTo(1));
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM identity.admin_actions WHERE target_user_id = '{sole.UserId}'"), Is.EqualTo(1), "refused attempts leave no audit row");
    }

    [Test]
    public async Task Two_managers_revoking_each_other_at_once_leave_one()
    {
        var first = await this.CreateAccountAsync("first");
        var second = await this.CreateAccountAsync("second");
        await this.GrantAdminAsync(first, AdminPermissions.CanManageAdmins);
        await this.GrantAdminAsync(second, AdminPermissions.CanManageAdmins);
        using var firstClient = this.ClientFor(first);
        using var secondClient = this.ClientFor(second);

        var responses = await Task.WhenAll(
            firstClient.DeleteAsync($"/api/v1/admin/users/{second.UserId}/admin"),
            secondClient.DeleteAsync($"/api/v1/admin/users/{first.UserId}/admin"));

        // The loser is refused by the last-admin rule, or (when its request arrives after the winner
        // committed) already lacks the permission; either way exactly one manager is left.
        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToList();
        Assert.That(statuses[0], Is.EqualTo(204), string.Join(", ", statuses));
        Assert.That(statuses[1], Is.AnyOf(403, 409));
        Assert.That(await ManagersAsync(), Is.EqualTo(1));
    }

    private Task<long> ManagersAsync() =>
        ScalarAsync<long>("SELECT count(*) FROM identity.users WHERE is_admin AND is_active AND NOT is_deleted AND 'can_manage_admins' = ANY(admin_permissions)");
}
