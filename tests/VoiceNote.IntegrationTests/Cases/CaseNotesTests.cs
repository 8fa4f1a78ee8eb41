using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Cases;

/// <summary>
/// Notes in a case (issue 14, docs/decisions/0080): participants add their own notes and write new ones, anybody with
/// EDIT_NOTES edits any of them (If-Match, one of two concurrent writers gets 412), viewers read, outsiders and former
/// participants get 404, and the notes stay their owners' own.
/// </summary>
public sealed class CaseNotesTests : DatabaseFixture
{
    [Test]
    public async Task Participants_add_their_own_notes_only_and_each_role_gets_what_it_may()
    {
        var owner = await this.CreateAccountAsync("cn_owner");
        var editor = await this.CreateAccountAsync("cn_editor");
        var contributor = await this.CreateAccountAsync("cn_contrib");
        var uploader = await this.CreateAccountAsync("cn_uploader");
        var viewer = await this.CreateAccountAsync("cn_viewer");
        var stranger = await this.CreateAccountAsync("cn_stranger");
        var id = await this.CaseWithAsync(owner, (editor, "EDITOR"), (contributor, "CONTRIBUTOR"), (viewer, "VIEWER"));
        using var ownerClient = this.ClientFor(owner);
        await ownerClient.InviteAsync(id, uploader.Username, "CONTRIBUTOR", ["UPLOAD_AUDIO"]);
        using var contributorClient = this.ClientFor(contributor);
        using var editorClient = this.ClientFor(editor);

        var mine = await CreatePlainNoteAsync(contributorClient, "Site visit", "The fence on the east side is down.");
        var added = await contributorClient.PostAsync($"/api/v1/cases/{id}/notes/{mine}", null);
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created), await added.Content.ReadAsStringAsync());
        Assert.That(added.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/cases/{id}/notes/{mine}"));
        var again = await contributorClient.PostAsync($"/api/v1/cases/{id}/notes/{mine}", null);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "adding a note the case has answers it again");

        // Only one's own notes: the editor's note is not found for the contributor, exactly as in Notes.
        var editorsNote = await CreatePlainNoteAsync(editorClient, "Editor's private thoughts");
        await (await contributorClient.PostAsync($"/api/v1/cases/{id}/notes/{editorsNote}", null)).AssertProblem(HttpStatusCode.NotFound, "notes.not_found");
        await (await contributorClient.PostAsync($"/api/v1/cases/{id}/notes/{Guid.NewGuid()}", null)).AssertProblem(HttpStatusCode.NotFound, "notes.not_found");

        using var viewerClient = this.ClientFor(viewer);
        var viewersNote = await CreatePlainNoteAsync(viewerClient, "Viewer's note");
        await (await viewerClient.PostAsync($"/api/v1/cases/{id}/notes/{viewersNote}", null)).AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");
        await (await viewerClient.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { title = "x" })).AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");

        // A contributor whose chosen permissions leave out EDIT_NOTES.
        using var uploaderClient = this.ClientFor(uploader);
        var uploadersNote = await CreatePlainNoteAsync(uploaderClient, "Uploader's note");
        await (await uploaderClient.PostAsync($"/api/v1/cases/{id}/notes/{uploadersNote}", null)).AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");

        using var strangerClient = this.ClientFor(stranger);
        var strangersNote = await CreatePlainNoteAsync(strangerClient, "Stranger's note");
        await (await strangerClient.PostAsync($"/api/v1/cases/{id}/notes/{strangersNote}", null)).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        await (await strangerClient.GetAsync($"/api/v1/cases/{id}/notes")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        await (await strangerClient.GetAsync($"/api/v1/cases/{id}/notes/{mine}")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");

        // A note written in the case is the writer's own note, with the same tag in both places.
        var written = await contributorClient.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { title = "Call with the insurer", summary = "They send an assessor on Monday." });
        var writtenBody = await written.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(written.StatusCode, Is.EqualTo(HttpStatusCode.Created), writtenBody.ToString());
        var writtenId = writtenBody.Id();
        var ownView = await contributorClient.GetAsync($"/api/v1/notes/{writtenId}");
        Assert.Multiple(() =>
        {
            Assert.That(ownView.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ownView.Headers.ETag?.Tag, Is.EqualTo(written.Headers.ETag?.Tag).And.EqualTo(writtenBody.GetProperty("etag").GetString()));
            Assert.That(writtenBody.GetProperty("ownerId").GetGuid(), Is.EqualTo(contributor.UserId));
        });
        await (await contributorClient.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { title = "" })).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");

        // Every participant reads them, newest first, with whose they are; paging walks them all.
        var listed = await viewerClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/notes?limit=1");
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(n => n.Id()), Is.EqualTo(new[] { writtenId }));
        Assert.That(listed.GetProperty("total").GetInt64(), Is.EqualTo(2));
        var next = await viewerClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/notes?limit=1&cursor={listed.GetProperty("nextCursor").GetString()}");
        var second = next.GetProperty("items")[0];
        Assert.Multiple(() =>
        {
            Assert.That(second.Id(), Is.EqualTo(mine));
            Assert.That(second.GetProperty("ownerId").GetGuid(), Is.EqualTo(contributor.UserId));
            Assert.That(second.GetProperty("summary").GetString(), Is.EqualTo("The fence on the east side is down."));
            Assert.That(next.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
        var one = await viewerClient.GetAsync($"/api/v1/cases/{id}/notes/{mine}");
        Assert.That(one.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(one.Headers.ETag?.Tag, Is.EqualTo((await contributorClient.GetAsync($"/api/v1/notes/{mine}")).Headers.ETag?.Tag), "the note's own tag");

        // Taking a note out: it leaves the case, not its owner.
        await (await viewerClient.DeleteAsync($"/api/v1/cases/{id}/notes/{mine}")).AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");
        Assert.That((await editorClient.DeleteAsync($"/api/v1/cases/{id}/notes/{mine}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await editorClient.DeleteAsync($"/api/v1/cases/{id}/notes/{mine}")).AssertProblem(HttpStatusCode.NotFound, "cases.note_not_found");
        await (await viewerClient.GetAsync($"/api/v1/cases/{id}/notes/{mine}")).AssertProblem(HttpStatusCode.NotFound, "cases.note_not_found");
        Assert.That((await contributorClient.GetAsync($"/api/v1/notes/{mine}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var after = await viewerClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/notes");
        Assert.That(after.GetProperty("items").EnumerateArray().Select(n => n.Id()), Is.EqualTo(new[] { writtenId }));
    }

    [Test]
    public async Task A_participant_with_edit_notes_edits_another_participants_note_and_its_owner_sees_the_change()
    {
        var owner = await this.CreateAccountAsync("ed_owner");
        var contributor = await this.CreateAccountAsync("ed_contrib");
        var viewer = await this.CreateAccountAsync("ed_viewer");
        var stranger = await this.CreateAccountAsync("ed_stranger");
        var id = await this.CaseWithAsync(owner, (contributor, "CONTRIBUTOR"), (viewer, "VIEWER"));
        using var ownerClient = this.ClientFor(owner);
        using var contributorClient = this.ClientFor(contributor);
        var noteId = await ownerClient.NoteInCaseAsync(id, "Boiler pressure readings", "1.2 bar at 9:00");
        var outside = await CreatePlainNoteAsync(ownerClient, "Not in the case");

        var read = await contributorClient.GetAsync($"/api/v1/cases/{id}/notes/{noteId}");
        var tag = read.Headers.ETag!.Tag;
        var edited = await contributorClient.PatchJsonAsync($"/api/v1/cases/{id}/notes/{noteId}", new { summary = "1.2 bar at 9:00, 0.8 bar at 17:00" }, tag);
        var editedBody = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.OK), editedBody.ToString());
        Assert.That(edited.Headers.ETag!.Tag, Is.Not.EqualTo(tag));

        var ownersOwn = await ownerClient.GetAsync($"/api/v1/notes/{noteId}");
        var ownersBody = await ownersOwn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(ownersBody.GetProperty("summary").GetString(), Is.EqualTo("1.2 bar at 9:00, 0.8 bar at 17:00"));
            Assert.That(ownersBody.GetProperty("title").GetString(), Is.EqualTo("Boiler pressure readings"), "a field left out is kept");
            Assert.That(ownersOwn.Headers.ETag!.Tag, Is.EqualTo(edited.Headers.ETag!.Tag));
        });

        // The old tag is stale: 412, nothing changes, and the answer carries the current tag.
        var stale = await contributorClient.PatchJsonAsync($"/api/v1/cases/{id}/notes/{noteId}", new { title = "Overwritten" }, tag);
        await stale.AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        Assert.That(stale.Headers.ETag?.Tag, Is.EqualTo(edited.Headers.ETag!.Tag));
        Assert.That((await ownerClient.GetFromJsonAsync<JsonElement>($"/api/v1/notes/{noteId}")).GetProperty("title").GetString(), Is.EqualTo("Boiler pressure readings"));

        // An empty summary clears it; the owner's own edit and the case's share one version.
        var cleared = await ownerClient.PatchJsonAsync($"/api/v1/cases/{id}/notes/{noteId}", new { summary = "" }, stale.Headers.ETag!.Tag);
        Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.OK), await cleared.Content.ReadAsStringAsync());
        Assert.That((await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var afterOwnEdit = await contributorClient.PatchJsonAsync($"/api/v1/cases/{id}/notes/{noteId}", new { title = "x" }, edited.Headers.ETag!.Tag);
        await afterOwnEdit.AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.stale");

        using var viewerClient = this.ClientFor(viewer);
        await (await viewerClient.PatchJsonAsync($"/api/v1/cases/{id}/notes/{noteId}", new { title = "Viewer was here" })).AssertProblem(HttpStatusCode.Forbidden, "cases.forbidden");
        using var strangerClient = this.ClientFor(stranger);
        await (await strangerClient.PatchJsonAsync($"/api/v1/cases/{id}/notes/{noteId}", new { title = "Stranger was here" })).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");

        // A note outside the case cannot be reached through it, even by its owner.
        await (await ownerClient.PatchJsonAsync($"/api/v1/cases/{id}/notes/{outside}", new { title = "Through the case" })).AssertProblem(HttpStatusCode.NotFound, "cases.note_not_found");
        await (await contributorClient.PatchJsonAsync($"/api/v1/cases/{id}/notes/{outside}", new { title = "Through the case" })).AssertProblem(HttpStatusCode.NotFound, "cases.note_not_found");
        Assert.That((await ownerClient.GetFromJsonAsync<JsonElement>($"/api/v1/notes/{outside}")).GetProperty("title").GetString(), Is.EqualTo("Not in the case"));
    }

    [Test]
    public async Task Two_participants_editing_one_note_with_the_same_tag_one_wins_and_the_other_gets_412_with_the_current_tag()
    {
        var owner = await this.CreateAccountAsync("cc_owner");
        var editor = await this.CreateAccountAsync("cc_editor");
        var contributor = await this.CreateAccountAsync("cc_contrib");
        var id = await this.CaseWithAsync(owner, (editor, "EDITOR"), (contributor, "CONTRIBUTOR"));
        using var ownerClient = this.ClientFor(owner);
        using var editorClient = this.ClientFor(editor);
        using var contributorClient = this.ClientFor(contributor);
        var noteId = await ownerClient.NoteInCaseAsync(id, "Minutes of the site meeting");

        for (var round = 0; round < 5; round++)
        {
            var tag = (await ownerClient.GetAsync($"/api/v1/cases/{id}/notes/{noteId}")).Headers.ETag!.Tag;
            var texts = new[] { $"Editor's minutes {round}", $"Contributor's minutes {round}" };
            var answers = await Task.WhenAll(
                editorClient.PatchJsonAsync($"/api/v1/cases/{id}/notes/{noteId}", new { summary = texts[0] }, tag),
                contributorClient.PatchJsonAsync($"/api/v1/cases/{id}/notes/{noteId}", new { summary = texts[1] }, tag));

            var statuses = answers.Select(a => a.StatusCode).ToList();
            Assert.That(statuses, Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.PreconditionFailed }), $"round {round}");
            var winner = statuses.IndexOf(HttpStatusCode.OK);
            var loser = answers[1 - winner];
            await loser.AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.stale");

            var stored = await ownerClient.GetAsync($"/api/v1/notes/{noteId}");
            Assert.Multiple(async () =>
            {
                Assert.That((await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetString(), Is.EqualTo(texts[winner]), "the winner's text is stored");
                Assert.That(answers[winner].Headers.ETag!.Tag, Is.EqualTo(stored.Headers.ETag!.Tag));
                Assert.That(loser.Headers.ETag?.Tag, Is.EqualTo(stored.Headers.ETag!.Tag), "the loser learns the current tag and can reapply");
            });

            // Nothing is lost: the loser reapplies on the current version.
            var retried = await (winner == 0 ? contributorClient : editorClient).PatchJsonAsync(
                $"/api/v1/cases/{id}/notes/{noteId}", new { summary = texts[winner] + " / " + texts[1 - winner] }, loser.Headers.ETag!.Tag);
            Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK), await retried.Content.ReadAsStringAsync());
        }
    }

    [Test]
    public async Task A_removed_participant_loses_the_case_at_once_and_their_notes_leave_it_but_stay_theirs()
    {
        var owner = await this.CreateAccountAsync("rm_owner");
        var contributor = await this.CreateAccountAsync("rm_contrib");
        var editor = await this.CreateAccountAsync("rm_editor");
        var id = await this.CaseWithAsync(owner, (contributor, "CONTRIBUTOR"), (editor, "EDITOR"));
        using var ownerClient = this.ClientFor(owner);
        using var contributorClient = this.ClientFor(contributor);
        using var editorClient = this.ClientFor(editor);
        var ownersNote = await ownerClient.NoteInCaseAsync(id, "Owner's timeline of events");
        var contributorsNote = await contributorClient.NoteInCaseAsync(id, "Contributor's photos list");
        var editorsNote = await editorClient.NoteInCaseAsync(id, "Editor's summary");
        var tag = (await contributorClient.GetAsync($"/api/v1/cases/{id}/notes/{ownersNote}")).Headers.ETag!.Tag;

        await ownerClient.RemoveAsync(id, contributor.UserId);
        await (await contributorClient.GetAsync($"/api/v1/cases/{id}/notes")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        await (await contributorClient.GetAsync($"/api/v1/cases/{id}/notes/{ownersNote}")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        await (await contributorClient.PatchJsonAsync($"/api/v1/cases/{id}/notes/{ownersNote}", new { title = "after removal" }, tag)).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        await (await contributorClient.PostAsync($"/api/v1/cases/{id}/notes/{contributorsNote}", null)).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        await (await contributorClient.GetAsync($"/api/v1/cases/{id}/search?q=timeline&mode=fulltext")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");

        Assert.That((await editorClient.PostAsync($"/api/v1/cases/{id}/leave", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var remaining = await ownerClient.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/notes");
        Assert.That(remaining.GetProperty("items").EnumerateArray().Select(n => n.Id()), Is.EqualTo(new[] { ownersNote }), "the former participants' notes left with them");
        await (await ownerClient.GetAsync($"/api/v1/cases/{id}/notes/{contributorsNote}")).AssertProblem(HttpStatusCode.NotFound, "cases.note_not_found");
        Assert.That((await contributorClient.GetAsync($"/api/v1/notes/{contributorsNote}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still the contributor's own");
        Assert.That((await editorClient.GetAsync($"/api/v1/notes/{editorsNote}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still the editor's own");
    }

    [Test]
    public async Task A_note_in_the_trash_shows_as_such_and_a_purged_note_leaves_every_case()
    {
        var owner = await this.CreateAccountAsync("pg_owner");
        using var client = this.ClientFor(owner);
        var first = await this.CaseWithAsync(owner);
        var second = await this.CaseWithAsync(owner);
        var noteId = await client.NoteInCaseAsync(first, "Draft letter to the council");
        Assert.That((await client.PostAsync($"/api/v1/cases/{second}/notes/{noteId}", null)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        Assert.That((await client.DeleteAsync($"/api/v1/notes/{noteId}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var trashed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{first}/notes/{noteId}");
        Assert.That(trashed.GetProperty("isInTrash").GetBoolean(), Is.True);
        await (await client.PatchJsonAsync($"/api/v1/cases/{first}/notes/{noteId}", new { title = "x" })).AssertProblem(HttpStatusCode.Conflict, "cases.note_in_trash");

        Assert.That((await client.DeleteAsync($"/api/v1/notes/trash/{noteId}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await ScalarAsync<long>($"SELECT count(*) FROM cases.case_notes WHERE note_id = '{noteId}'") > 0)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the links went with the purge (NotePurged)");
            await Task.Delay(100);
        }

        await (await client.GetAsync($"/api/v1/cases/{second}/notes/{noteId}")).AssertProblem(HttpStatusCode.NotFound, "cases.note_not_found");
    }

    private static async Task<Guid> CreatePlainNoteAsync(HttpClient client, string title, string? summary = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/notes", new { title, summary });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return JsonDocument.Parse(body).RootElement.Id();
    }
}
