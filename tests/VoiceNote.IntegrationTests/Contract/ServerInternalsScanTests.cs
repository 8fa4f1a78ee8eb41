using System.Text;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Harness.Conformance;

namespace VoiceNote.IntegrationTests.Contract;

/// <summary>The scan every fixture runs over its answers finds what it is meant to find, and only that.</summary>
public sealed class ServerInternalsScanTests
{
    private const string Storage = "/srv/voicenote/storage";

    [TestCase("{\"detail\":\"Could not read " + Storage + "/audio/tmp/x.part\"}")]
    [TestCase("{\"error\":\"   at VoiceNote.Jobs.Run(Job job) in /src/Jobs.cs:line 42\"}")]
    [TestCase("{\"error\":\"Npgsql.NpgsqlException: connection refused\"}")]
    public void A_path_or_a_stack_trace_is_a_violation(string body) =>
        Assert.That(ServerInternals.Violations(Problem(body), Storage), Has.Exactly(1).Items);

    [Test]
    public void The_checkout_path_is_a_violation() =>
        Assert.That(ServerInternals.Violations(Problem($"{{\"detail\":\"{RepositoryRoot.Path}/x\"}}"), Storage), Has.Exactly(1).Items);

    [TestCase("{\"detail\":\"The file could not be read: it ends early.\"}")]
    [TestCase("{\"title\":\"Notes at /home and the office\"}")]
    public void Plain_words_are_not(string body) =>
        Assert.That(ServerInternals.Violations(Problem(body), Storage), Is.Empty);

    private static RecordedExchange Problem(string body) =>
        new("GET", "/api/v1/x", "/api/v1/x", 400, "application/problem+json", null, Encoding.UTF8.GetBytes(body), false);
}
