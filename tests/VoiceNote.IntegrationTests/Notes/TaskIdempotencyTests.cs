using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>POST /notes/{id}/tasks with an Idempotency-Key: a retry gets the task it made (issue 12, ADR 0067).</summary>
public sealed class TaskIdempotencyTests : DatabaseFixture
{
    [Test]
    public async Task A_retry_answers_the_first_task_and_concurrent_retries_make_one()
    {
        var account = await this.CreateAccountAsync("taskretry");
        using var client = this.ClientFor(account);
        var note = (await client.CreateNoteAsync(new { title = "Errands" })).Id();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => CreateAsync(client, note, key, new { description = "Post the parcel" })));
        var retry = await CreateAsync(client, note, key, new { description = "Post the parcel" });

        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(answers.Select(a => a.StatusCode), Is.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK));
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Task.WhenAll(answers.Append(retry).Select(IdOf))).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await TasksOfAsync(account), Is.EqualTo(1));
    }

    [Test]
    public async Task The_same_key_for_another_note_or_body_is_refused_and_changes_nothing()
    {
        var account = await this.CreateAccountAsync("taskreuse");
        using var client = this.ClientFor(account);
        var first = (await client.CreateNoteAsync(new { title = "One" })).Id();
        var second = (await client.CreateNoteAsync(new { title = "Two" })).Id();
        await CreateAsync(client, first, "k-1", new { description = "Call the garage" });

        var otherBody = await CreateAsync(client, first, "k-1", new { description = "Call the school" });
        var otherNote = await CreateAsync(client, second, "k-1", new { description = "Call the garage" });

        await otherBody.AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        await otherNote.AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        Assert.That(await TasksOfAsync(account), Is.EqualTo(1));
    }

    [Test]
    public async Task Keys_belong_to_their_user()
    {
        var ann = await this.CreateAccountAsync("taskann");
        var bob = await this.CreateAccountAsync("taskbob");
        using var annClient = this.ClientFor(ann);
        using var bobClient = this.ClientFor(bob);
        var annNote = (await annClient.CreateNoteAsync(new { title = "Ann" })).Id();
        var bobNote = (await bobClient.CreateNoteAsync(new { title = "Bob" })).Id();

        var annTask = await CreateAsync(annClient, annNote, "same", new { description = "Water the plants" });
        var bobTask = await CreateAsync(bobClient, bobNote, "same", new { description = "Water the plants" });

        Assert.That(bobTask.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await IdOf(bobTask), Is.Not.EqualTo(await IdOf(annTask)));
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, Guid note, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/notes/{note}/tasks") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private Task<long> TasksOfAsync(TestAccount account) =>
        ScalarAsync<long>($"SELECT count(*) FROM notes.tasks WHERE owner_id = '{account.UserId}'");
}
