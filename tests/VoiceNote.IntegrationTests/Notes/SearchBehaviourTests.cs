using System.Net;
using System.Net.Http.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>What search shows and never shows: marked snippets, no trash, nobody else's notes, fresh embeddings after an edit.</summary>
public sealed class SearchBehaviourTests : DatabaseFixture
{
    [Test]
    public async Task Text_search_returns_snippets_with_the_words_marked_and_html_escaped()
    {
        var account = await this.CreateAccountAsync("snippets");
        using var client = this.ClientFor(account);
        var note = (await client.CreateNoteAsync(new
        {
            title = "Budget <script>alert(1)</script> & planning",
            summary = "The quarterly budget meeting moved to Thursday afternoon in the large room.",
            transcripts = new[] { new { engine = "LOCAL", text = "so the budget meeting is on thursday now" } },
        })).Id();
        await client.CreateNoteAsync("Unrelated shopping list");

        var results = await client.SearchAsync("budget meetings", mode: "text");
        Assert.That(results.HitIds(), Is.EqualTo(new[] { note }));
        var snippet = results.GetProperty("items")[0].GetProperty("snippet").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(snippet, Does.Contain("<mark>budget</mark>").IgnoreCase);
            Assert.That(snippet, Does.Contain("<mark>meeting</mark>").IgnoreCase);
            Assert.That(snippet, Does.Not.Contain("<script>"));
            Assert.That(results.GetProperty("items")[0].GetProperty("textRank").GetInt32(), Is.EqualTo(1));
        });

        var transcriptOnly = await client.SearchAsync("thursday", mode: "text");
        Assert.That(transcriptOnly.HitIds(), Does.Contain(note), "transcripts are searched too");

        var escaped = await client.SearchAsync("budget planning", mode: "text");
        var escapedSnippet = escaped.GetProperty("items")[0].GetProperty("snippet").GetString()!;
        Assert.That(escapedSnippet, Does.Contain("&lt;script&gt;").And.Contain("&amp;").And.Not.Contain("<script"), escapedSnippet);
    }

    [Test]
    public async Task Trashed_and_foreign_notes_never_appear_and_restore_brings_back()
    {
        var owner = await this.CreateAccountAsync("searcher");
        var other = await this.CreateAccountAsync("neighbour");
        using var client = this.ClientFor(owner);
        using var otherClient = this.ClientFor(other);
        var mine = (await client.CreateNoteAsync("Renew the zebra crossing permit", "Council office, form Z7")).Id();
        var theirs = (await otherClient.CreateNoteAsync("Renew the zebra crossing permit", "Council office, form Z7")).Id();
        await this.WaitForEmbeddingsAsync(owner.UserId);
        await this.WaitForEmbeddingsAsync(other.UserId);

        foreach (var mode in new[] { "hybrid", "text", "semantic" })
        {
            var hits = (await client.SearchAsync("zebra crossing permit", mode)).HitIds();
            Assert.That(hits, Does.Contain(mine), mode);
            Assert.That(hits, Does.Not.Contain(theirs), mode);
        }

        await client.DeleteAsync($"/api/v1/notes/{mine}").ExpectNoContentAsync();
        foreach (var mode in new[] { "hybrid", "text", "semantic" })
        {
            Assert.That((await client.SearchAsync("zebra crossing permit", mode)).HitIds(), Does.Not.Contain(mine).And.Not.Contain(theirs), mode);
        }

        await client.PostAsync($"/api/v1/notes/{mine}/restore", null).ExpectNoContentAsync();
        foreach (var mode in new[] { "hybrid", "text", "semantic" })
        {
            Assert.That((await client.SearchAsync("zebra crossing permit", mode)).HitIds(), Does.Contain(mine), mode);
        }
    }

    [Test]
    public async Task A_note_is_re_embedded_in_the_background_after_its_text_changes()
    {
        var account = await this.CreateAccountAsync("reembed");
        using var client = this.ClientFor(account);
        var note = (await client.CreateNoteAsync("Oil the squeaky garden gate")).Id();
        await this.WaitForEmbeddingsAsync(account.UserId);
        var first = await client.GetJsonAsync($"/api/v1/notes/{note}");
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("embedding").GetProperty("isCurrent").GetBoolean(), Is.True);
            Assert.That(first.GetProperty("embedding").GetProperty("model").GetString(), Is.EqualTo("local/all-MiniLM-L6-v2"));
        });
        var firstVector = await ScalarAsync<string>($"SELECT string_agg(embedding::text, ';' ORDER BY ordinal) FROM notes.note_passages WHERE note_id = '{note}'");

        // Flags do not touch the text: no new embedding is asked for.
        await client.PostAsync($"/api/v1/notes/{note}/pin", null).ExpectNoContentAsync();
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.outbox_messages WHERE payload->>'noteId' = '{note}'"), Is.EqualTo(1));

        var patched = await client.PatchJsonAsync($"/api/v1/notes/{note}", new { title = "Book a violin lesson for Saturday" });
        Assert.That(patched.GetProperty("embedding").GetProperty("isCurrent").GetBoolean(), Is.False, "the response does not wait for the embedding");
        await this.WaitForEmbeddingsAsync(account.UserId);
        var secondVector = await ScalarAsync<string>($"SELECT string_agg(embedding::text, ';' ORDER BY ordinal) FROM notes.note_passages WHERE note_id = '{note}'");
        Assert.Multiple(async () =>
        {
            Assert.That(secondVector, Is.Not.EqualTo(firstVector));
            Assert.That((await client.GetJsonAsync($"/api/v1/notes/{note}")).GetProperty("embedding").GetProperty("isCurrent").GetBoolean(), Is.True);
            Assert.That((await client.SearchAsync("violin", "semantic")).HitIds(), Does.Contain(note));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.outbox_messages WHERE payload->>'noteId' = '{note}' AND processed_at IS NULL"), Is.Zero);
        });
    }

    [Test]
    public async Task Bad_search_requests_are_refused()
    {
        using var client = this.ClientFor(await this.CreateAccountAsync("badsearch"));
        foreach (var url in new[] { "/api/v1/notes/search", "/api/v1/notes/search?q=%20", "/api/v1/notes/search?q=x&mode=fuzzy", "/api/v1/notes/search?q=x&limit=51", $"/api/v1/notes/search?q={new string('a', 501)}" })
        {
            var response = await client.GetAsync(url);
            await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        }

        var stopWordsOnly = await client.SearchAsync("the and of", "text");
        Assert.That(stopWordsOnly.HitIds(), Is.Empty);
        var punctuation = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/notes/search?q=%27%22%26%7C%21%3A*");
        Assert.That(punctuation.HitIds(), Is.Empty, "query syntax characters are words to nobody");
    }
}
