using System.Net.Http.Headers;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.UnitTests.AudioProcessing.Analysis.Chat;

/// <summary>The completion envelope and the HTTP error mapping, as pure functions.</summary>
[TestFixture]
internal sealed class ChatWireFormatTests
{
    private const string Engine = "openai-chat:test";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);

    [Test]
    public void The_content_of_the_first_choice_is_read()
    {
        var content = ChatCompletionReader.Content(Engine, """{"choices":[{"index":0,"message":{"role":"assistant","content":"{\"summary\":\"x\"}","refusal":null},"finish_reason":"stop"}]}""");
        Assert.That(content.Value, Is.EqualTo("""{"summary":"x"}"""));
    }

    [Test]
    public void A_refusal_is_refused_in_the_projects_words_and_its_reason_is_kept_for_the_logs()
    {
        const string body = """{"choices":[{"message":{"role":"assistant","content":null,"refusal":"I can't help with that.\nSorry."}}]}""";
        var content = ChatCompletionReader.Content(Engine, body);
        Assert.Multiple(() =>
        {
            Assert.That(content.Error.Code, Is.EqualTo(EngineFailures.RefusedCode));
            Assert.That(content.Error.Message, Is.EqualTo($"The '{Engine}' engine declined to analyse this note."));
            Assert.That(EngineFailures.IsTransient(content.Error), Is.False);
            Assert.That(ChatCompletionReader.RefusalOf(body), Is.EqualTo("I can't help with that.\nSorry."));
        });
    }

    [TestCase("<html>bad gateway</html>", TestName = "not JSON")]
    [TestCase("""{"choices":[]}""", TestName = "no choices")]
    [TestCase("""{"choices":[{"message":{"content":null}}]}""", TestName = "no content")]
    [TestCase("""{"choices":[{"message":{"content":""}}]}""", TestName = "empty content")]
    [TestCase("""{"choices":[{"text":"old completions format"}]}""", TestName = "no message")]
    [TestCase("""[]""", TestName = "a list")]
    public void A_broken_envelope_is_a_bad_answer(string body) =>
        Assert.That(ChatCompletionReader.Content(Engine, body).Error.Code, Is.EqualTo(EngineFailures.BadAnswerCode));

    [Test]
    public void Rate_limits_wait_as_long_as_the_server_asks_or_thirty_seconds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Delay(From(429, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))), Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(Delay(From(429, new RetryConditionHeaderValue(Now.AddSeconds(90)))), Is.EqualTo(TimeSpan.FromSeconds(90)));
            Assert.That(Delay(From(429, new RetryConditionHeaderValue(Now.AddSeconds(-90)))), Is.EqualTo(TimeSpan.FromSeconds(1)), "a date already past: a short pause, not none");
            Assert.That(Delay(From(429, null)), Is.EqualTo(EngineAnswers.DefaultRetryAfter));
            Assert.That(From(429, null).Kind, Is.EqualTo(ErrorKind.RateLimited));
        });
    }

    [TestCase(401, EngineFailures.KeyRejectedCode, false)]
    [TestCase(403, EngineFailures.KeyRejectedCode, false)]
    [TestCase(500, EngineFailures.UnavailableCode, true)]
    [TestCase(502, EngineFailures.UnavailableCode, true)]
    [TestCase(503, EngineFailures.UnavailableCode, true)]
    [TestCase(400, EngineFailures.RefusedCode, false)]
    [TestCase(404, EngineFailures.RefusedCode, false)]
    [TestCase(413, EngineFailures.RefusedCode, false)]
    [TestCase(422, EngineFailures.RefusedCode, false)]
    [TestCase(429, EngineFailures.RateLimitedCode, true)]
    public void Statuses_map_to_engine_failures(int status, string code, bool transient)
    {
        var error = From(status, null);
        Assert.That((error.Code, EngineFailures.IsTransient(error)), Is.EqualTo((code, transient)));
    }

    [Test]
    public void A_refusal_never_quotes_the_server_and_its_logged_excerpt_never_holds_a_key()
    {
        const string key = "sk-proj-SECRET1234567890";
        const string body = $$$"""{"error":{"message":"Invalid request with key {{{key}}} and sk-pr***7890; model 'gpt-x' does not support json_schema","type":"invalid_request_error"}}""";
        var refused = From(400, null);
        var excerpt = EngineAnswers.Excerpt(body, key);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Message, Is.EqualTo($"The '{Engine}' engine at api.example.com refused the request (400)."));
            Assert.That(excerpt, Does.Contain("model 'gpt-x' does not support json_schema"));
            Assert.That(excerpt, Does.Not.Contain("SECRET").And.Not.Contain("sk-pr"));
            Assert.That(EngineAnswers.Excerpt(new string('x', 5000), key), Has.Length.EqualTo(EngineAnswers.MaxExcerptChars));
            Assert.That(EngineAnswers.Excerpt(string.Empty, key), Is.EqualTo("no details."));
        });
    }

    /// <summary>What the analyser does with a non-2xx answer.</summary>
    private static Error From(int status, RetryConditionHeaderValue? retryAfter) =>
        EngineAnswers.Failure(Engine, "api.example.com", status, EngineAnswers.RetryAfter(retryAfter, Now));

    private static TimeSpan Delay(Error error) => ((RateLimitedError)error).RetryAfter;
}
