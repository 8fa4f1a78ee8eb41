using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.AudioProcessing.Pipeline;

/// <summary>
/// Crash safety with real processes: a worker process is killed (SIGKILL) while it transcribes; a
/// second worker process claims the job once the lease has run out and finishes it, and the
/// recording is transcribed, published and turned into a note exactly once.
/// </summary>
public sealed class KilledWorkerTests : DatabaseFixture
{
    private static readonly Dictionary<string, string> WorkerSettings = new()
    {
        // Short, so the test waits little for the dead worker's lease; long enough that a busy 2-core machine
        // still renews it in time (a heartbeat every third of it).
        ["Jobs:LeaseDuration"] = "00:00:08",
        ["Jobs:PollInterval"] = "00:00:00.200",
        ["Outbox:PollInterval"] = "00:00:00.200",
    };

    // The API host queues and reports but runs no jobs: only the worker processes do.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" };

    [Test]
    public async Task A_job_whose_worker_was_killed_mid_transcription_is_finished_by_another_worker_exactly_once()
    {
        var account = await this.CreateAccountAsync("crash");
        using var client = this.ClientFor(account);
        var (recording, _) = await SpeechSamples.SentencesAsync(8);
        var (_, item) = await client.UploadAsync(recording);
        var audioId = item.Id();

        await using (var doomed = HostProcess.Worker(ConnectionString, Api.StorageRoot, WorkerSettings))
        {
            Assert.That(await ProcessingApi.EventuallyAsync(
                async () => (await client.ProcessingAsync(audioId)).GetProperty("stage").GetString() == "TRANSCRIBE",
                TimeSpan.FromSeconds(60)), Is.True, "the first worker reached the transcription");
            var owner = await ScalarAsync<string>($"SELECT lease_owner FROM audio.jobs WHERE id = (SELECT processing_job_id FROM audio.audio_files WHERE id = '{audioId}')");
            Assert.That(owner, Does.StartWith($"{doomed.Id}:"), "the job is leased by the process about to die");
            await doomed.KillAsync();
        }

        Assert.That((await client.ProcessingAsync(audioId)).GetProperty("status").GetString(), Is.EqualTo("PROCESSING"), "a dead worker's job stays leased until the lease runs out");

        await using var survivor = HostProcess.Worker(ConnectionString, Api.StorageRoot, WorkerSettings);
        var done = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(3));
        Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), done.ToString());
        Assert.That(await ProcessingApi.EventuallyAsync(
            async () => await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE audio_id = '{audioId}' AND summary IS NOT NULL") == 1,
            TimeSpan.FromSeconds(30)), Is.True, "Notes received the result");

        Assert.Multiple(async () =>
        {
            Assert.That(done.GetProperty("attempts").GetInt32(), Is.EqualTo(2), "claimed twice: once by each worker");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.transcripts WHERE audio_id = '{audioId}'"), Is.EqualTo(1));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.analyses WHERE audio_id = '{audioId}'"), Is.EqualTo(1));
            Assert.That(await ScalarAsync<long>("SELECT count(*) FROM audio.outbox_messages WHERE type LIKE '%AudioTranscribed%'"), Is.EqualTo(1), "published once");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE audio_id = '{audioId}'"), Is.EqualTo(1));
        });
    }
}
