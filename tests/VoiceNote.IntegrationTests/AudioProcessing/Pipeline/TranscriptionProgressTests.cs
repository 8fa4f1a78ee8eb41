using Npgsql;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.AudioProcessing.Pipeline;

/// <summary>
/// Issue 12: progress moves during a transcription with the share of the audio recognised (the local engine
/// reports utterance by utterance), and is written to the database at most about once a second. Every write
/// of a job's progress is logged by a trigger in this fixture's database, with the time it was made.
/// </summary>
public sealed class TranscriptionProgressTests : DatabaseFixture
{
    // Short utterances: many steps of progress in a recording of half a minute.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Speech:Local:MaxUtterance"] = "00:00:03" };

    [Test]
    public async Task Progress_follows_the_audio_recognised_and_is_written_at_most_about_once_a_second()
    {
        await LogProgressWritesAsync();
        var account = await this.CreateAccountAsync("progress");
        using var client = this.ClientFor(account);
        var (recording, _) = await SpeechSamples.SentencesAsync(12);
        var (_, item) = await client.UploadAsync(recording);
        var audioId = item.Id();

        var done = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(3));
        Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), done.ToString());
        var jobId = done.GetProperty("jobId").GetGuid();

        var writes = await ProgressWritesAsync(jobId, "transcribe");
        var during = writes.Select(w => w.Progress).Where(p => p is > 10 and < 70).ToList();
        var span = (writes[^1].At - writes[0].At).TotalSeconds;
        TestContext.Out.WriteLine($"transcribe progress writes over {span:0.0} s: {string.Join(", ", writes.Select(w => $"{w.Progress} at {(w.At - writes[0].At).TotalSeconds:0.00}"))}");
        Assert.Multiple(() =>
        {
            Assert.That(writes[0].Progress, Is.EqualTo(10), "the stage starts at 10 %");
            Assert.That(during, Has.Count.GreaterThanOrEqualTo(2), "progress moved while the audio was being recognised");
            Assert.That(writes.Select(w => w.Progress), Is.Ordered.Ascending, "never backwards");
            Assert.That(writes.Count, Is.LessThanOrEqualTo((int)Math.Ceiling(span) + 2), "about once a second at most");
        });
    }

    /// <summary>A trigger that logs every progress write (a report: the job stays processing and its lease is not touched).</summary>
    private async Task LogProgressWritesAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS public.progress_writes (at timestamptz NOT NULL DEFAULT clock_timestamp(), job_id uuid NOT NULL, stage text, progress int NOT NULL);
            CREATE OR REPLACE FUNCTION public.log_progress_write() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO public.progress_writes (job_id, stage, progress) VALUES (NEW.id, NEW.stage, NEW.progress);
                RETURN NEW;
            END $$;
            DROP TRIGGER IF EXISTS log_progress_write ON audio.jobs;
            CREATE TRIGGER log_progress_write AFTER UPDATE ON audio.jobs FOR EACH ROW
                WHEN (OLD.status = 'Processing' AND NEW.status = 'Processing' AND OLD.lease_expires_at IS NOT DISTINCT FROM NEW.lease_expires_at)
                EXECUTE FUNCTION public.log_progress_write();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<(DateTime At, int Progress)>> ProgressWritesAsync(Guid jobId, string stage)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT at, progress FROM public.progress_writes WHERE job_id = @id AND stage = @stage ORDER BY at", connection);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("stage", stage);
        var writes = new List<(DateTime, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            writes.Add((reader.GetDateTime(0), reader.GetInt32(1)));
        }

        return writes;
    }
}
