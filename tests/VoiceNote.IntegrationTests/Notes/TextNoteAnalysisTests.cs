using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.Infrastructure.Outbox;
using VoiceNote.IntegrationTests.AudioProcessing.ChatAnalysis;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Contracts;
using VoiceNote.Modules.Notes.Application.AudioEvents.ApplyNoteAnalysis;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// Issue 13, item 3 (docs/decisions/0075): a note whose text did not come from a recording (an on-device
/// transcript, typed text) is analysed as a recording is, in the background through the outbox and a debounced
/// job, by the local rules or the owner's language model, once per text, and never over what the owner set by hand.
/// </summary>
public sealed class TextNoteAnalysisTests : DatabaseFixture
{
    private const string IssueText = "remind me to send the invoice to Maria by next Tuesday and call the bank urgently before Friday";
    private const string Zone = "Europe/Berlin";
    private const string LocalRules = "local-rules-1";

    // Wednesday 18 November 2026, 10:00 in Berlin: "next Tuesday" is the 24th, "before Friday" the 20th.
    private static readonly DateTimeOffset Written = new(2026, 11, 18, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    // Started before the host, whose settings point OpenAI's language model at it.
    private readonly WireServer _model = WireServer.StartAsync().GetAwaiter().GetResult();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Analysis:OpenAi:BaseUrl"] = _model.BaseAddress + "v1",
        ["Notes:Analysis:AnalyseText"] = "true",
        ["Analysis:NoteText:Debounce"] = "00:00:00.700",
        ["Jobs:BaseRetryDelay"] = "00:00:00.100",
        ["Jobs:MaxRetryDelay"] = "00:00:00.400",
    };

    [OneTimeTearDown]
    public async Task StopModel() => await _model.DisposeAsync();

    [Test]
    public async Task The_issues_on_device_transcript_gets_a_title_a_summary_and_its_two_tasks()
    {
        using var client = await OwnerAsync("ondevice");
        var created = await client.CreateNoteAsync(new { recordedAt = Written, transcripts = new[] { new { engine = "ANDROID", text = IssueText } } });
        Assert.That(created.GetProperty("analysis").GetProperty("state").GetString(), Is.EqualTo("PENDING"), "the create answers at once; analysis follows");

        var note = await AnalysedAsync(client, created.Id());
        var invoice = TaskAbout(note, "invoice");
        var bank = TaskAbout(note, "bank");
        Assert.Multiple(() =>
        {
            Assert.That(note.GetProperty("title").GetString(), Is.Not.Null.And.Not.Empty);
            Assert.That(note.GetProperty("summary").GetString(), Is.Not.Null.And.Not.Empty);
            Assert.That(note.GetProperty("analysis").GetProperty("engine").GetString(), Is.EqualTo(LocalRules));
            Assert.That(note.GetProperty("analysis").GetProperty("fallbackFrom").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(invoice.ValueKind, Is.EqualTo(JsonValueKind.Object), "a task about the invoice");
            Assert.That(bank.ValueKind, Is.EqualTo(JsonValueKind.Object), "a task about the bank");
        });
        Assert.Multiple(() =>
        {
            Assert.That(LocalDate(invoice.GetProperty("deadline")), Is.EqualTo(new DateOnly(2026, 11, 24)), "next Tuesday");
            Assert.That(invoice.GetProperty("assignedEntities").EnumerateArray().Select(a => a.GetProperty("name").GetString()), Does.Contain("Maria"));
            Assert.That(LocalDate(bank.GetProperty("deadline")), Is.LessThanOrEqualTo(new DateOnly(2026, 11, 20)), "before Friday");
            Assert.That(bank.GetProperty("priority").GetString(), Is.EqualTo("HIGH"), "urgently");
            Assert.That(invoice.GetProperty("assignedEntities").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Maria").GetProperty("role").GetString(),
                Is.EqualTo("RECIPIENT"), "the invoice goes to Maria; she is not to do it");
            Assert.That(note.GetProperty("priority").GetString(), Is.EqualTo("HIGH"), "the note follows its most urgent task");
        });
    }

    [Test]
    public async Task A_typed_note_is_analysed_from_what_was_typed_and_keeps_its_title_and_summary()
    {
        using var client = await OwnerAsync("typist");
        const string typed = "call the dentist tomorrow at five pm and buy milk";
        var created = await client.CreateNoteAsync(new { title = "Errands", summary = typed, recordedAt = Written });

        var note = await AnalysedAsync(client, created.Id());
        var dentist = TaskAbout(note, "dentist");
        Assert.Multiple(() =>
        {
            Assert.That(note.GetProperty("title").GetString(), Is.EqualTo("Errands"), "the owner's title");
            Assert.That(note.GetProperty("summary").GetString(), Is.EqualTo(typed), "the owner's text");
            Assert.That(dentist.ValueKind, Is.EqualTo(JsonValueKind.Object), "a task about the dentist");
            Assert.That(note.GetProperty("sentiment").ValueKind, Is.EqualTo(JsonValueKind.Object));
        });
        Assert.That(LocalDate(dentist.GetProperty("deadline")), Is.EqualTo(new DateOnly(2026, 11, 19)), "tomorrow");
    }

    [Test]
    public async Task Quick_edits_are_analysed_once_for_the_last_text_and_an_edit_that_keeps_the_text_is_not_analysed()
    {
        using var client = await OwnerAsync("editor");
        var id = (await client.CreateNoteAsync(new { recordedAt = Written, transcripts = new[] { new { engine = "ANDROID", text = IssueText } } })).Id();
        await AnalysedAsync(client, id);
        Assert.That(await AnalysesOfAsync(id), Is.EqualTo(1));

        // Two edits within the debounce: only the second text is analysed.
        await client.PatchJsonAsync($"/api/v1/notes/{id}", new { transcripts = new[] { new { engine = "ANDROID", text = "call the plumber tomorrow" } } });
        var edited = await client.PatchJsonAsync($"/api/v1/notes/{id}", new { transcripts = new[] { new { engine = "ANDROID", text = "buy milk tomorrow" } } });
        Assert.That(edited.GetProperty("analysis").GetProperty("state").GetString(), Is.EqualTo("PENDING"));

        var note = await AnalysedAsync(client, id);
        var analyses = await AnalysesOfAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(analyses, Is.EqualTo(2), "one analysis for the two quick edits");
            Assert.That(TaskAbout(note, "milk").ValueKind, Is.EqualTo(JsonValueKind.Object), "the last text's task");
            Assert.That(TaskAbout(note, "plumber").ValueKind, Is.EqualTo(JsonValueKind.Undefined), "the skipped text was never analysed");
            Assert.That(TaskAbout(note, "invoice").ValueKind, Is.EqualTo(JsonValueKind.Undefined), "the old text's untouched task went with it");
        });

