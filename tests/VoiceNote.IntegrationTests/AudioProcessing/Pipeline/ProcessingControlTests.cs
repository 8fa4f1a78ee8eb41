using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.AudioProcessing.Pipeline;

/// <summary>
/// The owner's controls over processing: status, live events, cancel, run again with another engine,
/// and the engine checks at upload. The host's workers start paused, so a test decides when jobs run.
/// </summary>
public sealed class ProcessingControlTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" };

    [Test]
    public async Task A_queued_job_is_reported_pending_and_cancelling_it_stops_it_for_good()
    {
        var account = await this.CreateAccountAsync("canceller");
        using var client = this.ClientFor(account);
        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistAsAsync("ogg-vorbis"));
        var audioId = item.Id();

        var pending = await client.ProcessingAsync(audioId);
        Assert.Multiple(() =>
        {
            Assert.That(pending.GetProperty("status").GetString(), Is.EqualTo("PENDING"));
            Assert.That(pending.GetProperty("progress").GetInt32(), Is.Zero);
            Assert.That(pending.GetProperty("attempts").GetInt32(), Is.Zero);
            Assert.That(pending.GetProperty("maxAttempts").GetInt32(), Is.EqualTo(5));
            Assert.That(pending.GetProperty("engine").GetString(), Is.EqualTo("AUTO"));
        });

        var cancelled = await client.PostAsync($"/api/v1/audio/{audioId}/processing/cancel", null);
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await cancelled.Content.ReadAsStringAsync());
        Assert.That((await client.ProcessingAsync(audioId)).GetProperty("status").GetString(), Is.EqualTo("CANCELLED"));
        await (await client.PostAsync($"/api/v1/audio/{audioId}/processing/cancel", null)).AssertProblem(HttpStatusCode.Conflict, "audio.processing_finished");
    }

    [Test]
    public async Task Running_again_is_refused_while_a_job_is_queued_and_accepted_after_it_with_a_fresh_job()
    {
        var account = await this.CreateAccountAsync("rerunner");
        using var client = this.ClientFor(account);
        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistAsAsync("mp3"));
        var audioId = item.Id();
        var firstJob = (await client.ProcessingAsync(audioId)).GetProperty("jobId").GetGuid();

        await (await client.PostAsJsonAsync($"/api/v1/audio/{audioId}/process", new { engine = "local" })).AssertProblem(HttpStatusCode.Conflict, "audio.processing_in_progress");
        await client.PostAsync($"/api/v1/audio/{audioId}/processing/cancel", null);

        await (await client.PostAsJsonAsync($"/api/v1/audio/{audioId}/process", new { engine = "whisper-9000" })).AssertProblem(HttpStatusCode.BadRequest, "audio.invalid_engine");
        await (await client.PostAsJsonAsync($"/api/v1/audio/{audioId}/process", new { engine = "deepgram" })).AssertProblem(HttpStatusCode.UnprocessableEntity, "engine.no_key");
        var again = await client.PostAsJsonAsync($"/api/v1/audio/{audioId}/process", new { engine = "local" });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await again.Content.ReadAsStringAsync());
        var status = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(async () =>
        {
            Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("PENDING"));
            Assert.That(status.GetProperty("jobId").GetGuid(), Is.Not.EqualTo(firstJob));
            Assert.That(status.GetProperty("engine").GetString(), Is.EqualTo("LOCAL"));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.jobs WHERE owner_id = '{account.UserId}'"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task An_engine_the_owner_has_no_key_for_or_does_not_exist_is_refused_at_upload_and_nothing_is_stored()
    {
        var account = await this.CreateAccountAsync("nokey");
        using var client = this.ClientFor(account);
        var path = await SpeechSamples.DentistAsAsync("flac");

        foreach (var (query, status, code) in new[]
        {
            ("?engine=deepgram", HttpStatusCode.UnprocessableEntity, "engine.no_key"),
            ("?engine=groq", HttpStatusCode.UnprocessableEntity, "engine.no_key"),
            ("?engine=telepathy", HttpStatusCode.BadRequest, "audio.invalid_engine"),
        })
        {
            using var content = new StreamContent(File.OpenRead(path));
            await (await client.PostAsync("/api/v1/audio" + query, content)).AssertProblem(status, code);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.audio_files WHERE owner_id = '{account.UserId}'"), Is.Zero);
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.jobs WHERE owner_id = '{account.UserId}'"), Is.Zero);
            Assert.That(Directory.Exists(Path.Combine(Api.StorageRoot, "audio", "owners", account.UserId.ToString())), Is.False);
        });
    }

    [Test]
    public async Task Live_events_follow_the_job_and_end_when_it_finishes()
    {
        var account = await this.CreateAccountAsync("listener");
        using var client = this.ClientFor(account);
        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistAsAsync("m4a-aac"));
        var audioId = item.Id();

        using var response = await client.GetAsync($"/api/v1/audio/{audioId}/processing/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await NextEventAsync(reader);
        Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("PENDING"));

        // The job ends while the stream is open (cancelled from another request): the stream says so and closes.
        await client.PostAsync($"/api/v1/audio/{audioId}/processing/cancel", null);
        var last = await NextEventAsync(reader);
        Assert.That(last.GetProperty("status").GetString(), Is.EqualTo("CANCELLED"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.That(await reader.ReadToEndAsync(timeout.Token), Does.Not.Contain("data:"), "nothing after the final event");
    }

    /// <summary>Reads one server-sent event (its <c>data:</c> line) and checks it is a progress event.</summary>
    private static async Task<JsonElement> NextEventAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? eventType = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventType = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                Assert.That(eventType, Is.EqualTo("progress"));
                return JsonDocument.Parse(line["data:".Length..]).RootElement.Clone();
            }
        }

        throw new AssertionException("The event stream ended before the next event.");
    }
}
