using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.AudioProcessing.Uploads;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Storage;

namespace VoiceNote.IntegrationTests.AudioProcessing.Storage;

/// <summary>
/// One sweep of the host's own sweeper over real files: what crashes left (temp uploads, a file whose row
/// never committed, a working folder of a recording that is gone) goes once older than the grace period;
/// live recordings and anything young stay.
/// </summary>
public sealed class StaleFileSweepTests : DatabaseFixture
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddDays(-2);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // The test runs the sweep itself; the timer would race it.
        ["Storage:Sweep:Enabled"] = "false",
        ["Storage:Sweep:GracePeriod"] = "01:00:00",
        ["Jobs:Enabled"] = "false",
    };

    private string AudioFolder => Path.Combine(Api.StorageRoot, "audio");

    [Test]
    public async Task A_sweep_removes_stale_temp_files_and_orphans_and_keeps_live_and_young_files()
    {
        var user = await this.CreateAccountAsync();
        using var client = this.ClientFor(user);
        var live = await AudioUploadTests.ReadAsync(await client.SendAsync(AudioUploadTests.Upload(await SpeechSamples.DentistAsAsync("webm-opus"), false)), HttpStatusCode.Created);
        var liveId = live.GetProperty("id").GetGuid();
        var ownerFolder = Path.Combine(AudioFolder, "owners", user.UserId.ToString());
        var liveFile = Path.Combine(ownerFolder, $"{liveId}.webm");
        File.SetLastWriteTimeUtc(liveFile, LongAgo);

        var staleTemp = Old(Write(Path.Combine(AudioFolder, "tmp", $"{Guid.NewGuid():N}.part")));
        var youngTemp = Write(Path.Combine(AudioFolder, "tmp", $"{Guid.NewGuid():N}.part"));
        var orphan = Old(Write(Path.Combine(ownerFolder, $"{Guid.NewGuid()}.webm")));
        var archivedOrphan = Old(Write(Path.Combine(AudioFolder, "archive", user.UserId.ToString(), $"{Guid.NewGuid()}.ogg")));
        var youngOrphan = Write(Path.Combine(ownerFolder, $"{Guid.NewGuid()}.mp3"));
        var notAnId = Old(Write(Path.Combine(ownerFolder, "README")));
        var staleDecode = Old(Write(Path.Combine(AudioFolder, "work", liveId.ToString(), $"audio.pcm.{Guid.NewGuid():N}.part")));
        var liveWork = Old(Write(Path.Combine(AudioFolder, "work", liveId.ToString(), "audio.pcm")));
        Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(liveWork)!, LongAgo);
        var goneWork = Path.GetDirectoryName(Old(Write(Path.Combine(AudioFolder, "work", Guid.NewGuid().ToString(), "audio.pcm"))))!;
        Directory.SetLastWriteTimeUtc(goneWork, LongAgo);

        var removed = await Api.Services.GetRequiredService<StaleFileSweeper>().SweepAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(staleTemp), Is.False, "a temp upload a crash left");
            Assert.That(File.Exists(orphan), Is.False, "a stored file whose row never committed");
            Assert.That(File.Exists(archivedOrphan), Is.False, "an archived file without a row");
            Assert.That(File.Exists(staleDecode), Is.False, "a half-written PCM");
            Assert.That(Directory.Exists(goneWork), Is.False, "the working folder of a recording that does not exist");
            Assert.That(File.Exists(liveFile), Is.True, "a live recording, however old");
            Assert.That(File.Exists(liveWork), Is.True, "a live recording's decoded PCM");
            Assert.That(File.Exists(youngTemp), Is.True, "an upload still being received");
            Assert.That(File.Exists(youngOrphan), Is.True, "a file whose row may be committing now");
            Assert.That(File.Exists(notAnId), Is.True, "a name the layout does not produce is not guessed at");
            Assert.That(removed, Is.EqualTo(5));
        });

        // The live recording still plays.
        using var audio = await client.GetAsync($"/api/v1/audio/{liveId}/content");
        Assert.That(audio.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static string Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[1024]);
        return path;
    }

    private static string Old(string path)
    {
        File.SetLastWriteTimeUtc(path, LongAgo);
        return path;
    }
}
