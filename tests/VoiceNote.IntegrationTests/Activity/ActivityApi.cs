using System.Net.Http.Json;
using System.Text.Json;

namespace VoiceNote.IntegrationTests.Activity;

/// <summary>Reading activity lists through the API. Entries arrive through the outbox, so a reader waits for them.</summary>
internal static class ActivityApi
{
    /// <summary>The items of a list once <paramref name="ready"/> holds for them (polled for up to ten seconds).</summary>
    public static async Task<IReadOnlyList<JsonElement>> WaitForItemsAsync(this HttpClient client, string path, Func<IReadOnlyList<JsonElement>, bool> ready)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var items = await client.ItemsAsync(path);
            if (ready(items))
            {
                return items;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{path} did not reach the expected entries in time; it holds: {string.Join(", ", items.Select(i => i.GetProperty("type").GetString()))}");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<IReadOnlyList<JsonElement>> ItemsAsync(this HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public static string Type(this JsonElement entry) => entry.GetProperty("type").GetString()!;

    public static Guid? Guid(this JsonElement entry, string property) =>
        entry.GetProperty(property).ValueKind == JsonValueKind.Null ? null : entry.GetProperty(property).GetGuid();

    public static string? Text(this JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
