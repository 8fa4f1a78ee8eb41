using System.Net;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Contract;

/// <summary>Retiring v1 is configuration: once set, every v1 answer carries Deprecation, Sunset and a Link (RFC 9745, RFC 8594).</summary>
public sealed class VersionSunsetTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Api:Versions:v1:Deprecated"] = "2027-01-01T00:00:00Z",
        ["Api:Versions:v1:Sunset"] = "2027-07-01T00:00:00Z",
        ["Api:Versions:v1:Link"] = "https://voicenote.example/docs/migrate-to-v2",
    };

    [Test]
    public async Task Every_v1_answer_announces_the_end_even_an_error()
    {
        var account = await this.CreateAccountAsync("sunset");
        using var client = this.ClientFor(account);
        foreach (var response in new[] { await client.GetAsync("/api/v1/me"), await AnonymousClient.GetAsync("/api/v1/notes") })
        {
            Assert.Multiple(() =>
            {
                Assert.That(response.Headers.GetValues("Deprecation").Single(), Is.EqualTo("@1798761600"));
                Assert.That(response.Headers.GetValues("Sunset").Single(), Is.EqualTo("Thu, 01 Jul 2027 00:00:00 GMT"));
                Assert.That(response.Headers.GetValues("Link"), Has.Some.EqualTo("<https://voicenote.example/docs/migrate-to-v2>; rel=\"deprecation\"; type=\"text/html\""));
            });
        }

        var health = await AnonymousClient.GetAsync("/health/live");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(health.Headers.Contains("Sunset"), Is.False, "only the versioned API is retired");
    }
}

/// <summary>While no version is being retired, no answer says so.</summary>
public sealed class NoSunsetTests : DatabaseFixture
{
    [Test]
    public async Task Without_configuration_no_deprecation_headers_are_sent()
    {
        var account = await this.CreateAccountAsync("nosunset");
        using var client = this.ClientFor(account);
        var response = await client.GetAsync("/api/v1/me");
        Assert.That(response.Headers.Contains("Deprecation") || response.Headers.Contains("Sunset"), Is.False);
    }
}
