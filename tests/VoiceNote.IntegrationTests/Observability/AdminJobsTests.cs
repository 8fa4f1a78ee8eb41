using System.Net;
using System.Text.Json;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.Observability;

/// <summary>The operator's job routes over every module's queue (docs/decisions/0090): list with filters, dead letters, retry, cancel.</summary>
public sealed class AdminJobsTests : DatabaseFixture
{
    [Test]
    public async Task An_operator_lists_filters_retries_and_cancels_jobs_of_any_queue_and_sees_the_dead_letters()
    {
        var admin = await this.CreateAccountAsync("operator");
        await this.GrantAdminAsync(admin, AdminPermissions.CanModifySystemSettings);
        using var client = this.ClientFor(admin);
        var (dead, waiting) = (Guid.NewGuid(), Guid.NewGuid());
        // Kinds no worker claims, in two modules' queues.
        await ScalarAsync<int>(
            $"""
            INSERT INTO audio.jobs (id, kind, payload, status, progress, attempts, max_attempts, run_after, cancel_requested, error, created_at, updated_at, finished_at)
            VALUES ('{dead}', 'test.dead', '{"{}"}', 'Failed', 40, 3, 3, now(), false, 'the engine refused it', now() - interval '2 minutes', now(), now());
            INSERT INTO exports.jobs (id, kind, payload, status, progress, attempts, max_attempts, run_after, cancel_requested, created_at, updated_at)
            VALUES ('{waiting}', 'test.waiting', '{"{}"}', 'Pending', 0, 0, 3, now() + interval '1 hour', false, now() - interval '1 minute', now());
            SELECT 1
            """);

        var letters = (await client.GetJsonAsync("/api/v1/admin/jobs/dead-letters?kind=test.dead")).GetProperty("items");
        var exportsOnly = (await client.GetJsonAsync("/api/v1/admin/jobs?queue=exports&status=PENDING&kind=test.waiting")).GetProperty("items");
        var both = (await client.GetJsonAsync($"/api/v1/admin/jobs?createdFrom={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O"))}&limit=100"))
            .GetProperty("items").EnumerateArray().Select(j => j.Id()).ToList();
        using var unknownQueue = await client.GetAsync("/api/v1/admin/jobs?queue=nowhere");
        Assert.Multiple(() =>
        {
            Assert.That(letters.GetArrayLength(), Is.EqualTo(1));
            Assert.That(letters[0].GetProperty("queue").GetString(), Is.EqualTo("audio"));
            Assert.That(letters[0].GetProperty("error").GetString(), Is.EqualTo("the engine refused it"), "the reason");
            Assert.That(exportsOnly.GetArrayLength(), Is.EqualTo(1));
            Assert.That(exportsOnly[0].Id(), Is.EqualTo(waiting));
            Assert.That(both, Does.Contain(dead).And.Contain(waiting), "one list over every queue");
            Assert.That(both.IndexOf(waiting), Is.LessThan(both.IndexOf(dead)), "newest first");
            Assert.That(unknownQueue.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });

        var retried = await Send(client, $"/api/v1/admin/jobs/{dead}/retry");
        var cancelled = await Send(client, $"/api/v1/admin/jobs/{waiting}/cancel");
        var again = await Send(client, $"/api/v1/admin/jobs/{waiting}/cancel");
        var missing = await Send(client, $"/api/v1/admin/jobs/{Guid.NewGuid()}/retry");
        Assert.Multiple(async () =>
        {
            Assert.That(retried.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(retried.Body.GetProperty("status").GetString(), Is.EqualTo("PENDING"));
            Assert.That(await ScalarAsync<int>($"SELECT attempts FROM audio.jobs WHERE id = '{dead}'"), Is.Zero, "fresh attempts");
            Assert.That(cancelled.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await ScalarAsync<string>($"SELECT status FROM exports.jobs WHERE id = '{waiting}'"), Is.EqualTo("Cancelled"));
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Conflict), "already finished");
            Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.NotFound));
        });

        var plain = this.ClientFor(await this.CreateAccountAsync("plain"));
        using var refused = await plain.GetAsync("/api/v1/admin/jobs");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await ScalarAsync<int>($"DELETE FROM audio.jobs WHERE id = '{dead}'; DELETE FROM exports.jobs WHERE id = '{waiting}'; SELECT 1");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpClient client, string path)
    {
        using var response = await client.PostAsync(path, null);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
