using System.Net.Http.Json;
using System.Text.Json;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.WebApi.Cli;

namespace VoiceNote.IntegrationTests.Operations;

/// <summary>
/// The seed verb's data (seed 000, issue 16): an admin, a regular user, and sample notes with tasks for the user;
/// a second run adds nothing. (That the verb refuses outside Development is FirstAdminTests' concern.)
/// </summary>
public sealed class DevelopmentSeedTests : DatabaseFixture
{
    [Test]
    public async Task The_seed_gives_the_user_sample_notes_with_tasks_once()
    {
        await CommandLine.SeedAsync(Api.Services);
        await CommandLine.SeedAsync(Api.Services);

        var (token, _, _) = await TestAccounts.SignInAsync(Client, "user@voicenote.local", "User-Passw0rd");
        using var user = this.ClientWithToken(token);
        var notes = (await user.GetFromJsonAsync<JsonElement>("/api/v1/notes?limit=50")).GetProperty("items").EnumerateArray().ToList();
        var tasks = new List<JsonElement>();
        foreach (var note in notes)
        {
            tasks.AddRange((await user.GetFromJsonAsync<JsonElement>($"/api/v1/notes/{note.GetProperty("id").GetGuid()}/tasks")).GetProperty("items").EnumerateArray());
        }

        Assert.Multiple(() =>
        {
            Assert.That(notes, Has.Count.EqualTo(3), "three sample notes, not six after the second run");
            Assert.That(notes.Select(n => n.GetProperty("title").GetString()), Does.Contain("Dentist and groceries"));
            Assert.That(tasks, Has.Count.EqualTo(4));
            Assert.That(tasks.All(t => t.GetProperty("deadline").ValueKind == JsonValueKind.String), Is.True, "every sample task has a deadline");
        });
        await TestAccounts.SignInAsync(Client, "admin@voicenote.local", "Admin-Passw0rd");
    }
}
