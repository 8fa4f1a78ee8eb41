using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Probe;

namespace VoiceNote.IntegrationTests.Foundation;

/// <summary>
/// Issue 12: the database goes away for five seconds under a running host (a forwarder between the host
/// and PostgreSQL is cut, <see cref="DatabaseOutage"/>). Meanwhile requests answer 503 with Retry-After
/// and readiness says Unhealthy; afterwards the job workers, which failed every claim during the outage,
/// run what was queued without a restart, and readiness is Healthy again.
/// </summary>
public sealed class DatabaseOutageTests : DatabaseFixture
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:PollInterval"] = "00:00:00.100",
        ["Jobs:BaseRetryDelay"] = "00:00:00.100",
    };

    protected override bool ThroughForwarder => true;

    [Test]
    public async Task A_job_queued_during_an_outage_runs_once_the_database_is_back_and_requests_meanwhile_answer_503()
    {
        var account = await this.CreateAccountAsync("outage");
        using var client = this.ClientFor(account);
        Assert.That(await ReadinessAsync(), Is.EqualTo("Healthy"), "ready before the outage");
        Assert.That(Forwarder!.ConnectionsCarried, Is.GreaterThan(0), "the host reaches the database through the forwarder");

        var jobId = Guid.CreateVersion7();
        await Forwarder!.DuringAsync(Outage, async () =>
        {
            // The workers' claims fail from now on: more failures than the worker has slots (two), which used to stop it for good.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await EnqueueDirectlyAsync(jobId);

            var signedIn = await client.GetAsync("/api/v1/notes");
            await AssertUnavailableAsync(signedIn, "an authenticated request (the token check reads the database)");
            var anonymous = await AnonymousClient.PostAsJsonAsync("/api/v1/probe/items", new { displayName = "during the outage", count = 1 });
            await AssertUnavailableAsync(anonymous, "a use case that writes");
            var signIn = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = account.Email, password = account.Password });
            await AssertUnavailableAsync(signIn, "the JSON sign-in");
            using var grant = await AnonymousClient.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = "voicenote-app",
                ["username"] = account.Email,
                ["password"] = account.Password,
            }));
            var oauth = await grant.Content.ReadAsStringAsync();
            Assert.Multiple(() =>
            {
                Assert.That(grant.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), oauth);
                Assert.That(grant.Headers.RetryAfter?.Delta, Is.Not.Null, "the token endpoint: Retry-After");
                Assert.That(JsonDocument.Parse(oauth).RootElement.GetProperty("error").GetString(), Is.EqualTo("temporarily_unavailable"), "an RFC 6749 error, as OAuth clients read");
            });
            Assert.That(await ReadinessAsync(), Is.EqualTo("Unhealthy"), "not ready while the database is away");
            Assert.That(await ReadinessAsync("jobs"), Is.EqualTo("Unhealthy"), "the job workers say their claims fail");
        });

        Assert.That(await ProcessingApi.EventuallyAsync(async () => await StatusOfAsync(jobId) == "Completed", TimeSpan.FromSeconds(30)), Is.True,
            $"the job queued during the outage completes without a restart (it is {await StatusOfAsync(jobId)})");
        Assert.That(await ProcessingApi.EventuallyAsync(async () => await ReadinessAsync() == "Healthy", TimeSpan.FromSeconds(30)), Is.True,
            "ready again once the database is back");
        Assert.That(await ReadinessAsync("jobs"), Is.EqualTo("Healthy"), "the job workers claim again");
        var notes = await client.GetAsync("/api/v1/notes");
        Assert.That(notes.StatusCode, Is.EqualTo(HttpStatusCode.OK), "requests are served again");
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string what)
    {
        var problem = await response.AssertProblem(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.RetryAfter?.Delta, Is.Not.Null.And.GreaterThan(TimeSpan.Zero), $"{what}: Retry-After in seconds");
            Assert.That(problem.GetProperty("retryAfterSeconds").GetInt32(), Is.EqualTo((int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds));
            Assert.That(problem.GetRawText(), Does.Not.Contain("Npgsql").And.Not.Contain("127.0.0.1"), $"{what}: no driver details");
        });
    }

    /// <summary>The readiness status, or one of its checks' (database, storage, jobs).</summary>
    private async Task<string> ReadinessAsync(string? check = null)
    {
        using var response = await AnonymousClient.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var status = body.GetProperty("status").GetString()!;
        Assert.That(response.StatusCode, Is.EqualTo(status == "Unhealthy" ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK), body.GetRawText());
        TestContext.Out.WriteLine(body.GetRawText());
        return check is null ? status : body.GetProperty("checks").GetProperty(check).GetProperty("status").GetString()!;
    }

    /// <summary>Queues a probe job past the host (whose database is away): straight into the fixture's database.</summary>
    private async Task EnqueueDirectlyAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO probe.jobs (id, kind, payload, status, progress, attempts, max_attempts, run_after, cancel_requested, created_at, updated_at)
            VALUES (@id, @kind, '{}'::jsonb, 'Pending', 0, 0, 5, now(), false, now(), now())
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("kind", ProbeJobHandler.JobKind);
        await command.ExecuteNonQueryAsync();
    }

    private Task<string> StatusOfAsync(Guid id) => ScalarAsync<string>($"SELECT status FROM probe.jobs WHERE id = '{id}'");
}
