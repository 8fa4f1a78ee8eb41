using System.Net.Http.Headers;
using System.Text;
using VoiceNote.Domain.Results;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;

namespace VoiceNote.UnitTests.AudioProcessing.RemoteEngines;

/// <summary>
/// How a remote engine's HTTP refusal becomes an engine failure class (ADR 0041), in the project's own words
/// (ADR 0065); the engine's own words are an excerpt for the logs.
/// </summary>
public sealed class EngineAnswersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [TestCase(429, EngineFailures.RateLimitedCode)]
    [TestCase(401, EngineFailures.KeyRejectedCode)]
    [TestCase(403, EngineFailures.KeyRejectedCode)]
    [TestCase(500, EngineFailures.UnavailableCode)]
    [TestCase(504, EngineFailures.UnavailableCode)]
    [TestCase(400, EngineFailures.RefusedCode)]
    [TestCase(404, EngineFailures.RefusedCode)]
    [TestCase(413, EngineFailures.RefusedCode)]
    [TestCase(422, EngineFailures.RefusedCode)]
    [TestCase(301, EngineFailures.RefusedCode)]
    public void Each_status_has_one_failure_class(int status, string code) =>
        Assert.That(EngineAnswers.Failure("openai", "api.openai.com", status, null).Code, Is.EqualTo(code));

    [TestCase(503, "The 'openai' engine at api.openai.com answered 503.")]
    [TestCase(400, "The 'openai' engine at api.openai.com refused the request (400).")]
    [TestCase(401, "The 'openai' engine at api.openai.com rejected the stored API key (401); update it in your profile.")]
    [TestCase(302, "The 'openai' engine at api.openai.com answered with a redirect (302), which is not followed; check the engine's base URL.")]
    public void The_owner_reads_the_engine_host_and_status_in_the_projects_words(int status, string message) =>
        Assert.That(EngineAnswers.Failure("openai", "api.openai.com", status, null).Message, Is.EqualTo(message));

    [Test]
    public void A_rate_limit_carries_its_delay_or_the_default()
    {
        Assert.That(((RateLimitedError)EngineAnswers.Failure("groq", "api.groq.com", 429, TimeSpan.FromSeconds(12))).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(((RateLimitedError)EngineAnswers.Failure("groq", "api.groq.com", 429, null)).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Retry_after_reads_seconds_and_dates_and_never_goes_negative()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EngineAnswers.RetryAfter(RetryConditionHeaderValue.Parse("17"), Now), Is.EqualTo(TimeSpan.FromSeconds(17)));
            Assert.That(EngineAnswers.RetryAfter(new RetryConditionHeaderValue(Now.AddMinutes(2)), Now), Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(EngineAnswers.RetryAfter(new RetryConditionHeaderValue(Now.AddMinutes(-2)), Now), Is.EqualTo(TimeSpan.FromSeconds(1)), "a date already past: a short pause, not none");
            Assert.That(EngineAnswers.RetryAfter(null, Now), Is.Null);
        });
    }

    [TestCase("""{"error":{"message":"Invalid file format.","type":"invalid_request_error"}}""", "Invalid file format.")]
    [TestCase("""{"err_code":"Bad Request","err_msg":"Bad Request: failed to process audio: corrupt or unsupported data"}""", "Bad Request: failed to process audio: corrupt or unsupported data")]
    [TestCase("""{"error":"model not found"}""", "model not found")]
    [TestCase("""{"detail":"Model 'x' is not installed"}""", "Model 'x' is not installed")]
    [TestCase("plain\n\ttext   answer", "plain text answer")]
    [TestCase("", "no details.")]
    public void The_excerpt_is_the_engines_own_message_on_one_line(string body, string excerpt) =>
        Assert.That(EngineAnswers.Excerpt(Encoding.UTF8.GetBytes(body), "sk-secret-key-1234"), Is.EqualTo(excerpt));

    [Test]
    public void The_excerpt_is_bounded_and_never_holds_the_key()
    {
        const string key = "sk-secret-key-1234";
        var body = $$$"""{"error":{"message":"Key {{{key}}} may not use model whisper-9. {{{new string('z', 1000)}}}"}}""";

        var excerpt = EngineAnswers.Excerpt(Encoding.UTF8.GetBytes(body), key);

        Assert.That(excerpt, Has.Length.EqualTo(EngineAnswers.MaxExcerptChars));
        Assert.That(excerpt, Does.StartWith("Key (hidden) may not use model whisper-9.").And.EndWith("…").And.Not.Contain(key));
    }
}
