using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Cases;

/// <summary>
/// POST /cases with an Idempotency-Key (ADR 0067): a retry answers the case the first request made, concurrent
/// retries make one case and take one code, and a creator no longer in the case is told nothing about it.
/// </summary>
public sealed class CaseIdempotencyTests : DatabaseFixture
{
    [Test]
    public async Task A_retry_answers_the_first_case_and_takes_no_second_code()
    {
        var account = await this.CreateAccountAsync("caseretry");
        using var client = this.ClientFor(account);
        var body = new { title = "Water damage", priority = "HIGH" };

        var first = await CreateAsync(client, "retry-1", body);
        var retry = await CreateAsync(client, "retry-1", body);
        var next = await client.CreateCaseAsync("The next one");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK), await retry.Content.ReadAsStringAsync());
        var (made, again) = (await JsonOf(first), await JsonOf(retry));
        Assert.Multiple(() =>
        {
            Assert.That(again.Id(), Is.EqualTo(made.Id()));
            Assert.That(again.GetProperty("code").GetString(), Is.EqualTo(made.GetProperty("code").GetString()));
            Assert.That(again.GetProperty("myRole").GetString(), Is.EqualTo("OWNER"));
            Assert.That(first.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/cases/{made.Id()}"));
        });
        Assert.That(NumberOf(next), Is.EqualTo(NumberOf(made) + 1), "the retry took no code: the next case has the next number");
        Assert.That(await CasesOfAsync(account), Is.EqualTo(2));
    }

    [Test]
    public async Task Concurrent_retries_make_one_case_with_one_code()
    {
        var account = await this.CreateAccountAsync("caserace");
        using var client = this.ClientFor(account);
        var body = new { title = "Burst main", description = "Street flooded" };
        using var start = new SemaphoreSlim(0);

        var sends = Enumerable.Range(0, 6).Select(async _ =>
        {
            await start.WaitAsync();
            return await CreateAsync(client, "race-key", body);
        }).ToList();
        start.Release(6);
        var answers = await Task.WhenAll(sends);
        var next = await client.CreateCaseAsync("After the race");

        Assert.That(answers.Select(a => a.StatusCode), Is.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        var cases = await Task.WhenAll(answers.Select(JsonOf));
        Assert.That(cases.Select(c => c.Id()).Distinct().Count(), Is.EqualTo(1));
        Assert.That(cases.Select(c => c.GetProperty("code").GetString()).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await CasesOfAsync(account), Is.EqualTo(2));
        Assert.That(NumberOf(next), Is.EqualTo(NumberOf(cases[0]) + 1), "six requests, one code taken");
    }

    [Test]
    public async Task The_same_key_with_another_body_is_refused_and_changes_nothing()
    {
        var account = await this.CreateAccountAsync("casereuse");
        using var client = this.ClientFor(account);
        await CreateAsync(client, "k-1", new { title = "Broken gate" });

        var otherTitle = await CreateAsync(client, "k-1", new { title = "Broken fence" });
        var otherPriority = await CreateAsync(client, "k-1", new { title = "Broken gate", priority = "LOW" });

        await otherTitle.AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        await otherPriority.AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        Assert.That(await CasesOfAsync(account), Is.EqualTo(1));

        var unusable = await CreateAsync(client, new string('k', 201), new { title = "Broken gate" });
        await unusable.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(await CasesOfAsync(account), Is.EqualTo(1));
    }

    [Test]
    public async Task Keys_belong_to_their_user()
    {
        var ann = await this.CreateAccountAsync("caseann");
        var bob = await this.CreateAccountAsync("casebob");
        using var annClient = this.ClientFor(ann);
        using var bobClient = this.ClientFor(bob);

        var annCase = await CreateAsync(annClient, "same", new { title = "Noise complaint" });
        var bobCase = await CreateAsync(bobClient, "same", new { title = "Noise complaint" });

        Assert.That(bobCase.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var bobs = await JsonOf(bobCase);
        Assert.That(bobs.Id(), Is.Not.EqualTo((await JsonOf(annCase)).Id()));
        Assert.That(bobs.GetProperty("createdBy").GetGuid(), Is.EqualTo(bob.UserId));
    }

    [Test]
    public async Task A_creator_who_left_the_case_is_answered_404_and_one_who_was_demoted_sees_their_role_now()
    {
        var creator = await this.CreateAccountAsync("case_leaver");
        var colleague = await this.CreateAccountAsync("case_keeper");
        using var client = this.ClientFor(creator);
        using var colleagueClient = this.ClientFor(colleague);
        var body = new { title = "Handed over" };
        var made = await JsonOf(await CreateAsync(client, "handover", body));
        await client.InviteAsync(made.Id(), colleague.Username, "OWNER");

        // Demoted by the other owner: the retry shows the case as the creator may see it now.
        var demoted = await colleagueClient.PutAsJsonAsync($"/api/v1/cases/{made.Id()}/participants/{creator.UserId}", new { role = "VIEWER" });
        Assert.That(demoted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await demoted.Content.ReadAsStringAsync());
        var asViewer = await CreateAsync(client, "handover", body);
        Assert.That(asViewer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await JsonOf(asViewer)).GetProperty("myRole").GetString(), Is.EqualTo("VIEWER"));

        Assert.That((await client.PostAsync($"/api/v1/cases/{made.Id()}/leave", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var afterLeaving = await CreateAsync(client, "handover", body);
        var problem = await afterLeaving.AssertProblem(HttpStatusCode.NotFound, "cases.not_found");
        Assert.That(problem.ToString(), Does.Not.Contain(made.GetProperty("code").GetString()!));
        Assert.That(await CasesOfAsync(creator), Is.EqualTo(1), "the retry made no second case either");
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The number in VN-&lt;year&gt;-&lt;number&gt;.</summary>
    private static int NumberOf(JsonElement created) =>
        int.Parse(created.GetProperty("code").GetString()!.Split('-')[2], CultureInfo.InvariantCulture);

    private Task<long> CasesOfAsync(TestAccount account) =>
        ScalarAsync<long>($"SELECT count(*) FROM cases.cases WHERE created_by = '{account.UserId}'");
}
