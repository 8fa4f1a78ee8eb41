using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.AudioProcessing.ChatAnalysis;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.AudioProcessing.Uploads;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;
using VoiceNote.Modules.AudioProcessing.Contracts;

namespace VoiceNote.IntegrationTests.Exports.Contracts;

/// <summary>
/// What the Exports module reads of recordings (issue 15, <see cref="IRecordingExports"/>): recordings uploaded and
/// processed through the real host (flite speech, ffmpeg, the offline recogniser; a local OpenAI-compatible wire server
/// for a second version), read back through the contract as a background job does.
/// </summary>
public sealed class RecordingExportsTests : RemoteEngineFixture
{
    // Version 2's words, as the remote server answers them: different from the offline recogniser's version 1.
    protected override string RemoteTranscript => """
        {"task":"transcribe","language":"english","duration":3.1,"text":" Call the doctor tomorrow.",
         "words":[{"word":"Call","start":0.1,"end":0.4},{"word":"the","start":0.4,"end":0.5},{"word":"doctor","start":0.5,"end":1.0},{"word":"tomorrow","start":1.0,"end":1.5}]}
        """;

    [Test]
    public async Task An_owners_recording_reads_with_its_name_its_file_every_version_and_the_newest_transcripts_words_and_as_none_to_another()
    {
        var owner = await this.CreateAccountAsync("rx_owner");
        var other = await this.CreateAccountAsync("rx_other");
        using var client = this.ClientFor(owner);
        var wav = await SpeechSamples.DentistWavAsync();
        var item = await AudioUploadTests.ReadAsync(await client.SendAsync(AudioUploadTests.Upload(wav, multipart: true, fileName: "dentist-visit.wav")), HttpStatusCode.Created);
        var audioId = item.GetProperty("id").GetGuid();
        Assert.That((await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(2))).GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));

        var stored = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai-compatible", new { apiKey = "rx-owner-key-77", baseUrl = EngineBaseUrl });
        await NotesApi.ExpectAsync(stored, HttpStatusCode.OK);
        await NotesApi.ExpectAsync(await client.PostAsJsonAsync($"/api/v1/audio/{audioId}/process", new { engine = "openai_compatible" }), HttpStatusCode.Accepted);
        Assert.That((await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(2))).GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));

        var recording = await ReadAsync(r => r.FindOwnAsync(audioId, owner.UserId, CancellationToken.None));
        var asOther = await ReadAsync(r => r.FindOwnAsync(audioId, other.UserId, CancellationToken.None));
        var missing = await ReadAsync(r => r.FindOwnAsync(Guid.NewGuid(), owner.UserId, CancellationToken.None));

        Assert.That(recording, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(asOther, Is.Null, "another user's recording reads as none");
            Assert.That(missing, Is.Null);
            Assert.That(recording!.Recording.AudioId, Is.EqualTo(audioId));
            Assert.That(recording.Recording.OwnerId, Is.EqualTo(owner.UserId));
            Assert.That(recording.Recording.SizeBytes, Is.EqualTo(new FileInfo(wav).Length));
            Assert.That(recording.Recording.Status, Is.EqualTo("PROCESSED"));
            Assert.That(recording.OriginalFileName, Is.EqualTo("dentist-visit.wav"));
            Assert.That(recording.Content, Is.Not.Null, "the stored file is there");
            Assert.That(File.ReadAllBytes(recording.Content!.Path), Is.EqualTo(File.ReadAllBytes(wav)), "the bytes uploaded");
            Assert.That(recording.Versions.Transcripts.Select(t => t.Version), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(recording.Versions.Transcripts[0].Text, Does.Contain("dentist"));
            Assert.That(recording.Versions.Transcripts[1].Text, Does.Contain("doctor"));
            Assert.That(recording.Versions.Analyses.Select(a => a.Version), Is.EquivalentTo(new[] { 1, 2 }));
            Assert.That(recording.Versions.Transcripts.Select(t => t.StartedBy), Is.All.EqualTo(owner.UserId));
            Assert.That(recording.CurrentWords, Is.EqualTo(new[]
            {
                new TimedTranscriptWord("Call", 100, 400), new TimedTranscriptWord("the", 400, 500),
                new TimedTranscriptWord("doctor", 500, 1000), new TimedTranscriptWord("tomorrow", 1000, 1500),
            }), "the newest version's words, in milliseconds");
        });
    }

    [Test]
    public async Task Totals_and_pages_cover_every_recording_of_the_owner_archived_too_and_a_read_by_id_reaches_any_owners()
    {
        var owner = await this.CreateAccountAsync("rx_collector");
        var other = await this.CreateAccountAsync("rx_neighbour");
        var empty = await this.CreateAccountAsync("rx_empty");
        using var client = this.ClientFor(owner);
        using var otherClient = this.ClientFor(other);
        var files = new[] { await SpeechSamples.DentistWavAsync(), await SpeechSamples.DentistAsAsync("webm-opus"), await SpeechSamples.DentistAsAsync("flac") };
        var ids = new List<Guid>();
        foreach (var file in files)
        {
            var (_, item) = await client.UploadAsync(file);
            ids.Add(item.GetProperty("id").GetGuid());
        }

        foreach (var id in ids)
        {
            await client.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(2));
        }

        await NotesApi.ExpectAsync(await client.PostAsync($"/api/v1/audio/{ids[1]}/archive", null), HttpStatusCode.OK);
        var (_, neighbours) = await otherClient.UploadAsync(files[0]);
        var neighboursId = neighbours.GetProperty("id").GetGuid();

        var totals = await ReadAsync(r => r.TotalsOwnAsync(owner.UserId, CancellationToken.None));
        var none = await ReadAsync(r => r.TotalsOwnAsync(empty.UserId, CancellationToken.None));
        var firstPage = await ReadAsync(r => r.PageOwnAsync(owner.UserId, null, 2, CancellationToken.None));
        var secondPage = await ReadAsync(r => r.PageOwnAsync(owner.UserId, firstPage[^1].Recording.AudioId, 2, CancellationToken.None));
        var byId = await ReadAsync(r => r.GetAsync([ids[0], neighboursId, Guid.NewGuid()], CancellationToken.None));

        var paged = firstPage.Concat(secondPage).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(totals, Is.EqualTo(new RecordingTotals(3, files.Sum(f => new FileInfo(f).Length))), "archived included");
            Assert.That(none, Is.EqualTo(new RecordingTotals(0, 0)));
            Assert.That(firstPage, Has.Count.EqualTo(2));
            Assert.That(secondPage, Has.Count.EqualTo(1));
            Assert.That(paged.Select(r => r.Recording.AudioId), Is.EquivalentTo(ids), "each recording once, none of another's");
            Assert.That(paged.Select(r => r.Recording.AudioId.ToString()), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "in id order");
            Assert.That(paged.Single(r => r.Recording.AudioId == ids[1]).Recording.IsArchived, Is.True);
            Assert.That(paged.Single(r => r.Recording.AudioId == ids[1]).Content, Is.Not.Null, "an archived recording's file is where the archive keeps it");
            Assert.That(paged.Select(r => r.OriginalFileName), Is.All.Null, "a raw upload names no file");
            Assert.That(byId.Select(r => r.Recording.AudioId), Is.EquivalentTo(new[] { ids[0], neighboursId }), "whoever owns it; a missing one is left out");
            Assert.That(byId.Single(r => r.Recording.AudioId == neighboursId).Recording.OwnerId, Is.EqualTo(other.UserId));
        });
    }

    private async Task<T> ReadAsync<T>(Func<IRecordingExports, Task<T>> read)
    {
        await using var scope = CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<IRecordingExports>());
    }
}
