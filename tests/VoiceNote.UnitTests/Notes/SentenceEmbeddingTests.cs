using Microsoft.Extensions.Options;
using VoiceNote.Application.Embeddings;
using VoiceNote.Infrastructure.Embeddings;
using VoiceNote.Modules.Notes.Application.Search.SearchNotes;

namespace VoiceNote.UnitTests.Notes;

/// <summary>
/// The local model is all-MiniLM-L6-v2 itself (docs/decisions/0073): its vectors' shape, that it reads
/// meaning (paraphrases nearer than unrelated sentences that share words), that its queue answers every
/// concurrent caller with their own vectors, and that a full queue refuses clearly. Plus the rank fusion.
/// </summary>
public sealed class SentenceEmbeddingTests
{
    private static readonly Lazy<LocalSentenceEmbeddingGenerator> Model = new(() => new LocalSentenceEmbeddingGenerator(Options.Create(new EmbeddingOptions())));

    [Test]
    public async Task Vectors_have_384_dimensions_unit_length_and_are_deterministic()
    {
        var a = await Model.Value.GenerateAsync("Call the dentist tomorrow", null, CancellationToken.None);
        var b = await Model.Value.GenerateAsync("Call the dentist tomorrow", null, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(Model.Value.Model, Is.EqualTo("local/all-MiniLM-L6-v2"));
            Assert.That(a, Has.Length.EqualTo(384));
            Assert.That(Math.Sqrt(a.Sum(v => (double)v * v)), Is.EqualTo(1).Within(1e-4));
            Assert.That(Cosine(a, b), Is.EqualTo(1).Within(1e-5));
        });
    }

    [TestCase("my tooth hurts, I need to see someone about it", "Book an appointment with the dentist", "Fix the flaky tooth-count test in the build")]
    [TestCase("the car needs winter tyres before it snows", "Swap the vehicle's wheels for cold-weather ones", "The winter holiday snow report for the ski trip")]
    [TestCase("remember to pay the electricity bill", "Settle the power company invoice", "Remember the electric guitar lesson on Friday")]
    public async Task A_paraphrase_is_nearer_than_a_sentence_that_only_shares_words(string text, string paraphrase, string lookalike)
    {
        var vectors = await Model.Value.GenerateManyAsync([text, paraphrase, lookalike], null, CancellationToken.None);
        Assert.That(Cosine(vectors[0], vectors[1]), Is.GreaterThan(Cosine(vectors[0], vectors[2])));
    }

    [Test]
    public async Task Concurrent_callers_each_get_their_own_vectors()
    {
        var texts = Enumerable.Range(0, 24).Select(i => $"note number {i} about topic {i % 5}").ToArray();
        var single = new List<float[]>();
        foreach (var text in texts)
        {
            single.Add(await Model.Value.GenerateAsync(text, null, CancellationToken.None));
        }

        var together = await Task.WhenAll(texts.Select(t => Task.Run(() => Model.Value.GenerateAsync(t, null, CancellationToken.None))));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.That(Cosine(together[i], single[i]), Is.EqualTo(1).Within(1e-4), texts[i]);
        }
    }

    [Test]
    public async Task A_full_queue_refuses_with_embedding_unavailable_instead_of_waiting_forever()
    {
        var tiny = new LocalSentenceEmbeddingGenerator(Options.Create(new EmbeddingOptions
        {
            Local = new LocalEmbeddingOptions { QueueCapacity = 1, QueueWait = TimeSpan.Zero, BatchSize = 1 },
        }));
        var longText = string.Join(' ', Enumerable.Repeat("a long sentence to keep the model busy for a while", 40));
        // Many big requests at once: the worker holds one, the queue one more; the rest find no room and no time to wait.
        var calls = Enumerable.Range(0, 20).Select(_ => tiny.GenerateManyAsync(Enumerable.Repeat(longText, 8).ToList(), null, CancellationToken.None)).ToList();
        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                await c;
                return "ok";
            }
            catch (EmbeddingUnavailableException exception)
            {
                Assert.That(exception.RetryAfter, Is.Not.Null);
                return "busy";
            }
        }));
        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Does.Contain("ok"));
            Assert.That(outcomes, Does.Contain("busy"));
        });
    }

    [Test]
    public void Fusion_adds_the_weighted_similarity_and_the_weighted_relative_word_rank()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var fused = NoteSearch.Fuse([(a, 0.8), (b, 0.4)], [(c, 0.3), (b, 0.4)], meaningWeight: 0.8).ToList();
        Assert.Multiple(() =>
        {
            // b: 0.8 × 0.6 + 0.2 × 0.5 = 0.58; c: 0.8 × 0.7 = 0.56; a: 0.2 × 1 = 0.2.
            Assert.That(fused.Select(f => f.Id), Is.EqualTo(new[] { b, c, a }));
            Assert.That(fused[0].Score, Is.EqualTo(0.58).Within(1e-12));
            Assert.That(fused[0].TextRank, Is.EqualTo(2));
            Assert.That(fused[0].SemanticRank, Is.EqualTo(2));
            Assert.That(fused[0].Similarity, Is.EqualTo(0.6).Within(1e-12));
            Assert.That(fused[2].SemanticRank, Is.Null);
        });
    }

    [Test]
    public void A_coincidental_word_does_not_lift_a_note_over_a_clearly_nearer_one()
    {
        Guid oneWord = Guid.NewGuid(), nearest = Guid.NewGuid();
        // The best word hit, but with one query word in four, and further in meaning than the nearest note.
        var fused = NoteSearch.Fuse([(oneWord, 0.9)], [(nearest, 0.35), (oneWord, 0.45)], meaningWeight: 0.8, new Dictionary<Guid, double> { [oneWord] = 0.25 }).ToList();
        Assert.That(fused.Select(f => f.Id), Is.EqualTo(new[] { nearest, oneWord }));
        Assert.That(fused.Single(f => f.Id == oneWord).Score, Is.EqualTo((0.8 * 0.55) + (0.2 * 0.25)).Within(1e-12));
    }

    [Test]
    public void A_note_with_every_query_word_is_lifted_over_a_slightly_nearer_one()
    {
        Guid allWords = Guid.NewGuid(), nearer = Guid.NewGuid();
        var fused = NoteSearch.Fuse([(allWords, 0.5)], [(nearer, 0.40), (allWords, 0.45)], meaningWeight: 0.8, new Dictionary<Guid, double> { [allWords] = 1.0 }).ToList();
        Assert.That(fused.Select(f => f.Id), Is.EqualTo(new[] { allWords, nearer }));
    }

    private static double Cosine(float[] x, float[] y) => x.Zip(y, (p, q) => (double)p * q).Sum();
}
