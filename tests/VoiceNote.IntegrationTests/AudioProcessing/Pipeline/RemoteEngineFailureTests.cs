using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.Application.Security;
using VoiceNote.IntegrationTests.AudioProcessing.ChatAnalysis;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.AudioProcessing.Pipeline;

/// <summary>
/// The pipeline against remote engines that fail. A local server speaks OpenAI's wire formats (both
/// transcription and chat); the owner's OpenAI key makes both stages use it. A failing engine makes
/// the job retry with backoff until its attempts run out and fail with the reason kept (in the project's
/// words, ADR 0065), every stage saved before it stays, and an operator's retry after the engine recovers
/// finishes from there.
/// </summary>
public sealed class RemoteEngineFailureTests : DatabaseFixture
{
    private const string Transcript = """
        {"task":"transcribe","language":"english","duration":3.1,"text":" Call the dentist tomorrow at five pm and buy milk.",
         "words":[{"word":"Call","start":0.1,"end":0.4},{"word":"the","start":0.4,"end":0.5},{"word":"dentist","start":0.5,"end":1.0},
                  {"word":"tomorrow","start":1.0,"end":1.5},{"word":"at","start":1.5,"end":1.6},{"word":"five","start":1.6,"end":1.9},
                  {"word":"pm","start":1.9,"end":2.2},{"word":"and","start":2.2,"end":2.4},{"word":"buy","start":2.4,"end":2.7},{"word":"milk","start":2.7,"end":3.1}]}
        """;

    private const string TranscriptionPath = "/v1/audio/transcriptions";
    private const string ChatPath = "/v1/chat/completions";

    private static readonly Func<WireRequest, HttpContext, Task> ServerError =
        (_, http) => WireServer.Json(http, 500, """{"error":{"message":"The server had an error while processing your request.","type":"server_error"}}""");

