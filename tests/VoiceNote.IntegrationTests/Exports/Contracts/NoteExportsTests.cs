using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VoiceNote.IntegrationTests.AudioProcessing.Pipeline;
using VoiceNote.IntegrationTests.AudioProcessing.Speech;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.IntegrationTests.Notes;
using VoiceNote.Modules.Notes.Contracts;

namespace VoiceNote.IntegrationTests.Exports.Contracts;

/// <summary>
/// What the Exports module reads of notes (issue 15, <see cref="INoteExports"/>): notes written through the real API,
/// read back through the contract as a background job does, with no caller.
/// </summary>
public sealed class NoteExportsTests : DatabaseFixture
{
    [Test]
    public async Task An_owners_note_reads_as_the_api_writes_it_with_its_current_transcript_its_live_tasks_in_order_and_its_key_moments()
    {
        var owner = await this.CreateAccountAsync("nx_owner");
        var other = await this.CreateAccountAsync("nx_other");
        using var client = this.ClientFor(owner);
        var noteId = (await client.CreateNoteAsync(new
        {
            title = "Harbour meeting",
            summary = "Who pays for the crane",
            transcripts = new object[]
            {
                new { engine = "LOCAL", text = "the offline words", language = "en" },
                new { engine = "DEEPGRAM", text = "the remote words", language = "pt-BR" },
            },
            priority = "HIGH",
            durationSeconds = 83.5,
            keyMoments = new[] { new { timestamp = "00:01:23", description = "the crane is agreed", confidence = 0.9 } },
        })).Id();
        var late = (await client.CreateTaskAsync(noteId, new { description = "send the invoice", position = 2, priority = "LOW" })).Id();
        var first = (await client.CreateTaskAsync(noteId, new { description = "call the harbour master", position = 0 })).Id();
        var deleted = (await client.CreateTaskAsync(noteId, new { description = "never mind", position = 1 })).Id();
        await client.DeleteAsync($"/api/v1/tasks/{deleted}").ExpectNoContentAsync();
        await NotesApi.ExpectAsync(await client.PostAsync($"/api/v1/tasks/{late}/complete", null), HttpStatusCode.OK);
        var shown = await client.GetJsonAsync($"/api/v1/notes/{noteId}");

        var note = await ReadAsync(n => n.FindOwnAsync(noteId, owner.UserId, CancellationToken.None));
        var asOther = await ReadAsync(n => n.FindOwnAsync(noteId, other.UserId, CancellationToken.None));

        Assert.That(note, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(asOther, Is.Null, "another user's note reads as none");
            Assert.That(note!.Id, Is.EqualTo(noteId));
            Assert.That(note.OwnerId, Is.EqualTo(owner.UserId));
            Assert.That(note.Title, Is.EqualTo("Harbour meeting"));
            Assert.That(note.Summary, Is.EqualTo("Who pays for the crane"));
            Assert.That(note.Transcript, Is.EqualTo("the remote words"), "Deepgram's transcript is preferred when none is chosen");
            Assert.That(note.Transcript, Is.EqualTo(shown.GetProperty("transcript").GetString()), "the transcript the API shows");
            Assert.That(note.Language, Is.EqualTo("pt-BR"));
            Assert.That(note.Priority, Is.EqualTo("HIGH"));
            Assert.That(note.Sentiment, Is.Null);
            Assert.That(note.DurationSeconds, Is.EqualTo(83.5));
            Assert.That(note.IsInTrash, Is.False);
            Assert.That(note.AudioId, Is.Null);
            Assert.That(note.CreatedAt, Is.EqualTo(shown.GetProperty("createdAt").GetDateTimeOffset()));
            Assert.That(note.Tasks.Select(t => t.Id), Is.EqualTo(new[] { first, late }), "by position, the deleted one left out");
            Assert.That(note.Tasks[1].Description, Is.EqualTo("send the invoice"));
            Assert.That(note.Tasks[1].Priority, Is.EqualTo("LOW"));
            Assert.That(note.Tasks[1].IsDone, Is.True);
            Assert.That(note.Tasks[1].DoneAt, Is.Not.Null);
            Assert.That(note.Tasks[0].IsDone, Is.False);
            Assert.That(note.Tasks[0].Priority, Is.EqualTo("MEDIUM"));
            Assert.That(note.KeyMoments, Is.EqualTo(new[] { new NoteKeyMomentForExport(new TimeSpan(0, 1, 23), "the crane is agreed") }));
        });
    }

    [Test]
    public async Task The_trash_is_in_the_owners_pages_and_count_but_not_in_a_read_by_id_and_every_note_comes_exactly_once()
    {
        var owner = await this.CreateAccountAsync("nx_pager");
        var other = await this.CreateAccountAsync("nx_neighbour");
        using var client = this.ClientFor(owner);
        using var otherClient = this.ClientFor(other);
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await client.CreateNoteAsync($"note {i}")).Id());
        }

        var trashed = new[] { created[1], created[4] };
        foreach (var id in trashed)
        {
            await client.DeleteAsync($"/api/v1/notes/{id}").ExpectNoContentAsync();
        }

        var neighbours = (await otherClient.CreateNoteAsync("not theirs")).Id();

        var pages = new List<IReadOnlyList<NoteForExport>>();
        Guid? after = null;
        while (true)
        {
            var page = await ReadAsync(n => n.PageOwnAsync(owner.UserId, after, 3, CancellationToken.None));
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
            after = page[^1].Id;
        }

        var paged = pages.SelectMany(p => p).ToList();
        var count = await ReadAsync(n => n.CountOwnAsync(owner.UserId, CancellationToken.None));
        var byId = await ReadAsync(n => n.GetAsync([.. created, neighbours, Guid.NewGuid()], CancellationToken.None));
        var trashedOwn = await ReadAsync(n => n.FindOwnAsync(trashed[0], owner.UserId, CancellationToken.None));
        var neighboursAsOwn = await ReadAsync(n => n.FindOwnAsync(neighbours, owner.UserId, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(7), "the trash counts");
            Assert.That(pages.Select(p => p.Count), Is.EqualTo(new[] { 3, 3, 1 }));
            Assert.That(paged.Select(n => n.Id), Is.EquivalentTo(created), "every note of the owner, the trash too, and none of another's");
            Assert.That(paged.Select(n => n.Id).Distinct().Count(), Is.EqualTo(7), "no note twice");
            Assert.That(paged.Select(n => n.Id.ToString()), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "in id order across pages");
            Assert.That(paged.Where(n => n.IsInTrash).Select(n => n.Id), Is.EquivalentTo(trashed));
            Assert.That(byId.Select(n => n.Id), Is.EquivalentTo(created.Except(trashed).Append(neighbours)), "by id: whoever owns it, never the trash");
            Assert.That(byId.Single(n => n.Id == neighbours).OwnerId, Is.EqualTo(other.UserId));
            Assert.That(trashedOwn?.IsInTrash, Is.True, "the owner's own read reaches the trash");
            Assert.That(neighboursAsOwn, Is.Null, "another user's note reads as none");
        });
    }

    [Test]
    public async Task The_note_a_recording_made_is_found_by_that_recording_for_its_owner_only()
    {
        var owner = await this.CreateAccountAsync("nx_speaker");
        var other = await this.CreateAccountAsync("nx_listener");
        using var client = this.ClientFor(owner);
        var (_, item) = await client.UploadAsync(await SpeechSamples.DentistWavAsync());
        var audioId = item.GetProperty("id").GetGuid();
        var job = await client.WaitUntilFinishedAsync(audioId, TimeSpan.FromMinutes(2));
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("COMPLETED"), job.ToString());

        NoteForExport? note = null;
        var arrived = await ProcessingApi.EventuallyAsync(
            async () => (note = await ReadAsync(n => n.FindOwnByRecordingAsync(audioId, owner.UserId, CancellationToken.None))) is not null,
            TimeSpan.FromSeconds(30));
        var asOther = await ReadAsync(n => n.FindOwnByRecordingAsync(audioId, other.UserId, CancellationToken.None));
        var unknown = await ReadAsync(n => n.FindOwnByRecordingAsync(Guid.NewGuid(), owner.UserId, CancellationToken.None));

        Assert.That(arrived, Is.True, "the pipeline's note arrived");
        Assert.Multiple(() =>
        {
            Assert.That(note!.AudioId, Is.EqualTo(audioId));
            Assert.That(note.OwnerId, Is.EqualTo(owner.UserId));
            Assert.That(note.Transcript, Does.Contain("dentist"));
            Assert.That(asOther, Is.Null, "another user asking by the recording gets none");
            Assert.That(unknown, Is.Null);
        });
    }

    private async Task<T> ReadAsync<T>(Func<INoteExports, Task<T>> read)
    {
        await using var scope = CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<INoteExports>());
    }
}
