using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceNote.IntegrationTests.Notes;

namespace VoiceNote.IntegrationTests.AudioProcessing.Pipeline;

/// <summary>Uploads and processing-status calls the pipeline tests share.</summary>
internal static class ProcessingApi
{
    public static async Task<(HttpStatusCode Status, JsonElement Item)> UploadAsync(this HttpClient client, string path, string? query = null)
    {
        using var content = new StreamContent(File.OpenRead(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var response = await client.PostAsync("/api/v1/audio" + query, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK), body);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>Sets the caller's time zone: PUT replaces the whole profile, so what GET returned goes back changed.</summary>
    public static async Task SetTimeZoneAsync(this HttpClient client, string timeZone)
    {
        var profile = JsonNode.Parse((await client.GetJsonAsync("/api/v1/me/profile")).GetRawText())!.AsObject();
        profile["timeZone"] = timeZone;
        await NotesApi.ExpectAsync(await client.PutAsJsonAsync("/api/v1/me/profile", profile), HttpStatusCode.OK);
    }

    public static Task<JsonElement> ProcessingAsync(this HttpClient client, Guid audioId) =>
        client.GetJsonAsync($"/api/v1/audio/{audioId}/processing");

    /// <summary>Polls the status endpoint until the job has finished (completed, failed or cancelled) or the time is up.</summary>
    public static async Task<JsonElement> WaitUntilFinishedAsync(this HttpClient client, Guid audioId, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var status = await client.ProcessingAsync(audioId);
            if (status.GetProperty("status").GetString() is "COMPLETED" or "FAILED" or "CANCELLED" || DateTime.UtcNow > until)
            {
                return status;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Polls until <paramref name="done"/> holds for the caller's data or the time is up; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> done, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!await done())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(200);
        }

        return true;
    }
}
