using System.Net;
using System.Net.Http.Json;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>Soft delete hides a note everywhere it is listed; restore brings it back; purge removes it for good, only from the trash.</summary>
public sealed class TrashTests : DatabaseFixture
{
    [Test]
    public async Task Soft_delete_hides_restore_brings_back_purge_removes()
    {
        using var client = this.ClientFor(await this.CreateAccountAsync("trash"));
        var kept = (await client.CreateNoteAsync("Kept")).Id();
        var note = (await client.CreateNoteAsync("Going to the trash")).Id();
        var task = (await client.CreateTaskAsync(note, new { description = "due today", deadline = DateTimeOffset.UtcNow })).Id();
        var overdue = (await client.CreateTaskAsync(note, new { description = "overdue", deadline = DateTimeOffset.UtcNow.AddDays(-3) })).Id();

        Assert.That((await client.GetJsonAsync("/api/v1/notes")).GetProperty("items").Ids(), Is.EquivalentTo(new[] { kept, note }));
        Assert.That(await MyTaskIds(client, "overdue"), Does.Contain(overdue));

        await client.DeleteAsync($"/api/v1/notes/{note}").ExpectNoContentAsync();
        await client.DeleteAsync($"/api/v1/notes/{note}").ExpectNoContentAsync();
        var list = await client.GetJsonAsync("/api/v1/notes");
        Assert.Multiple(async () =>
        {
            Assert.That(list.GetProperty("items").Ids(), Is.EqualTo(new[] { kept }));
            Assert.That(list.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That((await client.GetJsonAsync("/api/v1/notes/trash")).GetProperty("items").Ids(), Is.EqualTo(new[] { note }));
            Assert.That((await client.GetJsonAsync("/api/v1/notes?deleted=true")).GetProperty("items").Ids(), Is.EqualTo(new[] { note }));
            Assert.That(await MyTaskIds(client, "overdue"), Does.Not.Contain(overdue), "a trashed note's tasks leave the task views");
            Assert.That(await MyTaskIds(client, "today"), Does.Not.Contain(task));
        });

        var read = await client.GetJsonAsync($"/api/v1/notes/{note}");
        Assert.That(read.GetProperty("isDeleted").GetBoolean(), Is.True);
        Assert.That(read.GetProperty("deletedAt").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5)));
        var edit = await client.PatchAsJsonAsync($"/api/v1/notes/{note}", new { title = "edited in the trash" });
        await edit.AssertProblem(HttpStatusCode.Conflict, "notes.in_trash");
        var pin = await client.PostAsync($"/api/v1/notes/{note}/pin", null);
        await pin.AssertProblem(HttpStatusCode.Conflict, "notes.in_trash");

        await client.PostAsync($"/api/v1/notes/{note}/restore", null).ExpectNoContentAsync();
        Assert.Multiple(async () =>
        {
            Assert.That((await client.GetJsonAsync("/api/v1/notes")).GetProperty("items").Ids(), Is.EquivalentTo(new[] { kept, note }));
            Assert.That((await client.GetJsonAsync("/api/v1/notes/trash")).GetProperty("items").Ids(), Is.Empty);
            Assert.That(await MyTaskIds(client, "overdue"), Does.Contain(overdue), "its tasks come back with it");
            Assert.That((await client.GetJsonAsync($"/api/v1/notes/{note}")).GetProperty("deletedAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });

        var notInTrash = await client.DeleteAsync($"/api/v1/notes/trash/{note}");
        await notInTrash.AssertProblem(HttpStatusCode.Conflict, "notes.not_in_trash");

        await client.DeleteAsync($"/api/v1/notes/{note}").ExpectNoContentAsync();
        await client.DeleteAsync($"/api/v1/notes/trash/{note}").ExpectNoContentAsync();
        var gone = await client.GetAsync($"/api/v1/notes/{note}");
        await gone.AssertProblem(HttpStatusCode.NotFound, "notes.not_found");
        var goneTask = await client.GetAsync($"/api/v1/tasks/{task}");
        await goneTask.AssertProblem(HttpStatusCode.NotFound, "notes.task_not_found");
        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.tasks WHERE note_id = '{note}'"), Is.Zero, "tasks purged with the note");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.outbox_messages WHERE type LIKE '%NotePurged' AND payload->>'noteId' = '{note}'"), Is.EqualTo(1));
        });
    }

    private static async Task<List<Guid>> MyTaskIds(HttpClient client, string view) =>
        (await client.GetJsonAsync($"/api/v1/tasks/{view}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("task").Id()).ToList();
}
