using System.Net;
using System.Text.Json;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.AudioProcessing.Uploads;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.AudioProcessing.Pipeline;

/// <summary>
/// A progress stream learns of a change from the database's notification, not by reading on a timer
/// (ADR 0070): with the check interval at a minute, a change to the job's row made by another
/// connection — as a worker process would — still reaches the stream at once.
/// </summary>
public sealed class ProgressNotificationTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "false",
        ["Audio:ProgressCheckInterval"] = "00:01:00",
    };

    [Test]
    public async Task A_change_written_elsewhere_reaches_the_stream_without_waiting_for_the_check_interval()
    {
        var account = await this.CreateAccountAsync("notified");
        using var client = this.ClientFor(account);
        var item = await AudioUploadTests.ReadAsync(await client.SendAsync(AudioUploadTests.Upload(await SpeechSamples.DentistAsAsync("webm-opus"), false)), HttpStatusCode.Created);
        var audioId = item.GetProperty("id").GetGuid();

        using var within = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await client.GetAsync($"/api/v1/audio/{audioId}/processing/events", HttpCompletionOption.ResponseHeadersRead, within.Token);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(within.Token));
        var first = await NextEventAsync(reader, within.Token);
        var jobId = first.GetProperty("jobId").GetGuid();

        await using (var connection = new Npgsql.NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(within.Token);
            await using var update = new Npgsql.NpgsqlCommand($"UPDATE audio.jobs SET progress = 42, stage = 'transcribe' WHERE id = '{jobId}'", connection);
            Assert.That(await update.ExecuteNonQueryAsync(within.Token), Is.EqualTo(1));
        }

        var next = await NextEventAsync(reader, within.Token);
        Assert.That(next.GetProperty("progress").GetInt32(), Is.EqualTo(42), "delivered long before the one-minute check");
    }

    private static async Task<JsonElement> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        throw new EndOfStreamException("the stream ended before the next event");
    }
}
