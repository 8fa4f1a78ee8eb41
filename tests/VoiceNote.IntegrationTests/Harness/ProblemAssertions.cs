using System.Net;
using System.Text.Json;

namespace VoiceNote.IntegrationTests.Harness;

internal static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 problem with the status and code, and returns its body for further checks.</summary>
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo(code), body);
            Assert.That(problem.GetProperty("traceId").GetString(), Is.Not.Empty);
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo($"urn:voicenote:problem:{code}"));
        });
        return problem;
    }
}
