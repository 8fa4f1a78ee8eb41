using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Contract;

/// <summary>
/// The HTTP conventions a browser app or a partner's client relies on (issue 11): CORS for configured
/// origins only, compressed JSON, and 400s that name the field without the framework's words.
/// </summary>
public sealed class HttpConventionsTests : DatabaseFixture
{
    private const string AllowedOrigin = "https://app.voicenote.example";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cors:AllowedOrigins:0"] = AllowedOrigin,
    };

    [TestCase("/api/v1/notes", "PATCH", TestName = "A preflight from an allowed origin passes for the API")]
    [TestCase("/connect/token", "POST", TestName = "A preflight from an allowed origin passes for the token endpoint (a web app's code exchange)")]
    public async Task Preflight_from_an_allowed_origin(string path, string method)
    {
        var response = await Preflight(path, AllowedOrigin, method, "authorization,content-type,if-match");
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(204));
            Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(AllowedOrigin));
            Assert.That(Header(response, "Access-Control-Allow-Methods"), Does.Contain(method));
            Assert.That(Header(response, "Access-Control-Allow-Headers")?.ToLowerInvariant(), Does.Contain("if-match").And.Contain("authorization"));
        });
    }

    [Test]
    public async Task A_preflight_from_another_origin_is_refused()
    {
        var response = await Preflight("/api/v1/notes", "https://evil.example", "DELETE", "authorization");
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.Null, "without it the browser refuses the call");
    }

    [Test]
    public async Task A_cross_origin_call_exposes_the_headers_clients_read()
    {
        var account = await this.CreateAccountAsync("cors");
        using var client = this.ClientFor(account);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notes");
        request.Headers.Add("Origin", AllowedOrigin);
        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(AllowedOrigin));
        Assert.That(Header(response, "Access-Control-Expose-Headers")?.Split(',').Select(h => h.Trim()),
            Is.SupersetOf(new[] { "Location", "ETag", "Link", "Retry-After" }));
    }

    [TestCase("br")]
    [TestCase("gzip")]
    public async Task Json_answers_are_compressed_when_the_client_accepts_it(string encoding)
    {
        var account = await this.CreateAccountAsync("compress");
        using var client = this.ClientFor(account);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        var response = await client.SendAsync(request);

        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { encoding }));
        await using var compressed = await response.Content.ReadAsStreamAsync();
        await using Stream plain = encoding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
        var me = await JsonSerializer.DeserializeAsync<JsonElement>(plain);
        Assert.That(me.GetProperty("id").GetGuid(), Is.EqualTo(account.UserId));
    }

    [Test]
    public async Task A_query_value_of_the_wrong_type_is_a_400_naming_the_field_in_the_clients_words()
    {
        var account = await this.CreateAccountAsync("badquery");
        using var client = this.ClientFor(account);
        var response = await client.GetAsync("/api/v1/notes?limit=lots");

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "bad_request");
        Assert.That(problem.GetProperty("errors").TryGetProperty("limit", out _), Is.True, problem.ToString());
        AssertNoFrameworkWords(problem);
    }

    [TestCase("/api/v1/notes/not-a-note-id", "id")]
    [TestCase("/api/v1/notes/12345/tasks", "noteId")]
    [TestCase("/api/v1/audio/zzz/transcripts", "id")]
    public async Task A_malformed_id_is_a_400_naming_it_and_a_well_formed_unknown_one_is_a_404(string path, string field)
    {
        var account = await this.CreateAccountAsync("badid");
        using var client = this.ClientFor(account);

        var malformed = await client.GetAsync(path);
        var problem = await malformed.AssertProblem(HttpStatusCode.BadRequest, "bad_request");
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        AssertNoFrameworkWords(problem);

        var unknown = await client.GetAsync(path.Replace(path.Split('/')[4], Guid.NewGuid().ToString(), StringComparison.Ordinal));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_json_value_of_the_wrong_type_is_a_400_naming_the_field()
    {
        var response = await AnonymousClient.PostAsJsonAsync("/api/v1/auth/register", new { email = 5, username = "x", password = "y" });

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "bad_request");
        Assert.That(problem.GetProperty("errors").TryGetProperty("email", out _), Is.True, problem.ToString());
        AssertNoFrameworkWords(problem);
    }

    [Test]
    public async Task Every_query_parameter_in_the_openapi_document_is_camel_case()
    {
        var document = await AnonymousClient.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var names = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => op.Value.ValueKind == JsonValueKind.Object && op.Value.TryGetProperty("parameters", out _))
                .SelectMany(op => op.Value.GetProperty("parameters").EnumerateArray()
                    .Where(p => p.GetProperty("in").GetString() == "query")
                    .Select(p => $"{op.Name.ToUpperInvariant()} {path.Name} ?{p.GetProperty("name").GetString()}")))
            .ToList();

        Assert.That(names, Is.Not.Empty, "the document has query parameters to check");
        Assert.That(names.Where(n => !char.IsLower(n[n.IndexOf('?') + 1])), Is.Empty);
    }

    private static void AssertNoFrameworkWords(JsonElement problem)
    {
        var text = problem.ToString();
        foreach (var word in new[] { "Failed to bind", "Nullable", "System.", "Int32", "String", "LineNumber", "BytePosition", "/tmp", "\\" })
        {
            Assert.That(text, Does.Not.Contain(word), $"the problem shows framework internals ({word}): {text}");
        }
    }

    private Task<HttpResponseMessage> Preflight(string path, string origin, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return AnonymousClient.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
