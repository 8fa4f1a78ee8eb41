using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>Calls of the Notes API the tests make again and again, each asserting its success status.</summary>
internal static class NotesApi
{
    public static async Task<JsonElement> CreateNoteAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/notes", body);
        return await ExpectAsync(response, HttpStatusCode.Created);
    }

    public static Task<JsonElement> CreateNoteAsync(this HttpClient client, string title, string? summary = null) =>
        client.CreateNoteAsync(new { title, summary });

    public static async Task<JsonElement> CreateTaskAsync(this HttpClient client, Guid noteId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/notes/{noteId}/tasks", body);
        return await ExpectAsync(response, HttpStatusCode.Created);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url) =>
        await ExpectAsync(await client.GetAsync(url), HttpStatusCode.OK);

    public static async Task<JsonElement> PatchJsonAsync(this HttpClient client, string url, object body) =>
        await ExpectAsync(await client.PatchAsJsonAsync(url, body), HttpStatusCode.OK);

    public static async Task ExpectNoContentAsync(this Task<HttpResponseMessage> call) =>
        await ExpectAsync(await call, HttpStatusCode.NoContent);

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static List<Guid> Ids(this JsonElement items) => items.EnumerateArray().Select(i => i.Id()).ToList();
}

/// <summary>
/// Asserts that every field of an expected JSON value is in the actual one with the same value:
/// objects may carry more fields, arrays match element by element, instants compare as instants
/// ("…Z" and "…+00:00" are the same time) and numbers as numbers.
/// </summary>
internal static class JsonSubset
{
    public static void AssertContains(JsonNode? expected, JsonElement actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                Assert.That(actual.ValueKind, Is.EqualTo(JsonValueKind.Null), path);
                break;
            case JsonObject obj:
                Assert.That(actual.ValueKind, Is.EqualTo(JsonValueKind.Object), path);
                foreach (var (name, value) in obj)
                {
                    Assert.That(actual.TryGetProperty(name, out var field), Is.True, $"{path}.{name} is missing");
                    AssertContains(value, field, $"{path}.{name}");
                }

                break;
            case JsonArray array:
                Assert.That(actual.ValueKind, Is.EqualTo(JsonValueKind.Array), path);
                Assert.That(actual.GetArrayLength(), Is.EqualTo(array.Count), $"{path} length");
                for (var i = 0; i < array.Count; i++)
                {
                    AssertContains(array[i], actual[i], $"{path}[{i}]");
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                Assert.That(actual.ValueKind, Is.EqualTo(JsonValueKind.String), path);
                if (text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
                {
                    Assert.That(DateTimeOffset.Parse(actual.GetString()!, CultureInfo.InvariantCulture), Is.EqualTo(instant), path);
                }
                else
                {
                    Assert.That(actual.GetString(), Is.EqualTo(text), path);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                Assert.That(actual.GetDouble(), Is.EqualTo(value.GetValue<double>()), path);
                break;
            default:
                Assert.That(JsonNode.DeepEquals(expected, JsonNode.Parse(actual.GetRawText())), Is.True, $"{path}: expected {expected.ToJsonString()}, got {actual.GetRawText()}");
                break;
        }
    }
}
