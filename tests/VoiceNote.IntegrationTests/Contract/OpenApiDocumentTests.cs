using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Security;

namespace VoiceNote.IntegrationTests.Contract;

/// <summary>
/// The OpenAPI document is a contract partners generate clients from (issue 11): every operation has a
/// stable name, a typed success body, its problem answers, and says when it needs no token. Checked
/// against the running host's document, so a new endpoint is covered the moment it is mapped.
/// </summary>
public sealed partial class OpenApiDocumentTests : DatabaseFixture
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Operations whose success body is not JSON, so they have no JSON schema to check.</summary>
    private static readonly string[] NonJsonSuccess =
    [
        // The audio bytes themselves (200 or 206 for a range).
        "GET /api/v1/audio/{id}/content",
        "GET /api/v1/cases/{id}/recordings/{audioId}/content",

        // Server-sent events (text/event-stream).
        "GET /api/v1/audio/{id}/processing/events",
        "GET /api/v1/exports/{id}/events",
    ];

    /// <summary>The test-only probe module (not part of the product) is mapped in this host only.</summary>
    private const string ProbePrefix = "/api/v1/probe/";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Test]
    public async Task Every_operation_is_fully_described()
    {
        var document = await DocumentAsync();
        // OpenAPI paths and route patterns are both "/api/v1/notes/{id}" (the routes have no constraints).
        var routes = RouteTable.Read(Api.Services).ToDictionary(r => r.Name, StringComparer.Ordinal);
        var operations = Operations(document).ToList();
        var failures = new List<string>();
        foreach (var (name, operation) in operations)
        {
            if (!routes.TryGetValue(name, out var route))
            {
                failures.Add($"{name}: not in the host's route table, so its access is unknown");
                continue;
            }

            failures.AddRange(Problems(name, operation, route.IsPublic).Select(problem => $"{name}: {problem}"));
        }

        failures.AddRange(NonJsonSuccess.Except(operations.Select(o => o.Name)).Select(name => $"{name}: allow-listed but not in the document"));
        Assert.That(operations, Has.Count.GreaterThan(50), "the document was read");
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }

    [Test]
    public async Task Operation_ids_are_unique()
    {
        var document = await DocumentAsync();
        var duplicates = Operations(document)
            .Select(o => o.Operation["operationId"]?.GetValue<string>())
            .OfType<string>()
            .GroupBy(id => id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        Assert.That(duplicates, Is.Empty);
    }

    [Test]
    public async Task The_upload_describes_its_body_as_a_multipart_file_or_the_raw_audio()
    {
        var document = await DocumentAsync();
        var content = document["paths"]?["/api/v1/audio"]?["post"]?["requestBody"]?["content"]?.AsObject();
        Assert.That(content, Is.Not.Null, "the upload has a request body");
        var multipart = content!["multipart/form-data"]?["schema"];
        Assert.Multiple(() =>
        {
            Assert.That(multipart?["properties"]?["file"]?["format"]?.GetValue<string>(), Is.EqualTo("binary"));
            Assert.That(multipart?["required"]?.AsArray().Select(r => r?.GetValue<string>()), Has.Member("file"));
            Assert.That(multipart?["properties"]?.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "title", "recordedAt", "engine" }));
            Assert.That(content["audio/*"]?["schema"]?["format"]?.GetValue<string>(), Is.EqualTo("binary"));
        });
    }

    [Test]
    public async Task No_request_body_is_described_as_an_untyped_json_element()
    {
        var document = await DocumentAsync();
        var untyped = Operations(document)
            .Where(o => o.Operation["requestBody"]?["content"]?.AsObject().Any(c => c.Value?["schema"]?["$ref"]?.GetValue<string>()?.EndsWith("/JsonElement", StringComparison.Ordinal) == true) == true)
            .Select(o => o.Name)
            .ToList();
        Assert.That(untyped, Is.Empty, "merge-patch bodies show their fields (Accepts<T>)");
        var schema = document["paths"]?["/api/v1/notes/{id}"]?["patch"]?["requestBody"]?["content"]?["application/merge-patch+json"]?["schema"];
        var reference = schema?["$ref"]?.GetValue<string>();
        var fields = reference is null ? schema : document["components"]?["schemas"]?[reference.Split('/')[^1]];
        Assert.That(fields?["properties"]?.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "title", "summary", "priority" }), schema?.ToJsonString());
    }

    [Test]
    public async Task Every_tag_says_what_its_operations_are_for()
    {
        var document = await DocumentAsync();
        var described = (document["tags"]?.AsArray() ?? [])
            .Where(t => t?["description"]?.GetValue<string>() is { Length: > 10 })
            .Select(t => t!["name"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        var used = Operations(document).Where(o => !o.Name.Contains(ProbePrefix, StringComparison.Ordinal))
            .SelectMany(o => o.Operation["tags"]?.AsArray().Select(t => t!.GetValue<string>()) ?? [])
            .Distinct(StringComparer.Ordinal);
        Assert.That(used.Except(described), Is.Empty, "add a description to TagDescriptions");
    }

    [Test]
    public async Task Request_fields_are_required_only_when_the_api_demands_them()
    {
        var document = await DocumentAsync();
        JsonNode? Body(string path, string method, string mediaType = "application/json")
        {
            var schema = document["paths"]?[path]?[method]?["requestBody"]?["content"]?[mediaType]?["schema"];
            return schema?["$ref"]?.GetValue<string>() is { } reference ? document["components"]?["schemas"]?[reference.Split('/')[^1]] : schema;
        }

        string[] Required(JsonNode? schema) => (schema?["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();

        Assert.Multiple(() =>
        {
            // displayName, deviceId and deviceModel may be left out; the three the validator demands may not.
            Assert.That(Required(Body("/api/v1/auth/register", "post")), Is.EqualTo(new[] { "email", "password", "username" }));
            Assert.That(Required(Body("/api/v1/notes/{id}", "patch", "application/merge-patch+json")), Is.Empty, "a merge patch sends what it changes");
            // Nullable only so that a missing value reaches the validator: [Required] says so.
            Assert.That(Required(Body("/api/v1/notes/{id}/priority", "put")), Is.EqualTo(new[] { "priority" }));
            // A response always carries every member, computed ones too.
            Assert.That(Required(document["components"]?["schemas"]?["ProcessingStatusDto"]), Does.Contain("isFinished").And.Contain("error"));
        });
    }

    [Test]
    public async Task Every_enum_is_upper_snake_and_every_date_time_a_string()
    {
        var document = await DocumentAsync();
        var schemas = Nodes(document).OfType<JsonObject>().ToList();
        var values = schemas.Where(s => s["enum"] is JsonArray).SelectMany(s => s["enum"]!.AsArray()).OfType<JsonValue>().Select(v => v.ToString()).ToList();
        var dateTimes = schemas.Where(s => s["format"]?.GetValueKind() == JsonValueKind.String && s["format"]!.GetValue<string>() == "date-time").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(values, Has.Member("COMPLETED").And.Member("OPENAI_COMPATIBLE").And.Member("PROCESSED").And.Member("HYBRID"), "the enums the API writes are listed (ADR 0061)");
            Assert.That(values.Where(v => !UpperSnake().IsMatch(v)), Is.Empty, "every enum value is UPPER_SNAKE (ADR 0061)");
            Assert.That(dateTimes, Is.Not.Empty);
            Assert.That(dateTimes.Where(s => !TypeNames(s["type"]).Contains("string")).Select(s => s.ToJsonString()), Is.Empty, "a date-time is a string");
        });
    }

    [Test]
    public async Task Server_urls_have_no_trailing_slash()
    {
        var document = await DocumentAsync();
        var urls = (document["servers"]?.AsArray() ?? []).Select(s => s?["url"]?.GetValue<string>() ?? string.Empty).ToList();
        Assert.That(urls.Where(url => url.EndsWith('/')), Is.Empty, "clients join paths onto it: a trailing slash makes '//api'");
    }

    private static IEnumerable<string> Problems(string name, JsonObject operation, bool isPublic)
    {
        if (operation["operationId"]?.GetValue<string>() is not { Length: > 0 })
        {
            yield return "no operationId";
        }

        var responses = operation["responses"]?.AsObject() ?? [];
        var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
        var needsSchema = !NonJsonSuccess.Contains(name) && success.Any(r => r.Key != "204");
        if (success.Count == 0)
        {
            yield return "no 2xx response";
        }
        else if (needsSchema && !success.Any(r => HasJsonSchema(r.Value)))
        {
            yield return $"no JSON schema for its success ({string.Join(", ", success.Select(r => r.Key))})";
        }

        if (!responses.Any(r => r.Key.StartsWith('4') && r.Value?["content"]?[ProblemJson]?["schema"] is not null))
        {
            yield return $"no 4xx {ProblemJson} response";
        }

        // Any operation reads the database (the token check included): one that is away is a 503 with Retry-After (ADR 0064).
        if (responses["503"]?["content"]?[ProblemJson]?["schema"] is null)
        {
            yield return $"no 503 {ProblemJson} response";
        }
        else if (responses["503"]?["headers"]?["Retry-After"] is null)
        {
            yield return "a 503 without its Retry-After header";
        }

        var security = operation["security"]?.AsArray();
        if (isPublic && security is not { Count: 0 })
        {
            yield return "anonymous but without 'security: []' (it inherits the document's bearer requirement)";
        }
        else if (!isPublic && security is { Count: 0 })
        {
            yield return "needs a token but says 'security: []'";
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex UpperSnake();

    private static IEnumerable<JsonNode> Nodes(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Nodes).Prepend(o),
        JsonArray a => a.SelectMany(Nodes).Prepend(a),
        null => [],
        _ => [node],
    };

    private static IEnumerable<string> TypeNames(JsonNode? type) => type switch
    {
        JsonArray many => many.OfType<JsonValue>().Select(v => v.ToString()),
        JsonValue one => [one.ToString()],
        _ => [],
    };

    private static bool HasJsonSchema(JsonNode? response) =>
        response?["content"]?.AsObject().Any(c => c.Key.Contains("json", StringComparison.Ordinal) && c.Value?["schema"] is not null) == true;

    /// <summary>"GET /api/v1/notes/{id}" and the operation, for every operation but the probe module's.</summary>
    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        where !path.Key.StartsWith(ProbePrefix, StringComparison.Ordinal)
        from entry in path.Value!.AsObject()
        where Methods.Contains(entry.Key)
        select ($"{entry.Key.ToUpperInvariant()} {path.Key}", entry.Value!.AsObject());

    private async Task<JsonObject> DocumentAsync()
    {
        var text = await Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        return JsonNode.Parse(text)!.AsObject();
    }
}
