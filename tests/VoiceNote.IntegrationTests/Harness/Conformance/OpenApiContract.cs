using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace VoiceNote.IntegrationTests.Harness.Conformance;

/// <summary>
/// The host's own OpenAPI document as a validator of real answers: every status an operation gives must
/// be declared, with its media type, and every JSON body must match the declared schema. A 500 is a
/// violation wherever it comes from.
/// </summary>
internal sealed class OpenApiContract
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>The test-only probe module answers 500 and undeclared statuses on purpose.</summary>
    private const string ProbePrefix = "/api/v1/probe/";

    private readonly JsonObject _paths;
    private readonly string _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Lock _build = new();

    private OpenApiContract(JsonObject document)
    {
        _paths = document["paths"]!.AsObject();
        // The components become the $defs of each body schema, so a JSON Schema validator resolves them.
        var definitions = JsonNode.Parse(Rebased(document["components"]?["schemas"]?.ToJsonString() ?? "{}"))!;
        Close(definitions);
        _definitions = definitions.ToJsonString();
    }

    public static OpenApiContract Parse(string document) => new(JsonNode.Parse(document)!.AsObject());

    /// <summary>Everything wrong with one answer; empty when it conforms.</summary>
    public IEnumerable<string> Violations(RecordedExchange exchange)
    {
        if (exchange.Path.StartsWith(ProbePrefix, StringComparison.Ordinal))
        {
            return [];
        }

        // 503 and 507 are the server's state, not a bug; like any status they must be declared (checked below).
        if (exchange.Status >= 500 && exchange.Status is not (503 or 507))
        {
            return [$"{exchange.Operation} answered {exchange.Status}"];
        }

        if (exchange.Pattern is null || _paths[exchange.Pattern]?[exchange.Method.ToLowerInvariant()] is not JsonObject operation)
        {
            return []; // not an operation of the document (static files, /connect, the test-only probe)
        }

        return Check(exchange, operation);
    }

    private IEnumerable<string> Check(RecordedExchange exchange, JsonObject operation)
    {
        var status = exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var responses = operation["responses"]?.AsObject();
        var declared = responses?[status] ?? responses?[$"{status[0]}XX"] ?? responses?["default"];
        if (declared is null)
        {
            yield return $"{exchange.Operation}: status {status} is not declared";
            yield break;
        }

        if (exchange.Body is not { Length: > 0 } body || exchange.Method == "HEAD")
        {
            yield break;
        }

        var mediaType = exchange.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? string.Empty;
        var content = declared["content"]?.AsObject();
        var match = content?.FirstOrDefault(c => Matches(c.Key, mediaType));
        if (match?.Key is null)
        {
            yield return $"{exchange.Operation}: status {status} with a {mediaType} body, declared: {string.Join(", ", content?.Select(c => c.Key) ?? [])}";
            yield break;
        }

        // A 206 carries a range of a file: a slice of a JSON file is no JSON value.
        if (!IsJson(mediaType) || exchange.Status == 206 || exchange.ContentEncoding is not null || exchange.BodyTruncated || match.Value.Value?["schema"] is not JsonObject schema)
        {
            yield break;
        }

        var results = SchemaFor($"{exchange.Method} {exchange.Pattern} {status} {match.Value.Key}", schema)
            .Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
        {
            var errors = (results.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
                .Distinct()
                .Take(5);
            yield return $"{exchange.Operation}: status {status} body does not match the schema: {string.Join("; ", errors)}";
        }
    }

    private JsonSchema SchemaFor(string key, JsonObject schema) => _schemas.GetOrAdd(key, _ =>
    {
        var root = JsonNode.Parse(Rebased(schema.ToJsonString()))!.AsObject();
        Close(root);
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = JsonNode.Parse(_definitions);
        lock (_build)
        {
            return JsonSchema.FromText(root.ToJsonString());
        }
    });

    /// <summary>
    /// A member the document does not name is a violation too (an undocumented field is one a generated
    /// client cannot see): every object schema with properties gets <c>additionalProperties: false</c>.
    /// </summary>
    private static void Close(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["properties"] is JsonObject && schema["additionalProperties"] is null)
                {
                    schema["additionalProperties"] = false;
                }

                foreach (var (_, child) in schema.ToList())
                {
                    Close(child);
                }

                break;
            case JsonArray items:
                foreach (var child in items)
                {
                    Close(child);
                }

                break;
        }
    }

    private static string Rebased(string json) => json.Replace(ComponentPrefix, "#/$defs/", StringComparison.Ordinal);

    private static bool Matches(string declared, string actual) =>
        declared.Equals(actual, StringComparison.OrdinalIgnoreCase)
        || (declared.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(declared[..^1], StringComparison.OrdinalIgnoreCase))
        || declared == "*/*";

    private static bool IsJson(string mediaType) => mediaType is "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);
}
