using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.AudioProcessing.Uploads;

/// <summary>
/// Uploads over real HTTP with real ffmpeg-made recordings: every phone/browser format is accepted as
/// raw body and as multipart, the content decides the format, refusals leave no file and no row,
/// dedup is per user, and Idempotency-Key makes a retry safe.
/// </summary>
public sealed class AudioUploadTests : DatabaseFixture
{
    private const long MaxUpload = 2_000_000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Audio:MaxUploadBytes"] = MaxUpload.ToString(System.Globalization.CultureInfo.InvariantCulture),

        // These tests are about taking uploads in: the jobs they queue stay queued (the pipeline has its own tests).
        ["Jobs:Enabled"] = "false",
    };

    private string AudioFolder => Path.Combine(Api.StorageRoot, "audio");

    [TestCase("webm-opus", "webm", false)]
    [TestCase("webm-opus", "webm", true)]
    [TestCase("ogg-vorbis", "ogg", false)]
    [TestCase("ogg-opus", "ogg", true)]
    [TestCase("m4a-aac", "m4a", false)]
    [TestCase("m4a-aac", "m4a", true)]
    [TestCase("mp3", "mp3", false)]
    [TestCase("mp3", "mp3", true)]
    [TestCase("wav-44k-stereo", "wav", false)]
    [TestCase("wav-44k-stereo", "wav", true)]
    [TestCase("flac", "flac", false)]
    [TestCase("flac", "flac", true)]
    public async Task Every_upload_format_is_accepted_with_the_format_and_duration_read_from_the_content(string sample, string format, bool multipart)
    {
        var user = await this.CreateAccountAsync();
        using var client = this.ClientFor(user);
        var path = await SpeechSamples.DentistAsAsync(sample);

        // A misleading name and declared type: the content must decide.
        using var response = await client.SendAsync(Upload(path, multipart, fileName: "recording.bin", declaredType: "application/octet-stream"));
        var item = await ReadAsync(response, HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(item.GetProperty("format").GetString(), Is.EqualTo(format));
            Assert.That(item.GetProperty("durationSeconds").GetDouble(), Is.InRange(2.0, 10.0));
            Assert.That(item.GetProperty("sizeBytes").GetInt64(), Is.EqualTo(new FileInfo(path).Length));
            Assert.That(item.GetProperty("status").GetString(), Is.EqualTo("UPLOADED"));
            Assert.That(item.GetProperty("sha256").GetString(), Is.EqualTo(Sha256Of(path)));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/audio/{item.GetProperty("id").GetGuid()}"));
            Assert.That(item.TryGetProperty("storageKey", out _), Is.False, "the server's path is never shown");
        });
        var stored = Directory.GetFiles(Path.Combine(AudioFolder, "owners", user.UserId.ToString()));
        Assert.That(stored, Has.Length.EqualTo(1));
        Assert.That(Path.GetFileName(stored[0]), Is.EqualTo($"{item.GetProperty("id").GetGuid()}.{format}"), "server-generated name");
    }

    [Test]
    public async Task Multipart_fields_and_raw_headers_carry_title_time_and_on_device_transcript()
    {
        var user = await this.CreateAccountAsync();
        using var client = this.ClientFor(user);
        using var content = new MultipartFormDataContent
        {
            { new StringContent("Dentist"), "title" },
            { new StringContent("2026-03-01T09:30:00Z"), "recordedAt" },
            { new StringContent("call the dentist tomorrow"), "onDeviceTranscript" },
        };
        var file = new StreamContent(File.OpenRead(await SpeechSamples.DentistAsAsync("webm-opus")));
        content.Add(file, "file", "../../etc/passwd\u0001.webm");
        var item = await ReadAsync(await client.PostAsync("/api/v1/audio", content), HttpStatusCode.Created);

        using var raw = new HttpRequestMessage(HttpMethod.Post, "/api/v1/audio?title=Raw%20one&recordedAt=2026-03-02T10:00:00Z")
        {
            Content = new StreamContent(File.OpenRead(await SpeechSamples.DentistAsAsync("mp3"))),
        };
        raw.Headers.Add("X-On-Device-Transcript", "buy milk");
        var rawItem = await ReadAsync(await client.SendAsync(raw), HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(item.GetProperty("title").GetString(), Is.EqualTo("Dentist"));
            Assert.That(item.GetProperty("recordedAt").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero)));
            Assert.That(item.GetProperty("onDeviceTranscript").GetString(), Is.EqualTo("call the dentist tomorrow"));
            Assert.That(item.GetProperty("originalName").GetString(), Is.EqualTo("passwd.webm"), "display-only name, no folders or control characters");
            Assert.That(rawItem.GetProperty("title").GetString(), Is.EqualTo("Raw one"));
            Assert.That(rawItem.GetProperty("recordedAt").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)));
            Assert.That(rawItem.GetProperty("onDeviceTranscript").GetString(), Is.EqualTo("buy milk"));
        });
    }

    [Test]
    public async Task Refused_uploads_leave_no_file_and_no_row()
    {
        var user = await this.CreateAccountAsync();
        using var client = this.ClientFor(user);
        var tooBig = Path.Combine(Path.GetTempPath(), $"vn-too-big-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(tooBig, new byte[MaxUpload + 1000]);
        try
        {
            foreach (var multipart in new[] { false, true })
            {
                await (await client.SendAsync(Upload(await SpeechSamples.PngNamedWavAsync(), multipart, "picture.wav", "audio/wav")))
                    .AssertProblem(HttpStatusCode.UnsupportedMediaType, "audio.not_audio");
                await AssertNothingStoredAsync(user.UserId, "png named .wav");
                await (await client.SendAsync(Upload(await SpeechSamples.EmptyAsync(), multipart, "empty.m4a", "audio/mp4")))
                    .AssertProblem(HttpStatusCode.UnprocessableEntity, "audio.empty");
                await AssertNothingStoredAsync(user.UserId, "empty");
                // ffprobe reads a cut-off MP4 without a known extension as unreadable: truncated or corrupt, 422 either way.
                var cut = await ReadAsync(await client.SendAsync(Upload(await SpeechSamples.TruncatedAsync("m4a-aac"), multipart, "cut.m4a", "audio/mp4")), HttpStatusCode.UnprocessableEntity);
                Assert.That(cut.GetProperty("code").GetString(), Is.AnyOf("audio.truncated", "audio.corrupt"));
                Assert.That(cut.GetProperty("detail").GetString(), Does.Not.Contain("/").And.Not.Contain(".part").And.Not.Contain("storage"),
                    "the tool's reason without this server's paths");
                await AssertNothingStoredAsync(user.UserId, "truncated");
                await (await client.SendAsync(Upload(tooBig, multipart, "big.wav", "audio/wav")))
                    .AssertProblem(HttpStatusCode.RequestEntityTooLarge, "audio.too_large");
                await AssertNothingStoredAsync(user.UserId, "too large");
            }
        }
        finally
        {
            File.Delete(tooBig);
        }
    }

    [Test]
    public async Task The_same_bytes_are_one_item_per_user_and_a_new_item_for_another_user()
    {
        var first = await this.CreateAccountAsync();
        var second = await this.CreateAccountAsync();
        using var firstClient = this.ClientFor(first);
        using var secondClient = this.ClientFor(second);
        var path = await SpeechSamples.DentistAsAsync("ogg-vorbis");

        var created = await ReadAsync(await firstClient.SendAsync(Upload(path, false)), HttpStatusCode.Created);
        var again = await ReadAsync(await firstClient.SendAsync(Upload(path, true)), HttpStatusCode.OK);
        var other = await ReadAsync(await secondClient.SendAsync(Upload(path, false)), HttpStatusCode.Created);

        Assert.Multiple(async () =>
        {
            Assert.That(again.GetProperty("id").GetGuid(), Is.EqualTo(created.GetProperty("id").GetGuid()));
            Assert.That(other.GetProperty("id").GetGuid(), Is.Not.EqualTo(created.GetProperty("id").GetGuid()));
            Assert.That(await ScalarAsync<long>($"select count(*) from audio.audio_files where owner_id = '{first.UserId}'"), Is.EqualTo(1));
            Assert.That(await ScalarAsync<long>($"select count(*) from audio.jobs where owner_id = '{first.UserId}'"), Is.EqualTo(1), "one job for the one item");
            Assert.That(Directory.GetFiles(Path.Combine(AudioFolder, "owners", first.UserId.ToString())), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_result()
    {
        var user = await this.CreateAccountAsync();
        using var client = this.ClientFor(user);
        var key = Guid.NewGuid().ToString();

        using var firstRequest = Upload(await SpeechSamples.DentistAsAsync("flac"), false);
        firstRequest.Headers.Add("Idempotency-Key", key);
        var first = await ReadAsync(await client.SendAsync(firstRequest), HttpStatusCode.Created);

        // The retry's body differs (a re-encoded copy): the key alone identifies the request.
        using var retry = Upload(await SpeechSamples.DentistAsAsync("mp3"), true);
        retry.Headers.Add("Idempotency-Key", key);
        var second = await ReadAsync(await client.SendAsync(retry), HttpStatusCode.OK);

        Assert.That(second.GetProperty("id").GetGuid(), Is.EqualTo(first.GetProperty("id").GetGuid()));
        Assert.That(await ScalarAsync<long>($"select count(*) from audio.audio_files where owner_id = '{user.UserId}'"), Is.EqualTo(1));

        using var overlong = Upload(await SpeechSamples.DentistAsAsync("flac"), false);
        overlong.Headers.Add("Idempotency-Key", new string('k', 201));
        await (await client.SendAsync(overlong)).AssertProblem(HttpStatusCode.BadRequest, "audio.idempotency_key_invalid");
        Assert.That(await ScalarAsync<long>($"select count(*) from audio.audio_files where owner_id = '{user.UserId}'"), Is.EqualTo(1), "a refused key stores nothing");
    }

    [Test]
    public async Task Content_supports_range_requests_and_the_library_archives_restores_and_deletes()
    {
        var user = await this.CreateAccountAsync();
        using var client = this.ClientFor(user);
        var path = await SpeechSamples.DentistAsAsync("wav-44k-stereo");
        var bytes = await File.ReadAllBytesAsync(path);
        var id = (await ReadAsync(await client.SendAsync(Upload(path, false)), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/audio/{id}/content");
        range.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var partial = await client.SendAsync(range);
        Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await partial.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes[1000..2000]));
        Assert.That(await client.GetByteArrayAsync($"/api/v1/audio/{id}/content"), Is.EqualTo(bytes));

        var list = await ReadAsync(await client.GetAsync("/api/v1/audio"), HttpStatusCode.OK);
        Assert.That(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Is.EqualTo(new[] { id }));

        await (await client.PostAsync($"/api/v1/audio/{id}/archive?reason={new string('r', 501)}", null)).AssertProblem(HttpStatusCode.BadRequest, "audio.invalid_reason");
        Assert.That(File.Exists(Path.Combine(AudioFolder, "owners", user.UserId.ToString(), $"{id}.wav")), Is.True, "a refused archive moves nothing");

        var archived = await ReadAsync(await client.PostAsync($"/api/v1/audio/{id}/archive?reason=old", null), HttpStatusCode.OK);
        Assert.That(archived.GetProperty("isArchived").GetBoolean(), Is.True);
        Assert.That(File.Exists(Path.Combine(AudioFolder, "archive", user.UserId.ToString(), $"{id}.wav")), Is.True);
        Assert.That(await client.GetByteArrayAsync($"/api/v1/audio/{id}/content"), Is.EqualTo(bytes), "archived audio still plays");

        var restored = await ReadAsync(await client.PostAsync($"/api/v1/audio/{id}/restore", null), HttpStatusCode.OK);
        Assert.That(restored.GetProperty("isArchived").GetBoolean(), Is.False);
        Assert.That(File.Exists(Path.Combine(AudioFolder, "owners", user.UserId.ToString(), $"{id}.wav")), Is.True);

        using var deleted = await client.DeleteAsync($"/api/v1/audio/{id}");
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await client.GetAsync($"/api/v1/audio/{id}")).AssertProblem(HttpStatusCode.NotFound, "audio.not_found");
        Assert.That(FilesOf(user.UserId), Is.Empty, "file deleted with its row");
    }

    internal static HttpRequestMessage Upload(string path, bool multipart, string fileName = "voice.bin", string declaredType = "application/octet-stream")
    {
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        HttpContent content = file;
        if (multipart)
        {
            content = new MultipartFormDataContent { { file, "file", fileName } };
        }

        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/audio") { Content = content };
    }

    internal static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(expected), text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static string Sha256Of(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The user's stored files (owner and archive areas) plus anything left in the shared temp area.</summary>
    private string[] FilesOf(Guid userId) =>
        [.. new[] { Path.Combine(AudioFolder, "owners", userId.ToString()), Path.Combine(AudioFolder, "archive", userId.ToString()), Path.Combine(AudioFolder, "tmp") }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories))];

    private async Task AssertNothingStoredAsync(Guid userId, string because)
    {
        Assert.That(FilesOf(userId), Is.Empty, $"{because}: no stray file");
        Assert.That(await ScalarAsync<long>($"select count(*) from audio.audio_files where owner_id = '{userId}'"), Is.EqualTo(0), $"{because}: no row");
        Assert.That(await ScalarAsync<long>($"select count(*) from audio.jobs where owner_id = '{userId}'"), Is.EqualTo(0), $"{because}: no job");
    }
}
