using System.Net;
using System.Text.Json.Nodes;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Web;

/// <summary>
/// A host whose web app folder is empty (web/ never built) still serves the API, and says at / what is
/// missing; the <c>openapi</c> verb the web build generates its types from writes the document this
/// host serves (docs/decisions/0091).
/// </summary>
public sealed class WebAppNotBuiltTests : DatabaseFixture
{
    private readonly DirectoryInfo _emptyRoot = Directory.CreateTempSubdirectory("vn-web-empty-");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Web:Root"] = _emptyRoot.FullName };

    [OneTimeTearDown]
    public void RemoveFolder() => _emptyRoot.Delete(recursive: true);

    [Test]
    public async Task Without_a_built_app_the_root_says_so_and_the_api_still_answers()
    {
        var root = await Client.GetAsync("/");
        Assert.That(root.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(root.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(await root.Content.ReadAsStringAsync(), Does.Contain("web app is not built").And.Contain("build/run.sh"));

        Assert.That((await Client.GetAsync("/notes")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no page to fall back to");
        Assert.That((await Client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.GetAsync("/api/v1/notes")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the API is there");
    }

    [Test]
    public async Task The_openapi_verb_writes_the_document_the_host_serves()
    {
        var file = Path.Combine(_emptyRoot.FullName, "v1.json");
        var program = Path.Combine(AppContext.BaseDirectory, "VoiceNote.WebApi.dll");
        var run = Bash.Run(["-c", $"cd '{AppContext.BaseDirectory}' && exec dotnet '{program}' openapi '{file}' --Logging:LogLevel:Default=Error"], timeout: TimeSpan.FromMinutes(1));
        Assert.That(run.ExitCode, Is.Zero, run.Text + run.Errors);

        var written = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var served = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        Assert.That(Keys(written["paths"]), Has.Count.GreaterThan(50));
        // The test host adds its probe module's routes; the rest is the product's.
        var servedPaths = Keys(served["paths"]).Where(p => !p.StartsWith("/api/v1/probe", StringComparison.Ordinal)).ToList();
        Assert.That(Keys(written["paths"]), Is.EqualTo(servedPaths), "the same operations");
        Assert.That(Keys(written["components"]?["schemas"]), Is.SubsetOf(Keys(served["components"]?["schemas"])), "the same schemas");
        Assert.That(written["paths"]!["/api/v1/notes"]!.ToJsonString(), Is.EqualTo(served["paths"]!["/api/v1/notes"]!.ToJsonString()));
    }

    private static List<string> Keys(JsonNode? node) => node?.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList() ?? [];
}
