using System.Net;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.AudioProcessing.Pipeline;

/// <summary>
/// Speech in, a searchable note with tasks out: flite speaks, the real API takes the upload, the job
/// worker in the host decodes with ffmpeg, transcribes with PocketSphinx, analyses with the local
/// rules and publishes through the outbox to Notes, which embeds the note for search.
/// </summary>
public sealed class PipelineEndToEndTests : DatabaseFixture
{
    private const string TimeZone = "America/New_York";

    // A heartbeat every 2 s, so a cancel reaches a running job quickly.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:LeaseDuration"] = "00:00:06" };

    [Test]
    public async Task A_spoken_reminder_becomes_a_searchable_note_with_a_task_due_tomorrow_at_five_in_the_owners_time_zone()
    {
        var account = await this.CreateAccountAsync("speaker");
        using var client = this.ClientFor(account);
        await client.SetTimeZoneAsync(TimeZone);
        var wav = await SpeechSamples.DentistWavAsync();

        var (status, item) = await client.UploadAsync(wav, "?title=Errands");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        var audioId = item.Id();

        var processing = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(2));
        Assert.That(processing.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), processing.ToString());
        Assert.That(processing.GetProperty("progress").GetInt32(), Is.EqualTo(100));

        JsonElementHolder note = new();
        Assert.That(await ProcessingApi.EventuallyAsync(async () =>
        {
            var notes = (await client.GetJsonAsync("/api/v1/notes")).GetProperty("items");
            if (notes.GetArrayLength() == 0)
            {
                return false;
            }

            note.Value = await client.GetJsonAsync($"/api/v1/notes/{notes[0].Id()}");
            return note.Value.GetProperty("tasks").GetArrayLength() > 0 && note.Value.GetProperty("embedding").GetProperty("isCurrent").GetBoolean();
        }, TimeSpan.FromSeconds(30)), Is.True, "Notes received the transcript and the analysis");

        var recordedAt = item.GetProperty("recordedAt").GetDateTimeOffset();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var tomorrow = TimeZoneInfo.ConvertTime(recordedAt, zone).Date.AddDays(1).AddHours(17);
        var expectedDeadline = new DateTimeOffset(tomorrow, zone.GetUtcOffset(tomorrow));
        var transcript = note.Value.GetProperty("transcript").GetString();
        var dentistTask = note.Value.GetProperty("tasks").EnumerateArray()
            .FirstOrDefault(t => t.GetProperty("description").GetString()!.Contains("dentist", StringComparison.OrdinalIgnoreCase));
        Assert.Multiple(() =>
        {
            Assert.That(note.Value.GetProperty("audioId").GetGuid(), Is.EqualTo(audioId));
            Assert.That(note.Value.GetProperty("analysis").GetProperty("engine").GetString(), Is.EqualTo("local-rules-1"), "the note names its analyser");
            Assert.That(transcript, Does.Contain("dentist").And.Contain("milk"));
            Assert.That(dentistTask.ValueKind, Is.Not.EqualTo(System.Text.Json.JsonValueKind.Undefined), "a task about the dentist");
            Assert.That(dentistTask.GetProperty("deadline").GetDateTimeOffset(), Is.EqualTo(expectedDeadline), "tomorrow 17:00 New York time");
        });

        Assert.That((await client.SearchAsync("dentist appointment")).HitIds(), Does.Contain(note.Value.Id()), "hybrid search finds it");

        var (again, same) = await client.UploadAsync(wav);
        Assert.Multiple(async () =>
        {
            Assert.That(again, Is.EqualTo(HttpStatusCode.OK), "the same bytes again are the same item");
            Assert.That(same.Id(), Is.EqualTo(audioId));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.jobs WHERE owner_id = '{account.UserId}'"), Is.EqualTo(1), "no second job");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.transcripts WHERE audio_id = '{audioId}'"), Is.EqualTo(1));
        });

        var versions = (await client.GetJsonAsync($"/api/v1/audio/{audioId}/transcripts?words=true")).GetProperty("items");
        Assert.Multiple(() =>
        {
            Assert.That(versions.GetArrayLength(), Is.EqualTo(1));
            Assert.That(versions[0].GetProperty("engine").GetString(), Is.EqualTo("LOCAL"));
            Assert.That(versions[0].GetProperty("language").GetString(), Is.EqualTo("en"));
            Assert.That(versions[0].GetProperty("words").GetArrayLength(), Is.GreaterThan(5), "word timings kept");
            Assert.That(versions[0].GetProperty("analysisEngine").GetString(), Is.EqualTo("local-rules-1"));
        });
        Assert.That(Directory.Exists(Path.Combine(Api.StorageRoot, "audio", "work", audioId.ToString())), Is.False, "intermediate PCM removed once done");
    }

    [Test]
    public async Task Cancelling_a_running_job_stops_it_at_the_next_heartbeat_and_publishes_nothing()
    {
        var account = await this.CreateAccountAsync("stopper");
        using var client = this.ClientFor(account);
        var (recording, _) = await SpeechSamples.SentencesAsync(8);
        var (_, item) = await client.UploadAsync(recording);
        var audioId = item.Id();
        Assert.That(await ProcessingApi.EventuallyAsync(
            async () => (await client.ProcessingAsync(audioId)).GetProperty("stage").GetString() == "TRANSCRIBE",
            TimeSpan.FromSeconds(60)), Is.True, "the job is transcribing");

        var cancel = await client.PostAsync($"/api/v1/audio/{audioId}/processing/cancel", null);
        Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var finished = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromSeconds(60));

        var recordingNow = await client.GetJsonAsync($"/api/v1/audio/{audioId}");
        Assert.Multiple(async () =>
        {
            Assert.That(finished.GetProperty("status").GetString(), Is.EqualTo("CANCELLED"));
            Assert.That(recordingNow.GetProperty("status").GetString(), Is.EqualTo("UPLOADED"), "not processing any more");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.transcripts WHERE audio_id = '{audioId}'"), Is.Zero);
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE audio_id = '{audioId}'"), Is.Zero);
        });
    }

    /// <summary>Lets the polling lambda hand its last read back to the test.</summary>
    private sealed class JsonElementHolder
    {
        public System.Text.Json.JsonElement Value { get; set; }
    }
}
