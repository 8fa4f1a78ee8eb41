using System.Net;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Security;

/// <summary>
/// Around every answer (ADR 0068): no sniffing, framing or referrer, an API content policy; HSTS on HTTPS
/// outside Development — here HTTPS as a trusted proxy reports it, since the test server speaks HTTP —
/// and forwarded headers believed only from the proxy the operator names.
/// </summary>
public sealed class TransportSecurityTests : DatabaseFixture
{
    /// <summary>HSTS is never sent for localhost names, so the requests name a real host.</summary>
    private const string PublicHost = "voicenote.example";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        ["ForwardedHeaders:KnownProxies:1"] = "::1",
    };

    [TestCase("/health/live")]
    [TestCase("/api/v1/notes")]
    [TestCase("/openapi/v1.json")]
    public async Task Every_answer_forbids_sniffing_framing_and_referrers(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'"));
        });
    }

    [Test]
    public async Task Https_reported_by_the_trusted_proxy_gets_strict_transport_security()
    {
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        viaProxy.Headers.Host = PublicHost;
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        plain.Headers.Host = PublicHost;

        var secured = await Client.SendAsync(viaProxy);
        var unsecured = await Client.SendAsync(plain);
        Assert.Multiple(() =>
        {
            Assert.That(secured.Headers.TryGetValues("Strict-Transport-Security", out var hsts) ? hsts.Single() : null, Does.Contain("max-age=31536000").And.Contain("includeSubDomains"));
            Assert.That(unsecured.Headers.Contains("Strict-Transport-Security"), Is.False, "HSTS only over HTTPS (RFC 6797 §7.2)");
        });
    }

    [Test]
    public async Task The_interactive_docs_work_without_the_api_content_policy()
    {
        var ui = await Client.GetAsync("/docs/index.html");
        Assert.Multiple(() =>
        {
            Assert.That(ui.StatusCode, Is.EqualTo(HttpStatusCode.OK), "on outside Production");
            Assert.That(ui.Headers.Contains("Content-Security-Policy"), Is.False);
        });
    }
}

/// <summary>Without configured proxies, forwarded headers are somebody's claim and change nothing.</summary>
public sealed class UntrustedForwardedHeadersTests : DatabaseFixture
{
    [Test]
    public async Task A_client_cannot_claim_https()
    {
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        forged.Headers.Host = "voicenote.example";
        forged.Headers.Add("X-Forwarded-Proto", "https");
        var response = await Client.SendAsync(forged);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False);
        });
    }
}

/// <summary>The interactive docs can be switched off (the default in Production); the document stays.</summary>
public sealed class DocsSwitchTests : DatabaseFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Api:Docs:Enabled"] = "false" };

    [Test]
    public async Task Docs_switched_off_answer_404_while_the_document_is_served()
    {
        Assert.Multiple(async () =>
        {
            Assert.That((await Client.GetAsync("/docs/index.html")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await Client.GetAsync("/openapi/v1.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }
}
