using System.Diagnostics;
using System.Net;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.AudioProcessing.Uploads;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.AudioProcessing.Pipeline;

/// <summary>
/// Progress streams hold a connection each (issue 12): a user holds at most a few at once, a closed one
/// gives its place back, other users are not affected, and every stream ends after its lifetime.
/// </summary>
public sealed class ProgressStreamLimitTests : DatabaseFixture
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    // Jobs stay queued, so a stream has nothing to finish it but its lifetime.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "false",
        ["Audio:MaxProgressStreamsPerUser"] = "2",
        ["Audio:ProgressStreamLifetime"] = "00:00:02",
    };

    [Test]
    public async Task A_user_holds_at_most_the_limit_and_a_closed_stream_frees_its_place()
    {
        var (owner, audioId) = await RecordingAsync("streams");
        var other = await RecordingAsync("bystander");

        using var first = await OpenAsync(owner, audioId);
        using var second = await OpenAsync(owner, audioId);
        using var third = await OpenAsync(owner, audioId);
        using var bystander = await OpenAsync(other.Client, other.AudioId);

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(bystander.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another user's places are their own");
        });
        await third.AssertProblem(HttpStatusCode.TooManyRequests, "audio.too_many_streams");
        Assert.That(third.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));

        first.Dispose();
        var again = await EventuallyAsync(() => OpenAsync(owner, audioId));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the closed stream's place came back");
        again.Dispose();
    }

    [Test]
    public async Task A_stream_ends_when_its_lifetime_is_over()
    {
        var (client, audioId) = await RecordingAsync("lifetime");
        var clock = Stopwatch.StartNew();
        using var stream = await OpenAsync(client, audioId);
        var events = await stream.Content.ReadAsStringAsync();

        Assert.That(events, Does.Contain("event: progress"));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(Lifetime - TimeSpan.FromMilliseconds(100)).And.LessThan(TimeSpan.FromSeconds(30)));
    }

    private async Task<(HttpClient Client, Guid AudioId)> RecordingAsync(string name)
    {
        var account = await this.CreateAccountAsync(name);
        var client = this.ClientFor(account);
        var item = await AudioUploadTests.ReadAsync(await client.SendAsync(AudioUploadTests.Upload(await SpeechSamples.DentistAsAsync("webm-opus"), false)), HttpStatusCode.Created);
        return (client, item.GetProperty("id").GetGuid());
    }

    private static Task<HttpResponseMessage> OpenAsync(HttpClient client, Guid audioId) =>
        client.GetAsync($"/api/v1/audio/{audioId}/processing/events", HttpCompletionOption.ResponseHeadersRead);

    private static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> open)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await open();
            if (response.StatusCode == HttpStatusCode.OK || attempt == 20)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(250);
        }
    }
}
