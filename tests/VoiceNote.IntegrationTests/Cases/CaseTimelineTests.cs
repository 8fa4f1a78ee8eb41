using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Activity;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Cases;

/// <summary>A case's timeline (issue 14 item 4, ADR 0078): every step with actor and time, for participants only, without addresses.</summary>
public sealed class CaseTimelineTests : DatabaseFixture
{
    [Test]
    public async Task Creating_closing_and_changing_participants_are_on_the_timeline_with_actor_and_time_for_every_participant()
    {
        var owner = await this.CreateAccountAsync("tl_owner");
        var viewer = await this.CreateAccountAsync("tl_viewer");
        var editor = await this.CreateAccountAsync("tl_editor");
        var stranger = await this.CreateAccountAsync("tl_stranger");
        using var ownerClient = this.ClientFor(owner);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var caseId = (await ownerClient.CreateCaseAsync("Timeline matter")).Id();
        await ownerClient.InviteAsync(caseId, viewer.Username, "VIEWER");
        await ownerClient.InviteAsync(caseId, editor.Email, "EDITOR");
        Assert.That((await ownerClient.PutAsJsonAsync($"/api/v1/cases/{caseId}/participants/{editor.UserId}", new { role = "CONTRIBUTOR" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ownerClient.PostAsJsonAsync($"/api/v1/cases/{caseId}/close", new { reason = "Settled" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ownerClient.PostAsJsonAsync($"/api/v1/cases/{caseId}/reopen", new { reason = "Appeal" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ownerClient.RemoveAsync(caseId, editor.UserId);

        var timeline = await ownerClient.WaitForItemsAsync($"/api/v1/cases/{caseId}/timeline?limit=50", items => items.Count >= 7);
        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        Assert.Multiple(() =>
        {
            // Newest first.
            Assert.That(timeline.Select(e => e.Type()), Is.EqualTo(new[]
            {
                "PARTICIPANT_REMOVED", "CASE_REOPENED", "CASE_CLOSED", "PARTICIPANT_ROLE_CHANGED", "PARTICIPANT_ADDED", "PARTICIPANT_ADDED", "CASE_CREATED",
            }));
            Assert.That(timeline.Select(e => e.Guid("actorId")), Is.All.EqualTo(owner.UserId));
            Assert.That(timeline.Select(e => e.Text("actorName")), Is.All.EqualTo("tl_owner"));
            Assert.That(timeline.Select(e => e.GetProperty("at").GetDateTimeOffset()), Is.All.InRange(before, after));
            Assert.That(timeline.Select(e => e.GetProperty("at").GetDateTimeOffset()), Is.Ordered.Descending);
            Assert.That(timeline.Select(e => e.Guid("itemId")), Is.All.EqualTo(caseId));
            Assert.That(timeline[0].Guid("subjectUserId"), Is.EqualTo(editor.UserId));
            Assert.That(timeline[0].Text("subjectName"), Is.EqualTo("tl_editor"));
            Assert.That(timeline[1].GetProperty("details").GetProperty("reason").GetString(), Is.EqualTo("Appeal"));
            Assert.That(timeline[3].GetProperty("details").GetProperty("role").GetString(), Is.EqualTo("CONTRIBUTOR"));
            Assert.That(timeline[3].GetProperty("details").GetProperty("previousRole").GetString(), Is.EqualTo("EDITOR"));
            Assert.That(timeline[5].Guid("subjectUserId"), Is.EqualTo(viewer.UserId));

            // Participants never see each other's addresses or user agents.
            Assert.That(timeline.Any(e => e.TryGetProperty("ipAddress", out _) || e.TryGetProperty("userAgent", out _)), Is.False);
        });

        using var viewerClient = this.ClientFor(viewer);
        var seenByViewer = await viewerClient.ItemsAsync($"/api/v1/cases/{caseId}/timeline?limit=50");
        Assert.That(seenByViewer.Select(e => e.GetProperty("id").GetGuid()), Is.EqualTo(timeline.Select(e => e.GetProperty("id").GetGuid())));

        using var strangerClient = this.ClientFor(stranger);
        await (await strangerClient.GetAsync($"/api/v1/cases/{caseId}/timeline")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        using var removedClient = this.ClientFor(editor);
        await (await removedClient.GetAsync($"/api/v1/cases/{caseId}/timeline")).AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
    }

    [Test]
    public async Task A_participant_who_leaves_is_the_actor_of_their_leaving_and_pages_walk_the_timeline_without_gaps()
    {
        var owner = await this.CreateAccountAsync("walk_owner");
        var guests = new List<TestAccount>();
        for (var i = 0; i < 4; i++)
        {
            guests.Add(await this.CreateAccountAsync("walk_guest"));
        }

        var caseId = await this.CaseWithAsync(owner, guests.Select(g => (g, "VIEWER")).ToArray());
        using (var leaver = this.ClientFor(guests[0]))
        {
            Assert.That((await leaver.PostAsync($"/api/v1/cases/{caseId}/leave", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var client = this.ClientFor(owner);
        var all = await client.WaitForItemsAsync($"/api/v1/cases/{caseId}/timeline?limit=100", items => items.Count >= 6);
        Assert.Multiple(() =>
        {
            Assert.That(all[0].Type(), Is.EqualTo("PARTICIPANT_LEFT"));
            Assert.That(all[0].Guid("actorId"), Is.EqualTo(guests[0].UserId));
            Assert.That(all[0].Guid("subjectUserId"), Is.EqualTo(guests[0].UserId));
        });

        var walked = new List<Guid>();
        string? cursor = null;
        var first = true;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/timeline?limit=4" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            if (first)
            {
                Assert.That(page.GetProperty("total").GetInt64(), Is.EqualTo(6));
                first = false;
            }

            walked.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.String ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);

        Assert.That(walked, Is.EqualTo(all.Select(e => e.GetProperty("id").GetGuid())));
        await (await client.GetAsync($"/api/v1/cases/{caseId}/timeline?cursor=not-a-cursor")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Notes_coming_in_changing_and_leaving_and_the_trash_are_on_the_timeline_with_who_did_it()
    {
        var owner = await this.CreateAccountAsync("tln_owner");
        var contributor = await this.CreateAccountAsync("tln_contributor");
        var caseId = await this.CaseWithAsync(owner, (contributor, "CONTRIBUTOR"));
        using var ownerClient = this.ClientFor(owner);
        using var contributorClient = this.ClientFor(contributor);

        var attached = await ownerClient.NoteInCaseAsync(caseId, "Site visit");
        var written = await contributorClient.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { title = "Follow-up", summary = "Call the insurer." });
        Assert.That(written.StatusCode, Is.EqualTo(HttpStatusCode.Created), await written.Content.ReadAsStringAsync());
        var tag = (await contributorClient.GetAsync($"/api/v1/cases/{caseId}/notes/{attached}")).Headers.ETag!.Tag;
        var edited = await contributorClient.PatchJsonAsync($"/api/v1/cases/{caseId}/notes/{attached}", new { summary = "Crack in the east wall." }, tag);
        Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.OK), await edited.Content.ReadAsStringAsync());
        Assert.That((await ownerClient.DeleteAsync($"/api/v1/cases/{caseId}/notes/{attached}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await ownerClient.DeleteAsync($"/api/v1/cases/{caseId}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await ownerClient.DeleteAsync($"/api/v1/cases/{caseId}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "again: nothing more happens");
        Assert.That((await ownerClient.PostAsync($"/api/v1/cases/{caseId}/restore", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var timeline = await ownerClient.WaitForItemsAsync($"/api/v1/cases/{caseId}/timeline?limit=50", items => items.Count >= 8);
        Assert.That(timeline.Take(6).Select(e => (e.Type(), e.Guid("actorId"))), Is.EqualTo(new (string, Guid?)[]
        {
            ("CASE_RESTORED", owner.UserId), ("CASE_DELETED", owner.UserId), ("NOTE_DETACHED", owner.UserId),
            ("NOTE_EDITED", contributor.UserId), ("NOTE_CREATED", contributor.UserId), ("NOTE_ATTACHED", owner.UserId),
        }));
        Assert.That(timeline[3].Guid("itemId"), Is.EqualTo(attached), "the edited note is the item");
    }
}
