using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// A client that lost the answer to POST /notes sends it again with the same Idempotency-Key and gets
/// the note it already made, not a second one (issue 12, ADR 0067).
/// </summary>
public sealed class NoteIdempotencyTests : DatabaseFixture
{
    [Test]
    public async Task A_retry_with_the_same_key_and_body_answers_the_first_note()
    {
        var account = await this.CreateAccountAsync("retry");
        using var client = ClientWithToken(account.AccessToken);
        var key = Guid.NewGuid().ToString();

        var first = await CreateAsync(client, key, new { title = "Call the plumber" });
        var retry = await CreateAsync(client, key, new { title = "Call the plumber" });

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK), "200: the note already existed");
        Assert.That(await IdOf(retry), Is.EqualTo(await IdOf(first)));
        Assert.That(await NotesOfAsync(account), Is.EqualTo(1));
    }

    [Test]
    public async Task The_same_key_with_another_body_is_refused_and_changes_nothing()
    {
        var account = await this.CreateAccountAsync("reuse");
        using var client = ClientWithToken(account.AccessToken);
        var key = Guid.NewGuid().ToString();

        await CreateAsync(client, key, new { title = "Groceries" });
        var reused = await CreateAsync(client, key, new { title = "Something else" });

        await reused.AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        Assert.That(await NotesOfAsync(account), Is.EqualTo(1));
    }

    [Test]
    public async Task Keys_belong_to_their_user()
    {
        var ann = await this.CreateAccountAsync("ann");
        var bob = await this.CreateAccountAsync("bob");
        using var annClient = ClientWithToken(ann.AccessToken);
        using var bobClient = ClientWithToken(bob.AccessToken);

        var annNote = await CreateAsync(annClient, "shared-key", new { title = "Ann's" });
        var bobNote = await CreateAsync(bobClient, "shared-key", new { title = "Ann's" });

        Assert.That(bobNote.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await IdOf(bobNote), Is.Not.EqualTo(await IdOf(annNote)));
    }

    [Test]
    public async Task Concurrent_retries_make_one_note()
    {
        var account = await this.CreateAccountAsync("burst");
        using var client = ClientWithToken(account.AccessToken);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CreateAsync(client, key, new { title = "Once only" })));

        Assert.That(answers.Select(a => a.StatusCode), Is.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That((await Task.WhenAll(answers.Select(IdOf))).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await NotesOfAsync(account), Is.EqualTo(1));
    }

    [Test]
    public async Task An_unusable_key_is_a_400_naming_the_header()
    {
        var account = await this.CreateAccountAsync("longkey");
        using var client = ClientWithToken(account.AccessToken);

        var refused = await CreateAsync(client, new string('k', 201), new { title = "x" });

        var problem = await refused.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), Is.True, problem.ToString());
        Assert.That(await NotesOfAsync(account), Is.Zero);
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notes") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private Task<long> NotesOfAsync(TestAccount account) =>
        ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE owner_id = '{account.UserId}'");
}
