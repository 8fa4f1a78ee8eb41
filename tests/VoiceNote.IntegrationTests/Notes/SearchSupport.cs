using System.Text.Json;
using Npgsql;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

internal static class SearchSupport
{
    /// <summary>Waits until the background embedding (outbox → handler) has caught up with every note of the owner.</summary>
    public static async Task WaitForEmbeddingsAsync(this DatabaseFixture fixture, Guid owner, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        await using var connection = new NpgsqlConnection(fixture.DatabaseConnectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM notes.notes WHERE owner_id = @owner AND embedded_text_hash IS DISTINCT FROM content_hash", connection);
            command.Parameters.AddWithValue("owner", owner);
            var pending = (long)(await command.ExecuteScalarAsync())!;
            if (pending == 0)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"{pending} notes still waiting for their embedding");
            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> SearchAsync(this HttpClient client, string q, string mode = "hybrid", int limit = 20) =>
        await client.GetJsonAsync($"/api/v1/notes/search?q={Uri.EscapeDataString(q)}&mode={mode}&limit={limit}");

    public static List<Guid> HitIds(this JsonElement results) => results.GetProperty("items").Ids();
}
