using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.Activity;
using VoiceNote.IntegrationTests.AudioProcessing.ChatAnalysis;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Cases.Application.Recordings.KeepVersions;
using VoiceNote.Modules.Cases.Infrastructure.Persistence;

namespace VoiceNote.IntegrationTests.Cases;

/// <summary>
/// Recordings in a case and their versions (issue 14 item 3, ADR 0079), end to end through the real host: flite speech,
/// ffmpeg, the offline recogniser and the job worker for version 1; a local OpenAI-compatible wire server, reached with
/// the re-processing participant's own stored key, for version 2.
/// </summary>
public sealed class CaseRecordingTests : RemoteEngineFixture
{
    protected override string RemoteTranscript => """
        {"task":"transcribe","language":"english","duration":3.1,"text":" Call the doctor tomorrow at five pm and buy bread.",
         "words":[{"word":"Call","start":0.1,"end":0.4},{"word":"the","start":0.4,"end":0.5},{"word":"doctor","start":0.5,"end":1.0},
                  {"word":"tomorrow","start":1.0,"end":1.5},{"word":"at","start":1.5,"end":1.6},{"word":"five","start":1.6,"end":1.9},
                  {"word":"pm","start":1.9,"end":2.2},{"word":"and","start":2.2,"end":2.4},{"word":"buy","start":2.4,"end":2.7},{"word":"bread","start":2.7,"end":3.1}]}
        """;

    private const string OwnersKey = "case-owner-key-91";

