using VoiceNote.Infrastructure.Embeddings;
using VoiceNote.Modules.Notes.Application.Search.SearchNotes;

namespace VoiceNote.UnitTests.Notes;

/// <summary>The offline embedding and the rank fusion are pure functions; their properties are checked here.</summary>
public sealed class LocalEmbeddingTests
{
    [Test]
    public void Vectors_are_deterministic_normalised_and_1536_long()
    {
        var a = LocalHashingEmbeddingGenerator.Embed("Call the dentist tomorrow");
        var b = LocalHashingEmbeddingGenerator.Embed("Call the dentist tomorrow");
        Assert.Multiple(() =>
        {
            Assert.That(a, Has.Length.EqualTo(1536));
            Assert.That(a, Is.EqualTo(b));
            Assert.That(Math.Sqrt(a.Sum(v => (double)v * v)), Is.EqualTo(1).Within(1e-5));
            Assert.That(LocalHashingEmbeddingGenerator.Embed("the and of"), Is.All.EqualTo(0f), "stop words only: no direction");
        });
    }

    [Test]
    public void Related_texts_are_closer_than_unrelated_ones()
    {
        var query = LocalHashingEmbeddingGenerator.Embed("dentist appointment");
        var related = Cosine(query, LocalHashingEmbeddingGenerator.Embed("Call the dentist tomorrow"));
        var unrelated = Cosine(query, LocalHashingEmbeddingGenerator.Embed("Refactor the payment service to use the new API"));
        Assert.That(related, Is.GreaterThan(0.3).And.GreaterThan(unrelated + 0.25), $"related {related:F3}, unrelated {unrelated:F3}");
    }

    [TestCase("appointments", "appoint")]
    [TestCase("appointment", "appoint")]
    [TestCase("meetings", "meet")]
    [TestCase("scheduled", "schedul")]
    [TestCase("schedule", "schedul")]
    [TestCase("groceries", "grocery")]
    [TestCase("running", "run")]
    [TestCase("vaccinations", "vaccin")]
    [TestCase("vaccine", "vaccin")]
    [TestCase("bus", "bus")]
    [TestCase("2026", "2026")]
    public void The_stemmer_brings_word_forms_together(string word, string stem) =>
        Assert.That(TextFeatures.Stem(word), Is.EqualTo(stem));

    [Test]
    public void Reciprocal_rank_fusion_rewards_notes_both_halves_found()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var fused = NoteSearch.Fuse([(a, 0.9), (b, 0.5)], [(c, 0.1), (b, 0.2)], k: 60).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(fused.Select(f => f.Id), Is.EqualTo(new[] { b, a, c }));
            Assert.That(fused[0].Score, Is.EqualTo((1.0 / 62) + (1.0 / 62)).Within(1e-12));
            Assert.That(fused[0].TextRank, Is.EqualTo(2));
            Assert.That(fused[0].SemanticRank, Is.EqualTo(2));
            Assert.That(fused[0].Similarity, Is.EqualTo(0.8).Within(1e-12));
            Assert.That(fused[1].SemanticRank, Is.Null);
        });
    }

    private static double Cosine(float[] x, float[] y) => x.Zip(y, (p, q) => (double)p * q).Sum();
}
