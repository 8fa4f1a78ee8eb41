using System.Net;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.AudioProcessing.Uploads;

/// <summary>
/// Uploads made to cost the server more than they seem to: a container lying about its duration, a
/// playlist behind an ID3 tag, and more audio queued than one owner may have waiting.
/// </summary>
public sealed class UploadAbuseTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Audio:MaxDurationSeconds"] = "60",

        // Six seconds may wait per owner: one 3.6 s dentist recording fits, a second does not.
        ["Audio:MaxPendingMinutesPerOwner"] = "0.1",
        ["Jobs:Enabled"] = "false",
    };

    [Test]
    public async Task A_recording_whose_header_claims_ten_seconds_is_measured_by_its_packets_and_refused_as_too_long()
    {
        var user = await this.CreateAccountAsync();
        using var client = this.ClientFor(user);

        using var response = await client.SendAsync(AudioUploadTests.Upload(await SpeechSamples.LongWebmClaimingTenSecondsAsync(), multipart: false));

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "audio.too_long");
        await AssertNothingStoredAsync(user.UserId);
    }

    [Test]
    public async Task A_playlist_behind_an_id3_tag_is_refused_as_not_audio()
    {
        var user = await this.CreateAccountAsync();
        using var client = this.ClientFor(user);

        using var response = await client.SendAsync(AudioUploadTests.Upload(await SpeechSamples.Id3TaggedPlaylistAsync(), multipart: true, fileName: "song.mp3"));

        await response.AssertProblem(HttpStatusCode.UnsupportedMediaType, "audio.not_audio");
        await AssertNothingStoredAsync(user.UserId);
    }

    [Test]
    public async Task Audio_waiting_for_processing_is_capped_per_owner()
    {
        var user = await this.CreateAccountAsync();
        var other = await this.CreateAccountAsync();
        using var client = this.ClientFor(user);
        using var otherClient = this.ClientFor(other);

        await AudioUploadTests.ReadAsync(await client.SendAsync(AudioUploadTests.Upload(await SpeechSamples.DentistAsAsync("webm-opus"), false)), HttpStatusCode.Created);
        using var second = await client.SendAsync(AudioUploadTests.Upload(await SpeechSamples.DentistAsAsync("mp3"), false));
        var problem = await second.AssertProblem(HttpStatusCode.TooManyRequests, "audio.pending_limit");
        Assert.That(second.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero), problem.ToString());

        // Another owner's queue is their own; and once the first recording is processed, the owner may upload again.
        await AudioUploadTests.ReadAsync(await otherClient.SendAsync(AudioUploadTests.Upload(await SpeechSamples.DentistAsAsync("mp3"), false)), HttpStatusCode.Created);
        await ScalarAsync<int>($"with done as (update audio.audio_files set status = 2 where owner_id = '{user.UserId}' returning 1) select count(*)::int from done");
        await AudioUploadTests.ReadAsync(await client.SendAsync(AudioUploadTests.Upload(await SpeechSamples.DentistAsAsync("mp3"), false)), HttpStatusCode.Created);
    }

    private async Task AssertNothingStoredAsync(Guid userId)
    {
        var folders = new[] { Path.Combine(Api.StorageRoot, "audio", "owners", userId.ToString()), Path.Combine(Api.StorageRoot, "audio", "tmp") };
        Assert.That(folders.Where(Directory.Exists).SelectMany(d => Directory.GetFiles(d)), Is.Empty, "no file kept");
        Assert.That(await ScalarAsync<long>($"select count(*) from audio.audio_files where owner_id = '{userId}'"), Is.EqualTo(0), "no row");
    }
}
