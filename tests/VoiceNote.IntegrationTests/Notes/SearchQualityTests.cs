using VoiceNote.IntegrationTests.Harness;

namespace VoiceNote.IntegrationTests.Notes;

/// <summary>
/// Search quality on an honest corpus: tests/evaluation/search (60 short spoken notes, 45 queries that share
/// no content word or stem with their note; written by someone who had not seen the code, see its README).
/// Semantic and hybrid search through the API, with the default local model; recall@3 and MRR are reported
/// and must stay at least at what was measured when this test was written (they may only go up). Another
/// user's notes and the owner's trash, with the very same text, must never show.
/// </summary>
public sealed class SearchQualityTests : DatabaseFixture
{
    /// <summary>
    /// Measured 2026-12-04 with all-MiniLM-L6-v2 (local/all-MiniLM-L6-v2), 80-word passages with the title
    /// prepended (docs/decisions/0072): semantic recall@3 0.978, MRR 0.897. Hybrid: 0.822 / 0.6297 with
    /// coverage-weighted rank fusion, then 0.978 / 0.874 with score fusion (0.8 × similarity + 0.2 × relative word
    /// rank × coverage; the weight was set once, not searched on this corpus). Floors are the latest figures
    /// rounded down; raise them, never lower them. The issue's target is recall@3 ≥ 0.9 for both.
    /// </summary>
    private static readonly Dictionary<string, (double Recall3, double Mrr)> Floors = new()
    {
        ["semantic"] = (0.97, 0.89),
        ["hybrid"] = (0.97, 0.87),
    };

    [Test]
    public async Task Semantic_and_hybrid_search_find_the_intended_note_of_the_evaluation_corpus()
    {
        var owner = await this.CreateAccountAsync("corpus");
        var stranger = await this.CreateAccountAsync("stranger");
        using var client = this.ClientFor(owner);
        using var strangerClient = this.ClientFor(stranger);
        var notes = EvaluationCorpus.Notes();
        var ids = new Dictionary<string, Guid>();
        foreach (var note in notes)
        {
            ids[note.Id] = (await client.CreateNoteAsync(Body(note.Title, note))).Id();
        }

        // The same text in another user's notes and in the owner's trash: they must never show.
        var foreign = new List<Guid>();
        var trashed = new List<Guid>();
        foreach (var note in notes.Take(20))
        {
            foreign.Add((await strangerClient.CreateNoteAsync(Body(note.Title, note))).Id());
            var copy = (await client.CreateNoteAsync(Body(note.Title + " (old copy)", note))).Id();
            await client.DeleteAsync($"/api/v1/notes/{copy}");
            trashed.Add(copy);
        }

        await this.WaitForEmbeddingsAsync(owner.UserId, TimeSpan.FromMinutes(3));
        var queries = EvaluationCorpus.Queries();
        var report = new List<string>();
        var scores = new Dictionary<string, (double Recall3, double Mrr)>();
        foreach (var mode in new[] { "semantic", "hybrid" })
        {
            double inTop3 = 0, reciprocal = 0;
            foreach (var query in queries)
            {
                var results = await client.SearchAsync(query.Text, mode, limit: 20);
                var hits = results.HitIds();
                var rank = hits.IndexOf(ids[query.Expected]) + 1;
                inTop3 += rank is >= 1 and <= 3 ? 1 : 0;
                reciprocal += rank >= 1 ? 1.0 / rank : 0;
                if (rank is < 1 or > 3)
                {
                    report.Add($"  {mode} MISS rank {(rank == 0 ? "-" : rank.ToString(System.Globalization.CultureInfo.InvariantCulture)),-2} {query.Text} → {query.Expected}");
                }

                Assert.That(hits.Intersect(foreign), Is.Empty, $"{query.Text}: another user's notes");
                Assert.That(hits.Intersect(trashed), Is.Empty, $"{query.Text}: trashed notes");
                Assert.That(results.GetProperty("semanticAvailable").GetBoolean(), Is.True);
            }

            scores[mode] = (inTop3 / queries.Count, reciprocal / queries.Count);
            report.Insert(0, $"{mode}: recall@3 = {scores[mode].Recall3:F3}, MRR = {scores[mode].Mrr:F3} over {queries.Count} queries");
        }

        TestContext.Out.WriteLine(string.Join(Environment.NewLine, report));
        Assert.Multiple(() =>
        {
            foreach (var (mode, floor) in Floors)
            {
                Assert.That(scores[mode].Recall3, Is.GreaterThanOrEqualTo(floor.Recall3), $"{mode} recall@3");
                Assert.That(scores[mode].Mrr, Is.GreaterThanOrEqualTo(floor.Mrr), $"{mode} MRR");
            }
        });
    }

    private static object Body(string title, EvaluationCorpus.CorpusNote note) =>
        new { title, transcripts = new[] { new { engine = "LOCAL", text = note.Text } } };
}
