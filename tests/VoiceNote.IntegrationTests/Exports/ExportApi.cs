using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VoiceNote.IntegrationTests.Exports;

/// <summary>The export calls the tests repeat, through the real HTTP API.</summary>
internal static class ExportApi
{
    public static Task<HttpResponseMessage> RequestExportAsync(this HttpClient client, string type, string kind, Guid? id = null) =>
        client.PostAsJsonAsync("/api/v1/exports", new { type, source = new { kind, id } });

    /// <summary>Requests an export and expects it queued (202); its id.</summary>
    public static async Task<Guid> QueueExportAsync(this HttpClient client, string type, string kind, Guid? id = null)
    {
        var response = await client.RequestExportAsync(type, kind, id);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body);
        Assert.That(response.Headers.Location?.ToString(), Does.EndWith(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!));
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Reads the export until it has finished (or the time is up); the last answer.</summary>
    public static async Task<JsonElement> FinishedAsync(this HttpClient client, Guid exportId, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var response = await client.GetAsync($"/api/v1/exports/{exportId}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            var export = JsonDocument.Parse(body).RootElement.Clone();
            var status = export.GetProperty("status").GetString();
            if (status is "COMPLETED" or "FAILED" or "CANCELLED" || DateTime.UtcNow > until)
            {
                return export;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits for a completed export and downloads its whole file.</summary>
    public static async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(this HttpClient client, Guid exportId)
    {
        var export = await client.FinishedAsync(exportId);
        Assert.That(export.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), export.ToString());
        var response = await client.GetAsync($"/api/v1/exports/{exportId}/file");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (response, await response.Content.ReadAsByteArrayAsync());
    }
}

/// <summary>A JSON POST whose success the caller expects.</summary>
internal static class JsonCalls
{
    public static async Task<JsonElement> PostAsJsonAndReadAsync(this HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.InRange(200, 299), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
