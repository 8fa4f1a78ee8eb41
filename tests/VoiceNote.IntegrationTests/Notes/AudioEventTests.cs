using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Probe;
using VoiceNote.Modules.AudioProcessing.Contracts;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// The AudioProcessing contract, consumed by Notes: events are published through a real outbox (the
/// test-only probe module's, as AudioProcessing's will be) and delivered by the real dispatcher and inbox.
/// </summary>
public sealed class AudioEventTests : DatabaseFixture
{
    // Dispatch is driven by the test, so each delivery (and redelivery) happens exactly when it says.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" };

    [Test]
    public async Task A_processed_recording_becomes_one_note_with_transcripts_summary_tasks_and_an_embedding()
    {
        var account = await this.CreateAccountAsync("recorder");
        using var client = this.ClientFor(account);
        var audio = Guid.NewGuid();
        var recordedAt = new DateTimeOffset(2026, 5, 4, 8, 30, 0, TimeSpan.Zero);
        var deadline = new DateTimeOffset(2026, 5, 5, 16, 0, 0, TimeSpan.Zero);

        // The analysis arrives first: the note is created by whichever event comes first.
        var analysed = Analysed(account.UserId, audio, recordedAt, deadline);
        await PublishAsync(analysed);
        await PublishAsync(new AudioTranscribed(
            audio, account.UserId, SpeechEngine.Local, "en", "call the dentist tomorrow at five pm and buy milk", 4.2, recordedAt, DateTimeOffset.UtcNow,
            Title: "Voice memo", OnDeviceTranscript: "call the dentist tomorrow at 5 and buy milk", OnDeviceLanguage: "en-US",
            AudioUrl: $"/api/v1/audio/{audio}/content", RawAudioUrl: $"/api/v1/audio/{audio}/raw", SizeBytes: 67_000,
            ProcessingOptions: """{"engine":"local","language":"en"}"""));
        await DispatchAllAsync();

        var list = await client.GetJsonAsync("/api/v1/notes");
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.EqualTo(1), "one note per recording");
        var note = await client.GetJsonAsync($"/api/v1/notes/{list.GetProperty("items")[0].Id()}");
        Assert.Multiple(() =>
        {
            Assert.That(note.GetProperty("audioId").GetGuid(), Is.EqualTo(audio));
            Assert.That(note.GetProperty("title").GetString(), Is.EqualTo("Dentist and groceries"), "the first title seen stays");
            Assert.That(note.GetProperty("summary").GetString(), Is.EqualTo("Call the dentist and buy milk."));
            Assert.That(note.GetProperty("recordedAt").GetDateTimeOffset(), Is.EqualTo(recordedAt));
            Assert.That(note.GetProperty("preferredEngine").GetString(), Is.EqualTo("LOCAL"));
            Assert.That(note.GetProperty("transcript").GetString(), Is.EqualTo("call the dentist tomorrow at five pm and buy milk"));
            Assert.That(note.GetProperty("transcripts").EnumerateArray().Select(t => t.GetProperty("engine").GetString()), Is.EqualTo(new[] { "ANDROID", "LOCAL" }));
            Assert.That(note.GetProperty("durationSeconds").GetDouble(), Is.EqualTo(4.2));
            Assert.That(note.GetProperty("sizeBytes").GetInt64(), Is.EqualTo(67_000));
            Assert.That(note.GetProperty("audioUrl").GetString(), Is.EqualTo($"/api/v1/audio/{audio}/content"));
            Assert.That(note.GetProperty("processingOptions").GetProperty("engine").GetString(), Is.EqualTo("local"));
            Assert.That(note.GetProperty("keyMoments")[0].GetProperty("timestamp").GetString(), Is.EqualTo("00:00:01"));
            Assert.That(note.GetProperty("sentiment").GetProperty("label").GetString(), Is.EqualTo("NEUTRAL"));
            Assert.That(note.GetProperty("embedding").GetProperty("isCurrent").GetBoolean(), Is.True, "re-embedded after the text arrived");
            Assert.That(note.GetProperty("analysis").GetProperty("state").GetString(), Is.EqualTo("ANALYSED"), "a recording's note says it was analysed");
            var tasks = note.GetProperty("tasks");
            Assert.That(tasks.GetArrayLength(), Is.EqualTo(2));
            Assert.That(tasks[0].GetProperty("description").GetString(), Is.EqualTo("Call the dentist"));
            Assert.That(tasks[0].GetProperty("deadline").GetDateTimeOffset(), Is.EqualTo(deadline));
            Assert.That(tasks[0].GetProperty("priority").GetString(), Is.EqualTo("HIGH"));
            Assert.That(tasks[0].GetProperty("communicationType").GetString(), Is.EqualTo("CALL"));
            Assert.That(tasks[0].GetProperty("assignedEntities")[0].GetProperty("name").GetString(), Is.EqualTo("Dr Smith"));
            Assert.That(tasks[1].GetProperty("description").GetString(), Is.EqualTo("Buy milk"));
        });

