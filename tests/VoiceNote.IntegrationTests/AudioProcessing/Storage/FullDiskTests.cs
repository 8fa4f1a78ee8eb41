using System.Diagnostics;
using System.Net;
using System.Text.Json;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.AudioProcessing.Uploads;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.AudioProcessing.Storage;

/// <summary>
/// A real full disk: the host's storage root is a 2 MiB tmpfs mounted for this fixture (so the tests need
/// root; without it they fail and say so). Uploads fill it until the kernel says ENOSPC: that answer is a
/// 507 problem and leaves neither a row nor a partial file, and readiness says the disk is short of space.
/// </summary>
public sealed class FullDiskTests : DatabaseFixture
{
    private readonly Lazy<string> _disk = new(MountSmallDisk);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Root"] = _disk.Value,
        ["Jobs:Enabled"] = "false",
    };

    private string AudioFolder => Path.Combine(_disk.Value, "audio");

    [OneTimeTearDown]
    public void UnmountSmallDisk()
    {
        if (_disk.IsValueCreated && Directory.Exists(_disk.Value))
        {
            // Lazy: the host, stopped after this, may still hold a file open there.
            Run("umount", "-l", _disk.Value);
            Directory.Delete(_disk.Value, recursive: true);
        }
    }

    [Test]
    public async Task Uploads_onto_a_full_disk_answer_507_and_keep_nothing()
    {
        var user = await this.CreateAccountAsync();
        using var client = this.ClientFor(user);
        var wav = await File.ReadAllBytesAsync(await SpeechSamples.DentistAsAsync("wav-44k-stereo")); // about 630 KB

        var created = new List<Guid>();
        JsonElement? refusal = null;
        for (var i = 0; i < 8 && refusal is null; i++)
        {
            // Distinct bytes each time (the last sample changes), so none is answered as a duplicate.
            var copy = SpeechSamples.NewPath("wav");
            wav[^1] = (byte)i;
            await File.WriteAllBytesAsync(copy, wav);
            using var response = await client.SendAsync(AudioUploadTests.Upload(copy, multipart: i % 2 == 1));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                created.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
            }
            else
            {
                refusal = await response.AssertProblem(HttpStatusCode.InsufficientStorage, "storage.full");
            }
        }

        Assert.That(refusal, Is.Not.Null, $"a 2 MiB disk took {created.Count} uploads of {wav.Length} bytes without filling up");
        var stored = Directory.GetFiles(Path.Combine(AudioFolder, "owners", user.UserId.ToString()));
        Assert.Multiple(() =>
        {
            Assert.That(refusal!.Value.GetProperty("detail").GetString(), Does.Not.Contain(_disk.Value), "no server path");
            Assert.That(stored.Select(f => Guid.Parse(Path.GetFileNameWithoutExtension(f))), Is.EquivalentTo(created), "only the accepted uploads' files");
            Assert.That(Directory.GetFiles(Path.Combine(AudioFolder, "tmp")), Is.Empty, "no partial upload");
        });
        Assert.That(await ScalarAsync<long>($"select count(*) from audio.audio_files where owner_id = '{user.UserId}'"), Is.EqualTo(created.Count), "no row for the refused upload");

        // Space freed, the same upload goes through.
        using (var deleted = await client.DeleteAsync($"/api/v1/audio/{created[0]}"))
        {
            Assert.That(deleted.IsSuccessStatusCode, Is.True, await deleted.Content.ReadAsStringAsync());
        }

        var again = SpeechSamples.NewPath("wav");
        await File.WriteAllBytesAsync(again, wav);
        await AudioUploadTests.ReadAsync(await client.SendAsync(AudioUploadTests.Upload(again, multipart: false)), HttpStatusCode.Created);
    }

    [Test]
    public async Task Readiness_fails_while_free_space_is_below_the_minimum()
    {
        using var response = await Client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var storage = body.GetProperty("checks").GetProperty("storage");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body.ToString());
            Assert.That(storage.GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
            Assert.That(storage.GetProperty("description").GetString(), Does.Match(@"^Storage has \d+ bytes free, below the minimum of 1073741824\."));
        });
    }

    private static string MountSmallDisk()
    {
        var uid = Run("id", "-u").Trim();
        if (uid != "0")
        {
            Assert.Fail($"A real full disk needs a tmpfs mount, which needs root; these tests run as uid {uid}.");
        }

        var folder = Path.Combine(Path.GetTempPath(), "voicenote-full-disk", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", folder);
        return folder;
    }

    private static string Run(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors}");
        }

        return output;
    }
}
