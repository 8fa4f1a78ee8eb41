using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Probe;

namespace VoiceNote.IntegrationTests.Foundation;

/// <summary>The host over a real socket: every error is a problem with a stable code, never a bare status or a stack trace.</summary>
public sealed class HttpPipelineTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:auth:PermitLimit"] = "3",
        ["RateLimits:auth:WindowSeconds"] = "600",
        ["Api:MaxRequestBodyBytes"] = "4096",
    };

    [Test]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        var response = await Client.GetAsync("/api/v1/no-such-thing");
        var problem = await response.AssertProblem(HttpStatusCode.NotFound, "not_found");
        Assert.That(problem.GetProperty("instance").GetString(), Is.EqualTo("/api/v1/no-such-thing"));
    }

    [Test]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await Client.DeleteAsync("/api/v1/probe/items");
        await response.AssertProblem(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Test]
    public async Task A_valid_command_is_created()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/probe/items", new { displayName = "hello", count = 2 });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location?.ToString(), Does.StartWith("/api/v1/probe/items/"));
    }

    [Test]
    public async Task A_validation_failure_is_a_400_problem_listing_every_field()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/probe/items", new { displayName = "", count = 99 });
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(errors.GetProperty("displayName").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(errors.GetProperty("count")[0].GetString(), Does.Contain("between 1 and 10"));
        });
    }

    [TestCase("{\"displayName\": \"x\", ", TestName = "Truncated JSON is a 400 problem")]
    [TestCase("{\"displayName\": 5, \"count\": \"many\"}", TestName = "Wrong JSON types are a 400 problem")]
    [TestCase("", TestName = "A missing body is a 400 problem")]
    public async Task Unreadable_bodies_are_400_problems(string body)
    {
        var response = await Client.PostAsync("/api/v1/probe/items", new StringContent(body, Encoding.UTF8, "application/json"));
        await response.AssertProblem(HttpStatusCode.BadRequest, "bad_request");
    }

    [Test]
    public async Task A_wrong_content_type_is_a_415_problem()
    {
        var response = await Client.PostAsync("/api/v1/probe/items", new StringContent("displayName=x", Encoding.UTF8, "text/plain"));
        await response.AssertProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Test]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var huge = JsonSerializer.Serialize(new { displayName = new string('x', 10_000), count = 1 });
        var response = await Client.PostAsync("/api/v1/probe/items", new StringContent(huge, Encoding.UTF8, "application/json"));
        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Test]
    public async Task An_unhandled_exception_is_a_500_problem_without_details()
    {
        var response = await Client.GetAsync("/api/v1/probe/boom");
        await response.AssertProblem(HttpStatusCode.InternalServerError, "internal_error");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(body, Does.Not.Contain(ProbeFaultEndpoints.SecretInException));
            Assert.That(body, Does.Not.Contain("InvalidOperationException"));
            Assert.That(body, Does.Not.Contain(" at "));
        });
    }

    [Test]
    public async Task Going_over_a_rate_limit_is_a_429_problem_with_retry_after()
    {
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await Client.GetAsync("/api/v1/probe/limited");
        }

        await last!.AssertProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(last!.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task Health_endpoints_report_live_and_ready_against_the_real_database()
    {
        var live = await Client.GetAsync("/health/live");
        var ready = await Client.GetAsync("/health/ready");
        var readyBody = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(readyBody.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
            Assert.That(readyBody.GetProperty("checks").GetProperty("database").GetProperty("description").GetString(), Does.StartWith("PostgreSQL answers; vector 0."));
            Assert.That(readyBody.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public async Task The_openapi_document_is_valid_json_describing_the_routes()
    {
        var response = await Client.GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(document.GetProperty("openapi").GetString(), Does.StartWith("3."));
            Assert.That(document.GetProperty("paths").TryGetProperty("/api/v1/probe/items", out _), Is.True);
        });

        var ui = await Client.GetAsync("/docs/index.html");
        Assert.That(ui.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_sane_correlation_id_is_echoed_and_a_hostile_one_replaced()
    {
        using var sane = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-Id", "abc-123" } } };
        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-Id", "<script>alert(1)</script>" } } };
        var saneResponse = await Client.SendAsync(sane);
        var hostileResponse = await Client.SendAsync(hostile);
        Assert.Multiple(() =>
        {
            Assert.That(saneResponse.Headers.GetValues("X-Correlation-Id").Single(), Is.EqualTo("abc-123"));
            Assert.That(hostileResponse.Headers.GetValues("X-Correlation-Id").Single(), Does.Match("^[A-Za-z0-9._-]+$"));
        });
    }
}
