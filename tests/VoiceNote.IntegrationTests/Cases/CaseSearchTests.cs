using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.Cases;

/// <summary>
/// Search within a case (issue 14, docs/decisions/0080) with the real local sentence model: it finds the case's notes
/// by words and by meaning, whoever wrote them, and never a note outside the case, not even the searcher's own.
/// </summary>
public sealed class CaseSearchTests : DatabaseFixture
{
    [Test]
    public async Task A_case_search_finds_its_notes_by_words_and_by_meaning_and_never_a_note_outside_the_case()
    {
        var owner = await this.CreateAccountAsync("cs_owner");
        var contributor = await this.CreateAccountAsync("cs_contrib");
        var viewer = await this.CreateAccountAsync("cs_viewer");
        var id = await this.CaseWithAsync(owner, (contributor, "CONTRIBUTOR"), (viewer, "VIEWER"));
        using var ownerClient = this.ClientFor(owner);
        using var contributorClient = this.ClientFor(contributor);
        using var viewerClient = this.ClientFor(viewer);

        var crane = await contributorClient.NoteInCaseAsync(id, "Crane collapse at pier four", "The boom of the tower crane snapped during the lift and fell onto the quay.");
        var invoice = await ownerClient.NoteInCaseAsync(id, "Scaffolding invoice", "Rental of scaffolding for March, payable within thirty days.");
        // The same words and the same meaning, but outside the case: the searcher's own note and the viewer's.
        var ownersOutside = (await ownerClient.CreateNoteAsync("Crane at pier four", "The tower crane at pier four needs its boom inspected before the lift.")).Id();
        var viewersOutside = (await viewerClient.CreateNoteAsync("Crane collapse at pier four", "The boom of the tower crane snapped during the lift.")).Id();
        foreach (var account in new[] { owner, contributor, viewer })
        {
            await this.WaitForEmbeddingsAsync(account.UserId);
        }

        var byWords = await SearchAsync(viewerClient, id, "crane boom pier", "fulltext");
        Assert.That(byWords.HitIds(), Is.EqualTo(new[] { crane }), "full text: the case's note, not the same words outside it");
        var hit = byWords.GetProperty("items")[0];
        Assert.Multiple(() =>
        {
            Assert.That(byWords.GetProperty("mode").GetString(), Is.EqualTo("FULLTEXT"));
            Assert.That(hit.GetProperty("ownerId").GetGuid(), Is.EqualTo(contributor.UserId));
            Assert.That(hit.GetProperty("ownerName").GetString(), Is.Not.Empty);
            Assert.That(hit.GetProperty("snippet").GetString(), Does.Contain("<mark>").IgnoreCase);
            Assert.That(hit.GetProperty("passage").GetProperty("text").GetString(), Does.Contain("boom"));
        });

        // By meaning: not one word of the query is in the note.
        const string meaning = "heavy machinery accident at the harbour";
        foreach (var mode in new[] { "semantic", "hybrid" })
        {
            var results = await SearchAsync(ownerClient, id, meaning, mode);
            var hits = results.HitIds();
            Assert.Multiple(() =>
            {
                Assert.That(results.GetProperty("semanticAvailable").GetBoolean(), Is.True, mode);
                Assert.That(hits.FirstOrDefault(), Is.EqualTo(crane), $"{mode}: the crane note first");
                Assert.That(hits, Is.SubsetOf(new[] { crane, invoice }), $"{mode}: nothing outside the case");
                Assert.That(results.GetProperty("items")[0].GetProperty("passage").GetProperty("text").GetString(), Does.Contain("crane").IgnoreCase, mode);
            });
        }

        // The same search outside the case does find the owner's own note: only the case held it back.
        var own = await ownerClient.GetFromJsonAsync<JsonElement>($"/api/v1/notes/search?q={Uri.EscapeDataString(meaning)}&mode=semantic");
        Assert.That(own.HitIds(), Does.Contain(ownersOutside).And.Not.Contain(viewersOutside));

        await (await ownerClient.GetAsync($"/api/v1/cases/{id}/search?q=crane&mode=sideways")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await ownerClient.GetAsync($"/api/v1/cases/{id}/search?q=")).AssertProblem(HttpStatusCode.BadRequest, "validation_failed");

        // Taking the note out of the case takes it out of the case's search at once.
        Assert.That((await ownerClient.DeleteAsync($"/api/v1/cases/{id}/notes/{crane}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await SearchAsync(viewerClient, id, "crane boom pier", "text")).HitIds(), Is.Empty);
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, Guid caseId, string q, string mode)
    {
        var response = await client.GetAsync($"/api/v1/cases/{caseId}/search?q={Uri.EscapeDataString(q)}&mode={mode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
