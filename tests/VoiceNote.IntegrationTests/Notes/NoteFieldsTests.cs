using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>Every field of a note and a task is stored and returned as written, and only writable fields can be written.</summary>
public sealed class NoteFieldsTests : DatabaseFixture
{
    private static readonly string FullNote = """
        {
          "title": "Quarterly planning with the design team",
          "summary": "We agreed on the roadmap and on who calls the printer.",
          "transcripts": [
            { "engine": "GROQ", "text": "groq heard the planning meeting", "language": "en" },
            { "engine": "DEEPGRAM", "text": "deepgram heard the planning meeting", "language": "en-US" },
            { "engine": "ANDROID", "text": "the phone heard the planning meeting", "language": "en" },
            { "engine": "LOCAL", "text": "pocketsphinx heard the planning meeting", "language": "en" },
            { "engine": "OPENAI", "text": "whisper heard the planning meeting", "language": "en" }
          ],
          "preferredEngine": "DEEPGRAM",
          "audioUrl": "https://cdn.example.test/audio/planning.webm",
          "rawAudioUrl": "/api/v1/audio/0f7c5b1e-2d1a-4c55-9d59-6a0a4c7f1a11/raw",
          "recordedAt": "2026-03-04T05:06:07.123Z",
          "priority": "HIGH",
          "status": "DELAYED",
          "isPinned": true,
          "isLiked": true,
          "isArchived": true,
          "isEncrypted": true,
          "documentUrls": ["https://docs.example.test/roadmap.pdf", "https://docs.example.test/budget.xlsx"],
          "links": ["http://example.test/board?sprint=12"],
          "keyMoments": [
            { "timestamp": "00:01:23", "description": "Introduction begins", "confidence": 0.95 },
            { "timestamp": "00:05:47", "description": "Main topic discussion", "confidence": 0.88 }
          ],
          "processingOptions": { "language": "en", "model": "whisper-1", "summaryStyle": "detailed", "includeTimestamps": true, "speakerDiarization": false },
          "durationSeconds": 347.5,
          "sizeBytes": 1234567
        }
        """;

    private static readonly string FullTask = """
        {
          "description": "Call the printer about the brochures",
          "deadline": "2026-03-06T16:30:00Z",
          "priority": "LOW",
          "notifiedAt": "2026-03-06T15:30:00.250Z",
          "reminderCount": 2,
          "notificationEnabled": false,
          "assignedEntities": [
            { "name": "Anna Printer", "contact": "+44 20 7946 0000", "channel": "WHATSAPP" },
            { "name": "Bob", "contact": null, "channel": null }
          ],
          "imageUrls": ["https://img.example.test/brochure.png"],
          "documentUrls": ["https://docs.example.test/quote.pdf"],
          "externalLinks": ["https://wa.me/442079460000"],
          "communicationType": "WHATSAPP",
          "isActionApproved": true,
          "position": 7
        }
        """;

