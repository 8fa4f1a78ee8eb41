using System.Net;
using System.Net.Http.Json;
using System.Text;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Identity;

/// <summary>Whatever a client sends, the account endpoints answer with a 4xx problem, never a 500.</summary>
public sealed class MalformedRequestTests : DatabaseFixture
{
    private static readonly string[] JsonEndpoints = ["/api/v1/auth/register", "/api/v1/auth/sign-in", "/api/v1/auth/refresh"];

    public static IEnumerable<TestCaseData> Bodies()
    {
        yield return new TestCaseData("{\"email\": ", "application/json", HttpStatusCode.BadRequest).SetName("Invalid JSON");
        yield return new TestCaseData("[1,2,3]", "application/json", HttpStatusCode.BadRequest).SetName("An array instead of an object");
        yield return new TestCaseData("{\"email\": 42, \"login\": true, \"refreshToken\": {}}", "application/json", HttpStatusCode.BadRequest).SetName("Wrong types");
        yield return new TestCaseData("{}", "application/json", HttpStatusCode.BadRequest).SetName("Missing fields");
        yield return new TestCaseData("null", "application/json", HttpStatusCode.BadRequest).SetName("A JSON null body");
        yield return new TestCaseData("email=a@b.c", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType).SetName("A form instead of JSON");
        yield return new TestCaseData("<xml/>", "text/xml", HttpStatusCode.UnsupportedMediaType).SetName("XML");
    }

    [TestCaseSource(nameof(Bodies))]
    public async Task Malformed_bodies_are_4xx_problems(string body, string contentType, HttpStatusCode expected)
    {
        foreach (var endpoint in JsonEndpoints)
        {
            var response = await AnonymousClient.PostAsync(endpoint, new StringContent(body, Encoding.UTF8, contentType));
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(expected), $"{endpoint}: {text}");
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), endpoint);
        }
    }

    [Test]
    public async Task Huge_strings_are_refused_as_invalid_fields()
    {
        var huge = new string('a', 100_000);
        var response = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/register", new { email = huge + "@example.test", username = huge, password = "Aa1" + huge, displayName = huge });
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "email", "username", "password", "displayName" }));
    }

    [Test]
    public async Task A_body_over_the_request_limit_is_a_413_problem()
    {
        var huge = new string('a', 2 * 1024 * 1024);
        var response = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/sign-in", new { login = huge, password = "x" });
        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Test]
    public async Task Authenticated_endpoints_refuse_malformed_bodies_the_same_way()
    {
        var account = await this.CreateAccountAsync("malformed");
        using var client = this.ClientFor(account);
        var wrongType = await client.PatchAsync("/api/v1/me", new StringContent("{\"displayName\": [1]}", Encoding.UTF8, "application/json"));
        await wrongType.AssertProblem(HttpStatusCode.BadRequest, "bad_request");
        var tooLong = await client.PatchAsJsonAsync("/api/v1/me", new { displayName = new string('x', 101) });
        await tooLong.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        var weak = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = account.Password, newPassword = "alllowercase1" });
        await weak.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}
