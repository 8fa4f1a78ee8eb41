using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.Observability;

/// <summary>
/// The Prometheus scrape endpoint (docs/decisions/0089) after a real upload went through the pipeline: the project's own
/// instruments are there with their labels and believable values, and nobody without the scrape token sees them.
/// Readiness reports a queue whose oldest runnable job waits too long.
/// </summary>
public sealed class MetricsEndpointTests : DatabaseFixture
{
    private const string Token = "scrape-token-for-tests-0123456789";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Observability:Prometheus:Enabled"] = "true",
        ["Observability:Prometheus:ScrapeToken"] = Token,
        ["Observability:QueueSampleInterval"] = "00:00:00.200",
        ["Observability:QueueLagDegradedAfter"] = "00:10:00",
        ["Observability:QueueLagUnhealthyAfter"] = "02:00:00",
    };

    [Test]
    public async Task A_processed_upload_shows_in_the_scrape_with_its_counters_durations_queue_depth_and_engine_latency()
    {
        var account = await this.CreateAccountAsync("measured");
        using var client = this.ClientFor(account);
        var wav = await SpeechSamples.DentistWavAsync();
        var (_, item) = await client.UploadAsync(wav);
        var processing = await client.WaitUntilFinishedAsync(item.Id(), TimeSpan.FromMinutes(2));
        Assert.That(processing.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), processing.ToString());

        // The job's end is recorded right after its status is written; the gauges are sampled every 200 ms.
        IReadOnlyList<PrometheusSample> samples = [];
        Assert.That(await ProcessingApi.EventuallyAsync(async () =>
        {
            samples = await ScrapeAsync();
            return samples.Any(s => s.Name == "voicenote_job_duration_seconds_count" && s.Has("kind", "audio.process"))
                && samples.Any(s => s.Name == "voicenote_queue_depth");
        }, TimeSpan.FromSeconds(20)), Is.True, "the job's duration and the queue gauges reach the scrape");

        double Sum(string name, params (string Label, string Value)[] labels) =>
            samples.Where(s => s.Name == name && labels.All(l => s.Has(l.Label, l.Value))).Sum(s => s.Value);

        var size = new FileInfo(wav).Length;
        Assert.Multiple(() =>
        {
            Assert.That(Sum("voicenote_audio_uploads_total"), Is.GreaterThanOrEqualTo(1), "uploads counted");
            Assert.That(Sum("voicenote_audio_upload_size_bytes_total"), Is.GreaterThanOrEqualTo(size), "upload bytes counted");
            Assert.That(Sum("voicenote_job_duration_seconds_count", ("queue", "audio"), ("kind", "audio.process"), ("outcome", "completed")), Is.GreaterThanOrEqualTo(1));
            Assert.That(Sum("voicenote_job_duration_seconds_sum", ("kind", "audio.process")), Is.GreaterThan(0).And.LessThan(600), "seconds, not milliseconds");
            foreach (var stage in new[] { "decode", "transcribe", "analyse" })
            {
                Assert.That(Sum("voicenote_job_stage_duration_seconds_count", ("kind", "audio.process"), ("stage", stage)), Is.GreaterThanOrEqualTo(1), stage);
            }

            Assert.That(
                samples.Any(s => s.Name == "voicenote_job_stage_duration_seconds_bucket" && s.Has("stage", "transcribe") && s.Has("le", "+Inf")),
                Is.True,
                "a histogram with buckets");
            Assert.That(Sum("voicenote_engine_duration_seconds_count", ("engine_use", "speech"), ("engine_location", "local"), ("outcome", "ok")), Is.GreaterThanOrEqualTo(1));
            Assert.That(Sum("voicenote_engine_duration_seconds_count", ("engine_use", "analysis"), ("engine_location", "local")), Is.GreaterThanOrEqualTo(1));
            Assert.That(samples.Where(s => s.Name == "voicenote_queue_depth" && s.Has("queue", "audio")).Select(s => s.Labels["status"]), Is.SupersetOf(new[] { "pending", "processing" }));
            Assert.That(samples.Where(s => s.Name == "voicenote_queue_depth" && s.Has("queue", "exports")), Is.Not.Empty, "every module's queue");
            Assert.That(samples.Any(s => s.Name == "voicenote_queue_oldest_pending_age_seconds" && s.Has("queue", "audio") && s.Value >= 0), Is.True);
            Assert.That(samples.Any(s => s.Name.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal)), Is.True, "ASP.NET Core's own metrics too");
        });
    }

    [Test]
    public async Task The_scrape_refuses_a_caller_without_the_token_or_with_another_one()
    {
        using var none = await Client.GetAsync("/metrics");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        using var wrongAnswer = await Client.SendAsync(wrong);
        var account = await this.CreateAccountAsync("curious");
        using var user = this.ClientFor(account);
        using var userAnswer = await user.GetAsync("/metrics");
        Assert.Multiple(async () =>
        {
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await none.Content.ReadAsStringAsync(), Does.Not.Contain("voicenote_"));
            Assert.That(wrongAnswer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(userAnswer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a user's access token is not the scrape token");
        });
    }

    [Test]
    public async Task Readiness_is_degraded_then_unhealthy_while_a_runnable_job_waits_and_healthy_again_when_it_is_gone()
    {
        var id = Guid.NewGuid();
        // A kind no worker claims, so it stays pending as long as the test wants.
        await ScalarAsync<int>(
            $"""
            INSERT INTO audio.jobs (id, kind, payload, status, progress, attempts, max_attempts, run_after, cancel_requested, created_at, updated_at)
            VALUES ('{id}', 'test.waiting', '{"{}"}', 'Pending', 0, 0, 1, now() - interval '1 hour', false, now() - interval '1 hour', now())
            RETURNING 1
            """);
        try
        {
            var (degradedStatus, degraded) = await ReadyAsync();
            await ScalarAsync<int>($"UPDATE audio.jobs SET run_after = now() - interval '3 hours' WHERE id = '{id}' RETURNING 1");
            var (unhealthyStatus, unhealthy) = await ReadyAsync();
            Assert.Multiple(() =>
            {
                Assert.That(degradedStatus, Is.EqualTo(HttpStatusCode.OK), "degraded still serves");
                Assert.That(Queues(degraded).GetProperty("status").GetString(), Is.EqualTo("Degraded"));
                Assert.That(Queues(degraded).GetProperty("description").GetString(), Does.Contain("Queue audio").And.Contain("3600 s"));
                Assert.That(unhealthyStatus, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That(Queues(unhealthy).GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
            });
        }
        finally
        {
            await ScalarAsync<int>($"DELETE FROM audio.jobs WHERE id = '{id}' RETURNING 1");
        }

        var (status, healthy) = await ReadyAsync();
        Assert.That(Queues(healthy).GetProperty("status").GetString(), Is.EqualTo("Healthy"), healthy.ToString());
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    private static JsonElement Queues(JsonElement ready) => ready.GetProperty("checks").GetProperty("queues");

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync()
    {
        using var response = await Client.GetAsync("/health/ready");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return PrometheusText.Parse(text);
    }
}
