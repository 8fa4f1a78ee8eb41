using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Cases;

/// <summary>Who may do what in a case (issue 14, ADR 0076): roles, per-participant permissions, 404 for outsiders, 403 for a role short of a permission.</summary>
public sealed class CaseAccessTests : DatabaseFixture
{
    [Test]
    public async Task A_stranger_gets_404_exactly_as_for_a_case_that_does_not_exist()
    {
        var owner = await this.CreateAccountAsync("private_owner");
        var stranger = await this.CreateAccountAsync("stranger");
        var id = await this.CaseWithAsync(owner);
        using var client = this.ClientFor(stranger);

        var theirs = await client.GetAsync($"/api/v1/cases/{id}");
        var nobodys = await client.GetAsync($"/api/v1/cases/{Guid.NewGuid()}");
        var a = await theirs.AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        var b = await nobodys.AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        Assert.That(a.GetProperty("detail").GetString(), Is.EqualTo(b.GetProperty("detail").GetString()));
        await (await client.PatchJsonAsync($"/api/v1/cases/{id}", new { title = "mine now" })).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/participants", new { login = stranger.Username, role = "OWNER" }))
            .AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
    }

    [Test]
    public async Task A_viewer_reads_and_every_write_is_403_with_a_stable_code()
    {
        var owner = await this.CreateAccountAsync("v_owner");
        var viewer = await this.CreateAccountAsync("viewer");
        var id = await this.CaseWithAsync(owner, (viewer, "VIEWER"));
        using var client = this.ClientFor(viewer);

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(read.GetProperty("myRole").GetString(), Is.EqualTo("VIEWER"));
            Assert.That(read.GetProperty("myPermissions").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "SEE_ANALYSES" }));
            Assert.That(read.GetProperty("canEdit").GetBoolean(), Is.False);
        });
        Assert.That((await client.GetAsync($"/api/v1/cases/{id}/participants")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await (await client.PatchJsonAsync($"/api/v1/cases/{id}", new { title = "x" })).AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");
        await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { reason = "done" })).AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");
        await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/participants", new { login = owner.Username, role = "VIEWER" }))
            .AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");
        await (await client.DeleteAsync($"/api/v1/cases/{id}")).AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");
    }

    [Test]
    public async Task Each_role_gets_its_defaults_and_chosen_permissions_replace_them_within_the_roles_ceiling()
    {
        var owner = await this.CreateAccountAsync("p_owner");
        var editor = await this.CreateAccountAsync("p_editor");
        var contributor = await this.CreateAccountAsync("p_contrib");
        var viewer = await this.CreateAccountAsync("p_viewer");
        var id = await this.CaseWithAsync(owner, (editor, "EDITOR"), (contributor, "CONTRIBUTOR"));
        using var ownerClient = this.ClientFor(owner);

        // A viewer may be given reading permissions only.
        var tooMuch = await ownerClient.PostAsJsonAsync($"/api/v1/cases/{id}/participants", new { login = viewer.Email, role = "VIEWER", permissions = new[] { "UPLOAD_AUDIO" } });
        var problem = await tooMuch.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.GetProperty("errors").GetProperty("permissions")[0].GetString(), Does.Contain("SEE_ANALYSES"));
        await ownerClient.InviteAsync(id, viewer.Email, "viewer", ["EXPORT"]);

        var participants = (await ownerClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/participants")).EnumerateArray()
            .ToDictionary(p => p.GetProperty("userId").GetGuid(), p => (p.GetProperty("role").GetString(), string.Join(",", p.GetProperty("permissions").EnumerateArray().Select(x => x.GetString()))));
        Assert.That(participants, Is.EquivalentTo(new Dictionary<Guid, (string?, string)>
        {
            [owner.UserId] = ("OWNER", "UPLOAD_AUDIO,EDIT_NOTES,SEE_ANALYSES,EXPORT,MANAGE_PARTICIPANTS"),
            [editor.UserId] = ("EDITOR", "UPLOAD_AUDIO,EDIT_NOTES,SEE_ANALYSES,EXPORT"),
            [contributor.UserId] = ("CONTRIBUTOR", "UPLOAD_AUDIO,EDIT_NOTES,SEE_ANALYSES"),
            [viewer.UserId] = ("VIEWER", "EXPORT"),
        }));

        // The editor changes the case; the contributor may not.
        using var editorClient = this.ClientFor(editor);
        using var contributorClient = this.ClientFor(contributor);
        Assert.That((await editorClient.PatchJsonAsync($"/api/v1/cases/{id}", new { priority = "LOW" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await (await contributorClient.PatchJsonAsync($"/api/v1/cases/{id}", new { priority = "HIGH" })).AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");

        // Given MANAGE_PARTICIPANTS, the contributor manages others, but never owners.
        var manager = await ownerClient.PutAsJsonAsync($"/api/v1/cases/{id}/participants/{contributor.UserId}", new { role = "CONTRIBUTOR", permissions = new[] { "MANAGE_PARTICIPANTS" } });
        Assert.That(manager.StatusCode, Is.EqualTo(HttpStatusCode.OK), await manager.Content.ReadAsStringAsync());
        var demoteViewer = await contributorClient.PutAsJsonAsync($"/api/v1/cases/{id}/participants/{viewer.UserId}", new { role = "VIEWER" });
        Assert.That(demoteViewer.StatusCode, Is.EqualTo(HttpStatusCode.OK), await demoteViewer.Content.ReadAsStringAsync());
        Assert.That((await demoteViewer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hasCustomPermissions").GetBoolean(), Is.False);
        await (await contributorClient.PutAsJsonAsync($"/api/v1/cases/{id}/participants/{viewer.UserId}", new { role = "OWNER" }))
            .AssertProblem(HttpStatusCode.Forbidden, "cases.owners_only");
        await (await contributorClient.DeleteAsync($"/api/v1/cases/{id}/participants/{owner.UserId}")).AssertProblem(HttpStatusCode.Forbidden, "cases.owners_only");
        await (await contributorClient.PatchJsonAsync($"/api/v1/cases/{id}", new { priority = "HIGH" })).AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");
    }

    [Test]
    public async Task Removing_a_participant_ends_their_access_on_the_next_request()
    {
        var owner = await this.CreateAccountAsync("r_owner");
        var editor = await this.CreateAccountAsync("r_editor");
        var id = await this.CaseWithAsync(owner, (editor, "EDITOR"));
        using var ownerClient = this.ClientFor(owner);
        using var editorClient = this.ClientFor(editor);
        Assert.That((await editorClient.GetAsync($"/api/v1/cases/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await ownerClient.RemoveAsync(id, editor.UserId);

        await (await editorClient.GetAsync($"/api/v1/cases/{id}")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        await (await editorClient.PatchJsonAsync($"/api/v1/cases/{id}", new { title = "still here?" })).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        var list = await editorClient.GetFromJsonAsync<JsonElement>("/api/v1/cases");
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.Zero);
        await (await ownerClient.DeleteAsync($"/api/v1/cases/{id}/participants/{editor.UserId}")).AssertProblem(HttpStatusCode.NotFound, "cases.participant_not_found");
    }

    [Test]
    public async Task The_last_owner_cannot_leave_be_removed_or_demoted_until_another_owner_exists()
    {
        var owner = await this.CreateAccountAsync("l_owner");
        var colleague = await this.CreateAccountAsync("l_colleague");
        var id = await this.CaseWithAsync(owner, (colleague, "EDITOR"));
        using var ownerClient = this.ClientFor(owner);
        using var colleagueClient = this.ClientFor(colleague);

        await (await ownerClient.PostAsync($"/api/v1/cases/{id}/leave", null)).AssertProblem(HttpStatusCode.Conflict, "cases.last_owner");
        await (await ownerClient.DeleteAsync($"/api/v1/cases/{id}/participants/{owner.UserId}")).AssertProblem(HttpStatusCode.Conflict, "cases.last_owner");
        await (await ownerClient.PutAsJsonAsync($"/api/v1/cases/{id}/participants/{owner.UserId}", new { role = "EDITOR" })).AssertProblem(HttpStatusCode.Conflict, "cases.last_owner");

        Assert.That((await ownerClient.PutAsJsonAsync($"/api/v1/cases/{id}/participants/{colleague.UserId}", new { role = "OWNER" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ownerClient.PostAsync($"/api/v1/cases/{id}/leave", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await ownerClient.GetAsync($"/api/v1/cases/{id}")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        var left = await colleagueClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/participants");
        Assert.That(left.EnumerateArray().Select(p => p.GetProperty("userId").GetGuid()), Is.EqualTo(new[] { colleague.UserId }));
    }

    [Test]
    public async Task Users_are_invited_by_email_or_username_and_unknown_or_repeated_ones_are_refused()
    {
        var owner = await this.CreateAccountAsync("i_owner");
        var byEmail = await this.CreateAccountAsync("i_email");
        var byName = await this.CreateAccountAsync("i_name");
        var id = await this.CaseWithAsync(owner);
        using var client = this.ClientFor(owner);

        await client.InviteAsync(id, byEmail.Email.ToUpperInvariant(), "CONTRIBUTOR");
        await client.InviteAsync(id, " " + byName.Username + " ", "VIEWER");
        await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/participants", new { login = byName.Username, role = "EDITOR" }))
            .AssertProblem(HttpStatusCode.Conflict, "cases.already_participant");
        await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/participants", new { login = "nobody_" + Guid.NewGuid().ToString("N")[..6], role = "EDITOR" }))
            .AssertProblem(HttpStatusCode.NotFound, "cases.user_not_found");
        await (await client.PostAsJsonAsync($"/api/v1/cases/{id}/participants", new { login = byName.Username, role = "BOSS" }))
            .AssertProblem(HttpStatusCode.BadRequest, "validation_failed");

        using var invited = this.ClientFor(byEmail);
        var theirs = await invited.GetFromJsonAsync<JsonElement>("/api/v1/cases?role=contributor");
        Assert.That(theirs.GetProperty("items")[0].GetProperty("id").GetGuid(), Is.EqualTo(id));
    }
}