    [Test]
    public async Task A_contributors_upload_is_versioned_reprocessed_by_the_owner_with_their_key_compared_word_by_word_and_shown_to_each_caller_as_their_part_allows()
    {
        var owner = await this.CreateAccountAsync("case_rec_owner");
        var colleague = await this.CreateAccountAsync("case_rec_colleague");
        var viewer = await this.CreateAccountAsync("case_rec_viewer");
        var stranger = await this.CreateAccountAsync("case_rec_stranger");
        using var ownerClient = this.ClientFor(owner);
        using var colleagueClient = this.ClientFor(colleague);
        using var viewerClient = this.ClientFor(viewer);
        using var strangerClient = this.ClientFor(stranger);

        var caseId = (await ownerClient.CreateCaseAsync("Dentist complaint")).Id();
        await ownerClient.InviteAsync(caseId, colleague.Email, "CONTRIBUTOR");
        await ownerClient.InviteAsync(caseId, viewer.Username, "VIEWER");

        // The colleague uploads a flite recording into the case: their recording, processed as any other.
        var uploaded = await UploadIntoCaseAsync(colleagueClient, caseId, await SpeechSamples.DentistWavAsync());
        Assert.That(uploaded.Status, Is.EqualTo(HttpStatusCode.Created), uploaded.Body.ToString());
        var audioId = uploaded.Body.GetProperty("audioId").GetGuid();
        Assert.That(uploaded.Body.GetProperty("ownerId").GetGuid(), Is.EqualTo(colleague.UserId), "the uploader owns it");
        var job = await colleagueClient.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(2));
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), job.ToString());

        var recordingBase = $"/api/v1/cases/{caseId}/recordings/{audioId}";
        Assert.That(await VersionsArriveAsync(ownerClient, recordingBase, 1), Is.True, "transcript and analysis version 1 reached the case");
        var first = await ownerClient.GetJsonAsync($"{recordingBase}/transcripts/1");
        var firstAnalysis = await ownerClient.GetJsonAsync($"{recordingBase}/analyses/1");
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("engine").GetString(), Is.EqualTo("LOCAL"));
            Assert.That(first.GetProperty("language").GetString(), Is.EqualTo("en"));
            Assert.That(first.GetProperty("startedBy").GetGuid(), Is.EqualTo(colleague.UserId));
            Assert.That(first.GetProperty("isCurrent").GetBoolean(), Is.True);
            Assert.That(first.GetProperty("text").GetString(), Does.Contain("dentist"));
            Assert.That(firstAnalysis.GetProperty("engine").GetString(), Is.EqualTo("local-rules-1"));
            Assert.That(firstAnalysis.GetProperty("result").GetProperty("tasks").GetArrayLength(), Is.GreaterThan(0), "the analysis found the task");
        });

        // The case owner re-processes the colleague's recording with their own OpenAI-compatible server and key.
        var stored = await ownerClient.PutAsJsonAsync("/api/v1/me/api-keys/openai-compatible", new { apiKey = OwnersKey, baseUrl = EngineBaseUrl });
        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.OK), await stored.Content.ReadAsStringAsync());
        var viewerRun = await viewerClient.PostAsJsonAsync($"{recordingBase}/process", new { engine = "openai_compatible" });
        await ProblemAssertionsAsync(viewerRun, HttpStatusCode.Forbidden, "cases.forbidden");
        var run = await ownerClient.PostAsJsonAsync($"{recordingBase}/process", new { engine = "openai_compatible" });
        Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await run.Content.ReadAsStringAsync());
        var rerun = await colleagueClient.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(2));
        Assert.That(rerun.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), rerun.ToString());
        Assert.That(await VersionsArriveAsync(ownerClient, recordingBase, 2), Is.True, "version 2 reached the case");

        var transcription = Engine.Requests.Single(r => r.Path.EndsWith("/audio/transcriptions", StringComparison.Ordinal));
        Assert.That(transcription.Headers["Authorization"], Is.EqualTo($"Bearer {OwnersKey}"), "the starter's key, not the recording owner's (who has none)");

        foreach (var (who, client) in new[] { ("owner", ownerClient), ("viewer", viewerClient) })
        {
            var transcripts = (await client.GetJsonAsync($"{recordingBase}/transcripts")).GetProperty("items");
            var analyses = (await client.GetJsonAsync($"{recordingBase}/analyses")).GetProperty("items");
            var second = await client.GetJsonAsync($"{recordingBase}/transcripts/2");
            var old = await client.GetJsonAsync($"{recordingBase}/transcripts/1");
            Assert.Multiple(() =>
            {
                Assert.That(transcripts.EnumerateArray().Select(t => t.GetProperty("version").GetInt32()), Is.EqualTo(new[] { 2, 1 }), who);
                Assert.That(analyses.EnumerateArray().Select(t => t.GetProperty("version").GetInt32()), Is.EqualTo(new[] { 2, 1 }), who);
                Assert.That(second.GetProperty("engine").GetString(), Is.EqualTo("OPENAI_COMPATIBLE"), who);
                Assert.That(second.GetProperty("startedBy").GetGuid(), Is.EqualTo(owner.UserId), who);
                Assert.That(second.GetProperty("isCurrent").GetBoolean(), Is.True, who);
                Assert.That(second.GetProperty("text").GetString(), Does.Contain("doctor").And.Contain("bread"), who);
                Assert.That(old.GetProperty("isCurrent").GetBoolean(), Is.False, who);
                Assert.That(old.GetProperty("text").GetString(), Is.EqualTo(first.GetProperty("text").GetString()), "version 1 kept as it was");
            });
        }

        var diff = await viewerClient.GetJsonAsync($"{recordingBase}/transcripts/diff?from=1&to=2");
        var runs = diff.GetProperty("runs").EnumerateArray().Select(r => (Change: r.GetProperty("change").GetString(), Text: r.GetProperty("text").GetString()!)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(runs.Where(r => r.Change == "REMOVED").Select(r => r.Text), Has.Some.Contain("dentist"), string.Join(" | ", runs));
            Assert.That(runs.Where(r => r.Change == "ADDED").Select(r => r.Text), Has.Some.Contain("doctor").And.Some.Contain("bread"), string.Join(" | ", runs));
            Assert.That(runs.Where(r => r.Change == "EQUAL").Select(r => r.Text), Has.Some.Contain("tomorrow"), string.Join(" | ", runs));
        });

        // The case's search reaches the transcript of a recording it holds (the colleague's note), for a viewer too.
        Assert.That(await ProcessingApi.EventuallyAsync(async () =>
        {
            var hits = (await viewerClient.GetJsonAsync($"/api/v1/cases/{caseId}/search?q=tomorrow&mode=fulltext")).GetProperty("items");
            return hits.EnumerateArray().Any(h => h.TryGetProperty("audioId", out var a) && a.ValueKind == JsonValueKind.String && a.GetGuid() == audioId);
        }, TimeSpan.FromSeconds(30)), Is.True, "the case search finds the recording's transcript");

        // The timeline lists every step, oldest last, each with who did it and when; the viewer reads it too.
        var expected = new (string Type, Guid Actor)[]
        {
            ("ANALYSIS_VERSION_ADDED", owner.UserId), ("TRANSCRIPT_VERSION_ADDED", owner.UserId),
            ("ANALYSIS_VERSION_ADDED", colleague.UserId), ("TRANSCRIPT_VERSION_ADDED", colleague.UserId),
            ("AUDIO_UPLOADED", colleague.UserId),
            ("PARTICIPANT_ADDED", owner.UserId), ("PARTICIPANT_ADDED", owner.UserId), ("CASE_CREATED", owner.UserId),
        };
        var timeline = await viewerClient.WaitForItemsAsync($"/api/v1/cases/{caseId}/timeline?limit=50", items => items.Count >= expected.Length);
        Assert.Multiple(() =>
        {
            Assert.That(timeline.Select(e => (e.Type(), e.Guid("actorId") ?? Guid.Empty)), Is.EqualTo(expected), string.Join(" | ", timeline.Select(e => e.Type())));
            Assert.That(timeline.Select(e => e.GetProperty("at").GetDateTimeOffset()), Is.Ordered.Descending);
            Assert.That(timeline.Where(e => e.Type() != "CASE_CREATED" && e.Type() != "PARTICIPANT_ADDED").Select(e => e.Guid("itemId")), Is.All.EqualTo(audioId));
        });

        // A stranger learns nothing: every route of the recording is a 404, as for a case that does not exist.
        foreach (var path in new[] { "/search?q=tomorrow", "/recordings", $"/recordings/{audioId}/transcripts", $"/recordings/{audioId}/transcripts/1", $"/recordings/{audioId}/transcripts/diff?from=1&to=2", $"/recordings/{audioId}/analyses", $"/recordings/{audioId}/content" })
        {
            var answer = await strangerClient.GetAsync($"/api/v1/cases/{caseId}{path}");
            await ProblemAssertionsAsync(answer, HttpStatusCode.NotFound, "cases.not_found");
        }

        await ProblemAssertionsAsync(await strangerClient.PostAsJsonAsync($"{recordingBase}/process", new { engine = "local" }), HttpStatusCode.NotFound, "cases.not_found");
    }

    [Test]
    public async Task A_case_upload_is_stored_under_the_cases_folder_moves_to_the_archive_and_back_and_plays_for_a_viewer_with_ranges()
    {
        var owner = await this.CreateAccountAsync("case_file_owner");
        var viewer = await this.CreateAccountAsync("case_file_viewer");
        using var ownerClient = this.ClientFor(owner);
        using var viewerClient = this.ClientFor(viewer);
        var caseId = (await ownerClient.CreateCaseAsync("Files")).Id();
        await ownerClient.InviteAsync(caseId, viewer.Username, "VIEWER");

        var wav = await SpeechSamples.DentistWavAsync();
        var (status, body) = await UploadIntoCaseAsync(ownerClient, caseId, wav);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        var audioId = body.GetProperty("audioId").GetGuid();
        Assert.That(body.GetProperty("source").GetString(), Is.EqualTo("UPLOADED"));
        var inCase = Path.Combine(Api.StorageRoot, "audio", "cases", caseId.ToString(), $"{audioId}.wav");
        var archived = Path.Combine(Api.StorageRoot, "audio", "archive", audioId.ToString(), $"{audioId}.wav");
        Assert.That(File.Exists(inCase), Is.True, "stored under cases/{case_id}/");
        await ownerClient.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(2));

        await NotesApi.ExpectAsync(await ownerClient.PostAsync($"/api/v1/audio/{audioId}/archive", null), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(archived), Is.True, "archived under archive/{audio_id}/");
            Assert.That(File.Exists(inCase), Is.False);
        });

        await NotesApi.ExpectAsync(await ownerClient.PostAsync($"/api/v1/audio/{audioId}/restore", null), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(inCase), Is.True, "restored to its case's folder");
            Assert.That(File.Exists(archived), Is.False);
        });

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{caseId}/recordings/{audioId}/content");
        ranged.Headers.Range = new RangeHeaderValue(0, 99);
        var part = await viewerClient.SendAsync(ranged);
        Assert.Multiple(async () =>
        {
            Assert.That(part.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
            Assert.That(await part.Content.ReadAsByteArrayAsync(), Is.EqualTo((await File.ReadAllBytesAsync(wav))[..100]));
        });

        // The uploader's own library recording, uploaded again into the case, is the same item.
        var again = await UploadIntoCaseAsync(ownerClient, caseId, wav);
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.Body.GetProperty("audioId").GetGuid(), Is.EqualTo(audioId));

        // Only attached recordings are detached; one uploaded into the case stays with it.
        var detach = await ownerClient.DeleteAsync($"/api/v1/cases/{caseId}/recordings/{audioId}");
        await ProblemAssertionsAsync(detach, HttpStatusCode.Conflict, "cases.recording_stored_here");
    }

    [Test]
    public async Task Own_recordings_attach_with_their_versions_and_detach_another_users_recording_is_not_found_and_a_repeated_event_adds_no_version()
    {
        var owner = await this.CreateAccountAsync("case_att_owner");
        var other = await this.CreateAccountAsync("case_att_other");
        using var ownerClient = this.ClientFor(owner);
        using var otherClient = this.ClientFor(other);
        var caseId = (await ownerClient.CreateCaseAsync("Attachments")).Id();

        var (_, mine) = await ownerClient.UploadAsync(await SpeechSamples.DentistWavAsync());
        var audioId = mine.Id();
        Assert.That((await ownerClient.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(2))).GetProperty("status").GetString(), Is.EqualTo("COMPLETED"));
        var (_, theirs) = await otherClient.UploadAsync(await SpeechSamples.DentistWavAsync());

        var refused = await ownerClient.PostAsync($"/api/v1/cases/{caseId}/recordings/{theirs.Id()}", null);
        await ProblemAssertionsAsync(refused, HttpStatusCode.NotFound, "cases.recording_not_found");

        var attached = await ownerClient.PostAsync($"/api/v1/cases/{caseId}/recordings/{audioId}", null);
        var attachedBody = await NotesApi.ExpectAsync(attached, HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            Assert.That(attachedBody.GetProperty("source").GetString(), Is.EqualTo("ATTACHED"));
            Assert.That(attachedBody.GetProperty("currentTranscriptVersion").GetInt32(), Is.EqualTo(1), "its transcript came along");
            Assert.That(attachedBody.GetProperty("currentAnalysisVersion").GetInt32(), Is.EqualTo(1), "its analysis came along");
        });
        var text = (await ownerClient.GetJsonAsync($"/api/v1/cases/{caseId}/recordings/{audioId}/transcripts/1")).GetProperty("text").GetString();
        Assert.That(text, Does.Contain("dentist"));
        Assert.That(File.Exists(Path.Combine(Api.StorageRoot, "audio", "owners", owner.UserId.ToString(), $"{audioId}.wav")), Is.True, "an attached recording stays in its owner's folder");

        // The same transcript event twice (two deliveries, two ids): one version.
        var again = new AudioTranscribed(audioId, owner.UserId, SpeechEngine.Local, "en", "changed text", 3, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, TranscriptVersion: 1, JobId: Guid.NewGuid());
        for (var i = 0; i < 2; i++)
        {
            await using var scope = CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            await new KeepVersionsOfCaseAudio(db).Handle(again with { }, CancellationToken.None);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM cases.recording_versions WHERE audio_id = '{audioId}' AND kind = 'Transcript'"), Is.EqualTo(1));
            Assert.That((await ownerClient.GetJsonAsync($"/api/v1/cases/{caseId}/recordings/{audioId}/transcripts/1")).GetProperty("text").GetString(), Is.EqualTo(text), "the first write stands");
        });

        var detached = await ownerClient.DeleteAsync($"/api/v1/cases/{caseId}/recordings/{audioId}");
        Assert.That(detached.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await detached.Content.ReadAsStringAsync());
        var listed = (await ownerClient.GetJsonAsync($"/api/v1/cases/{caseId}/recordings")).GetProperty("items");
        Assert.Multiple(async () =>
        {
            Assert.That(listed.GetArrayLength(), Is.Zero);
            await ProblemAssertionsAsync(await ownerClient.GetAsync($"/api/v1/cases/{caseId}/recordings/{audioId}/transcripts"), HttpStatusCode.NotFound, "cases.recording_not_found");
            Assert.That((await ownerClient.GetAsync($"/api/v1/audio/{audioId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still in its owner's library");
        });
    }

    [Test]
    public async Task A_participant_who_leaves_takes_the_recordings_they_attached_and_the_ones_they_uploaded_stay()
    {
        var owner = await this.CreateAccountAsync("case_leave_owner");
        var colleague = await this.CreateAccountAsync("case_leave_colleague");
        using var ownerClient = this.ClientFor(owner);
        using var colleagueClient = this.ClientFor(colleague);
        var caseId = (await ownerClient.CreateCaseAsync("Hand-over")).Id();
        await ownerClient.InviteAsync(caseId, colleague.Username, "CONTRIBUTOR");

        var (_, own) = await colleagueClient.UploadAsync(await SpeechSamples.DentistWavAsync());
        await NotesApi.ExpectAsync(await colleagueClient.PostAsync($"/api/v1/cases/{caseId}/recordings/{own.Id()}", null), HttpStatusCode.Created);
        var uploaded = await UploadIntoCaseAsync(colleagueClient, caseId, await SpeechSamples.DentistAsAsync("flac"));
        Assert.That(uploaded.Status, Is.EqualTo(HttpStatusCode.Created), uploaded.Body.ToString());
        var inCase = uploaded.Body.GetProperty("audioId").GetGuid();

        Assert.That((await colleagueClient.PostAsync($"/api/v1/cases/{caseId}/leave", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var listed = (await ownerClient.GetJsonAsync($"/api/v1/cases/{caseId}/recordings")).GetProperty("items")
            .EnumerateArray().Select(r => r.GetProperty("audioId").GetGuid()).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(listed, Is.EqualTo(new[] { inCase }), "the attached one left with its owner; the one uploaded into the case stays");
            Assert.That((await colleagueClient.GetAsync($"/api/v1/audio/{own.Id()}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still in its owner's library");
        });
    }

    [Test]
    public async Task A_purged_case_takes_the_recordings_stored_in_it_and_their_files_and_leaves_attached_ones_in_their_owners_library()
    {
        var owner = await this.CreateAccountAsync("case_purge_owner");
        using var ownerClient = this.ClientFor(owner);
        var caseId = (await ownerClient.CreateCaseAsync("To be purged")).Id();
        var (status, stored) = await UploadIntoCaseAsync(ownerClient, caseId, await SpeechSamples.DentistAsAsync("flac"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), stored.ToString());
        var storedId = stored.GetProperty("audioId").GetGuid();
        var (_, library) = await ownerClient.UploadAsync(await SpeechSamples.DentistWavAsync());
        await NotesApi.ExpectAsync(await ownerClient.PostAsync($"/api/v1/cases/{caseId}/recordings/{library.Id()}", null), HttpStatusCode.Created);
        var storedFile = Path.Combine(Api.StorageRoot, "audio", "cases", caseId.ToString(), $"{storedId}.flac");
        Assert.That(File.Exists(storedFile), Is.True);

        // Delivered twice, as two events: the second finds nothing left to delete.
        var inbox = Api.Services.GetRequiredService<VoiceNote.Infrastructure.Outbox.InboxInvoker>();
        var handler = typeof(VoiceNote.Modules.AudioProcessing.Application.Cases.PurgeCaseRecordings.DeleteRecordingsOfPurgedCase);
        foreach (var _ in new[] { 1, 2 })
        {
            Assert.That(await inbox.InvokeAsync(handler, new VoiceNote.Modules.Cases.Contracts.CasePurged(caseId, DateTimeOffset.UtcNow), CancellationToken.None), Is.True);
        }

        Assert.Multiple(async () =>
        {
            Assert.That((await ownerClient.GetAsync($"/api/v1/audio/{storedId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the recording stored in the case is gone");
            Assert.That(File.Exists(storedFile), Is.False, "and its file");
            Assert.That((await ownerClient.GetAsync($"/api/v1/audio/{library.Id()}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the attached one stays");
            Assert.That(File.Exists(Path.Combine(Api.StorageRoot, "audio", "owners", owner.UserId.ToString(), $"{library.Id()}.wav")), Is.True);
        });
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> UploadIntoCaseAsync(HttpClient client, Guid caseId, string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var response = await client.PostAsync($"/api/v1/cases/{caseId}/recordings", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static Task<bool> VersionsArriveAsync(HttpClient client, string recordingBase, int version) => ProcessingApi.EventuallyAsync(async () =>
    {
        var transcript = await client.GetAsync($"{recordingBase}/transcripts/{version}");
        var analysis = await client.GetAsync($"{recordingBase}/analyses/{version}");
        return transcript.StatusCode == HttpStatusCode.OK && analysis.StatusCode == HttpStatusCode.OK;
    }, TimeSpan.FromSeconds(30));

    private static async Task ProblemAssertionsAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("code").GetString(), Is.EqualTo(code), body);
    }
}