        Assert.That((await client.SearchAsync("dentist appointment")).HitIds(), Does.Contain(note.Id()));
    }

    [Test]
    public async Task The_analysis_sets_the_notes_priority_until_the_owner_does_and_each_person_keeps_their_role()
    {
        var account = await this.CreateAccountAsync("prioritised");
        using var client = this.ClientFor(account);
        var audio = Guid.NewGuid();
        var recordedAt = new DateTimeOffset(2026, 5, 4, 8, 30, 0, TimeSpan.Zero);
        var first = Analysed(account.UserId, audio, recordedAt, null) with
        {
            Tasks =
            [
                new AnalysedTask("Send the invoice", null, AnalysedPriority.High, null, [new AnalysedAssignee("Maria", Role: "recipient")]),
                new AnalysedTask("Book the room", null, AnalysedPriority.Low, null, [new AnalysedAssignee("John", Role: "assignee"), new AnalysedAssignee("Sam")]),
            ],
            Priority = AnalysedPriority.High,
        };
        await PublishAsync(first);
        await DispatchAllAsync();
        var id = (await client.GetJsonAsync("/api/v1/notes")).GetProperty("items")[0].Id();
        var analysed = (await client.GetJsonAsync($"/api/v1/notes/{id}")).GetProperty("priority").GetString();

        // Once the owner sets a priority, a later analysis leaves it alone (ADR 0074, 0075).
        using (var set = await client.PutAsJsonAsync($"/api/v1/notes/{id}/priority", new { priority = "MEDIUM" }))
        {
            Assert.That(set.IsSuccessStatusCode, Is.True, await set.Content.ReadAsStringAsync());
        }

        await PublishAsync(Analysed(account.UserId, audio, recordedAt, null) with { Priority = AnalysedPriority.Low });
        await DispatchAllAsync();

        var note = await client.GetJsonAsync($"/api/v1/notes/{id}");
        var tasks = note.GetProperty("tasks");
        Assert.Multiple(() =>
        {
            Assert.That(analysed, Is.EqualTo("HIGH"), "the analysis gave the note its most urgent task's priority");
            Assert.That(note.GetProperty("priority").GetString(), Is.EqualTo("MEDIUM"), "the owner's choice stays");
            Assert.That(tasks[0].GetProperty("assignedEntities")[0].GetProperty("role").GetString(), Is.EqualTo("RECIPIENT"));
            Assert.That(tasks[1].GetProperty("assignedEntities")[0].GetProperty("role").GetString(), Is.EqualTo("ASSIGNEE"));
            Assert.That(tasks[1].GetProperty("assignedEntities")[1].TryGetProperty("role", out var none) ? none.ValueKind : System.Text.Json.JsonValueKind.Null,
                Is.EqualTo(System.Text.Json.JsonValueKind.Null), "no role said, none shown");
        });
    }

    [Test]
    public async Task A_redelivered_or_repeated_event_has_no_second_effect()
    {
        var account = await this.CreateAccountAsync("redelivery");
        using var client = this.ClientFor(account);
        var audio = Guid.NewGuid();
        var recordedAt = DateTimeOffset.UtcNow.AddHours(-1);
        var analysed = Analysed(account.UserId, audio, recordedAt, null);
        await PublishAsync(analysed);
        await DispatchAllAsync();
        var noteId = (await client.GetJsonAsync("/api/v1/notes")).GetProperty("items")[0].Id();
        var task = (await client.GetJsonAsync($"/api/v1/notes/{noteId}/tasks")).GetProperty("items")[0].Id();
        await client.PostAsync($"/api/v1/tasks/{task}/complete", null);
        var before = await client.GetJsonAsync($"/api/v1/notes/{noteId}");

        // The same message again (a crash after handling, before the outbox row was marked).
        await ExecuteAsync($"UPDATE probe.outbox_messages SET processed_at = NULL WHERE id = '{analysed.Id}'");
        await DispatchAllAsync();
        // The same analysis published again as a new message (a retried pipeline stage).
        await PublishAsync(Analysed(account.UserId, audio, recordedAt, null));
        await DispatchAllAsync();

        var after = await client.GetJsonAsync($"/api/v1/notes/{noteId}");
        Assert.Multiple(async () =>
        {
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.notes WHERE audio_id = '{audio}'"), Is.EqualTo(1));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.tasks t JOIN notes.notes n ON n.id = t.note_id WHERE n.audio_id = '{audio}'"), Is.EqualTo(2));
            Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.inbox_messages WHERE message_id = '{analysed.Id}'"), Is.EqualTo(1), "handled once");
            Assert.That(after.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("isDone").GetBoolean()), Is.EqualTo(before.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("isDone").GetBoolean())),
                "the owner's work on the tasks is kept");
            Assert.That(after.GetProperty("tasks").Ids(), Is.EqualTo(before.GetProperty("tasks").Ids()));
        });
    }

    [Test]
    public async Task A_new_transcript_from_a_better_engine_becomes_preferred_and_a_users_title_is_kept()
    {
        var account = await this.CreateAccountAsync("engines");
        using var client = this.ClientFor(account);
        var audio = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await PublishAsync(new AudioTranscribed(audio, account.UserId, SpeechEngine.Local, "en", "the harbor is closed on monday", 3, at, at, Title: "Harbour"));
        await DispatchAllAsync();
        var noteId = (await client.GetJsonAsync("/api/v1/notes")).GetProperty("items")[0].Id();
        await client.PatchJsonAsync($"/api/v1/notes/{noteId}", new { title = "My own title" });

        await PublishAsync(new AudioTranscribed(audio, account.UserId, SpeechEngine.Deepgram, "en", "The harbour is closed on Monday.", 3, at, at.AddMinutes(1), Title: "Harbour"));
        await PublishAsync(new AudioTranscribed(audio, account.UserId, SpeechEngine.Groq, "en", "The harbour is closed Monday", 3, at, at.AddMinutes(2), Preferred: false));
        await DispatchAllAsync();

        var note = await client.GetJsonAsync($"/api/v1/notes/{noteId}");
        Assert.Multiple(() =>
        {
            Assert.That(note.GetProperty("title").GetString(), Is.EqualTo("My own title"));
            Assert.That(note.GetProperty("preferredEngine").GetString(), Is.EqualTo("DEEPGRAM"));
            Assert.That(note.GetProperty("transcript").GetString(), Is.EqualTo("The harbour is closed on Monday."));
            Assert.That(note.GetProperty("transcripts").GetArrayLength(), Is.EqualTo(3));
        });
    }

    private static AudioAnalysed Analysed(Guid owner, Guid audio, DateTimeOffset recordedAt, DateTimeOffset? deadline) => new(
        audio,
        owner,
        "Call the dentist and buy milk.",
        [
            new AnalysedTask("Call the dentist", deadline, AnalysedPriority.High, AnalysedChannel.Call, [new AnalysedAssignee("Dr Smith", "+44 20 7946 0001", "CALL")]),
            new AnalysedTask("Buy milk", null, AnalysedPriority.Low, null, []),
        ],
        [new AnalysedKeyMoment(TimeSpan.FromSeconds(1), "Dentist mentioned", 0.9)],
        new AnalysedSentiment("Neutral", 0.1),
        recordedAt,
        DateTimeOffset.UtcNow,
        Title: "Dentist and groceries");

    /// <summary>Publishes through the probe module's outbox, in its own committed transaction, as a producing module does.</summary>
    private async Task PublishAsync(VoiceNote.Contracts.IIntegrationEvent integrationEvent)
    {
        await using var scope = CreateScope();
        var probe = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        probe.Publish(integrationEvent);
        await probe.SaveChangesAsync();
    }

    /// <summary>Dispatches until every module's outbox is drained (the Notes handler's own NoteTextChanged included).</summary>
    private async Task DispatchAllAsync()
    {
        var dispatcher = Api.Services.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < 10 && await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0; round++)
        {
        }

        Assert.That(await ScalarAsync<long>("SELECT count(*) FROM probe.outbox_messages WHERE processed_at IS NULL")
            + await ScalarAsync<long>("SELECT count(*) FROM notes.outbox_messages WHERE processed_at IS NULL"), Is.Zero, "every message was delivered");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