        // The same text again, and a change that is not the text: nothing is sent to analysis.
        var same = await client.PatchJsonAsync($"/api/v1/notes/{id}", new { isPinned = true, transcripts = new[] { new { engine = "ANDROID", text = "buy milk tomorrow" } } });
        var requests = await ScalarAsync<long>($"SELECT count(*) FROM notes.outbox_messages WHERE type LIKE '%NoteTextWritten' AND payload ->> 'noteId' = '{id}'");
        Assert.Multiple(() =>
        {
            Assert.That(same.GetProperty("analysis").GetProperty("state").GetString(), Is.EqualTo("ANALYSED"), "no new analysis was asked for");
            Assert.That(requests, Is.EqualTo(3), "the create and the two edits of the text, not the edit that kept it");
        });
    }

    [Test]
    public async Task What_the_owner_set_by_hand_survives_a_new_analysis()
    {
        using var client = await OwnerAsync("handmade");
        var id = (await client.CreateNoteAsync(new { recordedAt = Written, transcripts = new[] { new { engine = "ANDROID", text = IssueText } } })).Id();
        var first = await AnalysedAsync(client, id);
        var invoice = TaskAbout(first, "invoice");
        var bank = TaskAbout(first, "bank");

        await client.PatchJsonAsync($"/api/v1/notes/{id}", new { title = "Money matters" });
        await NotesApi.ExpectAsync(await client.PutAsJsonAsync($"/api/v1/notes/{id}/priority", new { priority = "LOW" }), HttpStatusCode.NoContent);
        await client.PatchJsonAsync($"/api/v1/tasks/{invoice.Id()}", new { priority = "LOW" });
        await client.DeleteAsync($"/api/v1/tasks/{bank.Id()}").ExpectNoContentAsync();
        var mine = await client.CreateTaskAsync(id, new { description = "Find the invoice number" });

        await client.PatchJsonAsync($"/api/v1/notes/{id}", new { transcripts = new[] { new { engine = "ANDROID", text = IssueText + ". Also buy milk tomorrow." } } });
        var note = await AnalysedAsync(client, id, after: first);
        var tasks = note.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(note.GetProperty("title").GetString(), Is.EqualTo("Money matters"));
            Assert.That(note.GetProperty("priority").GetString(), Is.EqualTo("LOW"));
            Assert.That(TaskAbout(note, "milk").ValueKind, Is.EqualTo(JsonValueKind.Object), "the new text was analysed");
            Assert.That(tasks.Single(t => t.Id() == invoice.Id()).GetProperty("priority").GetString(), Is.EqualTo("LOW"), "the owner's edit of a task stays");
            Assert.That(tasks.Any(t => t.Id() == mine.Id()), Is.True, "the owner's own task stays");
            Assert.That(TaskAbout(note, "bank").ValueKind, Is.EqualTo(JsonValueKind.Undefined), "a task the owner deleted does not come back");
        });
    }

    [Test]
    public async Task Purging_a_note_forgets_the_copy_of_its_text_kept_for_analysis()
    {
        using var client = await OwnerAsync("purger");
        var id = (await client.CreateNoteAsync(new { recordedAt = Written, transcripts = new[] { new { engine = "ANDROID", text = "call the bank tomorrow" } } })).Id();
        await AnalysedAsync(client, id);
        Assert.That(await KeptTextsAsync(id), Is.EqualTo(1));

        await client.DeleteAsync($"/api/v1/notes/{id}").ExpectNoContentAsync();
        await client.DeleteAsync($"/api/v1/notes/trash/{id}").ExpectNoContentAsync();
        Assert.That(await ProcessingApi.EventuallyAsync(async () => await KeptTextsAsync(id) == 0, Within), Is.True, "the kept text was dropped");
    }

    [Test]
    public async Task Another_users_note_is_never_touched()
    {
        using var alice = await OwnerAsync("alice");
        using var bob = await OwnerAsync("bob");
        var bobs = (await bob.CreateNoteAsync(new { title = "Bob's", summary = "call the dentist tomorrow at five pm", recordedAt = Written })).Id();
        var before = await AnalysedAsync(bob, bobs);
        var aliceAccount = await this.CreateAccountAsync("alice-forger");

        // An analysis naming Bob's note but Alice as its owner, with the very text hash Bob's note has.
        var hash = await ScalarAsync<string>($"SELECT analysis_text_hash FROM notes.notes WHERE id = '{bobs}'");
        await using (var scope = CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<InboxInvoker>().InvokeAsync(
                typeof(ApplyNoteAnalysis),
                new NoteTextAnalysed(bobs, aliceAccount.UserId, hash, "forged", null, "forged summary", "Forged", [], [], null, DateTimeOffset.UtcNow),
                CancellationToken.None);
        }

        await NotesApi.ExpectAsync(await alice.GetAsync($"/api/v1/notes/{bobs}"), HttpStatusCode.NotFound);
        var after = await bob.GetJsonAsync($"/api/v1/notes/{bobs}");
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("updatedAt").GetDateTimeOffset(), Is.EqualTo(before.GetProperty("updatedAt").GetDateTimeOffset()));
            Assert.That(after.GetProperty("analysis").GetProperty("engine").GetString(), Is.EqualTo(LocalRules));
            Assert.That(after.GetProperty("summary").GetString(), Does.Not.Contain("forged"));
        });
    }

    [Test]
    public async Task The_owners_language_model_analyses_their_text()
    {
        _model.Answer = ChatWire.Answering(ChatWire.DentistAndMilk);
        using var client = await OwnerAsync("modeller", openAiKey: "sk-text-note-key");
        const string text = "call the dentist tomorrow at five pm and buy milk";
        var before = _model.Requests.Count;

        var id = (await client.CreateNoteAsync(new { recordedAt = Written, transcripts = new[] { new { engine = "ANDROID", text = text } } })).Id();
        var note = await AnalysedAsync(client, id);
        var sent = _model.Requests.Skip(before).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(note.GetProperty("analysis").GetProperty("engine").GetString(), Is.EqualTo("openai-chat:gpt-4o-mini"));
            Assert.That(note.GetProperty("title").GetString(), Is.EqualTo("Dentist and milk"), "the model's title");
            Assert.That(note.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("description").GetString()), Is.EquivalentTo(new[] { "Call the dentist", "Buy milk" }));
            Assert.That(sent, Has.Count.EqualTo(1), "one call for one text");
            Assert.That(ChatWire.UserMessage(sent[0]), Does.Contain(text));
            Assert.That(sent[0].Headers["Authorization"], Is.EqualTo("Bearer sk-text-note-key"));
        });
    }

    [Test]
    public async Task On_auto_a_failing_model_gives_way_to_the_local_rules_and_the_note_says_so()
    {
        _model.Answer = (_, http) => WireServer.Json(http, 400, """{"error":{"message":"This model does not support json_schema.","type":"invalid_request_error"}}""");
        using var client = await OwnerAsync("fallback", openAiKey: "sk-refused-text-key");

        var id = (await client.CreateNoteAsync(new { recordedAt = Written, transcripts = new[] { new { engine = "ANDROID", text = IssueText } } })).Id();
        var note = await AnalysedAsync(client, id);
        Assert.Multiple(() =>
        {
            Assert.That(note.GetProperty("analysis").GetProperty("engine").GetString(), Is.EqualTo(LocalRules));
            Assert.That(note.GetProperty("analysis").GetProperty("fallbackFrom").GetString(), Is.EqualTo("openai-chat:gpt-4o-mini"));
            Assert.That(TaskAbout(note, "invoice").ValueKind, Is.EqualTo(JsonValueKind.Object), "the local rules found the tasks");
        });
    }

    private async Task<HttpClient> OwnerAsync(string name, string? openAiKey = null)
    {
        var client = this.ClientFor(await this.CreateAccountAsync(name));
        await client.SetTimeZoneAsync(Zone);
        if (openAiKey is not null)
        {
            var stored = await client.PutAsJsonAsync("/api/v1/me/api-keys/openai", new { apiKey = openAiKey });
            Assert.That(stored.IsSuccessStatusCode, Is.True, await stored.Content.ReadAsStringAsync());
        }

        return client;
    }

    /// <summary>Polls the note until its analysis is applied (and, with <paramref name="after"/>, is a later one than that).</summary>
    private static async Task<JsonElement> AnalysedAsync(HttpClient client, Guid id, JsonElement? after = null)
    {
        var previous = after?.GetProperty("analysis").GetProperty("analysedAt").GetDateTimeOffset();
        JsonElement note = default;
        var done = await ProcessingApi.EventuallyAsync(async () =>
        {
            note = await client.GetJsonAsync($"/api/v1/notes/{id}");
            return note.GetProperty("analysis") is { ValueKind: JsonValueKind.Object } analysis
                && analysis.GetProperty("state").GetString() == "ANALYSED"
                && (previous is null || analysis.GetProperty("analysedAt").GetDateTimeOffset() > previous);
        }, Within);
        Assert.That(done, Is.True, $"the note was analysed within {Within}: {note}");
        return note;
    }

    private Task<long> KeptTextsAsync(Guid id) => ScalarAsync<long>($"SELECT count(*) FROM audio.note_text_analyses WHERE note_id = '{id}'");

    private Task<int> AnalysesOfAsync(Guid id) => ScalarAsync<int>($"SELECT analyses FROM audio.note_text_analyses WHERE note_id = '{id}'");

    private static JsonElement TaskAbout(JsonElement note, string word) =>
        note.GetProperty("tasks").EnumerateArray().FirstOrDefault(t => t.GetProperty("description").GetString()!.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static DateOnly LocalDate(JsonElement instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant.GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById(Zone)).DateTime);
}

/// <summary>The operator's switch (Notes:Analysis:AnalyseText, off in this harness by default): no note's text is sent to analysis.</summary>
public sealed class TextNoteAnalysisSwitchedOffTests : DatabaseFixture
{
    [Test]
    public async Task With_text_analysis_off_a_note_is_left_as_written_and_nothing_is_sent()
    {
        using var client = this.ClientFor(await this.CreateAccountAsync("unanalysed"));
        var created = await client.CreateNoteAsync(new { transcripts = new[] { new { engine = "ANDROID", text = "call the bank tomorrow" } } });
        var sent = await ScalarAsync<long>($"SELECT count(*) FROM notes.outbox_messages WHERE type LIKE '%NoteTextWritten' AND payload ->> 'noteId' = '{created.Id()}'");
        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("analysis").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(sent, Is.Zero);
        });
    }
}