    [Test]
    public async Task Every_note_field_round_trips_through_create_and_get()
    {
        using var client = this.ClientFor(await this.CreateAccountAsync("fields"));
        var expected = JsonNode.Parse(FullNote)!;

        var created = await client.CreateNoteAsync(expected);
        var read = await client.GetJsonAsync($"/api/v1/notes/{created.Id()}");

        JsonSubset.AssertContains(expected, created);
        JsonSubset.AssertContains(expected, read);
        Assert.Multiple(() =>
        {
            Assert.That(read.GetProperty("transcript").GetString(), Is.EqualTo("deepgram heard the planning meeting"), "the preferred engine's text");
            var preferred = read.GetProperty("transcripts").EnumerateArray().Where(t => t.GetProperty("isPreferred").GetBoolean()).ToList();
            Assert.That(preferred.Select(t => t.GetProperty("engine").GetString()), Is.EqualTo(new[] { "DEEPGRAM" }));
            Assert.That(read.GetProperty("isDeleted").GetBoolean(), Is.False);
            Assert.That(read.GetProperty("deletedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(read.GetProperty("moderation").GetProperty("status").GetString(), Is.EqualTo("NONE"));
            Assert.That(read.GetProperty("createdAt").GetDateTimeOffset(), Is.EqualTo(read.GetProperty("updatedAt").GetDateTimeOffset()));
        });
    }

    [Test]
    public async Task Every_note_field_changes_through_patch_and_null_clears()
    {
        using var client = this.ClientFor(await this.CreateAccountAsync("patch"));
        var note = await client.CreateNoteAsync(new { title = "Before", summary = "Old summary", transcripts = new[] { new { engine = "LOCAL", text = "old words" } } });
        var expected = JsonNode.Parse(FullNote)!;

        var patched = await client.PatchJsonAsync($"/api/v1/notes/{note.Id()}", expected);
        JsonSubset.AssertContains(expected, patched);
        JsonSubset.AssertContains(expected, await client.GetJsonAsync($"/api/v1/notes/{note.Id()}"));
        Assert.That(patched.GetProperty("updatedAt").GetDateTimeOffset(), Is.GreaterThan(note.GetProperty("updatedAt").GetDateTimeOffset()));

        // Only what is sent changes; null clears; a transcript with null text goes away.
        var partial = await client.PatchJsonAsync($"/api/v1/notes/{note.Id()}", JsonNode.Parse("""
            { "summary": null, "audioUrl": null, "processingOptions": null, "preferredEngine": null,
              "transcripts": [ { "engine": "GROQ", "text": null }, { "engine": "LOCAL", "text": "new words", "language": "en-GB" } ] }
            """)!);
        Assert.Multiple(() =>
        {
            Assert.That(partial.GetProperty("title").GetString(), Is.EqualTo("Quarterly planning with the design team"));
            Assert.That(partial.GetProperty("summary").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(partial.GetProperty("audioUrl").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(partial.GetProperty("processingOptions").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(partial.GetProperty("priority").GetString(), Is.EqualTo("HIGH"));
            Assert.That(partial.GetProperty("transcripts").EnumerateArray().Select(t => t.GetProperty("engine").GetString()),
                Is.EqualTo(new[] { "DEEPGRAM", "ANDROID", "LOCAL", "OPENAI" }));
            var local = partial.GetProperty("transcripts").EnumerateArray().Single(t => t.GetProperty("engine").GetString() == "LOCAL");
            Assert.That(local.GetProperty("text").GetString(), Is.EqualTo("new words"));
            Assert.That(local.GetProperty("language").GetString(), Is.EqualTo("en-GB"));
        });
    }

    [Test]
    public async Task Every_task_field_round_trips_and_patches()
    {
        using var client = this.ClientFor(await this.CreateAccountAsync("taskfields"));
        var note = await client.CreateNoteAsync("Brochures");
        var expected = JsonNode.Parse(FullTask)!;

        var created = await client.CreateTaskAsync(note.Id(), expected);
        JsonSubset.AssertContains(expected, created);
        JsonSubset.AssertContains(expected, await client.GetJsonAsync($"/api/v1/tasks/{created.Id()}"));
        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("noteId").GetGuid(), Is.EqualTo(note.Id()));
            Assert.That(created.GetProperty("isDone").GetBoolean(), Is.False);
        });

        var change = JsonNode.Parse("""
            { "description": "Email the printer instead", "deadline": null, "priority": "HIGH", "communicationType": "SLACK",
              "assignedEntities": [ { "name": "Carla", "contact": "carla@example.test", "channel": "email" } ],
              "imageUrls": [], "notificationEnabled": true, "reminderCount": 0, "notifiedAt": null, "isActionApproved": false, "position": 1 }
            """)!;
        var patched = await client.PatchJsonAsync($"/api/v1/tasks/{created.Id()}", change);
        JsonSubset.AssertContains(change, patched);
        JsonSubset.AssertContains(change, await client.GetJsonAsync($"/api/v1/tasks/{created.Id()}"));
        Assert.That(patched.GetProperty("externalLinks").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(new[] { "https://wa.me/442079460000" }), "not sent, so kept");

        var done = await NotesApi.ExpectAsync(await client.PostAsync($"/api/v1/tasks/{created.Id()}/complete", null), HttpStatusCode.OK);
        Assert.That(done.GetProperty("isDone").GetBoolean(), Is.True);
        Assert.That(done.GetProperty("doneAt").ValueKind, Is.EqualTo(JsonValueKind.String));
        var reopened = await NotesApi.ExpectAsync(await client.PostAsync($"/api/v1/tasks/{created.Id()}/reopen", null), HttpStatusCode.OK);
        Assert.That(reopened.GetProperty("isDone").GetBoolean(), Is.False);
        Assert.That(reopened.GetProperty("doneAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Server_owned_and_unknown_fields_are_refused_and_nothing_changes()
    {
        var account = await this.CreateAccountAsync("mass");
        using var client = this.ClientFor(account);
        var note = await client.CreateNoteAsync("Mine");
        var task = await client.CreateTaskAsync(note.Id(), new { description = "Task" });
        // The background embedding changes the note's embedding fields: let it land before the snapshot.
        await this.WaitForEmbeddingsAsync(account.UserId);
        var before = await client.GetJsonAsync($"/api/v1/notes/{note.Id()}");
        var intruder = Guid.NewGuid();

        var createAttempt = await client.PostAsJsonAsync("/api/v1/notes", new
        {
            title = "Sneaky",
            id = Guid.NewGuid(),
            ownerId = intruder,
            createdAt = "2000-01-01T00:00:00Z",
            isDeleted = true,
            embedding = new[] { 0.1, 0.2 },
            moderationStatus = "APPROVED",
            color = "red",
        });
        var problem = await createAttempt.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.Multiple(() =>
        {
            foreach (var field in new[] { "id", "ownerId", "createdAt", "isDeleted", "embedding", "moderationStatus" })
            {
                Assert.That(errors.GetProperty(field)[0].GetString(), Does.Contain("set by the server"), field);
            }

            Assert.That(errors.GetProperty("color")[0].GetString(), Is.EqualTo("Unknown field."));
        });

        foreach (var body in new[]
        {
            $$"""{ "ownerId": "{{intruder}}" }""",
            """{ "isDeleted": true }""",
            """{ "deletedAt": "2020-01-01T00:00:00Z" }""",
            """{ "updatedAt": "2020-01-01T00:00:00Z" }""",
            """{ "embeddingModel": "fake" }""",
            """{ "moderation": { "status": "APPROVED" } }""",
            $$"""{ "OwnerId": "{{intruder}}" }""",
            $$"""{ "title": "fine", "AUDIOID": "{{Guid.NewGuid()}}" }""",
        })
        {
            var response = await client.PatchAsync($"/api/v1/notes/{note.Id()}", new StringContent(body, Encoding.UTF8, "application/json"));
            await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        }

        foreach (var body in new object[] { new { isDone = true }, new { noteId = Guid.NewGuid() }, new { ownerId = intruder }, new { isDeleted = true }, new { sourceKey = "x" } })
        {
            var response = await client.PatchAsJsonAsync($"/api/v1/tasks/{task.Id()}", body);
            await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
        }

        var after = await client.GetJsonAsync($"/api/v1/notes/{note.Id()}");
        Assert.Multiple(async () =>
        {
            Assert.That(after.GetRawText(), Is.EqualTo(before.GetRawText()), "the note and its task are unchanged");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE owner_id = '{intruder}'"), Is.Zero, "no note was created for anybody else");
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE title = 'Sneaky'"), Is.Zero);
        });
    }

    [Test]
    public async Task Invalid_values_are_refused_with_the_fields_named()
    {
        using var client = this.ClientFor(await this.CreateAccountAsync("invalid"));
        var tooMany = Enumerable.Range(0, 21).Select(i => $"https://example.test/{i}").ToArray();
        var response = await client.PostAsJsonAsync("/api/v1/notes", new
        {
            title = new string('t', 501),
            documentUrls = tooMany,
            links = new[] { "javascript:alert(1)", "ftp://example.test/x", "/relative", "https://" + new string('a', 2048) + ".test" },
            keyMoments = new[] { new { timestamp = "00:00:05", description = "", confidence = 1.5 } },
            processingOptions = new[] { 1, 2 },
            audioUrl = "file:///etc/passwd",
        });
        var errors = (await response.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.Multiple(() =>
        {
            foreach (var field in new[] { "title", "documentUrls", "links[0]", "links[1]", "links[2]", "links[3]", "keyMoments[0].description", "keyMoments[0].confidence", "processingOptions", "audioUrl" })
            {
                Assert.That(errors.TryGetProperty(field, out _), Is.True, $"{field} in {errors}");
            }
        });

        var badShape = await client.PostAsJsonAsync("/api/v1/notes", new { title = "x", priority = "URGENT" });
        await badShape.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");

        var note = await client.CreateNoteAsync("Tasks");
        var badAssignee = await client.PostAsJsonAsync($"/api/v1/notes/{note.Id()}/tasks", new { description = "x", assignedEntities = new[] { new { name = "A", phone = "1" } } });
        var assigneeErrors = (await badAssignee.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.That(assigneeErrors.EnumerateObject().Select(e => e.Name), Has.Some.StartsWith("assignedEntities"), assigneeErrors.ToString());

        var emptyNote = await client.PostAsJsonAsync("/api/v1/notes", new { isPinned = true });
        await emptyNote.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");

        var nullPriority = await client.PatchAsync($"/api/v1/notes/{note.Id()}", new StringContent("""{"priority":null}""", Encoding.UTF8, "application/json"));
        var nullErrors = (await nullPriority.AssertProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.That(nullErrors.TryGetProperty("priority", out _), Is.True);
    }

    [Test]
    public async Task Flags_priority_and_status_change_through_their_own_routes()
    {
        using var client = this.ClientFor(await this.CreateAccountAsync("flags"));
        var id = (await client.CreateNoteAsync("Flags")).Id();
        foreach (var action in new[] { "pin", "like", "archive" })
        {
            await client.PostAsync($"/api/v1/notes/{id}/{action}", null).ExpectNoContentAsync();
        }

        await client.PutAsJsonAsync($"/api/v1/notes/{id}/priority", new { priority = "LOW" }).ExpectNoContentAsync();
        await client.PutAsJsonAsync($"/api/v1/notes/{id}/status", new { status = "DONE" }).ExpectNoContentAsync();
        var on = await client.GetJsonAsync($"/api/v1/notes/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(on.GetProperty("isPinned").GetBoolean(), Is.True);
            Assert.That(on.GetProperty("isLiked").GetBoolean(), Is.True);
            Assert.That(on.GetProperty("isArchived").GetBoolean(), Is.True);
            Assert.That(on.GetProperty("priority").GetString(), Is.EqualTo("LOW"));
            Assert.That(on.GetProperty("status").GetString(), Is.EqualTo("DONE"));
        });

        foreach (var action in new[] { "unpin", "unlike", "unarchive" })
        {
            await client.PostAsync($"/api/v1/notes/{id}/{action}", null).ExpectNoContentAsync();
        }

        var off = await client.GetJsonAsync($"/api/v1/notes/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(off.GetProperty("isPinned").GetBoolean(), Is.False);
            Assert.That(off.GetProperty("isLiked").GetBoolean(), Is.False);
            Assert.That(off.GetProperty("isArchived").GetBoolean(), Is.False);
        });

        var missing = await client.PutAsJsonAsync($"/api/v1/notes/{id}/status", new { });
        await missing.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Tasks_keep_the_order_they_are_given()
    {
        using var client = this.ClientFor(await this.CreateAccountAsync("order"));
        var note = (await client.CreateNoteAsync("Ordered")).Id();
        var ids = new List<Guid>();
        foreach (var description in new[] { "first", "second", "third" })
        {
            ids.Add((await client.CreateTaskAsync(note, new { description })).Id());
        }

        Assert.That((await client.GetJsonAsync($"/api/v1/notes/{note}/tasks")).GetProperty("items").Ids(), Is.EqualTo(ids), "appended in creation order");
        var reordered = new List<Guid> { ids[2], ids[0], ids[1] };
        var response = await client.PutAsJsonAsync($"/api/v1/notes/{note}/tasks/order", new { taskIds = reordered });
        Assert.That((await NotesApi.ExpectAsync(response, HttpStatusCode.OK)).Ids(), Is.EqualTo(reordered));
        Assert.That((await client.GetJsonAsync($"/api/v1/notes/{note}/tasks")).GetProperty("items").Ids(), Is.EqualTo(reordered));
        Assert.That((await client.GetJsonAsync($"/api/v1/notes/{note}")).GetProperty("tasks").Ids(), Is.EqualTo(reordered));

        var incomplete = await client.PutAsJsonAsync($"/api/v1/notes/{note}/tasks/order", new { taskIds = new[] { ids[0], ids[1] } });
        await incomplete.AssertProblem(HttpStatusCode.BadRequest, "validation_failed");

        await client.DeleteAsync($"/api/v1/tasks/{ids[0]}").ExpectNoContentAsync();
        Assert.That((await client.GetJsonAsync($"/api/v1/notes/{note}/tasks")).GetProperty("items").Ids(), Is.EqualTo(new[] { ids[2], ids[1] }));
        Assert.That((await client.GetJsonAsync($"/api/v1/notes/{note}/tasks?includeDeleted=true")).GetProperty("items").Ids(), Has.Member(ids[0]));
        await client.PostAsync($"/api/v1/tasks/{ids[0]}/restore", null).ExpectNoContentAsync();
        Assert.That((await client.GetJsonAsync($"/api/v1/notes/{note}/tasks")).GetProperty("items").Ids(), Is.EqualTo(reordered));
    }
}
