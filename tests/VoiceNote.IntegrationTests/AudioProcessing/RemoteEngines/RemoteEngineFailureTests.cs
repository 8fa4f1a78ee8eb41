using System.Globalization;
using VoiceNote.Domain.Results;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;
using VoiceNote.Modules.AudioProcessing.Speech.Remote;

namespace VoiceNote.IntegrationTests.AudioProcessing.RemoteEngines;

/// <summary>
/// Every remote engine reads the same refusal the same way (ADR 0041), so each case runs against all
/// four adapters. After every test, no log line (HttpClient's own included) holds the key.
/// </summary>
[TestFixtureSource(nameof(Engines))]
public sealed class RemoteEngineFailureTests(string engine)
{
    public static readonly string[] Engines = ["openai", "groq", "openai-compatible", "deepgram"];

    private RemoteEngineHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await RemoteEngineHost.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [TearDown]
    public void TheKeyNeverReachedTheLogs() =>
        Assert.That(_host.Logs.Containing(RemoteEngineHost.Key), Is.Empty, "a log line holds the key");

    [Test]
    public async Task A_429_with_retry_after_seconds_is_rate_limited_for_that_long()
    {
        var error = await FailWith(http =>
        {
            http.Response.Headers.RetryAfter = "7";
            return WireServer.Json(http, 429, """{"error":{"message":"Rate limit reached","type":"requests"}}""");
        });

        Assert.That(error, Is.TypeOf<RateLimitedError>().With.Property(nameof(RateLimitedError.RetryAfter)).EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(error.Code, Is.EqualTo(EngineFailures.RateLimitedCode));
        Assert.That(EngineFailures.IsTransient(error), Is.True);
        Assert.That(_host.Logs.Containing($"Engine {engine} at 127.0.0.1 answered 429"), Is.Not.Empty, "the logs are captured, so the key check after each test means something");
    }

    [Test]
    public async Task A_429_with_an_http_date_waits_until_that_date()
    {
        var error = await FailWith(http =>
        {
            http.Response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(120).ToString("r", CultureInfo.InvariantCulture);
            return WireServer.Json(http, 429, "{}");
        });

        Assert.That(((RateLimitedError)error).RetryAfter.TotalSeconds, Is.EqualTo(120).Within(3));
    }

    [Test]
    public async Task A_429_without_retry_after_waits_the_default()
    {
        var error = await FailWith(http => WireServer.Json(http, 429, "{}"));

        Assert.That(((RateLimitedError)error).RetryAfter, Is.EqualTo(EngineAnswers.DefaultRetryAfter));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    public async Task A_server_error_is_unavailable(int status)
    {
        var error = await FailWith(http => WireServer.Json(http, status, """{"error":{"message":"upstream overloaded"}}"""));

        Assert.That(error.Code, Is.EqualTo(EngineFailures.UnavailableCode));
        Assert.That(EngineFailures.IsTransient(error), Is.True);
    }

    [TestCase(401)]
    [TestCase(403)]
    public async Task A_rejected_key_is_key_rejected_and_not_transient(int status)
    {
        var error = await FailWith(http => WireServer.Json(http, status, $$$"""{"error":{"message":"Incorrect API key provided: {{{RemoteEngineHost.Key}}}"}}"""));

        Assert.That(error.Code, Is.EqualTo(EngineFailures.KeyRejectedCode));
        Assert.That(EngineFailures.IsTransient(error), Is.False);
        Assert.That(error.Message, Does.Not.Contain(RemoteEngineHost.Key));
    }

    [Test]
    public async Task Another_4xx_is_refused_in_the_projects_words_and_the_engines_reason_goes_to_the_logs_without_the_key()
    {
        var error = await FailWith(http => WireServer.Json(http, 400, $$$"""
            {"error":{"message":"Audio file is too short. Minimum audio length is 0.1 seconds. (request by {{{RemoteEngineHost.Key}}}) {{{new string('x', 500)}}}","type":"invalid_request_error"}}
            """));

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(EngineFailures.RefusedCode));
            Assert.That(EngineFailures.IsTransient(error), Is.False);
            Assert.That(error.Message, Is.EqualTo($"The '{engine}' engine at 127.0.0.1 refused the request (400)."));
            Assert.That(_host.Logs.Containing("Audio file is too short"), Is.Not.Empty, "the operator still reads the engine's reason");
            Assert.That(_host.Logs.Containing("(request by (hidden))"), Is.Not.Empty, "with the key blanked out");
        });
    }

    [Test]
    public async Task An_error_page_is_never_quoted_to_the_owner()
    {
        var error = await FailWith(http =>
        {
            http.Response.StatusCode = 413;
            http.Response.ContentType = "text/html";
            return http.Response.WriteAsync("<html>\n  <body>413 Request Entity Too Large at /srv/whisper/uploads</body>\n</html>");
        });

        Assert.That(error.Code, Is.EqualTo(EngineFailures.RefusedCode));
        Assert.That(error.Message, Is.EqualTo($"The '{engine}' engine at 127.0.0.1 refused the request (413)."));
    }

    [Test]
    public async Task A_redirect_is_not_followed()
    {
        var error = await FailWith(http =>
        {
            http.Response.StatusCode = 302;
            http.Response.Headers.Location = new Uri(_host.Wire.BaseAddress, "elsewhere").ToString();
            return Task.CompletedTask;
        });

        Assert.That(error.Code, Is.EqualTo(EngineFailures.RefusedCode));
        Assert.That(error.Message, Does.Contain("redirect (302)"));
        Assert.That(_host.Wire.Requests.Select(r => r.Path), Has.None.EqualTo("/elsewhere"), "the Location was never asked for");
    }

    [Test]
    public async Task An_endless_2xx_answer_is_cut_at_the_limit()
    {
        var hungUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Wire.Answer = (_, http) => WireServer.EndlessJson(http, hungUp);
        var recognizer = _host.Recognizer(engine, new Dictionary<string, string?> { ["Engines:MaxAnswerBytes"] = "1048576" });

        var result = await recognizer.RecognizeAsync(_host.TonePcm(0.25));

        Assert.Multiple(() =>
        {
            Assert.That(result.Error.Code, Is.EqualTo(EngineFailures.AnswerTooLargeCode));
            Assert.That(EngineFailures.IsTransient(result.Error), Is.False);
            Assert.That(result.Error.Message, Is.EqualTo($"The '{engine}' engine at 127.0.0.1 answered with more than 1 MiB, the most this server reads; the answer was not used."));
        });
        Assert.That(await Task.WhenAny(hungUp.Task, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(hungUp.Task), "the recogniser hung up instead of reading on");
    }

    [Test]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        var error = await FailWith(http =>
        {
            http.Response.StatusCode = 200;
            http.Response.ContentLength = 2L * 1024 * 1024 * 1024;
            http.Response.ContentType = "application/json";
            return http.Response.WriteAsync("{\"text\":\"");
        });

        Assert.That(error.Code, Is.EqualTo(EngineFailures.AnswerTooLargeCode));
    }

    [TestCase("{\"text\": \"cut off")]
    [TestCase("<html>ok</html>")]
    [TestCase("{\"unexpected\": true}")]
    [TestCase("{\"text\": \"hi\", \"results\": {\"channels\": []}, \"words\": [{\"word\": \"hi\"}]}")]
    public async Task A_2xx_in_another_shape_is_a_bad_answer(string body)
    {
        var error = await FailWith(http => WireServer.Json(http, 200, body));

        Assert.That(error.Code, Is.EqualTo(EngineFailures.BadAnswerCode));
        Assert.That(EngineFailures.IsTransient(error), Is.False);
    }

    [Test]
    public async Task A_server_that_is_not_there_is_unavailable()
    {
        Uri gone;
        await using (var closed = await WireServer.StartAsync())
        {
            gone = closed.BaseAddress;
        }

        var result = await _host.Recognizer(engine, server: gone).RecognizeAsync(_host.TonePcm(0.25));

        Assert.That(result.Error.Code, Is.EqualTo(EngineFailures.UnavailableCode));
        Assert.That(EngineFailures.IsTransient(result.Error), Is.True);
        Assert.That(result.Error.Message, Is.EqualTo($"The '{engine}' engine at 127.0.0.1 could not be reached."), "no socket error in the owner's words");
    }

    [Test]
    public async Task A_server_slower_than_the_timeout_is_unavailable()
    {
        _host.Wire.Answer = async (_, http) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        };
        var section = RemoteEngineCatalog.All.Single(e => e.Name == engine).Section;
        var recognizer = _host.Recognizer(engine, new Dictionary<string, string?> { [$"{section}:Timeout"] = "00:00:00.300" });

        var result = await recognizer.RecognizeAsync(_host.TonePcm(0.25));

        Assert.That(result.Error.Code, Is.EqualTo(EngineFailures.UnavailableCode));
        Assert.That(result.Error.Message, Is.EqualTo($"The '{engine}' engine at 127.0.0.1 did not answer within 0.3 s."));
    }

    [Test]
    public void Cancelling_the_job_cancels_the_call_instead_of_reporting_a_failure()
    {
        _host.Wire.Answer = async (_, http) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(
            async () => await _host.Recognizer(engine).RecognizeAsync(_host.TonePcm(0.25), cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private async Task<Error> FailWith(Func<HttpContext, Task> answer)
    {
        _host.Wire.Answer = (_, http) => answer(http);
        var before = _host.Wire.Requests.Count;

        var result = await _host.Recognizer(engine).RecognizeAsync(_host.TonePcm(0.25));

        Assert.That(result.IsFailure, Is.True, "the call should fail");
        Assert.That(_host.Wire.Requests, Has.Count.EqualTo(before + 1), "one attempt: retrying is the job queue's business");
        return result.Error;
    }
}
