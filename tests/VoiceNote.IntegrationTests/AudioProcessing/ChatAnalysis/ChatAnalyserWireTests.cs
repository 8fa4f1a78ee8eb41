using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Domain.Results;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Analysis;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Analysis;
using VoiceNote.Modules.AudioProcessing.Speech.Engines;
using VoiceNote.Modules.Identity.Contracts;

namespace VoiceNote.IntegrationTests.AudioProcessing.ChatAnalysis;

/// <summary>
/// The chat analyser, wired as the module wires it (options, IHttpClientFactory), against a real HTTP
/// server speaking OpenAI's chat-completions format: what it sends, and how it reads every answer.
/// </summary>
public sealed class ChatAnalyserWireTests
{
    private const string Key = "sk-test-wire-0123456789abcdef";
    private const string Transcript = "call the dentist tomorrow at five pm and buy milk";

    private WireServer _wire = null!;
    private ServiceProvider _services = null!;

    private static AnalysisInput Input => new()
    {
        Text = Transcript,
        Words = [
            new("call", 0.11, 0.39, 0.5), new("the", 0.40, 0.46, 0.5), new("dentist", 0.47, 1.02, 0.84), new("tomorrow", 1.03, 1.51, 0.57),
            new("at", 1.52, 1.74, 0.37), new("five", 1.75, 2.08, 0.99), new("pm", 2.09, 2.55, 1), new("and", 2.56, 2.83, 0.6),
            new("buy", 2.84, 3.01, 0.95), new("milk", 3.02, 3.46, 0.99),
        ],
        CreatedAt = new DateTimeOffset(2026, 11, 20, 13, 0, 0, TimeSpan.Zero),
        Language = "en",
        Owner = new()
        {
            TimeZone = "Europe/Berlin",
            WorkStartHour = 8,
            WorkEndHour = 16,
            WorkDays = [2, 3, 4, 5, 6],
            Role = "DEVELOPER",
            SystemPrompt = "Keep summaries under two sentences.",
            Jargon = ["Kubernetes", "standup"],
        },
    };

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _wire = await WireServer.StartAsync();
        _services = Services(new()
        {
            ["Analysis:OpenAi:BaseUrl"] = new Uri(_wire.BaseAddress, "v1").ToString(),
            ["Analysis:OpenAi:Model"] = "gpt-4o-mini",
            ["Analysis:OpenAi:Timeout"] = "00:00:30",
        });
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        await _services.DisposeAsync();
        await _wire.DisposeAsync();
    }

    [Test]
    public async Task A_good_answer_gives_the_tasks_with_the_deadline_the_model_resolved_and_the_request_carries_the_owners_steering()
    {
        _wire.Answer = ChatWire.Answering(ChatWire.DentistAndMilk);
        var before = _wire.Requests.Count;

        var result = await Analyser().AnalyseAsync(Input);

        Assert.That(result.IsSuccess, Is.True, result.IsFailure ? result.Error.Message : null);
        var sent = _wire.Requests.Skip(before).Single();
        var body = ChatWire.Body(sent);
        var format = body["response_format"]!;
        var system = ChatWire.SystemMessage(sent);
        var user = ChatWire.UserMessage(sent);
        Assert.Multiple(() =>
        {
            Assert.That((sent.Method, sent.Path), Is.EqualTo(("POST", "/v1/chat/completions")));
            Assert.That(sent.Headers["Authorization"], Is.EqualTo("Bearer " + Key));
            Assert.That(sent.ContentType, Does.StartWith("application/json"));
            Assert.That(body["model"]!.GetValue<string>(), Is.EqualTo("gpt-4o-mini"));
            Assert.That(body["temperature"]!.GetValue<double>(), Is.Zero);
            Assert.That(format["type"]!.GetValue<string>(), Is.EqualTo("json_schema"));
            Assert.That(format["json_schema"]!["strict"]!.GetValue<bool>(), Is.True);
            Assert.That(format["json_schema"]!["name"]!.GetValue<string>(), Is.EqualTo("voice_note_analysis"));
            Assert.That(format["json_schema"]!["schema"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "title", "summary", "tasks", "key_moments", "sentiment" }));
            Assert.That(system, Does.Contain("role is DEVELOPER"));
            Assert.That(system, Does.Contain("Keep summaries under two sentences."));
            Assert.That(system, Does.Contain("Kubernetes, standup"));
            Assert.That(system, Does.Contain("2026-11-20T14:00:00+01:00 (Friday) in the owner's time zone Europe/Berlin"));
            Assert.That(system, Does.Contain("08:00-16:00 on Monday, Tuesday, Wednesday, Thursday, Friday"));
            Assert.That(user, Does.Contain(Transcript));
            Assert.That(user, Does.Contain("[00:00] call the dentist tomorrow at five pm and buy milk"));
        });

        var analysis = result.Value;
        Assert.Multiple(() =>
        {
            Assert.That(analysis.Tasks.Select(t => t.Description), Is.EqualTo(new[] { "Call the dentist", "Buy milk" }));
            Assert.That(analysis.Tasks[0].Deadline, Is.EqualTo(new DateTimeOffset(2026, 11, 21, 17, 0, 0, TimeSpan.FromHours(1))));
            Assert.That(analysis.Tasks[0].Channel, Is.EqualTo(CommunicationType.Call));
            Assert.That(analysis.Tasks[1].Deadline, Is.Null);
            Assert.That(analysis.Tasks[1].Priority, Is.EqualTo(TaskPriority.Low));
            Assert.That(analysis.Title, Is.EqualTo("Dentist and milk"));
            Assert.That(analysis.Summary, Is.EqualTo("Call the dentist tomorrow at 5 pm and buy milk."));
            Assert.That(analysis.KeyMoments.Select(m => m.Timestamp), Is.EqualTo(new[] { "00:00:00", "00:00:02" }));
            Assert.That(analysis.Engine, Is.EqualTo("openai-chat:gpt-4o-mini"));
            Assert.That(analysis.Language, Is.EqualTo("en"));
        });
    }

    [Test]
    public async Task A_rate_limit_is_transient_with_the_servers_delay_in_seconds_or_as_a_date()
    {
        _wire.Answer = (_, http) =>
        {
            http.Response.Headers.RetryAfter = "17";
            return WireServer.Json(http, 429, """{"error":{"message":"Rate limit reached for gpt-4o-mini","type":"requests","code":"rate_limit_exceeded"}}""");
        };
        var seconds = (await Analyser().AnalyseAsync(Input)).Error;

        _wire.Answer = (_, http) =>
        {
            http.Response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddMinutes(2).ToString("R");
            return WireServer.Json(http, 429, "{}");
        };
        var date = (await Analyser().AnalyseAsync(Input)).Error;

        _wire.Answer = (_, http) => WireServer.Json(http, 429, "{}");
        var none = (await Analyser().AnalyseAsync(Input)).Error;

        Assert.Multiple(() =>
        {
            Assert.That(seconds.Code, Is.EqualTo(EngineFailures.RateLimitedCode));
            Assert.That(EngineFailures.IsTransient(seconds), Is.True);
            Assert.That(((RateLimitedError)seconds).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(17)));
            Assert.That(((RateLimitedError)date).RetryAfter, Is.InRange(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(121)));
            Assert.That(((RateLimitedError)none).RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)));
        });
    }

    [Test]
    public async Task A_server_error_is_unavailable_and_transient()
    {
        _wire.Answer = (_, http) => WireServer.Json(http, 500, """{"error":{"message":"The server had an error while processing your request."}}""");
        var error = (await Analyser().AnalyseAsync(Input)).Error;
        Assert.That((error.Code, EngineFailures.IsTransient(error)), Is.EqualTo((EngineFailures.UnavailableCode, true)));
    }

    [Test]
    public async Task A_rejected_key_is_permanent_and_never_quoted()
    {
        _wire.Answer = (_, http) => WireServer.Json(http, 401, $$$"""{"error":{"message":"Incorrect API key provided: {{{Key}}}.","type":"invalid_request_error","code":"invalid_api_key"}}""");
        var error = (await Analyser().AnalyseAsync(Input)).Error;
        Assert.Multiple(() =>
        {
            Assert.That((error.Code, EngineFailures.IsTransient(error)), Is.EqualTo((EngineFailures.KeyRejectedCode, false)));
            Assert.That(error.Message, Does.Not.Contain(Key));
        });
    }

    [Test]
    public async Task Another_client_error_is_refused_with_the_status_in_the_projects_words_never_the_servers()
    {
        _wire.Answer = (_, http) => WireServer.Json(http, 400, $$$"""{"error":{"message":"Invalid schema for response_format (key {{{Key}}}): 'strict' is not supported by this model.","type":"invalid_request_error"}}""");
        var error = (await Analyser().AnalyseAsync(Input)).Error;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(EngineFailures.RefusedCode));
            Assert.That(error.Message, Is.EqualTo("The 'openai-chat:gpt-4o-mini' engine at 127.0.0.1 refused the request (400)."));
        });
    }

    [TestCase("{\"summary\": \"Dentist\", \"tasks\": \"call the dentist\"}", TestName = "tasks that are not a list")]
    [TestCase("Sure! Here is the analysis: call the dentist.", TestName = "prose instead of JSON")]
    [TestCase("{\"summary\": \"Dentist\", \"tasks\": [{\"description\": \"Call", TestName = "cut off")]
    public async Task Malformed_content_is_a_bad_answer(string content)
    {
        _wire.Answer = ChatWire.Answering(content);
        var error = (await Analyser().AnalyseAsync(Input)).Error;
        Assert.That((error.Code, EngineFailures.IsTransient(error)), Is.EqualTo((EngineFailures.BadAnswerCode, false)));
    }

    [Test]
    public async Task A_body_that_is_not_a_completion_is_a_bad_answer()
    {
        _wire.Answer = (_, http) =>
        {
            http.Response.StatusCode = 200;
            http.Response.ContentType = "text/html";
            return http.Response.WriteAsync("<html><body>Welcome to nginx!</body></html>");
        };
        Assert.That((await Analyser().AnalyseAsync(Input)).Error.Code, Is.EqualTo(EngineFailures.BadAnswerCode));
    }

    [Test]
    public async Task A_refusal_is_refused_in_the_projects_words()
    {
        _wire.Answer = (_, http) => WireServer.Json(http, 200, ChatWire.Refusal("I'm sorry, I can't assist with that request."));
        var error = (await Analyser().AnalyseAsync(Input)).Error;
        Assert.Multiple(() =>
        {
            Assert.That((error.Code, EngineFailures.IsTransient(error)), Is.EqualTo((EngineFailures.RefusedCode, false)));
            Assert.That(error.Message, Is.EqualTo("The 'openai-chat:gpt-4o-mini' engine declined to analyse this note."));
        });
    }

    [Test]
    public async Task An_endless_answer_is_cut_at_the_limit_and_is_not_used()
    {
        using var small = Services(new()
        {
            ["Analysis:OpenAi:BaseUrl"] = new Uri(_wire.BaseAddress, "v1").ToString(),
            ["Engines:MaxAnswerBytes"] = "65536",
        });
        var hungUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _wire.Answer = (_, http) => WireServer.EndlessJson(http, hungUp);

        var error = (await Analyser(small).AnalyseAsync(Input)).Error;

        Assert.Multiple(() =>
        {
            Assert.That((error.Code, EngineFailures.IsTransient(error)), Is.EqualTo((EngineFailures.AnswerTooLargeCode, false)));
            Assert.That(error.Message, Does.Contain("at 127.0.0.1").And.Contain("0.1 MiB"));
        });
        Assert.That(await Task.WhenAny(hungUp.Task, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(hungUp.Task), "the analyser hung up instead of reading on");
    }

    [Test]
    public async Task A_redirect_is_not_followed()
    {
        var before = _wire.Requests.Count;
        _wire.Answer = (request, http) =>
        {
            http.Response.StatusCode = 307;
            http.Response.Headers.Location = new Uri(_wire.BaseAddress, "elsewhere/v1/chat/completions").ToString();
            return Task.CompletedTask;
        };

        var error = (await Analyser().AnalyseAsync(Input)).Error;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(EngineFailures.RefusedCode));
            Assert.That(error.Message, Does.Contain("redirect (307)"));
            Assert.That(_wire.Requests.Skip(before).Select(r => r.Path), Is.EqualTo(new[] { "/v1/chat/completions" }), "the Location was never asked for");
        });
    }

    [Test]
    public async Task An_owners_server_on_this_machine_is_refused_unless_the_operator_allows_its_host()
    {
        var before = _wire.Requests.Count;
        _wire.Answer = ChatWire.Answering(ChatWire.DentistAndMilk);
        var owners = new ProviderCredential(ApiKeyProvider.OpenAiCompatible, Key, new Uri(_wire.BaseAddress, "compat/v1").ToString());
        using var allowing = Services(new() { ["Engines:AllowedHosts:0"] = "127.0.0.1" });

        var refused = (await _services.GetRequiredService<ChatAnalyserFactory>().Create(owners)!.AnalyseAsync(Input)).Error;
        var requestsWhileRefused = _wire.Requests.Count - before;
        var allowed = await allowing.GetRequiredService<ChatAnalyserFactory>().Create(owners)!.AnalyseAsync(Input);

        Assert.Multiple(() =>
        {
            Assert.That((refused.Code, EngineFailures.IsTransient(refused)), Is.EqualTo((EngineFailures.AddressRefusedCode, false)));
            Assert.That(refused.Message, Does.Contain("at 127.0.0.1").And.Contain("Engines:AllowedHosts"));
            Assert.That(requestsWhileRefused, Is.Zero, "nothing reached the server");
            Assert.That(allowed.IsSuccess, Is.True, allowed.IsFailure ? allowed.Error.Message : null);
            Assert.That(_wire.Requests.Skip(before).Select(r => r.Path), Is.EqualTo(new[] { "/compat/v1/chat/completions" }));
        });
    }

    [Test]
    public async Task An_unreachable_server_is_unavailable()
    {
        using var unreachable = Services(new() { ["Analysis:OpenAi:BaseUrl"] = $"http://127.0.0.1:{LoopbackPorts.Closed()}/v1" });
        var error = (await Analyser(unreachable).AnalyseAsync(Input)).Error;
        Assert.That((error.Code, EngineFailures.IsTransient(error)), Is.EqualTo((EngineFailures.UnavailableCode, true)));
    }

    [Test]
    public async Task A_server_slower_than_the_timeout_is_unavailable()
    {
        using var impatient = Services(new()
        {
            ["Analysis:OpenAi:BaseUrl"] = new Uri(_wire.BaseAddress, "v1").ToString(),
            ["Analysis:OpenAi:Timeout"] = "00:00:00.500",
        });
        _wire.Answer = async (_, http) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!http.RequestAborted.IsCancellationRequested)
            {
                await WireServer.Json(http, 200, ChatWire.Completion(ChatWire.DentistAndMilk));
            }
        };

        var error = (await Analyser(impatient).AnalyseAsync(Input)).Error;

        Assert.Multiple(() =>
        {
            Assert.That((error.Code, EngineFailures.IsTransient(error)), Is.EqualTo((EngineFailures.UnavailableCode, true)));
            Assert.That(error.Message, Is.EqualTo("The 'openai-chat:gpt-4o-mini' engine at 127.0.0.1 did not answer within 0.5 s."));
        });
    }

    [Test]
    public async Task Nothing_said_costs_no_request()
    {
        var before = _wire.Requests.Count;
        var result = await Analyser().AnalyseAsync(Input with { Text = "  ", Words = [] });
        Assert.Multiple(() =>
        {
            Assert.That(result.Value.Tasks, Is.Empty);
            Assert.That(result.Value.Summary, Is.Empty);
            Assert.That(_wire.Requests, Has.Count.EqualTo(before));
        });
    }

    private ITextAnalyser Analyser(ServiceProvider? provider = null) =>
        (provider ?? _services).GetRequiredService<ChatAnalyserFactory>().Create(new ProviderCredential(ApiKeyProvider.OpenAi, Key, null))!;

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddChatAnalysis(configuration).BuildServiceProvider();
    }
}
