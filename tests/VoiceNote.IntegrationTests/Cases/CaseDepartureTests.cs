using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Cases;

/// <summary>
/// A deleted account leaves every case at once (ADR 0081): its cases pass to a co-owner, else to the longest-standing
/// editor, else wait for it in the trash; a restored account gets back only what waited for it, and nothing of a
/// case it left shows through any case route.
/// </summary>
public sealed class CaseDepartureTests : DatabaseFixture
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Test]
    public async Task A_deleted_owner_leaves_every_case_at_once_and_a_co_owner_keeps_the_case()
    {
        var owner = await this.CreateAccountAsync("gone_owner");
        var coOwner = await this.CreateAccountAsync("gone_coowner");
        var viewer = await this.CreateAccountAsync("gone_viewer");
        var withCoOwner = await this.CaseWithAsync(owner, (coOwner, "OWNER"), (viewer, "VIEWER"));
        var asViewer = await this.CaseWithAsync(coOwner, (owner, "VIEWER"));
        using var ownerClient = this.ClientFor(owner);
        using var coOwnerClient = this.ClientFor(coOwner);
        using var viewerClient = this.ClientFor(viewer);

        await DeleteAccountAsync(owner);

        // The token is revoked with the account: the deleted user gets nothing, not even a list.
        await (await ownerClient.GetAsync($"/api/v1/cases/{withCoOwner}")).AssertProblem(HttpStatusCode.Unauthorized, "auth.not_authenticated");
        await (await ownerClient.GetAsync("/api/v1/cases")).AssertProblem(HttpStatusCode.Unauthorized, "auth.not_authenticated");
        Assert.That(await ProcessingApi.EventuallyAsync(async () => await RowsOfAsync(owner) == 0, Within), Is.True, "the user's rows went");

        Assert.That(await RolesAsync(coOwnerClient, withCoOwner), Is.EquivalentTo(new[] { (coOwner.UserId, "OWNER"), (viewer.UserId, "VIEWER") }));
        Assert.That(await RolesAsync(coOwnerClient, asViewer), Is.EquivalentTo(new[] { (coOwner.UserId, "OWNER") }));
        Assert.That((await viewerClient.GetAsync($"/api/v1/cases/{withCoOwner}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the others keep their access");
        Assert.That(await ScalarAsync<bool>($"SELECT is_deleted FROM cases.cases WHERE id = '{withCoOwner}'"), Is.False);
    }

    [Test]
    public async Task A_case_with_no_co_owner_passes_to_its_longest_standing_editor_and_stays_with_them_after_a_restore()
    {
        var owner = await this.CreateAccountAsync("solo_owner");
        var firstEditor = await this.CreateAccountAsync("solo_first_editor");
        var laterEditor = await this.CreateAccountAsync("solo_later_editor");
        var contributor = await this.CreateAccountAsync("solo_contributor");
        var id = await this.CaseWithAsync(owner, (contributor, "CONTRIBUTOR"), (firstEditor, "EDITOR"), (laterEditor, "EDITOR"));
        using var firstClient = this.ClientFor(firstEditor);
        using var contributorClient = this.ClientFor(contributor);

        await DeleteAccountAsync(owner);
        Assert.That(await ProcessingApi.EventuallyAsync(async () => await RowsOfAsync(owner) == 0, Within), Is.True);

        Assert.That(await RolesAsync(firstClient, id), Is.EquivalentTo(new[]
        {
            (firstEditor.UserId, "OWNER"), (laterEditor.UserId, "EDITOR"), (contributor.UserId, "CONTRIBUTOR"),
        }));
        var promoted = await firstClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        Assert.That(promoted.GetProperty("myPermissions").EnumerateArray().Select(p => p.GetString()), Does.Contain("MANAGE_PARTICIPANTS"));
        Assert.That((await contributorClient.GetAsync($"/api/v1/cases/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Restored, the former owner is not put back: the case went on without them, and shows them nothing.
        var handledBefore = await HandledAsync("ReturnCasesToRestoredUser");
        await RestoreAccountAsync(owner);
        using var restored = await SignInAgainAsync(owner);
        Assert.That(await ProcessingApi.EventuallyAsync(async () => await HandledAsync("ReturnCasesToRestoredUser") > handledBefore, Within), Is.True);
        await AssertNothingShowsAsync(restored, id);
        Assert.That(await RolesAsync(firstClient, id), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_case_nobody_may_take_over_waits_in_the_trash_and_comes_back_with_its_restored_owner()
    {
        var owner = await this.CreateAccountAsync("orphan_owner");
        var viewer = await this.CreateAccountAsync("orphan_viewer");
        var contributor = await this.CreateAccountAsync("orphan_contributor");
        var waiting = await this.CaseWithAsync(owner, (viewer, "VIEWER"), (contributor, "CONTRIBUTOR"));
        var trashedBefore = await this.CaseWithAsync(owner, (viewer, "VIEWER"));
        using (var ownerClient = this.ClientFor(owner))
        {
            Assert.That((await ownerClient.DeleteAsync($"/api/v1/cases/{trashedBefore}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var viewerClient = this.ClientFor(viewer);
        using var contributorClient = this.ClientFor(contributor);

        await DeleteAccountAsync(owner);
        Assert.That(await ProcessingApi.EventuallyAsync(async () => await RowsOfAsync(owner) == 0, Within), Is.True);

        // Nobody may own it: it is in the trash, out of every list, 404 for those who stayed in it.
        Assert.That(await ScalarAsync<bool>($"SELECT is_deleted FROM cases.cases WHERE id = '{waiting}'"), Is.True);
        await AssertNothingShowsAsync(viewerClient, waiting);
        await AssertNothingShowsAsync(contributorClient, waiting);
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM cases.participants WHERE case_id = '{waiting}'"), Is.EqualTo(2), "those who stayed are kept for a restore");

        await RestoreAccountAsync(owner);
        Assert.That(await ProcessingApi.EventuallyAsync(async () => await RowsOfAsync(owner) == 2, Within), Is.True, "both cases came back to their owner");
        using var restored = await SignInAgainAsync(owner);

        var back = await restored.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{waiting}");
        Assert.That((back.GetProperty("myRole").GetString(), back.GetProperty("isDeleted").GetBoolean()), Is.EqualTo(("OWNER", false)));
        Assert.That((await viewerClient.GetAsync($"/api/v1/cases/{waiting}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "out of the trash for everybody in it");
        Assert.That((await contributorClient.GetAsync($"/api/v1/cases/{waiting}/participants")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // The case its owner had put in the trash themselves stays there, theirs to restore.
        var stillTrashed = await restored.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{trashedBefore}");
        Assert.That((stillTrashed.GetProperty("myRole").GetString(), stillTrashed.GetProperty("isDeleted").GetBoolean()), Is.EqualTo(("OWNER", true)));
        await (await viewerClient.GetAsync($"/api/v1/cases/{trashedBefore}")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM cases.cases WHERE orphaned_by IS NOT NULL"), Is.Zero);
    }

    [Test]
    public async Task A_removed_participant_sees_nothing_of_the_case_on_any_route()
    {
        var owner = await this.CreateAccountAsync("leak_owner");
        var removed = await this.CreateAccountAsync("leak_removed");
        var id = await this.CaseWithAsync(owner, (removed, "EDITOR"));
        using var ownerClient = this.ClientFor(owner);
        using var removedClient = this.ClientFor(removed);
        Assert.That((await removedClient.GetAsync($"/api/v1/cases/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await ownerClient.RemoveAsync(id, removed.UserId);

        await AssertNothingShowsAsync(removedClient, id);
        await (await removedClient.PatchJsonAsync($"/api/v1/cases/{id}", new { title = "Mine now" })).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        await (await removedClient.PostAsync($"/api/v1/cases/{id}/leave", null)).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        Assert.That(await ListIdsAsync(removedClient, $"?participant={owner.UserId}"), Is.Empty);
    }

    /// <summary>The case is gone for this caller: 404 like a case that never was, and in none of their lists.</summary>
    private static async Task AssertNothingShowsAsync(HttpClient client, Guid id)
    {
        var missing = await (await client.GetAsync($"/api/v1/cases/{Guid.NewGuid()}")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        var read = await (await client.GetAsync($"/api/v1/cases/{id}")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        Assert.That(read.GetProperty("detail").GetString(), Is.EqualTo(missing.GetProperty("detail").GetString()));
        await (await client.GetAsync($"/api/v1/cases/{id}/participants")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        Assert.That(await ListIdsAsync(client, ""), Does.Not.Contain(id));
        Assert.That(await ListIdsAsync(client, "?deleted=true"), Does.Not.Contain(id));
    }

    private async Task DeleteAccountAsync(TestAccount account)
    {
        using var admin = await AdminAsync();
        var response = await admin.DeleteAsync($"/api/v1/admin/users/{account.UserId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    private async Task RestoreAccountAsync(TestAccount account)
    {
        using var admin = await AdminAsync();
        var response = await admin.PostAsync($"/api/v1/admin/users/{account.UserId}/restore", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> AdminAsync()
    {
        var admin = await this.CreateAccountAsync("departures_admin");
        await this.GrantAdminAsync(admin, AdminPermissions.CanDeleteUsers);
        return this.ClientFor(admin);
    }

    private async Task<HttpClient> SignInAgainAsync(TestAccount account)
    {
        var session = await TestAccounts.SignInAsync(AnonymousClient, account.Email, account.Password);
        return ClientWithToken(session.AccessToken);
    }

    private static async Task<List<(Guid, string?)>> RolesAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/participants")).EnumerateArray()
            .Select(p => (p.GetProperty("userId").GetGuid(), p.GetProperty("role").GetString())).ToList();

    private static async Task<List<Guid>> ListIdsAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/cases" + query)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private Task<long> RowsOfAsync(TestAccount account) =>
        ScalarAsync<long>($"SELECT count(*) FROM cases.participants WHERE user_id = '{account.UserId}'");

    private Task<long> HandledAsync(string handler) =>
        ScalarAsync<long>($"SELECT count(*) FROM cases.inbox_messages WHERE handler LIKE '%.{handler}'");
}
