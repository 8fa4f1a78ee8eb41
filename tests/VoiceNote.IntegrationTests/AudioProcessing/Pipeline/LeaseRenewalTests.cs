using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceNote.Infrastructure.Jobs;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;

namespace VoiceNote.IntegrationTests.AudioProcessing.Pipeline;

/// <summary>
/// Issue 12: lease renewals that fail while a recording is being transcribed. The host runs two job workers
/// (two lease owners, as two worker processes would be) and reaches its database through a forwarder the
/// test cuts (<see cref="DatabaseOutage"/>). The recogniser is counted (<see cref="RecognitionCounter"/>), so
/// "never twice at once" is checked on the work done, not only on the rows left behind; the first
/// recognition is held so that the outage falls inside the transcription.
/// </summary>
public sealed class LeaseRenewalTests : DatabaseFixture
{
    // A renewal every 5 s; a run gives up its lease 10 s after the last renewal it saw succeed.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    private readonly RecognitionCounter _recognitions = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:LeaseDuration"] = Lease.ToString(),
        ["Jobs:BaseRetryDelay"] = "00:00:00.200",
    };

    protected override bool ThroughForwarder => true;

    protected override void ConfigureServices(IServiceCollection services)
    {
        _recognitions.AddTo(services);
        // A second worker loop: another lease owner, which claims a job whose lease ran out.
        services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<JobWorkerService<AudioProcessingDbContext>>(provider));
    }

    [Test]
    public async Task Renewals_that_fail_for_a_few_seconds_are_retried_and_the_job_runs_once()
    {
        _recognitions.Reset(holdFirst: TimeSpan.FromSeconds(22));
        var account = await this.CreateAccountAsync("renewer");
        using var client = this.ClientFor(account);
        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistWavAsync());
        var audioId = item.Id();
        await WaitForFirstRecognitionAsync();

        // Shorter than the run's patience (10 s), so the renewal that follows the outage keeps the lease.
        await Forwarder!.DuringAsync(TimeSpan.FromSeconds(2.5));

        var done = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(2));
        Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), done.ToString());
        Assert.Multiple(async () =>
        {
            Assert.That(_recognitions.MostAtOnce, Is.EqualTo(1), "never transcribed twice at once");
            Assert.That(_recognitions.Started, Is.EqualTo(1), "transcribed once: the lease was kept, no other worker took the job");
            Assert.That(done.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That((await client.GetJsonAsync($"/api/v1/audio/{audioId}")).GetProperty("status").GetString(), Is.EqualTo("PROCESSED"));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.transcripts WHERE audio_id = '{audioId}'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_run_whose_lease_is_lost_is_cancelled_before_another_worker_takes_the_job_and_the_recording_ends_processed()
    {
        _recognitions.Reset(holdFirst: TimeSpan.FromSeconds(40));
        var account = await this.CreateAccountAsync("loser");
        using var client = this.ClientFor(account);
        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistWavAsync());
        var audioId = item.Id();
        await WaitForFirstRecognitionAsync();

        // Longer than the run's patience: it cannot know whether it still holds the job, so it stops.
        await Forwarder!.DuringAsync(TimeSpan.FromSeconds(12));

        var done = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(2));
        Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), done.ToString());
        Assert.That(await ProcessingApi.EventuallyAsync(
            async () => await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE audio_id = '{audioId}' AND summary IS NOT NULL") == 1,
            TimeSpan.FromSeconds(30)), Is.True, "Notes received the result");
        Assert.Multiple(async () =>
        {
            Assert.That(_recognitions.MostAtOnce, Is.EqualTo(1), "never transcribed twice at once");
            Assert.That(_recognitions.Cancelled, Is.EqualTo(1), "the run that lost its lease was cancelled");
            Assert.That(_recognitions.Started, Is.EqualTo(2), "transcribed again by the next attempt, after the first had stopped");
            Assert.That(done.GetProperty("attempts").GetInt32(), Is.EqualTo(2));
            Assert.That((await client.GetJsonAsync($"/api/v1/audio/{audioId}")).GetProperty("status").GetString(), Is.EqualTo("PROCESSED"));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.transcripts WHERE audio_id = '{audioId}'"), Is.EqualTo(1));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.outbox_messages WHERE type LIKE '%AudioTranscribed%' AND payload::text LIKE '%{audioId}%'"), Is.EqualTo(1), "published once");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE audio_id = '{audioId}'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_run_that_finds_its_result_already_published_sets_the_recording_back_to_processed()
    {
        _recognitions.Reset(holdFirst: TimeSpan.Zero);
        var account = await this.CreateAccountAsync("again");
        using var client = this.ClientFor(account);
        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistWavAsync());
        var audioId = item.Id();
        var first = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(2));
        Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), first.ToString());

        // Another run of the same job, as when a run's end was not recorded (its lease lost) and a worker claims it again.
        var jobId = first.GetProperty("jobId").GetGuid();
        await ScalarAsync<int>(
            $"WITH j AS (UPDATE audio.jobs SET status = 'Pending', run_after = now(), finished_at = NULL WHERE id = '{jobId}' RETURNING 1) SELECT count(*)::int FROM j");
        Assert.That(await ProcessingApi.EventuallyAsync(
            async () => await ScalarAsync<string>($"SELECT status FROM audio.jobs WHERE id = '{jobId}' AND attempts = 2") == "Completed",
            TimeSpan.FromSeconds(60)), Is.True, "the second run completed");

        Assert.Multiple(async () =>
        {
            Assert.That((await client.GetJsonAsync($"/api/v1/audio/{audioId}")).GetProperty("status").GetString(), Is.EqualTo("PROCESSED"), "not left processing");
            Assert.That(_recognitions.Started, Is.EqualTo(1), "the second run transcribed nothing: the first run's transcript was kept");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.outbox_messages WHERE type LIKE '%AudioTranscribed%' AND payload::text LIKE '%{audioId}%'"), Is.EqualTo(1), "nothing published again");
        });
    }

    private async Task WaitForFirstRecognitionAsync()
    {
        var started = await Task.WhenAny(_recognitions.FirstStarted, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.That(started, Is.SameAs(_recognitions.FirstStarted), "the job reached the recogniser");
    }
}
