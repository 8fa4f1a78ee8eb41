using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.Contract;

/// <summary>
/// Two devices editing one resource (issue 11): reads carry an ETag, a write with a stale If-Match is
/// refused with 412 and changes nothing, and If-None-Match saves a download the client already has.
/// </summary>
public sealed class ConcurrencyTests : DatabaseFixture
{
    [Test]
    public async Task A_second_device_with_a_stale_etag_gets_412_and_nothing_is_lost()
    {
        var account = await this.CreateAccountAsync("twodevices");
        using var phone = this.ClientFor(account);
        using var laptop = this.ClientFor(account);
        var id = (await phone.CreateNoteAsync("Groceries", "milk")).GetProperty("id").GetGuid();

        var read = await phone.GetAsync($"/api/v1/notes/{id}");
        var tag = read.Headers.ETag!.Tag;
        Assert.That((await laptop.GetAsync($"/api/v1/notes/{id}")).Headers.ETag!.Tag, Is.EqualTo(tag), "the same version reads the same tag");

        var first = await Patch(phone, $"/api/v1/notes/{id}", new { summary = "milk, eggs" }, tag);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var newTag = first.Headers.ETag!.Tag;
        Assert.That(newTag, Is.Not.EqualTo(tag));

        var second = await Patch(laptop, $"/api/v1/notes/{id}", new { title = "Shopping" }, tag);
        await second.AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        var now = await phone.GetFromJsonAsync<JsonElement>($"/api/v1/notes/{id}");
        Assert.That(now.GetProperty("summary").GetString(), Is.EqualTo("milk, eggs"), "the first change stays");
        Assert.That(now.GetProperty("title").GetString(), Is.EqualTo("Groceries"), "the refused change did not happen");

        // The laptop reads again and reapplies its change on the current version.
        var retried = await Patch(laptop, $"/api/v1/notes/{id}", new { title = "Shopping" }, newTag);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var both = await phone.GetFromJsonAsync<JsonElement>($"/api/v1/notes/{id}");
        Assert.That((both.GetProperty("title").GetString(), both.GetProperty("summary").GetString()), Is.EqualTo(("Shopping", "milk, eggs")));
    }

    [Test]
    public async Task Two_simultaneous_writes_with_one_etag_let_exactly_one_through()
    {
        var account = await this.CreateAccountAsync("race");
        using var client = this.ClientFor(account);
        var id = (await client.CreateNoteAsync("Race", null)).GetProperty("id").GetGuid();
        var tag = (await client.GetAsync($"/api/v1/notes/{id}")).Headers.ETag!.Tag;

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Patch(client, $"/api/v1/notes/{id}", new { summary = $"writer {i}" }, tag)));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.PreconditionFailed), Is.EqualTo(3));
    }

    [Test]
    public async Task If_none_match_with_the_current_etag_is_304_and_a_change_makes_it_200_again()
    {
        var account = await this.CreateAccountAsync("notmodified");
        using var client = this.ClientFor(account);
        var id = (await client.CreateNoteAsync("Cached", null)).GetProperty("id").GetGuid();
        var tag = (await client.GetAsync($"/api/v1/notes/{id}")).Headers.ETag!.Tag;

        var unchanged = await Get(client, $"/api/v1/notes/{id}", tag);
        Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await unchanged.Content.ReadAsStringAsync(), Is.Empty);

        // A task is part of the note's representation: adding one changes the note's tag.
        await client.CreateTaskAsync(id, new { description = "Call the plumber" });
        var changed = await Get(client, $"/api/v1/notes/{id}", tag);
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(changed.Headers.ETag!.Tag, Is.Not.EqualTo(tag));
    }

    [Test]
    public async Task Tasks_priority_status_and_the_profile_refuse_a_stale_etag_too()
    {
        var account = await this.CreateAccountAsync("others");
        using var client = this.ClientFor(account);
        var noteId = (await client.CreateNoteAsync("With a task", null)).GetProperty("id").GetGuid();
        var taskId = (await client.CreateTaskAsync(noteId, new { description = "Book flights" })).GetProperty("id").GetGuid();

        var taskTag = (await client.GetAsync($"/api/v1/tasks/{taskId}")).Headers.ETag!.Tag;
        Assert.That((await Patch(client, $"/api/v1/tasks/{taskId}", new { description = "Book trains" }, taskTag)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await (await Patch(client, $"/api/v1/tasks/{taskId}", new { description = "Book a car" }, taskTag)).AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.stale");

        var noteTag = (await client.GetAsync($"/api/v1/notes/{noteId}")).Headers.ETag!.Tag;
        Assert.That((await Put(client, $"/api/v1/notes/{noteId}/priority", new { priority = "HIGH" }, noteTag)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await Put(client, $"/api/v1/notes/{noteId}/status", new { status = "DONE" }, noteTag)).AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        // A weak tag never satisfies If-Match (RFC 9110 §13.1.1), even when it names the current version.
        var current = (await client.GetAsync($"/api/v1/notes/{noteId}")).Headers.ETag!.Tag;
        await (await Put(client, $"/api/v1/notes/{noteId}/status", new { status = "DONE" }, "W/" + current)).AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.stale");

        var profileRead = await client.GetAsync("/api/v1/me/profile");
        var profile = JsonNode.Parse(await profileRead.Content.ReadAsStringAsync())!.AsObject();
        var profileTag = profileRead.Headers.ETag!.Tag;
        profile["timeZone"] = "Europe/Berlin";
        var saved = await Put(client, "/api/v1/me/profile", profile, profileTag);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
        profile["timeZone"] = "Asia/Tokyo";
        await (await Put(client, "/api/v1/me/profile", profile, profileTag)).AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        Assert.That((await client.GetFromJsonAsync<JsonElement>("/api/v1/me/profile")).GetProperty("timeZone").GetString(), Is.EqualTo("Europe/Berlin"));
    }

    [Test]
    public async Task A_write_without_if_match_still_applies()
    {
        var account = await this.CreateAccountAsync("unconditional");
        using var client = this.ClientFor(account);
        var id = (await client.CreateNoteAsync("Plain", null)).GetProperty("id").GetGuid();
        var response = await client.PatchAsJsonAsync($"/api/v1/notes/{id}", new { summary = "no tag sent" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.ETag, Is.Not.Null, "the answer carries the new version's tag");
    }

    private static Task<HttpResponseMessage> Patch(HttpClient client, string url, object body, string ifMatch) => Send(client, HttpMethod.Patch, url, body, ifMatch);

    private static Task<HttpResponseMessage> Put(HttpClient client, string url, object body, string ifMatch) => Send(client, HttpMethod.Put, url, body, ifMatch);

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string url, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return client.SendAsync(request);
    }
}