    // Started before the host, whose settings point the OpenAI engines at it.
    private readonly WireServer _engine = WireServer.StartAsync().GetAwaiter().GetResult();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Speech:OpenAi:BaseUrl"] = _engine.BaseAddress + "v1",
        ["Analysis:OpenAi:BaseUrl"] = _engine.BaseAddress + "v1",
        ["Jobs:BaseRetryDelay"] = "00:00:00.100",
        ["Jobs:MaxRetryDelay"] = "00:00:00.400",
    };

    [OneTimeTearDown]
    public async Task StopEngine() => await _engine.DisposeAsync();

    /// <summary>Answers transcription and chat requests each its own way.</summary>
    private void Answer(Func<WireRequest, HttpContext, Task> transcription, Func<WireRequest, HttpContext, Task> chat) =>
        _engine.Answer = (request, http) => request.Path == ChatPath ? chat(request, http) : transcription(request, http);

    private static Func<WireRequest, HttpContext, Task> Transcribed => (_, http) => WireServer.Json(http, 200, Transcript);

    [Test]
    public async Task A_failing_engine_is_retried_then_the_job_fails_with_the_reason_and_an_operators_retry_resumes_it()
    {
        var account = await this.CreateAccountAsync("remote");
        using var client = this.ClientFor(account);
        var key = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai", new { apiKey = "sk-remote-test-key" });
        Assert.That(key.IsSuccessStatusCode, Is.True, await key.Content.ReadAsStringAsync());
        Answer(transcription: ServerError, chat: ChatWire.Answering(ChatWire.DentistAndMilk));

        var callsBefore = _engine.Requests.Count(r => r.Path == TranscriptionPath);
        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistWavAsync(), "?engine=openai");
        var audioId = item.Id();
        var failed = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(1));

        var workFolder = Path.Combine(Api.StorageRoot, "audio", "work", audioId.ToString());
        var recording = await client.GetJsonAsync($"/api/v1/audio/{audioId}");
        Assert.Multiple(async () =>
        {
            Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("FAILED"));
            Assert.That(failed.GetProperty("attempts").GetInt32(), Is.EqualTo(5), "retried until the attempts ran out");
            Assert.That(failed.GetProperty("stage").GetString(), Is.EqualTo("TRANSCRIBE"));
            Assert.That(failed.GetProperty("error").GetString(), Is.EqualTo("transcribe: engine.unavailable: The 'openai' engine at 127.0.0.1 answered 500."), "the status, never the server's body");
            Assert.That(_engine.Requests.Count(r => r.Path == TranscriptionPath) - callsBefore, Is.EqualTo(5), "one call per attempt");
            Assert.That(recording.GetProperty("status").GetString(), Is.EqualTo("FAILED"));
            Assert.That(recording.GetProperty("processingError").GetString(), Does.Contain("engine.unavailable"));
            Assert.That(File.Exists(Path.Combine(workFolder, "audio.pcm")), Is.True, "the decoded audio is kept for a retry");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.transcripts WHERE audio_id = '{audioId}'"), Is.Zero);
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE audio_id = '{audioId}'"), Is.Zero);
        });

        var admin = await this.CreateAccountAsync("operator");
        await this.GrantAdminAsync(admin, AdminPermissions.CanModifySystemSettings);
        using var adminClient = this.ClientFor(admin);
        var listed = await adminClient.GetJsonAsync("/api/v1/admin/audio/jobs?status=Failed");
        var jobId = failed.GetProperty("jobId").GetGuid();
        Assert.That(listed.GetProperty("items").Ids(), Does.Contain(jobId), "the operator sees the failed job");

        Answer(transcription: Transcribed, chat: ChatWire.Answering(ChatWire.DentistAndMilk));
        var retried = await adminClient.PostAsync($"/api/v1/admin/audio/jobs/{jobId}/retry", null);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK), await retried.Content.ReadAsStringAsync());
        var done = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(1));

        Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), done.ToString());
        var versions = (await client.GetJsonAsync($"/api/v1/audio/{audioId}/transcripts")).GetProperty("items");
        Assert.Multiple(async () =>
        {
            Assert.That(versions.GetArrayLength(), Is.EqualTo(1));
            Assert.That(versions[0].GetProperty("engine").GetString(), Is.EqualTo("OPENAI"));
            Assert.That(versions[0].GetProperty("text").GetString(), Is.EqualTo("Call the dentist tomorrow at five pm and buy milk."));
            Assert.That(versions[0].GetProperty("analysisEngine").GetString(), Does.StartWith("openai-chat:"));
            Assert.That(versions[0].GetProperty("analysis").GetProperty("title").GetString(), Is.EqualTo("Dentist and milk"), "the model's analysis was published");
            Assert.That((await adminClient.PostAsync($"/api/v1/admin/audio/jobs/{jobId}/retry", null)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a completed job is not retried");
        });
    }

    [Test]
    public async Task A_rejected_key_fails_the_job_at_once_without_retrying()
    {
        var account = await this.CreateAccountAsync("badkey");
        using var client = this.ClientFor(account);
        var key = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai", new { apiKey = "sk-wrong" });
        Assert.That(key.IsSuccessStatusCode, Is.True);
        Answer(
            transcription: (_, http) => WireServer.Json(http, 401, """{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error"}}"""),
            chat: ChatWire.Answering(ChatWire.DentistAndMilk));

        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistAsAsync("mp3"));
        var failed = await client.WaitUntilFinishedAsync(item.Id(), TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("FAILED"));
            Assert.That(failed.GetProperty("attempts").GetInt32(), Is.EqualTo(1), "retrying cannot fix a wrong key");
            Assert.That(failed.GetProperty("error").GetString(), Does.Contain("engine.key_rejected"));
        });
    }

    [Test]
    public async Task A_failing_chosen_model_keeps_the_saved_transcript_and_an_operators_retry_finishes_without_transcribing_again()
    {
        var account = await this.CreateAccountAsync("analysis");
        using var client = this.ClientFor(account);
        var key = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai", new { apiKey = "sk-analysis-key" });
        Assert.That(key.IsSuccessStatusCode, Is.True);
        Answer(transcription: Transcribed, chat: ServerError);

        // OPENAI chosen explicitly: every stage uses it or the run fails (ADR 0065), however long the model is down.
        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistAsAsync("flac"), "?engine=openai");
        var audioId = item.Id();
        var failed = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(1));
        Assert.Multiple(async () =>
        {
            Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("FAILED"));
            Assert.That(failed.GetProperty("stage").GetString(), Is.EqualTo("ANALYSE"));
            Assert.That(failed.GetProperty("attempts").GetInt32(), Is.EqualTo(5));
            Assert.That(failed.GetProperty("error").GetString(), Is.EqualTo($"analyse: engine.unavailable: The 'openai-chat:gpt-4o-mini' engine at 127.0.0.1 answered 500."));
            Assert.That(failed.GetProperty("transcription").GetProperty("engine").GetString(), Is.EqualTo("OPENAI"));
            Assert.That(failed.GetProperty("analysis").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM audio.transcripts WHERE audio_id = '{audioId}'"), Is.EqualTo(1), "the transcript was saved before the analysis");
        });
        var transcriptionsBefore = _engine.Requests.Count(r => r.Path == TranscriptionPath);

        Answer(transcription: ServerError, chat: ChatWire.Answering(ChatWire.DentistAndMilk));
        var admin = await this.CreateAccountAsync("operator2");
        await this.GrantAdminAsync(admin, AdminPermissions.CanModifySystemSettings);
        using var adminClient = this.ClientFor(admin);
        var retried = await adminClient.PostAsync($"/api/v1/admin/audio/jobs/{failed.GetProperty("jobId").GetGuid()}/retry", null);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var done = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(1));

        var versions = (await client.GetJsonAsync($"/api/v1/audio/{audioId}/transcripts")).GetProperty("items");
        Assert.Multiple(() =>
        {
            Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), done.ToString());
            Assert.That(_engine.Requests.Count(r => r.Path == TranscriptionPath), Is.EqualTo(transcriptionsBefore), "the retry did not transcribe again");
            Assert.That(versions[0].GetProperty("analysisEngine").GetString(), Is.EqualTo("openai-chat:gpt-4o-mini"));
            Assert.That(versions[0].GetProperty("analysisFallback").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task On_auto_a_refusing_model_gives_way_to_the_local_rules_at_once_and_says_so()
    {
        var account = await this.CreateAccountAsync("refusing");
        using var client = this.ClientFor(account);
        Assert.That((await client.PutAsJsonAsync("/api/v1/me/api-keys/openai", new { apiKey = "sk-refused-key" })).IsSuccessStatusCode, Is.True);
        Answer(
            transcription: Transcribed,
            chat: (_, http) => WireServer.Json(http, 400, """{"error":{"message":"This model does not support json_schema.","type":"invalid_request_error"}}"""));

        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistAsAsync("mp3"));
        var done = await client.WaitUntilFinishedAsync(item.Id(), TimeSpan.FromMinutes(1));

        var versions = (await client.GetJsonAsync($"/api/v1/audio/{item.Id()}/transcripts")).GetProperty("items");
        Assert.Multiple(() =>
        {
            Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), done.ToString());
            Assert.That(done.GetProperty("attempts").GetInt32(), Is.EqualTo(1), "a refusal is not retried");
            Assert.That(done.GetProperty("analysis").GetProperty("engine").GetString(), Is.EqualTo("local-rules-1"));
            Assert.That(done.GetProperty("analysis").GetProperty("fallback").GetProperty("from").GetString(), Is.EqualTo("openai-chat:gpt-4o-mini"));
            Assert.That(done.GetProperty("analysis").GetProperty("fallback").GetProperty("reason").GetString(), Is.EqualTo("REFUSED"));
            Assert.That(done.GetProperty("transcription").GetProperty("fallback").ValueKind, Is.EqualTo(JsonValueKind.Null), "the transcription was the owner's engine's");
            Assert.That(versions[0].GetProperty("analysisEngine").GetString(), Is.EqualTo("local-rules-1"));
            Assert.That(versions[0].GetProperty("analysisFallback").GetProperty("reason").GetString(), Is.EqualTo("REFUSED"));
            Assert.That(versions[0].GetProperty("analysis").GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("description").GetString()),
                Does.Contain("Call the dentist"));
        });
    }
}
