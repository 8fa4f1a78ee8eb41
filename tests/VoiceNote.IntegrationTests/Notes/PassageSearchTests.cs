using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VoiceNote.Domain.Primitives;
using VoiceNote.IntegrationTests.Harness;
using VoiceNote.Modules.AudioProcessing.Domain;
using VoiceNote.Modules.AudioProcessing.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Application.Search.EmbedNote;
using VoiceNote.Modules.Notes.Infrastructure.Persistence;
using VoiceNote.Modules.Notes.Infrastructure.Search;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// Search inside long recordings (docs/decisions/0072), with the real local model: the evaluation data's
/// ~20-minute meeting (3,013 words, tests/evaluation/search/long-transcript.json) stored as a recording's
/// transcript with word timings, among the 60 short notes of the search corpus. Each paraphrase must find
/// the meeting and return a passage of the fire-safety discussion with its start time (not before 30 s ahead of it).
/// </summary>
public sealed class PassageSearchTests : DatabaseFixture
{
    private static readonly TimeSpan MeetingLength = TimeSpan.FromMinutes(20);

    [Test]
    public async Task A_paraphrase_finds_the_passage_in_the_middle_of_a_long_recording_with_its_start_time()
    {
        var meeting = EvaluationCorpus.Long();
        var words = meeting.Text.Split(' ');
        var account = await this.CreateAccountAsync("meeting");
        using var client = this.ClientFor(account);
        foreach (var note in EvaluationCorpus.Notes())
        {
            await client.CreateNoteAsync(new { title = note.Title, transcripts = new[] { new { engine = "LOCAL", text = note.Text } } });
        }

        var noteId = (await client.CreateNoteAsync(new { title = "Monday team meeting", transcripts = new[] { new { engine = "LOCAL", text = meeting.Text } } })).Id();
        await this.WaitForEmbeddingsAsync(account.UserId, TimeSpan.FromMinutes(3));
        Assert.That(await ScalarAsync<long>($"SELECT count(*) FROM notes.note_passages WHERE note_id = '{noteId}' AND start_ms IS NULL"), Is.GreaterThan(40),
            "typed text has no timings: passages without times");

        // The recording the transcript came from, with its words' timings (evenly spoken, ~150 words a minute).
        await AttachRecordingAsync(account.UserId, noteId, meeting.Text, words);
        await EmbedAgainAsync(noteId);

        var targetStart = StartOf(meeting.FirstWord, words.Length);
        var targetEnd = StartOf(meeting.LastWord + 1, words.Length);
        var report = new List<string>();
        var firstHits = 0;
        foreach (var mode in new[] { "semantic", "hybrid" })
        {
            foreach (var query in meeting.Queries)
            {
                var results = await client.SearchAsync(query, mode);
                var items = results.GetProperty("items").EnumerateArray().ToList();
                var rank = items.FindIndex(i => i.Id() == noteId) + 1;
                Assert.That(rank, Is.InRange(1, 3), $"{mode} '{query}': the meeting in the top 3");
                var passage = items[rank - 1].GetProperty("passage");
                var start = TimeSpan.FromMilliseconds(passage.GetProperty("startMs").GetInt32());
                var end = TimeSpan.FromMilliseconds(passage.GetProperty("endMs").GetInt32());
                var overlaps = start < targetEnd && end > targetStart;
                var error = (start - targetStart).Duration();
                firstHits += rank == 1 && overlaps ? 1 : 0;
                report.Add($"{mode,-8} rank {rank} start {start:mm\\:ss} (target {targetStart:mm\\:ss}, error {error.TotalSeconds:F0} s) overlaps={overlaps}  {query}");
                Assert.That(overlaps, Is.True, $"{mode} '{query}': the passage returned is the fire-safety one ({start}–{end})");
                // The target runs ~78 s; a query about its end (the wardens) rightly lands on a later window of it. So the start
                // must be no earlier than 30 s before the target's start and inside the target (the error is reported above).
                Assert.That(start, Is.InRange(targetStart - TimeSpan.FromSeconds(30), targetEnd), $"{mode} '{query}': start time");
            }
        }

        TestContext.Out.WriteLine(string.Join(Environment.NewLine, report));
        TestContext.Out.WriteLine($"rank-1 hits with the right passage: {firstHits} of {meeting.Queries.Count * 2}");
    }

    [Test]
    public async Task The_nearest_passages_query_uses_the_local_models_partial_hnsw_index()
    {
        await using var connection = await Api.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // The plans a small table would rather take are switched off: this checks the index can answer this SQL at all
        // (its expression and model literal match); HnswRecallTests checks the planner picks it by itself at size.
        await using (var settings = new NpgsqlCommand("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off", connection, transaction))
        {
            await settings.ExecuteNonQueryAsync();
        }

        var model = VoiceNote.Infrastructure.Embeddings.LocalSentenceEmbeddingGenerator.ModelName;
        await using var command = new NpgsqlCommand("EXPLAIN " + NotePassageStore.NearestSql(false, model, 384, false), connection, transaction);
        command.Parameters.AddWithValue("q", new Pgvector.Vector(new float[384]));
        command.Parameters.AddWithValue("candidates", 40);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.That(string.Join('\n', plan), Does.Contain(NotesSearchSchema.ModelIndexName(model)));
    }

    private static TimeSpan StartOf(int word, int total) => MeetingLength * word / total;

    private async Task AttachRecordingAsync(Guid owner, Guid noteId, string text, string[] words)
    {
        var audioId = Guid.CreateVersion7();
        await using (var scope = CreateScope())
        {
            var audio = scope.ServiceProvider.GetRequiredService<AudioProcessingDbContext>();
            var now = DateTimeOffset.UtcNow;
            audio.AudioFiles.Add(new AudioFile(audioId, new UserId(owner), $"test/{audioId}.ogg", "ogg", "opus", 1_000_000, MeetingLength, new string('0', 64), now));
            var timed = words.Select((w, i) => new TranscriptWord(w, StartOf(i, words.Length).TotalSeconds, StartOf(i + 1, words.Length).TotalSeconds - 0.05, 0.9)).ToList();
            audio.Transcripts.Add(new TranscriptVersion(audioId, new UserId(owner), Guid.NewGuid(), 1, "local", "en", text, timed, MeetingLength, now));
            await audio.SaveChangesAsync();
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var link = new NpgsqlCommand("UPDATE notes.notes SET audio_id = @a WHERE id = @n", connection);
        link.Parameters.AddWithValue("a", audioId);
        link.Parameters.AddWithValue("n", noteId);
        await link.ExecuteNonQueryAsync();
    }

    /// <summary>Marks the note stale and embeds it as the background handler does.</summary>
    private async Task EmbedAgainAsync(Guid noteId)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var stale = new NpgsqlCommand("UPDATE notes.notes SET embedded_text_hash = NULL WHERE id = @n", connection);
            stale.Parameters.AddWithValue("n", noteId);
            await stale.ExecuteNonQueryAsync();
        }

        await using var scope = CreateScope();
        Assert.That(await scope.ServiceProvider.GetRequiredService<NoteEmbedder>().EmbedAsync(noteId, CancellationToken.None), Is.EqualTo(EmbedOutcome.Embedded));
    }
}
